import { t } from '../i18n';
import type { ParagraphRule } from './rule';
import { q, spanOf } from './util';

// "较好的完成了任务", "有力的推动了工作": 的 between a modifier and a verb that carries 了 and goes on
// to its object. There the modifier is adverbial and takes 地 (较好地完成了). The shape "的 + two
// characters + 了 + more text" is what makes this safe to say without a grammar: a noun after 的 is
// not followed by 了 and an object ("深入的学习。" and "进行了深入的学习" are right and not matched).
const DE_BEFORE_VERB_WITH_LE = /的(?=[\u4e00-\u9fff]{2}了[\u4e00-\u9fff])/g;

/** 了 that begins a word of its own (了解, 了结, 了然, 了却, 了不起): not an aspect marker. */
const LE_STARTS_WORD = /^[解结然却不]/;
/** Nouns a sentence may end on with 了 (到了……的地步了，就): 的 before them is right. */
const NOUNS_BEFORE_LE = new Set(['时候', '地步', '程度', '样子', '份上', '年代', '日子', '阶段', '关头']);
const HAN = /[\u4e00-\u9fff]/;

/** "较好的完成了": 的 where an adverbial modifier before a verb needs 地. */
export const adverbialDe: ParagraphRule = {
  id: 'adverbial-de',
  fixable: true,
  defaultSeverity: 'warning',
  summary: '修饰动词的状语后用了“的”（应为“地”）',
  source: '《现代汉语词典》“地”（助词）',
  scope: 'paragraph',
  checkLine(line, ctx) {
    const { text } = line;
    if (!text.includes('了')) return;
    DE_BEFORE_VERB_WITH_LE.lastIndex = 0;
    for (let m = DE_BEFORE_VERB_WITH_LE.exec(text); m; m = DE_BEFORE_VERB_WITH_LE.exec(text)) {
      const at = m.index;
      const verb = text.slice(at + 1, at + 3);
      // A modifier stands before 的; at a line's start or after a mark there is none.
      if (at === 0 || !HAN.test(text[at - 1])) continue;
      if (verb.includes('的') || verb.includes('了') || NOUNS_BEFORE_LE.has(verb)) continue;
      if (LE_STARTS_WORD.test(text.slice(at + 4, at + 5))) continue;
      const modifier = text.slice(Math.max(0, at - 2), at);
      const span = spanOf(line, at, at + 1);
      ctx.report({
        span,
        message: t('{0}中的“的”应为“地”：修饰动词的状语后用“地”。请改为{1}。', q(`${modifier}的${verb}了`), q(`${modifier}地${verb}了`)),
        // A heuristic, however narrow: the writer confirms each change.
        fix: { title: t('改为{0}', q('地')), edits: [{ span, newText: '地' }], safe: false },
      });
    }
  },
};
