/** `party-report lint`: check drafts like a compiler, as text or as JSON for tools and CI. */
import { t } from '../../../engine';
import { capDiagnostics, DEFAULT_MAX_LENGTH, encodeText, explainDetection, findType, fixAll, lint, projectLintOptions, type Diagnostic, type LintResult, type TextEncodingName } from '../../../engine';
import * as path from 'node:path';
import { WriteRefused, writeFileAtomic } from '../../../engine';
import { projectFor } from '../project';
import { expandFiles, sayDerived, sayUnmatched } from '../expand-files';
import { DraftReadError, MAX_DRAFT_BYTES, readDraftFile } from '../read-draft';
import { toSarif, type LocatedFix } from '../sarif';
import { version } from '../../../package.json';
import { lintFiles } from '../parallel';
import { corpusFilesFor, type CliCorpus } from '../corpus';
import { docxPositions, isDocx, readDocxDraft } from '../word-input';

export interface LintArgs {
  files: string[];
  format: 'text' | 'json' | 'sarif';
  template?: string;
  /** Apply every safe fix and write the file back (atomically) before reporting what is left. */
  fix?: boolean;
  /** Say why each file was or was not recognised as a report type (evidence and scores). */
  explain?: boolean;
  /** Files checked at once (worker threads); default: the number of cores. */
  jobs?: number;
  /** Read files in this encoding instead of detecting it. */
  encoding?: TextEncodingName;
  /** Findings shown per file (default DEFAULT_MAX_DIAGNOSTICS); a last one counts the rest. */
  maxDiagnostics?: number;
}

/** Like the editor: past this many findings in one file, one line says how many more there are. */
export const DEFAULT_MAX_DIAGNOSTICS = 2000;

/**
 * Findings a check keeps at most, whatever is shown: a bound on memory for absurd input (a file of
 * a million half-width commas), far above any draft's. Below it the counts and the exit code are exact.
 */
const MAX_FINDINGS_KEPT = 200_000;

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
    related?: Array<{ file: string; line: number; unit: 'line' | 'paragraph'; message: string }>;
  }>;
  /** For a .docx: line is the paragraph and column the character in it (docs/word.md). */
  positions?: 'paragraph';
  /** With --explain: why the type was chosen or not, one fact a line. */
  explanation?: string[];
}

/** What checking one file gave: its report (absent if it could not be read), and what to tell on stderr. */
export interface FileOutcome {
  report?: FileReport;
  /** For SARIF only: each finding's fix with its edits located (the JSON output stays as it was). */
  fixes?: Array<LocatedFix | undefined>;
  /** stderr lines in order; `project` lines (config problems) are said once per run. */
  messages: Array<{ text: string; project?: boolean }>;
  unreadable: boolean;
  /** Errors and warnings in the file, those left out of the report (over --max-diagnostics) included. */
  totals?: { errors: number; warnings: number };
}

