/**
 * The engine's entry point: parse a draft once, decide its report type, run every rule, and return
 * diagnostics with exact LSP ranges. Used alike by the language server, the CLI and the tests.
 */
import { buildModel, sourceLineOf } from './model/build';
import { wrappedParagraphs } from './model/hard-wraps';
import type { ProseCache } from './parse/parse-prose';
import type { ReportLine, ReportModel, Span } from './model/types';
import type { RuleSetting, Severity } from './severity';
import { builtinFormulations, type Formulation } from './formulations/load';
import { declaredTypeSpan, detectType, type Detection } from './report-types/detect';
import { builtinTypes } from './report-types/load';
import { matchSections, topHeadingDepth } from './report-types/match';
import { renderSection } from './report-types/skeleton';
import { documentWords } from './report-types/words';
import type { ReportType } from './report-types/types';
import { RULES } from './rules';
import { MAX_PER_LINE, type Corpus, type Finding, type Fix, type ParagraphRule, type Rule, type RuleContext } from './rules/rule';
import { Suppressions } from './suppress';
import { builtinUnitData } from './unit/load';
import type { UnitData } from './unit/types';
import { getLocale, t } from './i18n';
import { anchorOf, LineFindings, NO_FINDINGS, type Reported } from './incremental/line-findings';
import { frontMatterValueLines } from './model/front-matter-values';
import type { Position } from './text/line-index';
import { pastDeadline } from './deadline';

export type { RuleSetting } from './severity';

export interface LintOptions {
  /** Use this type (id or Chinese name) instead of detecting one. */
  template?: string;
  types?: ReportType[];
  formulations?: Formulation[];
  /** Roster, quotations and year profiles; the shipped ones (and no roster) when absent. */
  unit?: UnitData;
  /** Per-rule severity, or 'off'. */
  rules?: Record<string, RuleSetting>;
  extraPlaceholders?: string[];
  /** Drafts longer than this (UTF-16 code units) are not checked; one diagnostic says so. */
  maxLength?: number;
  /** Keeps parse results between versions of one document, so an edit re-parses only its chunk. */
  cache?: ProseCache;
  /** At most this many findings (an editor with 200 000 squiggles helps nobody); a note says how many more. */
  maxFindings?: number;
  /**
   * Milliseconds this check may take (the server gives each document a budget, so that one huge or
   * hostile draft cannot starve the others). Cooperative: the parser and the rule loop look at the
   * clock between chunks and between rules, and what is left over is skipped with a note.
   */
  budgetMs?: number;
  /** Other reports' paragraphs, for copied-paragraph. */
  corpus?: Corpus;
  /** The workspace's own report types that were not loaded (untrusted workspace): named when a draft's type is unknown. */
  withheldTypes?: string[];
}

export interface Diagnostic extends Finding {
  range: { start: Position; end: Position };
}

export interface LintResult {
  type?: ReportType;
  detection: Detection;
  diagnostics: Diagnostic[];
  model?: ReportModel;
}

export const DEFAULT_MAX_LENGTH = 5_000_000;

/** A front matter line that names the report type: `template: duty-report`, at the top level (column 0). */
const DECLARES_TEMPLATE = /^template[ \t]*:/m;

