import { t } from '../i18n';
import type { ParagraphRule } from './rule';
import { q, spanOf } from './util';

const DOTTED = /(?<![\d.\-/])(\d{4})([.\-/．／])(\d{1,2})\2(\d{1,2})(?![\d.\-/])/g;
const WRITTEN = /(?<!\d)(\d{4})年(\d{1,2})月(?:(\d{1,2})日)?/g;
const SHORT_YEAR = /(?<![\d])(\d{2})年(\d{1,2})月(?:(\d{1,2})日)?/g;

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
  },
};
