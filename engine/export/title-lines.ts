/**
 * 7.3.1: a title too long for one line breaks into balanced lines shaped like a trapezoid (each
 * line no shorter than the one above) or a diamond (longest in the middle), with words kept whole
 * and never a short tail such as a lone "报告" on the last line.
 */
import { TITLE_MAX_CHARS_PER_LINE } from './gbt9704';

/**
 * Terms a title line never breaks inside. The word segmenter splits some of them ("社会|主义",
 * "习|近平"), and a title broken there reads wrong. Longest first.
 */
export const TITLE_TERMS = [
  '习近平新时代中国特色社会主义思想',
  '中国特色社会主义',
  '二十届四中全会',
  '专题组织生活会',
  '专题民主生活会',
  '组织生活会',
  '民主生活会',
  '社会主义',
  '习近平',
  '新时代',
  '党的二十大',
  '主题教育',
  '检视问题',
  '整改落实',
  '整改清单',
  '党支部',
  '委员会',
  '述职报告',
  '工作要点',
  '发言提纲',
];

/** A line may well start with these: the next part of the title begins there. */
const GOOD_START = /^(关于|暨|和|与|及|的报告|情况)/;
/** A line may well end after these. */
const GOOD_END = /(的|党支部|委员会|党委|党组)$/;

/** Width in title characters: CJK and full-width count 1, Latin letters and digits ½. */
export function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\x20-\x7e]/.test(ch) ? 0.5 : 1;
  return w;
}

function words(title: string): string[] {
  // Offsets inside a term: no cut there.
  const inside = new Set<number>();
  for (const term of TITLE_TERMS) {
    for (let at = title.indexOf(term); at >= 0; at = title.indexOf(term, at + 1)) {
      for (let k = at + 1; k < at + term.length; k++) inside.add(k);
    }
  }
  const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
  const out: string[] = [];
  for (const { segment, index } of segmenter.segment(title)) {
    // Keep book-title marks and brackets with the words they enclose or follow, and terms whole.
    if (out.length > 0 && (inside.has(index) || /^[》）”’、，：]/.test(segment) || /[《（“‘]$/.test(out[out.length - 1]))) out[out.length - 1] += segment;
    else out.push(segment);
  }
  return out;
}

export function breakTitle(title: string, perLine = TITLE_MAX_CHARS_PER_LINE): string[] {
  const total = width(title);
  if (total <= perLine) return [title];
  const parts = words(title);
  let best: { lines: string[]; cost: number } | undefined;
  // Whole terms may need a line more than the width alone does.
  for (let lineCount = Math.ceil(total / perLine); !best && lineCount <= Math.ceil(total / perLine) + 2; lineCount++) {
    const ideal = total / lineCount;
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
  }
  if (best) return best.lines;
  // No cut fits whole words (a very long word): fall back to cutting at the width.
  const chars = [...title];
  const out: string[] = [];
  for (let i = 0; i < chars.length; i += perLine) out.push(chars.slice(i, i + perLine).join(''));
  return out;
}

/** Where a writer breaks a title: a line break (front matter, a YAML block) or `<br>`. */
const WRITER_BREAK = /[ \t\u3000]*(?:\r?\n|<br\s*\/?>)[ \t\u3000]*/i;

/** A title as the writer broke it, one entry a line ("关于召开……生活会\n情况的报告"), blank lines dropped. */
export function writerLines(title: string): string[] {
  return title.split(new RegExp(WRITER_BREAK.source, 'gi')).filter((l) => l.trim() !== '');
}

/**
 * The printed lines of a title: the writer's own breaks kept (7.3.1 asks for breaks that keep the
 * sense whole, which the writer knows best), and any line still too long broken by breakTitle.
 */
export function titleLines(title: string): string[] {
  return writerLines(title).flatMap((line) => breakTitle(line));
}

function score(lines: string[], ideal: number): number {
  const w = lines.map(width);
  let cost = w.reduce((s, x) => s + (x - ideal) ** 2, 0);
  const trapezoid = w.every((x, i) => i === 0 || x >= w[i - 1]);
  const peak = w.indexOf(Math.max(...w));
  // A diamond needs a middle: two lines are a trapezoid or nothing.
  const diamond = w.length >= 3 && w.every((x, i) => (i <= peak ? i === 0 || x >= w[i - 1] : x <= w[i - 1]));
  if (!trapezoid && !diamond) cost += 50;
  if (Math.min(...w) < ideal / 2) cost += 100; // a short tail like "报告"
  // Prefer cuts where the title's parts meet: before 关于, after 的 or an organisation's name.
  for (let i = 1; i < lines.length; i++) if (!GOOD_START.test(lines[i]) && !GOOD_END.test(lines[i - 1])) cost += 4;
  return cost;
}