export function lint(text: string, options: LintOptions = {}): LintResult {
  const maxLength = options.maxLength ?? DEFAULT_MAX_LENGTH;
  if (text.length > maxLength) {
    const level = options.rules?.['size-limit'];
    if (level === 'off') return { detection: { by: 'none' }, diagnostics: [] };
    const firstLineEnd = Math.min(text.search(/\r|\n|$/), 200);
    const mb = (n: number) => (n / 1_000_000).toFixed(1);
    const finding: Finding = {
      rule: 'size-limit',
      severity: level ?? 'warning',
      message: t('文件过大（约 {0} 百万字符），超过校验上限 {1} 百万字符，已跳过党建报告校验。可在设置 partyReport.maxLength 中调高上限，或把文件拆分。', mb(text.length), mb(maxLength)),
      span: { start: 0, end: Math.max(0, firstLineEnd) },
    };
    return { detection: { by: 'none' }, diagnostics: [withRange(finding, positionsFor(text))] };
  }

  const types = options.types ?? builtinTypes().types;
  const deadline = options.budgetMs !== undefined ? performance.now() + options.budgetMs : Infinity;
  const model = buildModel(text, { extraPlaceholders: options.extraPlaceholders, cache: options.cache, words: documentWords(types), deadline });
  const skipped: string[] = [];
  const maxFindings = options.maxFindings ?? Infinity;
  let dropped = 0;
  const detection = detectType(model, types, options.template);
  const findings: Finding[] = [];
  const severityOf = (rule: string, fallback: Severity): Severity | undefined => {
    const s = options.rules?.[rule];
    return s === 'off' ? undefined : (s ?? fallback);
  };
  const add = (rule: string, fallback: Severity, span: Span, message: string, fix?: Fix) => {
    const severity = severityOf(rule, fallback);
    if (severity) findings.push({ rule, severity, message, span, fix });
  };

  if (detection.unknown && model.frontMatter) {
    const names = types.map((x) => `${x.id}（${x.name}）`).join(t('、'));
    const withheld = options.withheldTypes ?? [];
    const unknown = JSON.stringify(detection.unknown);
    // Only the withheld definitions' file names are known (they are not read): a match by id is
    // sure, a Chinese name may or may not be one of them.
    const message = withheld.includes(detection.unknown)
      ? t('未知的报告类型{0}：本工作区未受信任，工作区自己定义的报告类型（{1}）没有加载。信任此工作区后即按它检查；或把 template 改为以下之一：{2}。', unknown, withheld.join(t('、')), names)
      : withheld.length > 0
        ? t('未知的报告类型{0}：template 应为以下之一：{1}。本工作区未受信任，工作区自己定义的报告类型（{2}）没有加载；如果{0}是其中之一，信任此工作区后即按它检查。', unknown, names, withheld.join(t('、')))
        : t('未知的报告类型{0}：template 应为以下之一：{1}。', unknown, names);
    add('front-matter', 'error', declaredTypeSpan(model) ?? model.frontMatter.span, message);
  }
  const type = detection.type;
  // Broken front matter is reported for a report, and for a draft whose front matter names its type
  // (template:) but cannot be read: that draft is meant to be checked, and is not until it is fixed.
  // Other Markdown with broken front matter (a blog post) is none of our business.
  const frontMatterError = model.frontMatter?.error;
  if (frontMatterError && (type || DECLARES_TEMPLATE.test(text.slice(model.frontMatter!.span.start, model.frontMatter!.span.end)))) {
    add(
      'front-matter',
      'error',
      frontMatterError.span,
      type
        ? t('文首 YAML 元数据有误：{0}。请按“键: 值”的格式修改，或删除这段元数据。', frontMatterError.message)
        : t('文首 YAML 元数据有误：{0}。其中的 template 因此读不出来，本文稿没有按报告检查。请按“键: 值”的格式修改。', frontMatterError.message),
    );
  }
  if (type) {
    if (model.parseNote) {
      add('parse-capped', 'information', { start: 0, end: 0 }, t('为保证校验速度，部分内容未按完整的 Markdown 解析：{0}。', model.parseNote));
    }
    if (model.parseFallback) {
      add('parse-fallback', 'information', { start: 0, end: 0 }, t('无法按 Markdown 解析本文件（{0}），已按“每行一段”的纯文本校验；Markdown 标题、表格等结构未识别。', model.parseFallback));
    }
    // Content detection matched the headings against every type already: reuse the chosen type's.
    const match = detection.match ?? matchSections(model, type);
    const eol = model.lineIndex.eol();
    const headingStyle = model.markdownHeadings ? 'markdown' : 'bare';
    const formulations = options.formulations ?? builtinFormulations();
    const unit = options.unit ?? builtinUnitData();
    // With a document's cache, paragraph rules run only on the lines that changed since last time.
    const kept = options.cache ? lineFindingsOf(options.cache) : undefined;
    const documentYear = yearOf(model);
    // The source lines of PDF-wrapped paragraphs, worked out once for the rules that read across breaks.
    let wrapped: Set<number> | undefined | null = null;
    
    // Paragraph rules first, line by line (one look-up per line for what was kept); their findings
    // are reported below in rule order, as each rule's own loop over the lines would report them.
    const paragraphRules = RULES.flatMap((rule, r) => (rule.scope === 'paragraph' && severityOf(rule.id, rule.defaultSeverity) ? [{ rule, r }] : []));
    const ctxFor = (report: RuleContext['report']): RuleContext => ({
      model,
      type,
      match,
      formulations,
      corpus: options.corpus,
      unit,
      documentYear,
      renderSection: (id, number) => inDraftsHeadingStyle(model, renderSection(type, id, number, { headingStyle, eol, values: frontMatterValues(model) })),
      lineFacts: kept ? (line, key, compute) => kept.facts(line, key, compute) : (line, _key, compute) => compute(line),
      report,
    });
    kept?.begin({ type, formulations, unit, locale: getLocale(), rules: paragraphRules.map(({ rule }) => rule.id).join(), year: documentYear });
    const byLine = checkLines(paragraphRules, ctxFor, model.lines, kept, deadline);
    checkFrontMatterValues(paragraphRules, ctxFor, frontMatterValueLines(text, model.frontMatter, model.lineIndex), byLine);
    RULES.forEach((rule, r) => {
      const severity = severityOf(rule.id, rule.defaultSeverity);
      if (!severity) return;
      const lines = byLine.get(r);
      if (lines ? lines.late : pastDeadline(deadline)) {
        skipped.push(rule.id);
        return;
      }
      let reported = 0;
      const report = (f: Reported) => {
        if (++reported > MAX_PER_RULE) throw RULE_FULL;
        if (findings.length >= maxFindings) {
          dropped++;
          return;
        }
        const finding: Finding = { rule: rule.id, severity, message: f.message, span: f.span, fix: f.fix };
        if (f.related) finding.related = f.related;
        findings.push(finding);
      };
      let failure: unknown;
      if (lines) {
        if (rule.readsAcrossLineBreaks && wrapped === null) wrapped = wrappedSourceLines(model);
        const skip = rule.readsAcrossLineBreaks ? wrapped : undefined;
        try {
          for (const f of lines.found) {
            if (skip?.has(model.lineIndex.positionAt(f.span.start).line)) continue;
            if (f.crowded) findings.push({ rule: 'too-many', severity: 'information', message: f.message, span: f.span });
            else report(f);
          }
        } catch (err) {
          if (err !== RULE_FULL) throw err;
          findings.push(crowdedRuleNote(rule));
        }
        failure = lines.failure;
      } else if (rule.scope !== 'paragraph') {
        try {
          rule.check(ctxFor(report));
        } catch (err) {
          if (err === RULE_FULL) findings.push(crowdedRuleNote(rule));
          else failure = err;
        }
      }
      if (failure !== undefined) {
        // One faulty rule must not take the others down: say so where the user sees it.
        findings.push({
          rule: rule.id,
          severity: 'information',
          message: t('规则 {0} 检查时出错，已跳过：{1}', rule.id, (failure as Error).message),
          span: { start: 0, end: 0 },
        });
      }
    });
  }

  if (skipped.length > 0) {
    findings.push({
      rule: 'time-budget',
      severity: 'information',
      message: t('本文件校验超出时间预算（{0} 毫秒），以下规则未运行：{1}。可把文件拆分后再检查。', options.budgetMs ?? 0, skipped.join(t('、'))),
      span: { start: 0, end: 0 },
    });
  }
  if (dropped > 0) {
    findings.push({
      rule: 'too-many',
      severity: 'information',
      message: t('问题太多，只显示前 {0} 条，另有 {1} 条未显示。请先修复已显示的问题（可用“修复所有”）。', maxFindings, dropped),
      span: { start: 0, end: 0 },
    });
  }
  // In document order (a stable sort: findings at one span keep the rules' order), then given their
  // positions walking forward through the lines, and filtered by the disable comments.
  findings.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  withoutYielded(findings);
  const suppress = model.comments.length > 0 ? new Suppressions(model.comments, model.lineIndex) : undefined;
  const diagnostics: Diagnostic[] = [];
  let near = 0;
  for (const f of findings) {
    const start = model.lineIndex.positionNear(f.span.start, near);
    near = start.line;
    if (suppress?.isSuppressed(f.rule, start.line)) continue;
    // The finding becomes the diagnostic: it was made for this check alone (nothing else holds it).
    const d = f as Diagnostic;
    d.range = { start, end: model.lineIndex.positionNear(f.span.end, near) };
    diagnostics.push(d);
  }
  return { type, detection, diagnostics, model };
}

