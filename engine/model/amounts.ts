/** Whole numbers as reports write them: 25, ２５, 二十五, 一百零二, 两. */
const DIGIT: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** The characters a number may be written with, for building patterns. */
export const NUMBER_CHARS = '0-9０-９〇零一二两三四五六七八九十百';

export function parseAmount(s: string): number | null {
  if (/^[0-9０-９]+$/.test(s)) return Number(s.replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10)));
  if (!/^[〇零一二两三四五六七八九十百]+$/.test(s)) return null;
  let total = 0;
  let digit: number | null = null;
  for (const ch of s) {
    if (ch === '百' || ch === '十') {
      const unit = ch === '百' ? 100 : 10;
      total += (digit ?? 1) * unit;
      digit = null;
    } else {
      // 二五 (digit after digit) is not how counts are written.
      if (digit !== null && digit !== 0) return null;
      digit = DIGIT[ch];
    }
  }
  return total + (digit ?? 0);
}
