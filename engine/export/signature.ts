/**
 * 7.3.5: where the signature (署名) and the date (成文日期) go.
 *
 * Without a seal (7.3.5.2): the signature one blank line below the body with 2 characters of right
 * indent; the date on the next line starting 2 characters to the right of the signature's first
 * character. If the date is the longer, the date gets the 2-character right indent and the
 * signature is centred over it.
 *
 * With a seal (7.3.5.1): the date 4 characters from the right, the signature centred over the date,
 * and room above them for the seal, whose top stays within a line of the body.
 *
 * The date is placed by its start (left indent), not by right-aligning it with a computed indent:
 * renderers add a little space between Chinese characters and digits, so a date's printed width
 * is not its character count, but where it starts is exact.
 */
import type { AlignmentType } from 'docx';
import { CJK_LATIN_GAP, LATIN_CHARACTER_PITCH_PT, SEAL_BLANK_LINES, CHARACTER_PITCH_PT } from './gbt9704';
import { width } from './title-lines';

export function signatureIndents(signature: string, date: string): { signature: number; date: number } {
  const s = width(signature);
  const d = width(date);
  const dateIndent = s - d;
  if (dateIndent >= 2) return { signature: 2, date: dateIndent };
  return { signature: 2 + (d - s) / 2, date: 2 };
}

/** Printed width in twips of a line of 3号 body text: CJK characters, digits, and the gaps between them. */
export function printedWidth(text: string): number {
  let pt = 0;
  let previous: 'cjk' | 'latin' | undefined;
  for (const ch of text) {
    const kind = /[\x20-\x7e]/.test(ch) ? 'latin' : 'cjk';
    pt += kind === 'latin' ? LATIN_CHARACTER_PITCH_PT : CHARACTER_PITCH_PT;
    if (previous && previous !== kind && ch !== ' ') pt += CJK_LATIN_GAP;
    previous = kind;
  }
  return Math.round(pt * 20);
}

type Align = (typeof AlignmentType)[keyof typeof AlignmentType];

export interface PlacedLine {
  text: string;
  paragraph: { alignment: Align; indent: { left?: number; right?: number } };
}

export interface ClosingLayout {
  /** Blank lines between the body (or the attachment note) and the signature. */
  blankLines: number;
  signature: PlacedLine[];
  date?: PlacedLine;
}

const LEFT = 'left' as Align;
const RIGHT = 'right' as Align;

export function closingLayout(signature: string[], date: string, o: { sealed: boolean; textWidth: number; char: number }): ClosingLayout {
  const { textWidth, char } = o;
  const sigWidth = Math.max(0, ...signature.map(printedWidth));
  const dateWidth = date ? printedWidth(date) : 0;
  const atLeft = (text: string, left: number): PlacedLine => ({ text, paragraph: { alignment: LEFT, indent: { left: Math.max(0, Math.round(left)) } } });
  const atRight = (text: string, right: number): PlacedLine => ({ text, paragraph: { alignment: RIGHT, indent: { right: Math.round(right) } } });
  // Each signature line centred over the date, whose start is `dateLeft`.
  const centredOver = (dateLeft: number) => signature.map((s) => atLeft(s, dateLeft + (dateWidth - printedWidth(s)) / 2));

  if (o.sealed) {
    const dateLeft = textWidth - 4 * char - dateWidth;
    return {
      blankLines: SEAL_BLANK_LINES,
      signature: date ? centredOver(dateLeft) : signature.map((s) => atRight(s, 4 * char)),
      date: date ? atRight(date, 4 * char) : undefined,
    };
  }
  if (!date) return { blankLines: 1, signature: signature.map((s) => atRight(s, 2 * char)) };
  if (sigWidth - dateWidth >= 2 * char) {
    // The signature's first character is at textWidth − 2 characters − its width.
    return {
      blankLines: 1,
      signature: signature.map((s) => atRight(s, 2 * char)),
      date: atLeft(date, textWidth - 2 * char - sigWidth + 2 * char),
    };
  }
  return { blankLines: 1, signature: centredOver(textWidth - 2 * char - dateWidth), date: atRight(date, 2 * char) };
}