/**
 * A section rendered from the skeleton (top-level headings "## ") at the level the draft's own
 * top-level headings have: a draft whose sections are "# 一、…" gets "# 二、…" inserted, and the
 * section's subheadings move with it. A draft whose sections are bold lines ("**一、…**", as Word
 * pastes them) gets its heading in bold.
 */
function inDraftsHeadingStyle(model: ReportModel, text: string): string {
  const depth = topHeadingDepth(model);
  if (depth === undefined) return boldTopHeadings(model) ? text.replace(/^([^\r\n]+)/, '**$1**') : text;
  if (depth === 2) return text;
  return text.replace(/^(#{2,6})(?=[ \t])/gm, (hashes: string) => '#'.repeat(Math.min(6, Math.max(1, hashes.length + depth - 2))));
}

/** The draft's first top-level heading is a whole line in bold: "**一、会前准备情况**". */
function boldTopHeadings(model: ReportModel): boolean {
  const first = model.sections.find((s) => !s.parent);
  return first !== undefined && /^[ \t\u3000]*(\*\*|__)[^\r\n]+\1[ \t\u3000]*$/.test(sourceLineOf(model, first.line));
}

/** Each rule that yields to others (RuleBase.yieldsTo), with those rules; and all the rules yielded to. */
const YIELDS = new Map(RULES.filter((r) => r.yieldsTo).map((r) => [r.id, new Set(r.yieldsTo)]));
const YIELDED_TO = new Set([...YIELDS.values()].flatMap((s) => [...s]));

/**
 * Leaves out, in place, the findings of a rule that yields to another where that other reports an
 * overlapping span. `findings` are in document order; the rules yielded to report short phrases.
 */
function withoutYielded(findings: Finding[]): void {
  if (!findings.some((f) => YIELDS.has(f.rule))) return;
  const over = findings.filter((f) => YIELDED_TO.has(f.rule));
  if (over.length === 0) return;
  let kept = 0;
  let from = 0;
  for (const f of findings) {
    const yieldsTo = YIELDS.get(f.rule);
    if (yieldsTo) {
      // Those ending before this one starts overlap no later finding either (findings are in order).
      while (from < over.length && over[from].span.end <= f.span.start) from++;
      let covered = false;
      for (let k = from; k < over.length && over[k].span.start < f.span.end; k++) {
        if (yieldsTo.has(over[k].rule) && over[k].span.end > f.span.start) {
          covered = true;
          break;
        }
      }
      if (covered) continue;
    }
    findings[kept++] = f;
  }
  findings.length = kept;
}

const lineFindings = new WeakMap<ProseCache, LineFindings>();

/** The per-line findings kept with a document's parse cache (one per document, like the cache). */
function lineFindingsOf(cache: ProseCache): LineFindings {
  let kept = lineFindings.get(cache);
  if (!kept) lineFindings.set(cache, (kept = new LineFindings()));
  return kept;
}

interface LineRun {
  /** The rule's findings over all lines, in line order. */
  found: Reported[];
  /** What the rule threw, on the line it threw on: it checks no further lines. */
  failure?: unknown;
  /** The time budget ran out before the rule had seen every line: it is reported as not run. */
  late?: boolean;
}

/**
 * The paragraph rules over every line. A line's findings come from what was kept for it when the
 * line is unchanged, and are computed (and kept) otherwise; a check from scratch computes them all.
 * Either way each rule's findings come out in line order, as the rule's own loop would give them.
 */
function checkLines(
  rules: Array<{ rule: ParagraphRule; r: number }>,
  ctxFor: (report: RuleContext['report']) => RuleContext,
  lines: ReportLine[],
  kept: LineFindings | undefined,
  deadline: number,
): Map<number, LineRun> {
  const runs: LineRun[] = rules.map(() => ({ found: [] }));
  let sink: Reported[] = [];
  const ctx = ctxFor((f) => {
    if (sink.length >= MAX_PER_LINE) throw LINE_FULL;
    sink.push(f);
  });
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n];
    // The budget is looked at every few hundred lines: what is left is skipped with a note.
    if ((n & 255) === 0 && n > 0 && pastDeadline(deadline)) {
      for (const run of runs) run.late = true;
      break;
    }
    const entry = kept?.entryFor(line);
    if (entry?.quiet) continue;
    let quiet = true;
    for (let k = 0; k < rules.length; k++) {
      const run = runs[k];
      if (run.failure !== undefined) {
        quiet = false;
        continue;
      }
      let list = entry?.findings[k];
      if (!list) {
        sink = [];
        try {
          rules[k].rule.checkLine(line, ctx);
        } catch (err) {
          if (err === LINE_FULL) sink.push(crowdedNote(rules[k].rule, line));
          else {
            run.failure = err;
            quiet = false;
            continue;
          }
        }
        list = entry ? kept!.keep(entry, k, sink) : sink.length > 0 ? sink : NO_FINDINGS;
      }
      if (list.length > 0) quiet = false;
      for (let i = 0; i < list.length; i++) run.found.push(list[i]);
    }
    if (entry && quiet) kept!.markQuiet(entry);
  }
  return new Map(rules.map(({ r }, k) => [r, runs[k]]));
}

