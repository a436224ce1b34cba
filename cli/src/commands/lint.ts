/** `party-report lint`: check drafts like a compiler, as text or as JSON for tools and CI. */
import { t } from '../../../engine';
import { DEFAULT_MAX_LENGTH, encodeText, explainDetection, findType, fixAll, lint, projectLintOptions, type Diagnostic, type TextEncodingName } from '../../../engine';
import { WriteRefused, writeFileAtomic } from '../../../engine';
import { projectFor } from '../project';
import { expandFiles } from '../expand-files';
import { DraftReadError, MAX_DRAFT_BYTES, readDraftFile } from '../read-draft';
import { toSarif, type LocatedFix } from '../sarif';
import { version } from '../../../package.json';

/** Like the editor: past this many findings in one file, one line says how many more there are. */
export const DEFAULT_MAX_DIAGNOSTICS = 2000;

export interface LintArgs {
  files: string[];
  format: 'text' | 'json' | 'sarif';
  template?: string;
  /** Apply every safe fix and write the file back (atomically) before reporting what is left. */
  fix?: boolean;
  /** Read files in this encoding instead of detecting it. */
  encoding?: TextEncodingName;
  /** Findings shown per file (default DEFAULT_MAX_DIAGNOSTICS); a last one counts the rest. */
  maxDiagnostics?: number;
  /** Say why each file was or was not recognised as a report type (evidence and scores). */
  explain?: boolean;
}

export interface FileReport {
  file: string;
  template: string | null;
  diagnostics: Array<{
    line: number;
    column: number;
    endLine: number;
    endColumn: number;
    severity: Diagnostic['severity'];
    code: string;
    message: string;
  }>;
  /** With --explain: why the type was chosen or not, one fact a line. */
  explanation?: string[];
}

export function runLint(args: LintArgs, out: (s: string) => void, err: (s: string) => void): number {
  const { files, missing } = expandFiles(args.files);
  let unreadable = missing.length > 0;
  for (const m of missing) err(`${m}: ` + t('没有匹配的 Markdown 文件'));
  const reports: FileReport[] = [];
  // For SARIF only: each finding's fix with its edits located (the JSON output stays as it was).
  const fixes = new Map<FileReport, Array<LocatedFix | undefined>>();
  for (const file of files) {
    const project = projectFor(file, err);
    let text: string;
    let draft;
    try {
      // Refused unread when larger than any draft the checks would take (UTF-8: ≤ 3 bytes a code unit).
      const maxLength = project.config?.config.maxLength ?? DEFAULT_MAX_LENGTH;
      draft = readDraftFile(file, args.encoding, Math.max(MAX_DRAFT_BYTES, maxLength * 3));
      text = draft.text;
    } catch (e) {
      if (!(e instanceof DraftReadError)) throw e;
      err(e.message);
      unreadable = true;
      continue;
    }
    if (args.template && !findType(project.types, args.template)) {
      err(`${file}: ` + t('未知的报告类型 {0}；用 party-report templates 查看可用类型。', JSON.stringify(args.template)));
      unreadable = true;
      continue;
    }
    const options = projectLintOptions(project, { template: args.template, maxFindings: args.maxDiagnostics ?? DEFAULT_MAX_DIAGNOSTICS });
    if (args.fix) {
      const fixed = fixAll(text, options);
      if (fixed.edit) {
        try {
          const bytes = encodeText(fixed.text, draft.encoding, draft.bom);
          if (!bytes) throw new WriteRefused(`${file}: ` + t('无法写入：{0}', t('文件是 GB18030 编码，--fix 不改写这种编码的文件；请另存为 UTF-8 后再试')));
          // Written only if the file is still what was read; its mode, owner and symlink are kept.
          writeFileAtomic(file, bytes, { expect: draft.snapshot });
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
    const index = result.model?.lineIndex;
    const at = (o: number) => index!.positionAt(o);
    // Only for SARIF, and a fix shared by several findings (renumbering a level) only with the first
    // of them: located for each of 30 000 headings, it ran the CLI out of memory (docs/security.md).
    const locatedOnce = new Set<object>();
    const locate = (fix: NonNullable<Diagnostic['fix']>): LocatedFix | undefined => {
      if (locatedOnce.has(fix)) return undefined;
      locatedOnce.add(fix);
      return { title: fix.title, edits: fix.edits.map((e) => ({ start: at(e.span.start), end: at(e.span.end), newText: e.newText })) };
    };
    const located = args.format === 'sarif' ? result.diagnostics.map((d) => (d.fix && index ? locate(d.fix) : undefined)) : [];
    reports.push({
      file,
      template: result.type?.id ?? null,
      diagnostics: result.diagnostics.map((d) => ({
        line: d.range.start.line + 1,
        column: d.range.start.character + 1,
        endLine: d.range.end.line + 1,
        endColumn: d.range.end.character + 1,
        severity: d.severity,
        code: d.rule,
        message: d.message,
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
