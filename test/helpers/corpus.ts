/**
 * Measures the checks on the labelled real-report corpus (../shared/corpus, see its README):
 * recognition accuracy, silence on non-reports, and precision/recall at warning level per rule.
 *
 * Counting rules, so that the figures mean the same run after run:
 * - A diagnostic counts when its severity is error or warning (information and hints are advice).
 * - A diagnostic is a true positive when a labelled defect has the same rule and the same line
 *   (one diagnostic per defect). `missing-section` is a whole-document finding reported where the
 *   section belongs, so it is matched by rule alone.
 * - Most replicas are openings (`partial: true`): a section missing only because the text stops is
 *   not a defect, so a `missing-section` for a section that no later section of the type follows in
 *   the draft is set aside as a truncation artefact (counted and printed, neither right nor wrong).
 * - Findings that a copy cut off at its end draws by itself (an open quote on the last line, a last
 *   heading with nothing under it) are set aside likewise.
 * - Every diagnostic on a non-report is a false positive.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import YAML from 'yaml';
import { lint, type Diagnostic } from '../../engine';
import { matchSections } from '../../engine/report-types/match';
import { SHARED } from './shared';

export const CORPUS = path.join(SHARED, 'corpus');

export function corpusAvailable(): boolean {
  return fs.existsSync(path.join(CORPUS, 'manifest.yaml'));
}

interface Defect {
  line: number;
  rule: string;
  /** Lines the defect covers: a label such as "XXX (5 on line 4)" or "(9 such quotes on lines 3-5)". */
  lines?: [number, number];
  /** One of the uncounted runs beyond the first: may be found, is not missed when it is not. */
  optional?: boolean;
}

interface Entry {
  file: string;
  type: string | null;
  partial: boolean;
  defects: Defect[];
}

export interface FileOutcome {
  file: string;
  expected: string | null;
  detected: string | null;
  truePositives: Array<{ line: number; rule: string }>;
  falsePositives: Array<{ line: number; rule: string; message: string }>;
  missed: Defect[];
  truncation: number;
}

export interface RuleFigures {
  rule: string;
  tp: number;
  fp: number;
  fn: number;
}

export interface CorpusFigures {
  files: FileOutcome[];
  reports: number;
  nonReports: number;
  recognised: number;
  nonReportsSilent: number;
  rules: RuleFigures[];
  tp: number;
  fp: number;
  truncation: number;
  /** Which findings were counted: error and warning, or information too. */
  levels: 'warning' | 'all';
}

export function readManifest(): Entry[] {
  const raw = YAML.parse(fs.readFileSync(path.join(CORPUS, 'manifest.yaml'), 'utf8')) as any[];
  return raw.map((e) => ({
    file: e.file,
    type: e.type ?? null,
    partial: e.partial === true,
    defects: (e.defects ?? []).flatMap((d: any) => expand({ line: Number(d.line), rule: ruleOf(String(d.rule), String(d.note ?? '')) }, String(d.note ?? ''))),
  }));
}

/**
 * Labels condense repeats: "XXX (5 on line 4)", "“ closed with 〞 (9 such quotes on lines 3-5)",
 * "X / XX (5 on lines 4-5)". Such a label stands for that many defects on those lines; "(also …
 * on line N)" adds one more on line N.
 */
