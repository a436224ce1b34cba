import { t } from '../i18n';
import type { Rule } from './rule';
import { q, trimmedSpan } from './util';

/** A heading with nothing under it before the next heading of the same or a higher level. */
export const emptySection: Rule = {
  id: 'empty-section',
  defaultSeverity: 'warning',
  summary: '章节标题下没有内容',
  source: '报告类型定义（report-types/<id>.yaml）',
  check(ctx) {
    const { model } = ctx;
    const hasTable = new Set(model.lines.filter((l) => l.block === 'tableCell').map((l) => l.section));
    for (const section of model.sections) {
      if (section.runIn || section.children.length > 0 || hasTable.has(section)) continue;
      const content = section.body.filter((l) => l.role === 'body');
      if (content.length > 0) continue;
      ctx.report({
        span: trimmedSpan(section.line),
        message: t('{0}一节没有内容：标题下应有正文。请补写该节内容，或删除这个空标题。', q(section.title)),
      });
    }
  },
};
