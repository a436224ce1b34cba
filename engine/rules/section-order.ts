import { t } from '../i18n';
import type { DocumentRule } from './rule';
import { q, trimmedSpan } from './util';

/** The draft's sections stand in another order than the report type's. */
export const sectionOrder: DocumentRule = {
  id: 'section-order',
  defaultSeverity: 'warning',
  summary: '章节顺序与报告类型不符',
  source: '报告类型定义（report-types/）',
  check(ctx) {
    const { type, match } = ctx;
    let furthest: { index: number; title: string } | undefined;
    for (const root of match.roots) {
      // Only headings that name their section: a heading matched by its concept words may
      // legitimately stand elsewhere ("二、主要做法" that tells the 会前学习 after the 基本情况).
      if (root.index < 0 || root.how !== 'name') continue;
      if (furthest && root.index < furthest.index) {
        ctx.report({
          span: trimmedSpan(root.section.line),
          message: t('章节顺序不对：按{0}的结构，{1}应在{2}之前。请把这一节移到{2}前面，并相应调整编号。', type.name, q(root.section.title), q(furthest.title)),
        });
      } else {
        furthest = { index: root.index, title: root.section.title };
      }
    }
  },
};
