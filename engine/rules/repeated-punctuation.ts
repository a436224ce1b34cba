import { t } from '../i18n';
import type { ParagraphRule } from './rule';
import { qm, spanOf } from './util';

// Two clause or sentence marks in a row: "学习，，对照", "会议。。", "学习，。". The ellipsis (……) and
// the dash (——) are doubled by design and are not among these marks.
const TWO_MARKS = /[，、；：。]{2,}/g;

/** "，，" or "，。": two punctuation marks where one belongs. */
export const repeatedPunctuation: ParagraphRule = {
  id: 'repeated-punctuation',
  fixable: true,
  defaultSeverity: 'warning',
  summary: '标点重复（“，，”）或两个点号连用（“，。”）',
  source: 'GB/T 15834—2011',
  scope: 'paragraph',
  checkLine(line, ctx) {
    const { text } = line;
    TWO_MARKS.lastIndex = 0;
    for (let m = TWO_MARKS.exec(text); m; m = TWO_MARKS.exec(text)) {
      const marks = m[0];
      const span = spanOf(line, m.index, m.index + marks.length);
      const same = [...marks].every((c) => c === marks[0]);
      // The same mark twice is a key pressed twice: one stays. Two different marks need the writer to
      // choose; the last one usually ends what was meant (学习，。→ 学习。).
      const kept = same ? marks[0] : marks[marks.length - 1];
      ctx.report({
        span,
        message: same
          ? t('标点{0}重复：同一处只用一个{1}。请删去多余的。', qm(marks), qm(marks[0]))
          : t('两个点号{0}连用：一处只用一个点号。请保留合适的一个（多半是{1}）。', qm(marks), qm(kept)),
        fix: { title: t('改为{0}', qm(kept)), edits: [{ span, newText: kept }], safe: same },
      });
    }
  },
};
