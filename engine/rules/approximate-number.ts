import { t } from '../i18n';
import { parseChineseNumeral } from '../model/numerals';
import type { ParagraphRule } from './rule';
import { q, spanOf } from './util';

// 三、四个 / 七、八名: two neighbouring numbers before a measure word give an estimate.
const PAIR = /(?<![第\u3007一二三四五六七八九十])([一两二三四五六七八九])、([二三四五六七八九十])(?=[个名人次天项种条位家岁倍场篇])/g;

/** No 顿号 inside an approximate number: 三四个, not 三、四个. */
export const approximateNumber: ParagraphRule = {
  id: 'approximate-number',
  fixable: true,
  defaultSeverity: 'warning',
  summary: '表示概数的相邻数字之间不用顿号（三四个）',
  source: 'GB/T 15834—2011 4.5（顿号）；GB/T 15835—2011 概数',
  scope: 'paragraph',
  checkLine(line, ctx) {
    PAIR.lastIndex = 0;
    for (let m = PAIR.exec(line.text); m; m = PAIR.exec(line.text)) {
      if ((parseChineseNumeral(m[2]) ?? 0) - (parseChineseNumeral(m[1]) ?? 0) !== 1) continue;
      const span = spanOf(line, m.index, m.index + m[0].length);
      const right = m[1] + m[2];
      ctx.report({
        span,
        message: t('概数{0}中间不用顿号，应写作{1}。', q(m[0]), q(right)),
        fix: { title: t('改为{0}', q(right)), edits: [{ span, newText: right }], safe: true },
      });
    }
  },
};