function expand(d: Defect, note: string): Defect[] {
  // "旗帜鲜亮 should be 旗帜鲜明 (also 特色鲜亮 on line 4)": this one, and one more of its kind there.
  const also = /\(also [^()]*? on line (\d+)\)/.exec(note);
  if (also) return [d, { ...d, line: Number(also[1]) }];
  const m = /\((\d+)?\s?(?:[^()]*?\s)?on lines?\s(\d+)(?:\s*[-–]\s*(\d+))?/.exec(note);
  if (!m) return [d];
  // "(*** / **** / ** on lines 4-5)": runs of that kind, as many as stand there.
  const count = m[1] ? Number(m[1]) : UNCOUNTED_RUNS;
  const from = Number(m[2]);
  const to = m[3] ? Number(m[3]) : from;
  return Array.from({ length: count }, (_, i) => ({ ...d, lines: [from, to] as [number, number], optional: !m[1] && i > 0 }));
}

/** A label that names the runs on some lines without counting them stands for at most this many. */
const UNCOUNTED_RUNS = 10;

/** Findings that text cut off at its end draws by itself (an open quote, a heading with nothing under it). */
const CUT_SHORT = new Set(['unpaired-punctuation', 'empty-section']);

/** The corpus names a few defects by ids the checker spells differently. */
const RULE_ALIASES: Record<string, string> = { 'book-title-comma': 'quoted-list-comma' };

/**
 * A label's rule as the checker names it. `quotation` labels whose note says quotation marks are
 * missing ("“四风”缺引号") name what term-quotes reports, not a misquoted speech (our `quotation`).
 */
function ruleOf(label: string, note: string): string {
  if (label === 'quotation' && /缺引号/.test(note)) return 'term-quotes';
  return RULE_ALIASES[label] ?? label;
}

/**
 * Labels made before a rule existed name the kind of defect, not our rule: a misspelling labelled
 * `formulation-typo` (布暑, 有利与) or a misused word labelled `word-usage` (截止到年底) is what
 * `common-typo` reports, just as a near miss of a standard term is what `formulation-typo` reports.
 * A 的 that should be 地 is labelled `word-usage` (or `formulation-typo`): `adverbial-de` reports it.
 * A word written twice (“duplicated 社区”) is labelled `formulation-typo`: `repeated-word` reports it.
 */
const ALSO_FOUND_BY: Record<string, string[]> = {
  'formulation-typo': ['common-typo', 'adverbial-de', 'repeated-word'],
  'word-usage': ['common-typo', 'adverbial-de'],
};
const sameDefect = (label: string, rule: string) => label === rule || (ALSO_FOUND_BY[label] ?? []).includes(rule);

const atWarning = (d: Diagnostic) => d.severity === 'error' || d.severity === 'warning';

/**
 * `forced`: check each report as its labelled type (as a writer who sets `template:` would), to
 * measure the rules apart from recognition; non-reports are left out of that run.
 */
export function measureCorpus(options: { forced?: boolean; allLevels?: boolean } = {}): CorpusFigures {
  const counted = options.allLevels ? (d: Diagnostic) => d.severity !== 'hint' : atWarning;
  const files: FileOutcome[] = [];
  for (const entry of readManifest()) {
    if (options.forced && !entry.type) continue;
    const text = fs.readFileSync(path.join(CORPUS, entry.file), 'utf8');
    const result = lint(text, options.forced ? { template: entry.type! } : {});
    const detected = result.type?.id ?? null;
    const outcome: FileOutcome = { file: entry.file, expected: entry.type, detected, truePositives: [], falsePositives: [], missed: [], truncation: 0 };
    const open = [...entry.defects];
    const lastLine = text.replace(/\s+$/, '').split('\n').length;
    const trailing = result.type && result.model && entry.partial ? trailingSections(result) : new Set<string>();
    for (const d of result.diagnostics.filter(counted)) {
      const line = d.range.start.line + 1;
      const i = open.findIndex(
        (x) => sameDefect(x.rule, d.rule) && (d.rule === 'missing-section' || (x.lines ? line >= x.lines[0] && line <= x.lines[1] : x.line === line)),
      );
      if (i >= 0) {
        outcome.truePositives.push({ line, rule: d.rule });
        open.splice(i, 1);
      } else if (d.rule === 'missing-section' && [...trailing].some((title) => d.message.includes(title))) {
        outcome.truncation++;
      } else if (entry.partial && line === lastLine && CUT_SHORT.has(d.rule)) {
        // The copy stops mid-sentence or right after a heading.
        outcome.truncation++;
      } else {
        outcome.falsePositives.push({ line, rule: d.rule, message: d.message });
      }
    }
    // Defects of non-reports are not the checker's business (it must stay silent there).
    outcome.missed = entry.type ? open.filter((x) => !x.optional) : [];
    files.push(outcome);
  }

  const byRule = new Map<string, RuleFigures>();
  const figures = (rule: string) => {
    let f = byRule.get(rule);
    if (!f) byRule.set(rule, (f = { rule, tp: 0, fp: 0, fn: 0 }));
    return f;
  };
  for (const f of files) {
    for (const x of f.truePositives) figures(x.rule).tp++;
    for (const x of f.falsePositives) figures(x.rule).fp++;
    for (const x of f.missed) figures(x.rule).fn++;
  }
  const reports = files.filter((f) => f.expected);
  const non = files.filter((f) => !f.expected);
  return {
    files,
    reports: reports.length,
    nonReports: non.length,
    recognised: files.filter((f) => f.detected === f.expected).length,
    nonReportsSilent: non.filter((f) => f.falsePositives.length === 0 && f.detected === null).length,
    rules: [...byRule.values()].sort((a, b) => a.rule.localeCompare(b.rule)),
    tp: files.reduce((n, f) => n + f.truePositives.length, 0),
    fp: files.reduce((n, f) => n + f.falsePositives.length, 0),
    truncation: files.reduce((n, f) => n + f.truncation, 0),
    levels: options.allLevels ? 'all' : 'warning',
  };
}

/** Titles of the type's sections that no section present in the draft comes after. */
function trailingSections(result: ReturnType<typeof lint>): Set<string> {
  const type = result.type!;
  const match = matchSections(result.model!, type);
  const lastPresent = Math.max(-1, ...type.sections.map((s, i) => (match.byId.has(s.id) ? i : -1)));
  return new Set(type.sections.slice(lastPresent + 1).map((s) => `“${s.title}”`));
}

export function formatFigures(f: CorpusFigures): string {
  const pct = (a: number, b: number) => (b === 0 ? '—' : `${((100 * a) / b).toFixed(1)} %`);
  const lines = [
    `files: ${f.files.length} (${f.reports} reports, ${f.nonReports} non-reports)`,
    `recognition: ${f.recognised}/${f.files.length} = ${pct(f.recognised, f.files.length)}`,
    `non-reports with no diagnostic: ${f.nonReportsSilent}/${f.nonReports}`,
    `${f.levels === 'all' ? 'precision with information level' : 'warning-level precision'}: ${f.tp}/${f.tp + f.fp} = ${pct(f.tp, f.tp + f.fp)} (truncation artefacts set aside: ${f.truncation})`,
    '',
    '| rule | TP | FP | missed | precision | recall |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...f.rules.map((r) => `| ${r.rule} | ${r.tp} | ${r.fp} | ${r.fn} | ${pct(r.tp, r.tp + r.fp)} | ${pct(r.tp, r.tp + r.fn)} |`),
  ];
  const wrong = f.files.filter((x) => x.detected !== x.expected);
  if (wrong.length) lines.push('', 'recognised wrongly:', ...wrong.map((x) => `  ${x.file}: expected ${x.expected}, detected ${x.detected}`));
  const fps = f.files.filter((x) => x.falsePositives.length);
  if (fps.length) {
    lines.push('', 'false positives:');
    for (const x of fps) for (const p of x.falsePositives) lines.push(`  ${x.file}:${p.line} ${p.rule} ${p.message.slice(0, 70)}`);
  }
  return lines.join('\n');
}
