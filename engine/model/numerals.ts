/** Chinese numerals as used in section numbers and counts: 一 … 九十九, and 两 for counts. */
const DIGITS = '〇一二三四五六七八九';

export function parseChineseNumeral(s: string): number | null {
  if (s === '两') return 2;
  if (s === '十') return 10;
  const m = /^([一二三四五六七八九]?)(十?)([一二三四五六七八九]?)$/.exec(s);
  if (!m || s.length === 0) return null;
  const [, tens, ten, units] = m;
  if (!ten) return tens && !units ? DIGITS.indexOf(tens) : null;
  return (tens ? DIGITS.indexOf(tens) : 1) * 10 + (units ? DIGITS.indexOf(units) : 0);
}

export function toChineseNumeral(n: number): string {
  if (n <= 0 || n >= 100 || !Number.isInteger(n)) return String(n);
  if (n < 10) return DIGITS[n];
  const tens = Math.floor(n / 10);
  const units = n % 10;
  return (tens > 1 ? DIGITS[tens] : '') + '十' + (units ? DIGITS[units] : '');
}

/** A count written either way: "四" or "4". */
export function parseCount(s: string): number | null {
  return /^\d+$/.test(s) ? Number(s) : parseChineseNumeral(s);
}
