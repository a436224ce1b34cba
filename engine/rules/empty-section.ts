import type { Section } from '../model/types';
import { t } from '../i18n';
import type { Rule } from './rule';
import { q, trimmedSpan } from './util';

/**
 * A heading with nothing under it before the next heading of the same or a higher level. Short
 * numbered items ("1. 学习党章；" in a Markdown list, or a run of bare "1." "2." lines with nothing
 * between them) are a list of points, not headings waiting for text.
 */
export const emptySection: Rule = {
  id: 'empty-section',
  defaultSeverity: 'warning',
  summary: '章节标题下没有内容',
  check(ctx) {
    const { model } = ctx;
    const hasTable = new Set(model.lines.filter((l) => l.block === 'tableCell').map((l) => l.section));
    const empty = (s: Section) => !s.runIn && s.children.length === 0 && !hasTable.has(s) && !s.body.some((l) => l.role === 'body');
    const siblings = (s: Section) => (s.parent ? s.parent.children : model.sections.filter((x) => !x.parent));
    const listItem = (s: Section) => {
      if (s.level < 3) return false;
      if (s.line.inList) return true;
      const all = siblings(s);
      const i = all.indexOf(s);
      return [all[i - 1], all[i + 1]].some((x) => x !== undefined && x.level === s.level && empty(x));
    };
    for (const section of model.sections) {
      if (!empty(section) || listItem(section)) continue;
      ctx.report({
        span: trimmedSpan(section.line),
        message: t('{0}一节没有内容：标题下应有正文。请补写该节内容，或删除这个空标题。', q(section.title)),
      });
    }
  },
};