/** Thrown by a paragraph rule's report once the line has MAX_PER_LINE findings: stops the rule there. */
const LINE_FULL = Symbol('line full');

/**
 * At most this many findings of one rule in one draft (and MAX_PER_LINE on one line): a real 5 MB
 * draft has a few thousand of any kind, a pasted line of 250,000 "XX" had 250,000.
 */
export const MAX_PER_RULE = 10_000;
/** Thrown by a rule's report past MAX_PER_RULE: stops the rule. */
const RULE_FULL = Symbol('rule full');

function crowdedRuleNote(rule: Rule): Finding {
  return {
    rule: 'too-many',
    severity: 'information',
    span: { start: 0, end: 0 },
    message: t('本文件“{0}”（{1}）超过 {2} 处，只列出了前 {2} 处，其余未列出。请先改正已列出的，再检查时会列出其余的。', t(rule.summary), rule.id, MAX_PER_RULE),
  };
}

function crowdedNote(rule: ParagraphRule, line: ReportLine): Reported {
  const at = anchorOf(line) ?? 0;
  return {
    span: { start: at, end: at },
    message: t('本行“{0}”（{1}）超过 {2} 处，只列出了前 {2} 处，其余未检查。请先改正已列出的（可用“修复所有”），再检查时会列出其余的。', t(rule.summary), rule.id, MAX_PER_LINE),
    crowded: true,
  };
}

