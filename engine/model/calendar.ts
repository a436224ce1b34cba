/** Calendar dates as reports write them: 2024年1月15日, 二〇二四年一月十五日, or 2024-01-15 in front matter. */
import { parseAmount } from './amounts';

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

const YEAR_DIGITS: Record<string, string> = { 〇: '0', 零: '0', '○': '0', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };

/** A valid date, or undefined (31 February is not a date). */
export function makeDate(year: number, month: number, day: number): CalendarDate | undefined {
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return undefined;
  return { year, month, day };
}

/** "2024年1月15日" or "二〇二四年一月十五日", the whole string. */
export function parseWrittenDate(s: string): CalendarDate | undefined {
  const m = /^\s*([0-9]{4}|[〇零○一二三四五六七八九]{4})年([0-9]{1,2}|[一二三四五六七八九十]{1,3})月([0-9]{1,2}|[一二三四五六七八九十]{1,3})日\s*$/.exec(s);
  if (!m) return undefined;
  const year = /^\d/.test(m[1]) ? Number(m[1]) : Number([...m[1]].map((c) => YEAR_DIGITS[c]).join(''));
  const month = parseAmount(m[2]);
  const day = parseAmount(m[3]);
  return month === null || day === null ? undefined : makeDate(year, month, day);
}

/** A front matter value: a YAML date, "2024-01-15", "2024/1/15" or a written date. */
export function parseDateValue(v: unknown): CalendarDate | undefined {
  if (v instanceof Date && !Number.isNaN(v.getTime())) return makeDate(v.getUTCFullYear(), v.getUTCMonth() + 1, v.getUTCDate());
  if (typeof v !== 'string') return undefined;
  const iso = /^\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\s*$/.exec(v);
  if (iso) return makeDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  return parseWrittenDate(v);
}

export const compareDates = (a: CalendarDate, b: CalendarDate) => a.year - b.year || a.month - b.month || a.day - b.day;

/** 0 = Sunday … 6 = Saturday. */
export const weekday = (d: CalendarDate) => new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay();

export const WEEKDAY_NAMES = ['日', '一', '二', '三', '四', '五', '六'];

export const writeDate = (d: CalendarDate) => `${d.year}年${d.month}月${d.day}日`;
