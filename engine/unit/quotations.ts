/** Quotations of 习近平总书记 in a line, and their lookup in the quotation library. */
import type { ReportLine } from '../model/types';
import { bestMatch, closeEnough, letters } from './similar';
import type { Quotation } from './types';

// Who is quoted, then a verb of saying, then at most a colon or comma before the opening quote.
const ATTRIBUTED = /(习近平总书记|总书记|习近平同志)[^。；！？“”]{0,40}?(指出|强调|要求|说|说过|讲话|讲|提出|告诫|宣告|号召|寄语|深刻阐明|明确|嘱托)[^。；！？“”]{0,8}?[：:，,]?\s*$/;

export interface QuoteAt {
  /** The text between the marks. */
  text: string;
  /** Index in the line of the first character inside the marks, and just past the last. */
  from: number;
  to: number;
}

/** Text in “…” that the words just before attribute to the General Secretary. */
export function attributedQuotes(line: ReportLine): QuoteAt[] {
  const out: QuoteAt[] = [];
  const text = line.text;
  for (let open = text.indexOf('“'); open >= 0; open = text.indexOf('“', open + 1)) {
    const close = text.indexOf('”', open + 1);
    if (close < 0) break;
    const before = text.slice(Math.max(0, open - 60), open);
    const clause = before.slice(Math.max(before.lastIndexOf('。'), before.lastIndexOf('；'), before.lastIndexOf('”')) + 1);
    if (ATTRIBUTED.test(clause)) out.push({ text: text.slice(open + 1, close), from: open + 1, to: close });
    open = close;
  }
  return out;
}

export type Lookup =
  | { kind: 'exact'; quotation: Quotation }
  | { kind: 'close'; quotation: Quotation; original: string; distance: number }
  | { kind: 'unknown' };

/** Quotes shorter than this are phrases (“两个确立”), not quotations to look up. */
export const MIN_QUOTE_LETTERS = 8;

interface Prepared {
  quotation: Quotation;
  letters: string;
  pairs: Set<string>;
}

const prepared = new WeakMap<readonly Quotation[], Prepared[]>();
const looked = new WeakMap<readonly Quotation[], Map<string, Lookup>>();

const pairsOf = (s: string) => {
  const set = new Set<string>();
  for (let i = 0; i + 1 < s.length; i++) set.add(s.slice(i, i + 2));
  return set;
};

function prepare(library: readonly Quotation[]): Prepared[] {
  let p = prepared.get(library);
  if (!p) prepared.set(library, (p = library.map((quotation) => ({ quotation, letters: letters(quotation.text).text, pairs: pairsOf(letters(quotation.text).text) }))));
  return p;
}

/** The library entry a quote comes from, exactly or nearly; results are kept per library (both quotation rules ask). */
export function lookUp(quote: string, library: readonly Quotation[]): Lookup {
  let cache = looked.get(library);
  if (!cache) looked.set(library, (cache = new Map()));
  const hit = cache.get(quote);
  if (hit) return hit;
  // Typing inside a quotation makes a new key each time: keep the cache small.
  if (cache.size > 500) cache.clear();
  const result = find(quote, library);
  cache.set(quote, result);
  return result;
}

function find(quote: string, library: readonly Quotation[]): Lookup {
  const q = letters(quote);
  const qPairs = pairsOf(q.text);
  let best: { quotation: Quotation; distance: number; start: number; end: number } | undefined;
  for (const { quotation, letters: text, pairs } of prepare(library)) {
    if (text.includes(q.text)) return { kind: 'exact', quotation };
    // An entry that shares few character pairs with the quote cannot be a near copy of it: skip the alignment.
    let shared = 0;
    for (const p of qPairs) if (pairs.has(p)) shared++;
    if (shared < qPairs.size / 2) continue;
    const m = bestMatch(q.text, text);
    if (!best || m.distance < best.distance) best = { quotation, ...m };
  }
  if (!best || !closeEnough(q.text.length, best.distance)) {
    // The same characters in another order (halves swapped) are far apart by edit distance.
    best = undefined;
    for (const { quotation, letters: text } of prepare(library)) {
      const at = sameLettersAt(q.text, text);
      if (at >= 0) {
        best = { quotation, distance: q.text.length, start: at, end: at + q.text.length };
        break;
      }
    }
    if (!best) return { kind: 'unknown' };
  }
  // The original wording of the matched part, with its own punctuation, ending as the quote ends.
  const e = letters(best.quotation.text);
  const from = e.at[best.start] ?? 0;
  let to = (e.at[best.end - 1] ?? from) + 1;
  if (/[。！？；，]$/.test(quote)) while (to < best.quotation.text.length && /[。！？；，]/.test(best.quotation.text[to])) to++;
  return { kind: 'close', quotation: best.quotation, original: best.quotation.text.slice(from, to), distance: best.distance };
}

export const describeSource = (q: Quotation) => (q.date ? `${q.source}（${q.date}）` : q.source);

/** Where in `hay` a window holds exactly the letters of `needle` in some order; -1 if nowhere. */
function sameLettersAt(needle: string, hay: string): number {
  const n = needle.length;
  if (n === 0 || n > hay.length) return -1;
  const need = new Map<string, number>();
  for (const c of needle) need.set(c, (need.get(c) ?? 0) + 1);
  const have = new Map<string, number>();
  let matched = 0; // distinct letters whose counts agree
  const bump = (c: string, d: number) => {
    const before = have.get(c) ?? 0;
    const target = need.get(c) ?? 0;
    if (before === target) matched--;
    have.set(c, before + d);
    if (before + d === target) matched++;
  };
  const all = new Set([...needle, ...hay]);
  for (const c of all) if ((need.get(c) ?? 0) === 0) matched++;
  for (let j = 0; j < hay.length; j++) {
    bump(hay[j], 1);
    if (j >= n) bump(hay[j - n], -1);
    if (j >= n - 1 && matched === all.size) return j - n + 1;
  }
  return -1;
}
