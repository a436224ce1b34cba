import { t } from '../i18n';
import type { ParagraphRule } from './rule';
import { q, spanOf } from './util';

// "坚持的不够经常", "发挥的不够充分": 的 where a verb is followed by its complement, which takes 得
// (坚持得不够经常). What makes it safe to say without a grammar: the word before 的 is a verb from the
// list below, and after 的 comes one of the negative complements self-criticism is written with (不够,
// 不到位, 不深入…). "存在的不足" (a noun after 的) and "学习得不够深入" (right) are not matched.
const VERBS = [
  '坚持', '发挥', '学习', '落实', '贯彻', '执行', '理解', '领会', '把握', '研究', '考虑', '思考', '掌握', '联系',
  '宣传', '开展', '推进', '推动', '谋划', '检查', '督促', '整改', '剖析', '查摆', '挖掘', '反思', '调研', '带头',
  '做', '抓', '管', '干', '学', '想', '查', '改', '讲', '写',
];
const COMPLEMENTS = [
  '不够', '不到位', '不深入', '不扎实', '不彻底', '不充分', '不经常', '不全面', '不及时', '不严格', '不细致', '不透彻', '不深', '不实', '不细', '不严', '不好',
];
/** The shape alone, found by a fast scan: most lines have no 的 before 不 or 还不. */
const SHAPE = /的(?:还|仍|也|都)?不/;
const DE_BEFORE_COMPLEMENT = new RegExp(`(?:${VERBS.join('|')})的(?=(?:还|仍|也|都)?(?:${COMPLEMENTS.join('|')}))`, 'g');

/** "坚持的不够经常": 的 where a verb's complement needs 得. */
export const complementDe: ParagraphRule = {
  id: 'complement-de',
  fixable: true,
  defaultSeverity: 'warning',
  summary: '动词后连接补语用了“的”（应为“得”）',
  source: '《现代汉语词典》“得”（助词）',
  scope: 'paragraph',
  checkLine(line, ctx) {
    const { text } = line;
    if (!SHAPE.test(text)) return;
    DE_BEFORE_COMPLEMENT.lastIndex = 0;
    for (let m = DE_BEFORE_COMPLEMENT.exec(text); m; m = DE_BEFORE_COMPLEMENT.exec(text)) {
      const at = m.index + m[0].length - 1;
      const verb = m[0].slice(0, -1);
      const complement = text.slice(at + 1).match(new RegExp(`^(?:还|仍|也|都)?(?:${COMPLEMENTS.join('|')})`))![0];
      const span = spanOf(line, at, at + 1);
      ctx.report({
        span,
        message: t('{0}中的“的”应为“得”：动词后面连接补语用“得”。请改为{1}。', q(`${verb}的${complement}`), q(`${verb}得${complement}`)),
        // A heuristic, however narrow: the writer confirms each change.
        fix: { title: t('改为{0}', q('得')), edits: [{ span, newText: '得' }], safe: false },
      });
    }
  },
};
