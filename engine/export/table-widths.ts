/**
 * Column widths from what the columns hold: a 责任人 column of two-character names should not take
 * as much room as a 措施 column of sixty characters. Widths are in table characters.
 */
import { width as charWidth } from './title-lines';

/** Width in characters, with the space renderers add where Chinese meets digits or letters. */
function width(s: string): number {
  const gaps = (s.match(/[\x21-\x7e](?=[^\x00-\x7f])|[^\x00-\x7f](?=[\x21-\x7e])/g) ?? []).length;
  return charWidth(s) + gaps * 0.25;
}

/**
 * @param columns each column's cell texts, header first
 * @param total   the characters a row can hold
 */
export function columnWidths(columns: string[][], total: number): number[] {
  if (columns.length === 0) return [];
  // A header is never broken; a column is at least two characters wide. Half a character of slack
  // each: a text exactly as wide as its cell is broken by rounding in the renderer.
  const least = columns.map((cells) => Math.max(2, Math.ceil(width(cells[0] ?? ''))) + 0.5);
  const longest = columns.map((cells, i) => Math.max(least[i], ...cells.map((c) => Math.ceil(width(c)) + 0.5)));
  const wanted = longest.reduce((a, b) => a + b, 0);
  if (wanted <= total) {
    // Everything fits on one line: share the spare room in proportion.
    return longest.map((w) => (w * total) / wanted);
  }
  // Columns shorter than a fair share keep their length; the long ones share what is left in
  // proportion to their length (never below their header).
  const widths = longest.slice();
  let open = widths.map((_, i) => i);
  for (;;) {
    const fixed = widths.reduce((s, w, i) => (open.includes(i) ? s : s + w), 0);
    const room = total - fixed;
    const openLength = open.reduce((s, i) => s + longest[i], 0);
    const shares = open.map((i) => (longest[i] * room) / openLength);
    const short = open.filter((i) => longest[i] <= room / open.length);
    const tooNarrow = open.filter((i, k) => shares[k] < least[i]);
    if (short.length === 0 && tooNarrow.length === 0) {
      open.forEach((i, k) => (widths[i] = shares[k]));
      return widths;
    }
    for (const i of tooNarrow) widths[i] = least[i];
    open = open.filter((i) => !short.includes(i) && !tooNarrow.includes(i));
    if (open.length === 0) {
      const sum = widths.reduce((a, b) => a + b, 0);
      return widths.map((w) => (w * total) / sum);
    }
  }
}
