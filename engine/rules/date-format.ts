import { t } from '../i18n';
import type { ParagraphRule } from './rule';
import { parseChineseNumeral } from '../model/numerals';
import { q, spanOf } from './util';

const DOTTED = /(?<![\d.\-/])(\d{4})([.\-/．／])(\d{1,2})\2(\d{1,2})(?![\d.\-/])/g;
const WRITTEN = /(?<!\d)(\d{4})年(\d{1,2})月(?:(\d{1,2})日)?/g;
const SHORT_YEAR = /(?<![\d])(\d{2})年(\d{1,2})月(?:(\d{1,2})日)?/g;
// 一月二十四日, 二〇二一年七月一日: a calendar date in Chinese numerals (month and day both there).
const IN_CHINESE = /(?:([〇○零一二三四五六七八九]{4})年)?([一二三四五六七八九十]{1,2})月([一二三四五六七八九十]{1,3})日/g;
// Lunar dates keep Chinese numerals (农历八月十五日).
const LUNAR_BEFORE = /(?:农历|阴历|夏历)[^，。；\d]{0,4}$/;
const YEAR_DIGITS = '〇一二三四五六七八九';
// "13月1日", "2月30日": a month or day the calendar does not have.
const MONTH_DAY = /(?<![\d.])(\d{1,2})月(\d{1,2})日/g;
// "13月1月9日", "13月底": a month past December, where a date's month stands (13月1日 is MONTH_DAY's).
const NO_SUCH_MONTH = /(?<![\d.])(?:1[3-9]|[2-9]\d)月(?!\d{1,2}日)(?=\d|份|底|初|上旬|中旬|下旬)/g;
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
// "201年度", "202年3月": a year with a digit lost.
const SHORT_CENTURY_YEAR = /(?<![\d.])((?:19|20)\d)(?=年度|年\d{1,2}月)/g;

const valid = (m: number, d?: number) => m >= 1 && m <= 12 && (d === undefined || (d >= 1 && d <= 31));
const written = (y: string, m: number, d?: number) => `${y}年${m}月${d === undefined ? '' : `${d}日`}`;

/** Dates in running text: 2021年7月1日 — not 2021.7.1, 2021-07-01, 21年7月 or 2021年07月01日. */
export const dateFormat: ParagraphRule = {
  id: 'date-format',
  defaultSeverity: 'warning',
  summary: '日期写法不规范（应为2021年7月1日）',
  fixable: true,
  source: 'GB/T 15835—2011',
  scope: 'paragraph',
  readsFrontMatterValues: true,
  checkLine(line, ctx) {
    const text = line.text;
    DOTTED.lastIndex = 0;
    for (let m = DOTTED.exec(text); m; m = DOTTED.exec(text)) {
      const month = Number(m[3]);
      const day = Number(m[4]);
      if (!valid(month, day)) continue;
      const span = spanOf(line, m.index, m.index + m[0].length);
      const standard = written(m[1], month, day);
      ctx.report({
        span,
        message: t('日期{0}写法不规范：正文中日期应写作{1}（年月日齐全、不编虚位）。', q(m[0]), q(standard)),
        fix: { title: t('改为{0}', q(standard)), edits: [{ span, newText: standard }], safe: true },
      });
    }
    WRITTEN.lastIndex = 0;
    for (let m = WRITTEN.exec(text); m; m = WRITTEN.exec(text)) {
      const leadingZero = /^0/.test(m[2]) || (m[3] !== undefined && /^0/.test(m[3]));
      const month = Number(m[2]);
      const day = m[3] === undefined ? undefined : Number(m[3]);
      if (!leadingZero || !valid(month, day)) continue;
      const span = spanOf(line, m.index, m.index + m[0].length);
      const standard = written(m[1], month, day);
      ctx.report({
        span,
        message: t('日期{0}编了虚位：月、日不加“0”，应写作{1}。', q(m[0]), q(standard)),
        fix: { title: t('改为{0}', q(standard)), edits: [{ span, newText: standard }], safe: true },
      });
    }
    SHORT_YEAR.lastIndex = 0;
    for (let m = SHORT_YEAR.exec(text); m; m = SHORT_YEAR.exec(text)) {
      if (!valid(Number(m[2]), m[3] === undefined ? undefined : Number(m[3]))) continue;
      ctx.report({
        span: spanOf(line, m.index, m.index + m[0].length),
        message: t('日期{0}的年份不全：年份应写全四位，如{1}。请补全年份。', q(m[0]), q(`20${m[1]}年`)),
      });
    }
    const noSuchDate = (m: RegExpExecArray) =>
      ctx.report({
        span: spanOf(line, m.index, m.index + m[0].length),
        message: t('日期{0}不存在：月份是 1 至 12，日不超过当月的天数。请核对日期。', q(m[0])),
      });
    MONTH_DAY.lastIndex = 0;
    for (let m = MONTH_DAY.exec(text); m; m = MONTH_DAY.exec(text)) {
      const month = Number(m[1]);
      const day = Number(m[2]);
      if (!(month >= 1 && month <= 12 && day >= 1 && day <= DAYS_IN_MONTH[month - 1])) noSuchDate(m);
    }
    NO_SUCH_MONTH.lastIndex = 0;
    for (let m = NO_SUCH_MONTH.exec(text); m; m = NO_SUCH_MONTH.exec(text)) noSuchDate(m);
    SHORT_CENTURY_YEAR.lastIndex = 0;
    for (let m = SHORT_CENTURY_YEAR.exec(text); m; m = SHORT_CENTURY_YEAR.exec(text)) {
      ctx.report({
        span: spanOf(line, m.index, m.index + m[0].length),
        message: t('年份{0}少了一位：年份应写全四位。请补全年份。', q(`${m[1]}年`)),
      });
    }
    if (!text.includes('月')) return;
    IN_CHINESE.lastIndex = 0;
    for (let m = IN_CHINESE.exec(text); m; m = IN_CHINESE.exec(text)) {
      const month = parseChineseNumeral(m[2]);
      const day = parseChineseNumeral(m[3]);
      if (month === null || day === null || !valid(month, day)) continue;
      if (LUNAR_BEFORE.test(text.slice(Math.max(0, m.index - 8), m.index))) continue;
      const year = m[1] === undefined ? '' : [...m[1]].map((c) => YEAR_DIGITS.indexOf(c === '○' || c === '零' ? '〇' : c)).join('');
      const standard = `${year && `${year}年`}${month}月${day}日`;
      const span = spanOf(line, m.index, m.index + m[0].length);
      ctx.report({
        span,
        message: t('日期{0}用了汉字数字：公历日期用阿拉伯数字，应写作{1}。', q(m[0]), q(standard)),
        fix: { title: t('改为{0}', q(standard)), edits: [{ span, newText: standard }], safe: true },
      });
    }
  },
};
