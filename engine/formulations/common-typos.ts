/**
 * Common misspellings and misused words (data/common-typos.yaml): forms that are wrong wherever
 * they stand, each with what replaces it and why.
 */
import { loadData } from '../data';

export interface CommonTypo {
  wrong: RegExp;
  /**
   * A quick test a line must pass before `wrong` is tried on it, for a pattern whose first character
   * is common (a digit): "\\d大" for 党的19大. Such a pattern stays out of the first-character filter.
   */
  needs?: RegExp;
  right: string;
  why: string;
  examples: { pass: string[]; fail: string[] };
}

interface TypoData {
  typos: Array<{ wrong: string; needs?: string; right: string; why: string; examples?: { pass?: string[]; fail?: string[] } }>;
}

let compiled: CommonTypo[] | undefined;

export function commonTypos(): CommonTypo[] {
  compiled ??= loadData<TypoData>('common-typos.yaml').typos.map((x) => ({
    wrong: new RegExp(x.wrong, 'gu'),
    needs: x.needs ? new RegExp(x.needs, 'u') : undefined,
    right: x.right,
    why: x.why,
    examples: { pass: x.examples?.pass ?? [], fail: x.examples?.fail ?? [] },
  }));
  return compiled;
}

export interface TypoHit {
  from: number;
  to: number;
  typo: CommonTypo;
}

// Every wrong form starts with one of these characters: lines without any are skipped cheaply.
// Undefined when some pattern's first character can't be read off (then every line is tried).
let firstChars: RegExp | null | undefined;
/** The typos with a `needs` test, which the first-character filter leaves out. */
let needing: CommonTypo[] | undefined;

/** The wrong forms in one line of text, left to right, none overlapping. */
export function findCommonTypos(text: string): TypoHit[] {
  const typos = commonTypos();
  if (firstChars === undefined) {
    const chars = typos.filter((x) => !x.needs).map((x) => leadingChars(x.wrong.source));
    firstChars = chars.some((c) => c === null) ? null : new RegExp(`[${[...new Set(chars.flat() as string[])].join('')}]`, 'u');
  }
  // A line with none of the first characters can hold only the typos that bring their own test.
  const candidates = !firstChars || firstChars.test(text) ? typos : (needing ??= typos.filter((x) => x.needs));
  const hits: TypoHit[] = [];
  for (const typo of candidates) {
    if (typo.needs && !typo.needs.test(text)) continue;
    typo.wrong.lastIndex = 0;
    for (let m = typo.wrong.exec(text); m; m = typo.wrong.exec(text)) {
      if (m[0].length === 0) {
        typo.wrong.lastIndex++;
        continue;
      }
      const from = m.index;
      const to = from + m[0].length;
      if (!hits.some((h) => from < h.to && to > h.from)) hits.push({ from, to, typo });
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
