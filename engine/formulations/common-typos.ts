/**
 * Common misspellings and misused words (data/common-typos.yaml): forms that are wrong wherever
 * they stand, each with what replaces it and why.
 */
import { loadData } from '../data';
import { ClaimedSpans } from '../text/claimed-spans';

export interface CommonTypo {
  wrong: RegExp;
  /**
   * A quick test a line must pass before `wrong` is tried on it, for a pattern whose first character
   * is common (a digit): "\\d大" for 党的19大. Such a pattern stays out of the first-character filter.
   */
  needs?: RegExp;
  right: string;
  why: string;
  /** The reason in English, for messages in English (`why-en`); the Chinese one where there is none. */
  whyEn?: string;
  examples: { pass: string[]; fail: string[] };
}

interface TypoData {
  typos: Array<{ wrong: string; needs?: string; right: string; why: string; 'why-en'?: string; examples?: { pass?: string[]; fail?: string[] } }>;
}

let compiled: CommonTypo[] | undefined;

export function commonTypos(): CommonTypo[] {
  compiled ??= loadData<TypoData>('common-typos.yaml').typos.map((x) => ({
    wrong: new RegExp(x.wrong, 'gu'),
    needs: x.needs ? new RegExp(x.needs, 'u') : undefined,
    right: x.right,
    why: x.why,
    whyEn: x['why-en'],
    examples: { pass: x.examples?.pass ?? [], fail: x.examples?.fail ?? [] },
  }));
  return compiled;
}

export interface TypoHit {
  from: number;
  to: number;
  typo: CommonTypo;
}

/**
 * Which typos a line can hold, read off the characters their patterns start with. Only those typos'
 * patterns are run over the line: most of the ~90 patterns are never run (nor compiled, which V8
 * does on first use) in a one-off check, where compiling them all was several milliseconds of start-up.
 */
interface LeadIndex {
  /** Every first character, as one class: one scan of a line finds those it has. */
  chars: RegExp;
  byChar: Map<string, CommonTypo[]>;
  /** Typos tried on every line: those with a `needs` test, and any whose first character can't be read off. */
  always: Set<CommonTypo>;
}

let leadIndex: LeadIndex | undefined;

function indexByLead(typos: CommonTypo[]): LeadIndex {
  const byChar = new Map<string, CommonTypo[]>();
  const always = new Set<CommonTypo>();
  for (const typo of typos) {
    const lead = typo.needs ? null : leadingChars(typo.wrong.source);
    if (!lead) {
      always.add(typo);
      continue;
    }
    for (const c of new Set(lead)) {
      const list = byChar.get(c);
      if (list) list.push(typo);
      else byChar.set(c, [typo]);
    }
  }
  const escape = (c: string) => c.replace(/[\\\]^-]/g, '\\$&');
  const chars = byChar.size > 0 ? new RegExp(`[${[...byChar.keys()].map(escape).join('')}]`, 'gu') : /(?!)/gu;
  return { chars, byChar, always };
}

/** The wrong forms in one line of text, left to right, none overlapping. */
export function findCommonTypos(text: string): TypoHit[] {
  const typos = commonTypos();
  const index = (leadIndex ??= indexByLead(typos));
  const possible = new Set<CommonTypo>();
  index.chars.lastIndex = 0;
  for (let m = index.chars.exec(text); m; m = index.chars.exec(text)) for (const typo of index.byChar.get(m[0])!) possible.add(typo);
  if (possible.size === 0 && index.always.size === 0) return [];
  const hits: TypoHit[] = [];
  const taken = new ClaimedSpans(text.length);
  // In the list's order, as without the index: an earlier typo wins where two overlap.
  for (const typo of typos) {
    if (!possible.has(typo) && !index.always.has(typo)) continue;
    if (typo.needs && !typo.needs.test(text)) continue;
    typo.wrong.lastIndex = 0;
    for (let m = typo.wrong.exec(text); m; m = typo.wrong.exec(text)) {
      if (m[0].length === 0) {
        typo.wrong.lastIndex++;
        continue;
      }
      const from = m.index;
      const to = from + m[0].length;
      if (taken.overlaps(from, to)) continue;
      taken.claim(from, to);
      hits.push({ from, to, typo });
    }
  }
  return hits.sort((a, b) => a.from - b.from);
}

/**
 * The characters a pattern can start with: the first character of each alternative (after a
 * lookbehind), or of a leading [class]; null when an alternative starts with anything else.
 */
function leadingChars(source: string): string[] | null {
  const out: string[] = [];
  for (const whole of splitTopLevel(source)) {
    const alternative = whole.replace(/^\(\?<[=!][^()]*\)/, '');
    const head = alternative.match(/^\[([^\]\\^]+)\]/);
    if (head) out.push(...head[1]);
    else if (/^[\p{L}\p{N}]/u.test(alternative)) out.push([...alternative][0]);
    else return null;
  }
  return out.map((c) => c.replace(/[\\\]^-]/g, '\\$&'));
}

/** Alternatives of a pattern at the top level (outside groups and classes). */
function splitTopLevel(source: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let inClass = false;
  let start = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) {
      parts.push(source.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(source.slice(start));
  return parts;
}
