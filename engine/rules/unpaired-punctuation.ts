import { t } from '../i18n';
import { wrappedLineSet } from '../model/hard-wraps';
import type { ReportLine } from '../model/types';
import type { DocumentRule, RuleContext } from './rule';
import { qm, spanOf } from './util';

const PAIRS: Record<string, string> = { '“': '”', '‘': '’', '《': '》', '〈': '〉', '（': '）', '【': '】', '〔': '〕' };
const CLOSERS: Record<string, string> = Object.fromEntries(Object.entries(PAIRS).map(([o, c]) => [c, o]));
// A half-width parenthesis still closes a full-width one: the half-width rule reports the mark itself.
const ALSO_OPENS: Record<string, string> = { '(': '（' };
const ALSO_CLOSES: Record<string, string> = { ')': '）' };
const ANY_MARK = /[“”‘’《》〈〉（）【】〔〕()〞〟]/;
// Closing marks typed wrong: 〞/〟 (from some input methods and Word) close a “.
const WRONG_CLOSERS: Record<string, string> = { '〞': '“', '〟': '“' };
// Quotes whose opening and closing marks look alike: a second opener while one is open, with no
// closer before the next opener, is almost always the closer typed wrong (“两会精神“).
const LOOKALIKE: Record<string, string> = { '“': '”', '‘': '’' };

// The scan reads character codes and looks at a character further only when this table marks it:
// indexing `text[i]` into objects for every character made this rule several times slower than
// the scan itself on long drafts.
const IS_MARK = new Uint8Array(0x10000);
for (const c of '“”‘’《》〈〉（）【】〔〕()〞〟') IS_MARK[c.charCodeAt(0)] = 1;

/** Paired marks (“” 《》 （） 【】 〔〕 …) that open without closing or close without opening. */
export const unpairedPunctuation: DocumentRule = {
  id: 'unpaired-punctuation',
  defaultSeverity: 'warning',
  summary: '成对标点（引号、书名号、括号等）不成对',
  fixable: true,
  source: 'GB/T 15834—2011',
  check(ctx) {
    // A paragraph broken into printed lines opens a quote on one line and closes it on the next:
    // hard-wrapped-lines reports it, and its marks are checked once the lines are joined.
    // Which lines those are depends on their neighbours; each line's own marks are read once (lineFacts).
    const wrapped = wrappedLineSet(ctx.model);
    const lines = ctx.model.lines;
    for (let index = 0; index < lines.length; index++) {
      if (wrapped.size > 0 && wrapped.has(index)) continue;
      const line = lines[index];
      const found = ctx.lineFacts(line, unpairedPunctuation.id, unmatchedInLine);
      for (let k = 0; k < found.length; k++) report(ctx, line, found[k]);
    }
  },
};

/** A mark without its partner, at `at` in the line's text. */
interface Unmatched {
  at: number;
  mark: string;
  opening: boolean;
  /** A closing quote typed as the opening one: what it should be, and the mark it pairs with. */
  shouldBe?: string;
  opener?: string;
  /** The finding's message (and fix title), made once: the facts are kept per line, and messages with them. */
  message?: string;
  fixTitle?: string;
}

const NONE: Unmatched[] = [];

const unmatchedInLine = (line: ReportLine): Unmatched[] => unmatchedIn(line.text);

/**
 * The marks open so far, innermost last, with a count of each kind: a line with thousands of quotes
 * left open must not make every later closing mark search them all (or copy them) to find its partner.
 */
class OpenMarks {
  readonly items: Array<{ mark: string; at: number }> = [];
  private readonly counts = new Map<string, number>();

  push(mark: string, at: number): void {
    this.items.push({ mark, at });
    this.counts.set(mark, (this.counts.get(mark) ?? 0) + 1);
  }

  /** Where the innermost open `mark` stands, or -1. */
  lastIndexOf(mark: string): number {
    if (!this.counts.get(mark)) return -1;
    for (let k = this.items.length - 1; k >= 0; k--) if (this.items[k].mark === mark) return k;
    return -1;
  }

  /** Takes the marks from `depth` on (inclusive) off the stack. */
  splice(depth: number): Array<{ mark: string; at: number }> {
    const removed = this.items.splice(depth);
    for (const s of removed) this.counts.set(s.mark, this.counts.get(s.mark)! - 1);
    return removed;
  }
}

