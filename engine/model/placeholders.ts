/**
 * Finds unfilled placeholders (X, XX, ××, ＊, 【…】, {{…}}) in prose lines, from data/placeholders.yaml,
 * plus runs of ASCII * that a writer left where a value belongs ("中共**委员会", "2021年*月*日").
 */
import { t } from '../i18n';
import { loadData } from '../data';
import { ClaimedSpans } from '../text/claimed-spans';
import { termCovers } from '../text/covers';
import { compileUserPattern } from '../text/safe-regex';
import { LINE_PLACEHOLDERS } from './line-flags';
import { lineMemo } from './line-memo';
import type { Placeholder, ProseLine } from './types';

interface PatternData {
  patterns: Array<{ kind: string; pattern: string; hint: string }>;
  exempt?: string[];
}

type Compiled = { kind: string; re: RegExp; hint: string };

let compiled: Compiled[] | undefined;
let exempt: string[] | undefined;

/** The kind whose marks are found in the source text, not by a pattern over the prose. */
const ASTERISK = 'asterisk';

function data(): { patterns: Compiled[]; exempt: string[] } {
  if (!compiled) {
    const raw = loadData<PatternData>('placeholders.yaml');
    compiled = raw.patterns.map((p) => ({ kind: p.kind, re: new RegExp(p.pattern, 'g'), hint: p.hint }));
    exempt = raw.exempt ?? [];
  }
  return { patterns: compiled, exempt: exempt! };
}

export function placeholderPatterns(extra: string[] = []): Compiled[] {
  const { patterns } = data();
  if (extra.length === 0) return patterns;
  return [
    ...patterns,
    ...extra.flatMap((pattern) => {
      // User patterns run on RE2 (linear time); one it can't take is reported where it is set.
      const linear = compileUserPattern(pattern);
      return linear.ok ? [{ kind: 'custom', re: linear.re, hint: t('按单位约定的占位格式填写实际内容。') }] : [];
    }),
  ];
}

export function placeholderHint(kind: string): string {
  const hint = placeholderPatterns().find((p) => p.kind === kind)?.hint;
  return hint ? t(hint) : t('填写实际内容。');
}

/** Whether text[from, to) lies inside one of the exempt terms (1+X, X光, Excel …). */
function isExempt(text: string, from: number, to: number, terms: string[]): boolean {
  return terms.some((term) => termCovers(text, term, from, to));
}

/** A placeholder in a line's text: where it stands in the text. */
interface InLine {
  from: number;
  to: number;
  text: string;
  kind: string;
  /** Placeholder.kept: the same object from keystroke to keystroke. */
  kept?: { message?: string; locale?: string };
}

const NONE: InLine[] = [];
/** The common case, shared: no extra patterns, no placeholder. */
const NONE_DEFAULT = { key: '', found: NONE };


function placeholdersIn(text: string, patterns: Compiled[], terms: string[]): InLine[] {
  const found: InLine[] = [];
  const taken = new ClaimedSpans(text.length);
  for (const { kind, re } of patterns) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      const from = m.index;
      const to = from + m[0].length;
      // An X inside 【填写XX】 belongs to the hint already found.
      if (taken.overlaps(from, to)) continue;
      if (isExempt(text, from, to, terms)) continue;
      taken.claim(from, to);
      found.push({ from, to, text: m[0], kind });
    }
  }
  return found.length > 0 ? found : NONE;
}

/** A line's placeholders from `patterns` (with the user's extra patterns, under their `key`), kept with it (line-memo.ts). */
function placeholdersOf(line: ProseLine, key: string, patterns: Compiled[], any: RegExp | undefined): InLine[] {
  const memo = lineMemo(line);
  let kept = memo.placeholders as { key: string; found: InLine[] } | undefined;
  if (!kept || kept.key !== key) {
    const found = !any || any.test(line.text) ? placeholdersIn(line.text, patterns, data().exempt) : NONE;
    memo.placeholders = kept = found === NONE && key === '' ? NONE_DEFAULT : { key, found };
  }
  return kept.found;
}

/**
 * What one of the built-in patterns needs: a line without any holds no placeholder. Empty quotation
 * marks as a pair (“” 《》): a lone “ is in nearly every line.
 */
