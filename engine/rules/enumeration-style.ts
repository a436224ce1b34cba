import { t } from '../i18n';
import type { ParagraphRule } from './rule';
import { q, spanOf } from './util';

// "1是把每月10号定为学习日，2是……": 一是、二是 written with an Arabic digit. At the start of a clause
// (after a mark or at the line's start) and before a Han character, a digit and 是 do nothing else:
// "第1是" and "1是指" are not at a clause's start, and "1.5是" has no Han after the digit.
// The clause start is checked in code: a pattern that starts with a lookbehind is tried at every
// position of every line, one that starts with the digit is found by a fast scan.
const DIGIT_SHI = /([1-9１-９])是(?=[\u4e00-\u9fff])/g;
const CLAUSE_START = /[，。；：、！？\s（(]/;
const HAN_NUMERALS = '一二三四五六七八九';

/** "1是": an enumeration of 一是、二是 written with a digit. */
export const enumerationStyle: ParagraphRule = {
  id: 'enumeration-style',
  fixable: true,
  defaultSeverity: 'warning',
  summary: '“一是、二是”写成了“1是、2是”',
  source: '公文写作惯例',
  scope: 'paragraph',
  checkLine(line, ctx) {
    const { text } = line;
    if (!text.includes('是')) return;
    DIGIT_SHI.lastIndex = 0;
    for (let m = DIGIT_SHI.exec(text); m; m = DIGIT_SHI.exec(text)) {
      if (m.index > 0 && !CLAUSE_START.test(text[m.index - 1])) continue;
      const digit = m[1];
      const n = digit.charCodeAt(0) >= 0xff10 ? digit.charCodeAt(0) - 0xff10 : Number(digit);
      const right = `${HAN_NUMERALS[n - 1]}是`;
      const span = spanOf(line, m.index, m.index + 2);
      ctx.report({
        span,
        message: t('列举写成了{0}：“一是、二是”用汉字数字。请改为{1}。', q(`${digit}是`), q(right)),
        fix: { title: t('改为{0}', q(right)), edits: [{ span, newText: right }], safe: true },
      });
    }
  },
};
