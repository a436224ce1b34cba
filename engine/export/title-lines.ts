/**
 * 7.3.1: a title too long for one line breaks into balanced lines shaped like a trapezoid (each
 * line no shorter than the one above) or a diamond (longest in the middle), with words kept whole
 * and never a short tail such as a lone "报告" on the last line.
 */
import { TITLE_CHARS_PER_LINE } from './gbt9704';

/** Width in title characters: CJK and full-width count 1, Latin letters and digits ½. */
export function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\x20-\x7e]/.test(ch) ? 0.5 : 1;
  return w;
}

function words(title: string): string[] {
  const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
  const out: string[] = [];
  for (const { segment } of segmenter.segment(title)) {
    // Keep book-title marks and brackets with the words they enclose or follow.
    if (out.length > 0 && /^[》）”’、，：]/.test(segment)) out[out.length - 1] += segment;
    else if (out.length > 0 && /[《（“‘]$/.test(out[out.length - 1])) out[out.length - 1] += segment;
    else out.push(segment);
  }
  return out;
}

export function breakTitle(title: string, perLine = TITLE_CHARS_PER_LINE): string[] {
  const total = width(title);
  if (total <= perLine) return [title];
  const parts = words(title);
  const lineCount = Math.ceil(total / perLine);
  const ideal = total / lineCount;
  let best: { lines: string[]; cost: number } | undefined;

  // Try every way to cut the words into `lineCount` lines (titles are short: this stays small).
  const search = (from: number, lines: string[]) => {
    if (lines.length === lineCount - 1) {
      const last = parts.slice(from).join('');
      if (!last || width(last) > perLine) return;
      const all = [...lines, last];
      const cost = score(all, ideal);
      if (!best || cost < best.cost) best = { lines: all, cost };
      return;
    }
    for (let to = from + 1; to < parts.length; to++) {
      const line = parts.slice(from, to).join('');
      if (width(line) > perLine) break;
      search(to, [...lines, line]);
    }
  };
  search(0, []);
  if (best) return best.lines;
  // No cut fits whole words (a very long word): fall back to cutting at the width.
  const chars = [...title];
  const out: string[] = [];
  for (let i = 0; i < chars.length; i += perLine) out.push(chars.slice(i, i + perLine).join(''));
  return out;
}

function score(lines: string[], ideal: number): number {
  const w = lines.map(width);
  let cost = w.reduce((s, x) => s + (x - ideal) ** 2, 0);
  const trapezoid = w.every((x, i) => i === 0 || x >= w[i - 1]);
  const peak = w.indexOf(Math.max(...w));
  const diamond = w.every((x, i) => (i <= peak ? i === 0 || x >= w[i - 1] : x <= w[i - 1]));
  if (!trapezoid && !diamond) cost += 50;
  if (Math.min(...w) < ideal / 2) cost += 100; // a short tail like "报告"
  return cost;
}