function unmatchedIn(text: string): Unmatched[] {
  if (!ANY_MARK.test(text)) return NONE;
  const stack = new OpenMarks();
  const unmatched: Unmatched[] = [];
  for (let i = 0; i < text.length; i++) {
    if (IS_MARK[text.charCodeAt(i)] === 0) continue;
    const c = text[i];
    const wrongFor = WRONG_CLOSERS[c] ?? (LOOKALIKE[c] && quotesLikeACloser(text, stack, i, c) ? c : undefined);
    if (wrongFor) {
      const depth = stack.lastIndexOf(wrongFor);
      if (depth >= 0) {
        // One mismatched pair, one finding: the wrong closing mark.
        for (const s of stack.splice(depth).slice(1)) unmatched.push({ at: s.at, mark: text[s.at], opening: true });
        unmatched.push({ at: i, mark: c, opening: false, shouldBe: PAIRS[wrongFor], opener: wrongFor });
        continue;
      }
    }
    const open = PAIRS[c] ? c : ALSO_OPENS[c];
    if (open) {
      stack.push(open, i);
      continue;
    }
    const closes = CLOSERS[c] ?? (ALSO_CLOSES[c] ? CLOSERS[ALSO_CLOSES[c]] : undefined);
    if (!closes) continue;
    const depth = stack.lastIndexOf(closes);
    if (depth < 0) {
      unmatched.push({ at: i, mark: c, opening: false });
      continue;
    }
    for (const s of stack.splice(depth)) if (s.mark !== closes) unmatched.push({ at: s.at, mark: text[s.at], opening: true });
  }
  for (const s of stack.items) unmatched.push({ at: s.at, mark: text[s.at], opening: true });
  return unmatched.length > 0 ? unmatched.sort((a, b) => a.at - b.at) : NONE;
}

function report(ctx: RuleContext, line: ReportLine, u: Unmatched): void {
  if (u.shouldBe) {
    const span = spanOf(line, u.at, u.at + 1);
    u.message ??= t('后引号写成了{0}：与前面的{1}配对的应是{2}。请改为{2}。', qm(u.mark), qm(u.opener!), qm(u.shouldBe));
    u.fixTitle ??= t('改为{0}', qm(u.shouldBe));
    ctx.report({ span, message: u.message, fix: { title: u.fixTitle, edits: [{ span, newText: u.shouldBe }], safe: true } });
    return;
  }
  if (u.message === undefined) {
    const partner = u.opening ? PAIRS[u.mark] ?? '）' : CLOSERS[u.mark] ?? '（';
    u.message = u.opening
      ? t('{0}没有对应的{1}：成对标点应在同一段内闭合。请补上{1}或删去多余的{0}。', qm(u.mark), qm(partner))
      : t('{0}前面没有对应的{1}：成对标点应在同一段内闭合。请补上{1}或删去多余的{0}。', qm(u.mark), qm(partner));
  }
  ctx.report({ span: spanOf(line, u.at, u.at + 1), message: u.message });
}

/**
 * Whether a second opening quote at `at` is the closing one typed wrong: a quote of the same kind is
 * open, no closing mark follows before the next opener, and what stands between the two reads as one
 * quotation — within a sentence and short. Across a sentence end it is two quotations each left open
 * (提出了“三个要求。一是……做到“知无不言，言无不尽，……): both are reported, and no fix guesses.
 */
function quotesLikeACloser(text: string, stack: OpenMarks, at: number, open: string): boolean {
  const depth = stack.lastIndexOf(open);
  if (depth < 0) return false;
  const from = stack.items[depth].at;
  if (at - from - 1 > MAX_QUOTED || closesBeforeNextOpen(text, at, open)) return false;
  // A quoted sentence ends with its own mark (“要加强理论学习。“): only a sentence end inside counts.
  let end = at;
  while (end > from + 1 && SENTENCE_END.has(text[end - 1])) end--;
  for (let i = from + 1; i < end; i++) if (SENTENCE_END.has(text[i])) return false;
  return true;
}

/** The longest quotation a closing quote typed as an opening one is assumed to end. */
const MAX_QUOTED = 50;
const SENTENCE_END = new Set(['。', '！', '？']);

/** Whether a closing mark for `open` comes after position `at` before the next `open`. */
function closesBeforeNextOpen(text: string, at: number, open: string): boolean {
  const close = PAIRS[open];
  for (let i = at + 1; i < text.length; i++) {
    if (text[i] === close) return true;
    if (text[i] === open) return false;
  }
  return false;
}
