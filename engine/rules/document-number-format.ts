import { t } from '../i18n';
import type { ParagraphRule } from './rule';
import { q, spanOf } from './util';

// [2021]3号, 【2021】3号, （2021）3号, 〔21〕3号, 〔2021〕第03号 … — the year part and the serial.
const DOC_NUMBER = /([[【（(［〔])(\d{4}|\d{2}|[XＸ]{2,4})([\]】）)］〕])(第?)(0*)(\d{1,4}|[XＸ]{1,4})号/g;

/** Document numbers (发文字号) must read 〔2021〕3号: six-corner brackets, full year, no 第, no leading zero. */
export const documentNumberFormat: ParagraphRule = {
  id: 'document-number-format',
  defaultSeverity: 'warning',
  summary: '发文字号格式不规范（应为〔2021〕3号）',
  fixable: true,
  source: 'GB/T 9704—2012 7.2.5',
  scope: 'paragraph',
  readsFrontMatterValues: true,
  checkLine(line, ctx) {
    DOC_NUMBER.lastIndex = 0;
    for (let m = DOC_NUMBER.exec(line.text); m; m = DOC_NUMBER.exec(line.text)) {
      const [all, open, year, close, di, zeros, serial] = m;
      const problems: string[] = [];
      if (open !== '〔' || close !== '〕') problems.push(t('年份应用六角括号“〔〕”，不用{0}', q(open + close)));
      if (/^\d{2}$/.test(year)) problems.push(t('年份应写全（如 2021，不写 21）'));
      if (di) problems.push(t('序号前不加“第”'));
      if (zeros && serial !== '0') problems.push(t('序号不编虚位（写 3，不写 03）'));
      if (problems.length === 0) continue;
      const span = spanOf(line, m.index, m.index + all.length);
      const standard = `〔${year}〕${serial}号`;
      const fixable = !/^\d{2}$/.test(year);
      ctx.report({
        span,
        message: t('发文字号{0}不规范：{1}。应写作{2}（GB/T 9704 7.2.5）。', q(all), problems.join(t('；')), fixable ? q(standard) : t('“〔2021〕3号”的形式')),
        fix: fixable ? { title: t('改为{0}', q(standard)), edits: [{ span, newText: standard }], safe: true } : undefined,
      });
    }
  },
};
