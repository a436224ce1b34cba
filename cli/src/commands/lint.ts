/** `party-report lint`: check drafts like a compiler, as text or as JSON for tools and CI. */
import * as path from 'node:path';
import { t } from '../../../engine';
import { builtinFormulations, explainDetection, findType, fixAll, lint, projectLintOptions, type Diagnostic } from '../../../engine';
import { WriteRefused, writeFileAtomic } from '../../../engine';
import { projectFor } from '../project';
import { expandFiles } from '../expand-files';
import { DraftReadError, readDraft } from '../read-draft';
import { toSarif, type LocatedFix } from '../sarif';
import { version } from '../../../package.json';
import { CliCorpus } from '../corpus';
import { docxPositions, isDocx, readDocxDraft } from '../word-input';

export interface LintArgs {
  files: string[];
  format: 'text' | 'json' | 'sarif';
  template?: string;
  /** Apply every safe fix and write the file back (atomically) before reporting what is left. */
  fix?: boolean;
  /** Say why each file was or was not recognised as a report type (evidence and scores). */
  explain?: boolean;
}

export interface FileReport {
  file: string;
  template: string | null;
  /** For a .docx: line is the paragraph and column the character in it (docs/word.md). */
  positions?: 'paragraph';
  diagnostics: Array<{
    line: number;
    column: number;
    endLine: number;
    endColumn: number;
    severity: Diagnostic['severity'];
    code: string;
    message: string;
    related?: Array<{ file: string; line: number; unit: 'line' | 'paragraph'; message: string }>;
  }>;
  /** With --explain: why the type was chosen or not, one fact a line. */
  explanation?: string[];
}

export function runLint(args: LintArgs, out: (s: string) => void, err: (s: string) => void): number {
  const { files, missing } = expandFiles(args.files);
  let unreadable = missing.length > 0;
  for (const m of missing) err(`${m}: ` + t('没有匹配的 Markdown 文件'));
  const reports: FileReport[] = [];
  const cwdProject = projectFor(process.cwd(), () => undefined);
  const corpus = new CliCorpus(files, projectLintOptions(cwdProject).formulations ?? builtinFormulations(), cwdProject.types);
  // For SARIF only: each finding's fix with its edits located (the JSON output stays as it was).
  const fixes = new Map<FileReport, Array<LocatedFix | undefined>>();
  for (const file of files) {
    let text: string;
    let word: ReturnType<typeof readDocxDraft> | undefined;
    try {
      if (isDocx(file)) text = (word = readDocxDraft(file)).draft.markdown;
      else text = readDraft(file);
    } catch (e) {
      if (!(e instanceof DraftReadError)) throw e;
      err(e.message);
      unreadable = true;
      continue;
    }
    const project = projectFor(file, err);
    if (args.template && !findType(project.types, args.template)) {
      err(`${file}: ` + t('未知的报告类型 {0}；用 party-report templates 查看可用类型。', JSON.stringify(args.template)));
      unreadable = true;
      continue;
    }
    const options = projectLintOptions(project, { template: args.template, ...(corpus.useful ? { corpus: corpus.for(file) } : {}) });
    if (args.fix && !word) {
      const fixed = fixAll(text, options);
      if (fixed.edit) {
        try {
          writeFileAtomic(file, fixed.text, true);
          err(t('已修复 {0}', file));
          text = fixed.text;
        } catch (e) {
          if (!(e instanceof WriteRefused)) throw e;
          err(e.message);
          unreadable = true;
        }
      }
    }
    const result = lint(text, options);
    const where = word ? docxPositions(word.draft) : (d: Diagnostic) => d.range;
    const index = result.model?.lineIndex;
    const at = (o: number) => index!.positionAt(o);
    const located = result.diagnostics.map((d) =>
      d.fix && index && !word ? { title: d.fix.title, edits: d.fix.edits.map((e) => ({ start: at(e.span.start), end: at(e.span.end), newText: e.newText })) } : undefined,
    );
    reports.push({
      file,
      template: result.type?.id ?? null,
      ...(word ? { positions: 'paragraph' as const } : {}),
      diagnostics: result.diagnostics.map((d) => ({
        line: where(d).start.line + 1,
        column: where(d).start.character + 1,
        endLine: where(d).end.line + 1,
        endColumn: where(d).end.character + 1,
        severity: d.severity,
        code: d.rule,
        message: d.message,
        ...(d.related ? { related: d.related.map((r) => ({ ...r, file: path.relative(process.cwd(), r.file) || r.file, line: r.line + 1 })) } : {}),
      })),
      ...(args.explain ? { explanation: explainDetection(result.detection) } : {}),
    });
    fixes.set(reports[reports.length - 1], located);
  }
  if (args.format === 'json') out(JSON.stringify(reports, null, 2) + '\n');
  else if (args.format === 'sarif') out(JSON.stringify(toSarif(reports, version, process.cwd(), (r) => fixes.get(r) ?? []), null, 2) + '\n');
  else out(formatText(reports));
  if (unreadable) return 2;
  return reports.some((r) => r.diagnostics.some((d) => d.severity === 'error')) ? 1 : 0;
}

const LABEL: Record<Diagnostic['severity'], string> = { error: 'error', warning: 'warning', information: 'info', hint: 'hint' };

function formatText(reports: FileReport[]): string {
  const lines: string[] = [];
  let errors = 0;
  let warnings = 0;
  for (const r of reports) {
    if (r.explanation) lines.push(`${r.file}:`, ...r.explanation.map((l) => `  ${l}`));
    for (const d of r.diagnostics) {
      if (d.severity === 'error') errors++;
      if (d.severity === 'warning') warnings++;
      lines.push(`${r.file}:${d.line}:${d.column} ${LABEL[d.severity]} ${d.message} [${d.code}]`);
    }
  }
  const typed = reports.filter((r) => r.template).length;
  lines.push(t('{0} 个文件（{1} 个识别为党建报告）：{2} 个错误，{3} 个警告。', reports.length, typed, errors, warnings));
  return lines.join('\n') + '\n';
}