const ANY_DEFAULT = /[XＸx×○□＊△【（({]|“”|《》/;

/** The patterns run over a line's prose (asterisks are found in the source), the built-in ones made once. */
let builtinProsePatterns: Compiled[] | undefined;
function prosePatterns(extra: string[]): Compiled[] {
  if (extra.length > 0) return placeholderPatterns(extra).filter((p) => p.kind !== ASTERISK);
  return (builtinProsePatterns ??= placeholderPatterns().filter((p) => p.kind !== ASTERISK));
}

/** Whether the line holds a placeholder of the built-in patterns (asterisks aside). */
export function hasPlaceholders(line: ProseLine): boolean {
  return placeholdersOf(line, '', prosePatterns([]), ANY_DEFAULT).length > 0;
}

/**
 * The draft's placeholders. With the model's line flags (built-in patterns only), lines without a
 * placeholder are passed over once no asterisk is left in the source after them.
 */
export function findPlaceholders(lines: ProseLine[], extra: string[] = [], source?: string, flags?: Uint8Array): Placeholder[] {
  const found: Placeholder[] = [];
  const patterns = prosePatterns(extra);
  const any = extra.length > 0 ? undefined : ANY_DEFAULT;
  // Where the next ASCII * in the source is: lines come in order, so this moves forward only.
  let star = source ? source.indexOf('*') : -1;
  const key = extra.join('\u0000');
  const flagged = extra.length === 0 ? flags : undefined;
  for (let n = 0; n < lines.length; n++) {
    if (flagged && star < 0 && (flagged[n] & LINE_PLACEHOLDERS) === 0) continue;
    const line = lines[n];
    // Asterisks need the source around the line.
    for (const p of placeholdersOf(line, key, patterns, any)) found.push({ span: { start: line.starts[p.from], end: line.ends[p.to - 1] }, text: p.text, kind: p.kind, line, kept: (p.kept ??= {}) });
    if (source && line.text.length > 0 && star >= 0) {
      // Most lines have no * in their source line: no need to cut the line out of the source.
      const from = source.lastIndexOf('\n', line.starts[0] - 1) + 1;
      if (star < from) star = source.indexOf('*', from);
      const newline = star < 0 ? -1 : source.indexOf('\n', line.ends[line.ends.length - 1]);
      if (star >= 0 && star < (newline < 0 ? source.length : newline)) found.push(...asteriskPlaceholders(line, source));
    }
  }
  return found.sort((a, b) => a.span.start - b.span.start);
}

// Characters next to which a run of * stands for a value: date units, counters, 中共**委员会, **%.
const VALUE_NEIGHBOUR = /[0-9年月日号第共约近%％人名个项次条位届全委会同志党县市区镇乡村局处科厅部院校在思]/;
const CJK = /[\u3400-\u9fff]/;
const UNIT_AFTER = /[年月日号%％人名个项次届]/;

/**
 * Runs of ASCII * in a line's source that are not emphasis. A pair of equal runs around two or
 * more characters that start with a word character is emphasis ("**一是加强学习。**"); a lone run
 * next to a value word, or a pair around one character ("*月*"), is a placeholder.
 */
function asteriskPlaceholders(line: ProseLine, source: string): Placeholder[] {
  // The whole source line: emphasis markers before the first or after the last character of the
  // prose text are outside its span.
  const start = source.lastIndexOf('\n', line.starts[0] - 1) + 1;
  const newline = source.indexOf('\n', line.ends[line.ends.length - 1]);
  const end = newline < 0 ? source.length : newline;
  const raw = source.slice(start, end);
  if (!raw.includes('*')) return [];
  const runs: Array<{ from: number; to: number }> = [];
  for (const m of raw.matchAll(/\*+/g)) runs.push({ from: m.index!, to: m.index! + m[0].length });
  // A run right before a date or count unit ("*年度", "**%", "*月") or right after a digit ("20*年")
  // holds a value: it never opens or closes emphasis.
  const value = runs.map((r) => UNIT_AFTER.test(raw[r.to] ?? '') || /[0-9]/.test(raw[r.from - 1] ?? ''));
  const emphasis = new Set<number>();
  for (let i = 0; i < runs.length; i++) {
    if (emphasis.has(i) || value[i]) continue;
    for (let j = i + 1; j < runs.length; j++) {
      if (emphasis.has(j) || value[j] || runs[j].to - runs[j].from !== runs[i].to - runs[i].from) continue;
      const inner = raw.slice(runs[i].to, runs[j].from);
      if (inner.length >= 2 && /^[\p{L}\p{N}“《（]/u.test(inner) && !/^\s/.test(inner)) {
        emphasis.add(i);
        emphasis.add(j);
      }
      break;
    }
  }
  const out: Placeholder[] = [];
  runs.forEach((run, i) => {
    if (emphasis.has(i)) return;
    const before = raw[run.from - 1] ?? '';
    const after = raw[run.to] ?? '';
    // A list bullet or a thematic break is Markdown, not a value left blank.
    if (run.from === 0 && (after === ' ' || after === '' || after === '*')) return;
    const nearValue = VALUE_NEIGHBOUR.test(before) || VALUE_NEIGHBOUR.test(after) || CJK.test(before) || CJK.test(after);
    if (!nearValue) return;
    out.push({ span: { start: start + run.from, end: start + run.to }, text: raw.slice(run.from, run.to), kind: ASTERISK, line });
  });
  return out;
}
