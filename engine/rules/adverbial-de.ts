import { t } from '../i18n';
import type { ParagraphRule } from './rule';
import { q, spanOf } from './util';

// "较好的完成了任务", "有力的推动了工作": 的 between an adverbial modifier and a verb that carries 了 and
// goes on to its object; the modifier takes 地 (较好地完成了). Two things together make it safe to say
// without a grammar: the word before 的 is one that modifies verbs in reports (the list below: 他的病好了,
// 其他的都做了 and 我们的确 have a noun or a pronoun there), and after 的 come two characters, 了 and more
// text, which a noun after 的 does not ("进行了深入的学习。" is right and not matched).
const MODIFIERS = [
  '有针对性', '针对性', '创造性', '创新性', '进一步',
  '较好', '很好', '良好', '有力', '有效', '有序', '认真', '积极', '扎实', '切实', '深入', '全面', '严肃', '主动', '及时',
  '充分', '不断', '持续', '稳步', '顺利', '圆满', '高效', '广泛', '严格', '坚决', '自觉', '深刻', '合理',
  '迅速', '彻底', '明显', '大力', '逐步', '精准', '细致', '耐心', '热情', '集中', '定期', '初步', '牢牢', '紧紧',
];
// (系统、科学 are left out: as often nouns — 信息系统的 — as modifiers.)
/** The shape alone, found by a fast scan for 的: most lines have none, and the list is not tried on them. */
const SHAPE = /的(?=[\u4e00-\u9fff]{2}了[\u4e00-\u9fff])/;
const DE_BEFORE_VERB_WITH_LE = new RegExp(`(?:${MODIFIERS.join('|')})的(?=[\\u4e00-\\u9fff]{2}了[\\u4e00-\\u9fff])`, 'g');

/** 了 that begins a word of its own (了解, 了结, 了然, 了却, 了不起): not an aspect marker. */
const LE_STARTS_WORD = /^[解结然却不]/;

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
    if (!text.includes('了') || !SHAPE.test(text)) return;
    DE_BEFORE_VERB_WITH_LE.lastIndex = 0;
    for (let m = DE_BEFORE_VERB_WITH_LE.exec(text); m; m = DE_BEFORE_VERB_WITH_LE.exec(text)) {
      const at = m.index + m[0].length - 1;
      const verb = text.slice(at + 1, at + 3);
      if (verb.includes('的') || verb.includes('了')) continue;
      if (LE_STARTS_WORD.test(text.slice(at + 4, at + 5))) continue;
      const modifier = m[0].slice(0, -1);
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
