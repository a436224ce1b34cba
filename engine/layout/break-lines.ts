/**
 * Line breaking as LibreOffice and Word do it for Chinese text: fill each line greedily, never start
 * a line with closing punctuation or end one with opening punctuation (禁则), let 。，、 hang into
 * the margin rather than push a character down, and keep Latin words and numbers whole.
 */
import { charWidth } from './widths';

/** Characters that may not begin a line. */
const NO_START = new Set([...'!%),.:;?]}¢°·’"†‡›℃∶、。〃〆〕〗〞﹚﹜！＂％＇），．：；？］｝～」』】〉》”…—‥々ゝゞヽヾー']);
/** Characters that may not end a line. */
const NO_END = new Set([...'$([{£¥‘“〈《「『【〔〖〝﹙﹛＄（［｛￡￥']);
/**
 * Full-width punctuation allowed to hang past the right margin rather than push the character before
 * it down (the export leaves w:overflowPunct at its default, on): 、。，．：；！？ as LibreOffice hangs them.
 */
const HANGING = new Set([...'、。，．：；！？']);
/** Characters that join into one unbreakable word. */
const WORD = /[A-Za-z0-9\u00c0-\u024f'’.\-_@#&%+]/;

/** How far a line may overrun the measure before it counts as full (rounding to twips). */
const EPSILON = 0.05;

/**
 * Space added between a Chinese character and a Latin letter or digit next to it (Word's
 * autoSpaceDE/autoSpaceDN, on by default, which the export leaves on): a fifth of an em, measured
 * without the character spacing (3.45 pt at 3号 with −0.25 pt spacing, 2.8 pt at 4号, as LibreOffice
 * prints them). Not added next to full-width punctuation.
 */
export const AUTOSPACE_EM = 0.2;

const IDEOGRAPH = /[\u3400-\u9fff\uf900-\ufaff\u{20000}-\u{3134f}]/u;
const ALNUM = /[A-Za-z0-9]/;
/** True when the autospace sits between these two neighbours. */
export function autospaced(before: string, after: string): boolean {
  return (IDEOGRAPH.test(before) && ALNUM.test(after)) || (ALNUM.test(before) && IDEOGRAPH.test(after));
}

export interface LineSpan {
  /** Half-open range of the paragraph's text. */
  from: number;
  to: number;
  /** Printed width of the line's characters, in points. */
  width: number;
}

export interface BreakInput {
  text: string;
  size: number;
  spacing: number;
  /** Measure of the first line and of every later line, in points. */
  first: number;
  rest: number;
  /** Indices where a new line is forced. */
  breaks?: number[];
  /** Room right of the measure that hanging punctuation may use (the margin; a table cell's padding). */
  hang?: number;
  /** Raised ranges (footnote numbers): printed smaller, without the character spacing. */
  sup?: Array<[number, number]>;
}

/** A raised footnote number's size relative to the text (Word's and LibreOffice's superscript, 58 %). */
export const SUPERSCRIPT_SCALE = 0.58;

interface Unit {
  from: number;
  to: number;
  width: number;
  /** Autospace before the unit, dropped when the unit starts a line. */
  lead: number;
}

/** Splits text into the pieces a line may break between: single characters, or whole Latin words. */
function units(text: string, from: number, to: number, size: number, spacing: number, sup?: Array<[number, number]>): Unit[] {
  const out: Unit[] = [];
  let i = from;
  while (i < to) {
    const start = i;
    const raised = sup?.find(([a, b]) => start >= a && start < b);
    if (raised) {
      // A footnote number: one unit, small and without the body's character spacing.
      let width = 0;
      for (; i < Math.min(to, raised[1]); i++) width += charWidth(text[i], size * SUPERSCRIPT_SCALE);
      out.push({ from: start, to: i, width, lead: start > from && autospaced(text[start - 1], text[start]) ? AUTOSPACE_EM * size - spacing : 0 });
      continue;
    }
    const cp = text.codePointAt(i)!;
    const len = cp > 0xffff ? 2 : 1;
    let width = charWidth(text.slice(i, i + len), size, spacing);
    i += len;
    if (WORD.test(text[start]) && text[start] !== '.' && text[start] !== '%') {
      while (i < to && WORD.test(text[i])) {
        width += charWidth(text[i], size, spacing);
        i++;
      }
    }
    const lead = start > from && autospaced(text[start - 1], text[start]) ? AUTOSPACE_EM * size - spacing : 0;
    out.push({ from: start, to: i, width, lead });
  }
  return out;
}

/**
 * Line breaks of the paragraphs of the last layout, by paragraph text and measure: while the writer
 * types, only the paragraph being edited is broken again. Entries not used by a layout are dropped.
 */
export class BreakCache {
  private entries = new Map<string, LineSpan[]>();
  private next = new Map<string, LineSpan[]>();

  get(input: BreakInput): LineSpan[] {
    const key = `${input.size}|${input.spacing}|${input.first}|${input.rest}|${input.hang}|${input.breaks?.join(',') ?? ''}|${input.sup?.join(';') ?? ''}|${input.text}`;
    let spans = this.next.get(key) ?? this.entries.get(key);
    if (!spans) spans = breakLines(input);
    this.next.set(key, spans);
    return spans;
  }

  /** Called after each layout: forget the paragraphs the draft no longer has. */
  rotate(): void {
    this.entries = this.next;
    this.next = new Map();
  }
}

export function breakLines(input: BreakInput): LineSpan[] {
  const { text, size, spacing } = input;
  const forced = [...(input.breaks ?? []), text.length];
  const lines: LineSpan[] = [];
  let start = 0;
  for (const stop of forced) {
    breakSegment(text, start, stop, size, spacing, input.hang ?? Infinity, () => (lines.length === 0 ? input.first : input.rest), lines, input.sup);
    start = stop;
  }
  if (lines.length === 0) lines.push({ from: 0, to: 0, width: 0 });
  return lines;
}

function breakSegment(text: string, from: number, to: number, size: number, spacing: number, hang: number, measure: () => number, lines: LineSpan[], sup?: Array<[number, number]>) {
  const us = units(text, from, to, size, spacing, sup);
  if (us.length === 0) {
    lines.push({ from, to, width: 0 });
    return;
  }
  let i = 0;
  while (i < us.length) {
    const max = measure();
    let width = 0;
    let j = i;
    const advance = (k: number) => us[k].width + (k > i ? us[k].lead : 0);
    while (j < us.length && width + advance(j) <= max + EPSILON) width += advance(j++);
    if (j === us.length) {
      lines.push({ from: us[i].from, to: us[j - 1].to, width });
      break;
    }
    if (j === i) {
      // A word longer than the line: break it wherever it overflows.
      const u = us[i];
      let k = u.from;
      let w = 0;
      while (k < u.to && w + charWidth(text[k], size, spacing) <= max + EPSILON) w += charWidth(text[k++], size, spacing);
      if (k === u.from) k++;
      lines.push({ from: u.from, to: k, width: w });
      us[i] = { from: k, to: u.to, width: u.width - w, lead: 0 };
      continue;
    }
    const next = text[us[j].from];
    if (HANGING.has(next) && width + advance(j) <= max + hang + EPSILON) {
      // 。，、 hang in the margin; anything after them still goes down.
      width += advance(j);
      j++;
    } else {
      // Pull characters down until the break is allowed: no closing mark first, no opening mark last.
      let k = j;
      while (k > i + 1 && (NO_START.has(text[us[k].from]) || NO_END.has(text[us[k - 1].to - 1]))) k--;
      if (k > i) {
        for (let m = k; m < j; m++) width -= advance(m);
        j = k;
      }
    }
    lines.push({ from: us[i].from, to: us[j - 1].to, width });
    i = j;
  }
}