/** Checks (and with --fix, fixes) one file. Used as is by the parallel workers (cli/src/parallel.ts). */
export function lintFile(file: string, args: Pick<LintArgs, 'template' | 'fix' | 'explain' | 'format' | 'encoding' | 'maxDiagnostics'>, corpus?: CliCorpus): FileOutcome {
  const messages: FileOutcome['messages'] = [];
  const err = (text: string) => messages.push({ text });
  const project = projectFor(file, (line) => messages.push({ text: line, project: true }));
  let text: string;
  let draft: ReturnType<typeof readDraftFile> | undefined;
  let word: ReturnType<typeof readDocxDraft> | undefined;
  try {
    // Refused unread when larger than any draft the checks would take (UTF-8: ≤ 3 bytes a code unit).
    const maxLength = project.config?.config.maxLength ?? DEFAULT_MAX_LENGTH;
    if (isDocx(file)) text = (word = readDocxDraft(file)).draft.markdown;
    else text = (draft = readDraftFile(file, args.encoding, Math.max(MAX_DRAFT_BYTES, maxLength * 3))).text;
  } catch (e) {
    if (!(e instanceof DraftReadError)) throw e;
    err(e.message);
    return { messages, unreadable: true };
  }
  if (args.template && !findType(project.types, args.template)) {
    err(`${file}: ` + t('未知的报告类型 {0}；用 party-report templates 查看可用类型。', JSON.stringify(args.template)));
    return { messages, unreadable: true };
  }
  const options = projectLintOptions(project, { template: args.template, maxFindings: MAX_FINDINGS_KEPT, ...(corpus?.useful ? { corpus: corpus.for(file) } : {}) });
  let unreadable = false;
  let result: LintResult | undefined;
  // A .docx is only read: --fix never writes into a Word document.
  if (args.fix && word) err(`${file}: ` + t('Word 文档只检查，不改写（--fix 只修改 Markdown 文稿）。可先用 party-report import 转成 Markdown。'));
  if (args.fix && !word && draft) {
    const fixed = fixAll(text, options);
    // The last round linted the fixed text already: no need to lint it again below.
    result = fixed.result;
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
        result = undefined;
      }
    }
  }
  const r = (result ??= lint(text, options));
  // Over the limit, the errors first, then the warnings, each in file order (as the editor shows
  // them), with a note of what was left out; the counts and the exit code are of all findings.
  const totals = { errors: 0, warnings: 0 };
  for (const d of r.diagnostics) {
    if (d.severity === 'error') totals.errors++;
    else if (d.severity === 'warning') totals.warnings++;
  }
  const shown = capDiagnostics(r.diagnostics, args.maxDiagnostics ?? DEFAULT_MAX_DIAGNOSTICS, [], 'cli');
  const index = r.model?.lineIndex;
  const at = (o: number) => index!.positionAt(o);
  // A fix shared by several findings (renumbering a level) goes with the first of them only: located
  // for each of 30 000 headings, it ran the CLI out of memory (docs/security.md).
  const locatedOnce = new Set<object>();
  const locate = (fix: NonNullable<Diagnostic['fix']>): LocatedFix | undefined => {
    if (locatedOnce.has(fix)) return undefined;
    locatedOnce.add(fix);
    return { title: fix.title, edits: fix.edits.map((e) => ({ start: at(e.span.start), end: at(e.span.end), newText: e.newText })) };
  };
  const fixes = args.format === 'sarif' ? shown.map((d) => (d.fix && index && !word ? locate(d.fix) : undefined)) : undefined;
  const where = word ? docxPositions(word.draft) : (d: Diagnostic) => d.range;
  return {
    messages,
    unreadable,
    fixes,
    totals,
    report: {
      file,
      template: r.type?.id ?? null,
      ...(word ? { positions: 'paragraph' as const } : {}),
      diagnostics: shown.map((d) => ({
        line: where(d).start.line + 1,
        column: where(d).start.character + 1,
        endLine: where(d).end.line + 1,
        endColumn: where(d).end.character + 1,
        severity: d.severity,
        code: d.rule,
        message: d.message,
        ...(d.related ? { related: d.related.map((x) => ({ ...x, file: path.relative(process.cwd(), x.file) || x.file, line: x.line + 1 })) } : {}),
      })),
      ...(args.explain ? { explanation: explainDetection(r.detection) } : {}),
    },
  };
}

export async function runLint(args: LintArgs, out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const expanded = expandFiles(args.files);
  const { files } = expanded;
  let unreadable = sayUnmatched(expanded, err) > 0;
  sayDerived(expanded.derived, err);
  const reports: FileReport[] = [];
  // For SARIF only: each finding's fix with its edits located (the JSON output stays as it was).
  const fixes = new Map<FileReport, Array<LocatedFix | undefined>>();
  const saidOnce = new Set<string>();
  // Of every finding, those left out of the listing (over --max-diagnostics) too.
  let errors = 0;
  let warnings = 0;
  // copied-paragraph compares the files with each other and with the archive: one index of them all,
  // built once (by the workers, when there are workers) before any file is checked.
  const corpus = corpusFilesFor(files);
  const take = (outcome: FileOutcome) => {
    for (const m of outcome.messages) {
      if (m.project && saidOnce.has(m.text)) continue;
      if (m.project) saidOnce.add(m.text);
      err(m.text);
    }
    if (outcome.unreadable) unreadable = true;
    if (outcome.report) {
      reports.push(outcome.report);
      if (outcome.fixes) fixes.set(outcome.report, outcome.fixes);
      errors += outcome.totals?.errors ?? 0;
      warnings += outcome.totals?.warnings ?? 0;
    }
  };
  // Outcomes arrive in file order whether the files are checked here or by workers.
  await lintFiles(files, args, args.jobs, take, corpus);
  if (args.format === 'json') out(JSON.stringify(reports, null, 2) + '\n');
  else if (args.format === 'sarif') out(JSON.stringify(toSarif(reports, version, process.cwd(), (r) => fixes.get(r) ?? []), null, 2) + '\n');
  else out(formatText(reports, errors, warnings));
  if (unreadable) return 2;
  return errors > 0 ? 1 : 0;
}

const LABEL: Record<Diagnostic['severity'], string> = { error: 'error', warning: 'warning', information: 'info', hint: 'hint' };

function formatText(reports: FileReport[], errors: number, warnings: number): string {
  const lines: string[] = [];
  for (const r of reports) {
    if (r.explanation) lines.push(`${r.file}:`, ...r.explanation.map((l) => `  ${l}`));
    for (const d of r.diagnostics) lines.push(`${r.file}:${d.line}:${d.column} ${LABEL[d.severity]} ${d.message} [${d.code}]`);
  }
  const typed = reports.filter((r) => r.template).length;
  lines.push(t('{0} 个文件（{1} 个识别为党建报告）：{2} 个错误，{3} 个警告。', reports.length, typed, errors, warnings));
  return lines.join('\n') + '\n';
}
