import type { ReportLine, Span } from './types';

/**
 * Whether each character of a line's printed text is bold and struck through, or undefined when
 * none is (most lines). Struck text (~~删除~~) is printed struck, as the writer marked it: a 公文's
 * draft keeps what was written, and the strike shows what is to go. The export and the preview
 * print the same marks from this.
 *
 * @param length how many characters the printed text has
 * @param at     the index in line.text of printed character i (a code span's characters all map to it)
 * @param struck the draft's struck-through text (SourceBlocks.struck)
 */
export function emphasis(line: ReportLine, length: number, at: (i: number) => number, struck: readonly Span[]): { bold?: boolean[]; strike?: boolean[] } {
  const bold = line.bold.length === 0 ? undefined : Array.from({ length }, (_, i) => line.bold.some(([a, b]) => at(i) >= a && at(i) < b));
  if (line.starts.length === 0) return { bold };
  const from = line.starts[0];
  const to = line.ends[line.ends.length - 1];
  const inLine = struck.filter((s) => s.start < to && from < s.end);
  const strike = inLine.length === 0 ? undefined : Array.from({ length }, (_, i) => inLine.some((s) => line.starts[at(i)] >= s.start && line.starts[at(i)] < s.end));
  return { bold, strike };
}