/** The rules that read them, over the front matter's 成文日期 and 发文字号 values (a few lines, never kept). */
function checkFrontMatterValues(
  rules: Array<{ rule: ParagraphRule; r: number }>,
  ctxFor: (report: RuleContext['report']) => RuleContext,
  values: ReportLine[],
  byLine: Map<number, LineRun>,
): void {
  if (values.length === 0) return;
  for (const { rule, r } of rules) {
    const run = byLine.get(r);
    if (!rule.readsFrontMatterValues || !run || run.failure !== undefined || run.late) continue;
    const ctx = ctxFor((f) => run.found.push(f));
    try {
      for (const line of values) rule.checkLine(line, ctx);
    } catch (err) {
      run.failure = err;
    }
  }
}

function frontMatterValues(model: ReportModel): Record<string, string> {
  const data = model.frontMatter?.data ?? {};
  return Object.fromEntries(Object.entries(data).filter(([, v]) => typeof v === 'string' || typeof v === 'number').map(([k, v]) => [k, String(v)]));
}

function positionsFor(text: string) {
  return { positionAt: (o: number) => ({ line: 0, character: Math.min(o, text.length) }) };
}

function withRange(f: Finding, index: { positionAt(o: number): Position }): Diagnostic {
  return { ...f, range: { start: index.positionAt(f.span.start), end: index.positionAt(f.span.end) } };
}

/** The source lines of the paragraphs a page layout broke into printed lines (none: undefined). */
function wrappedSourceLines(model: ReportModel): Set<number> | undefined {
  const paragraphs = wrappedParagraphs(model);
  if (paragraphs.length === 0) return undefined;
  const set = new Set<number>();
  for (const p of paragraphs) for (const i of p.lines) set.add(model.lines[i].sourceLine);
  return set;
}

/** The latest year (1949–2099) the title, the first paragraphs and the last lines name: when the draft was written. */
function yearOf(model: ReportModel): number | undefined {
  const flow = model.flow;
  const where = [model.title, ...flow.slice(0, 4), ...flow.slice(-3)];
  let year: number | undefined;
  for (const line of where) {
    if (!line) continue;
    for (const m of line.text.matchAll(/(?<!\d)(19[4-9]\d|20\d\d)(?=年)/g)) {
      const y = Number(m[1]);
      if (y >= 1949 && (year === undefined || y > year)) year = y;
    }
  }
  return year;
}
