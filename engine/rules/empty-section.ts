import { t } from '../i18n';
import type { Section } from '../model/types';
import type { DocumentRule } from './rule';
import { isSentenceItem, sameLevelNeighbours } from './sentence-items';
import { q, trimmedSpan } from './util';

/**
 * A heading with nothing under it before the next heading of the same or a higher level. Short
 * numbered items ("1. 学习党章；" in a Markdown list, or a run of bare "1." "2." lines with nothing
 * between them) are a list of points, not headings waiting for text.
 */
export const emptySection: DocumentRule = {
  id: 'empty-section',
  defaultSeverity: 'warning',
  summary: '章节标题下没有内容',
  source: '公文写作惯例',
  check(ctx) {
    const { model } = ctx;
    const hasTable = new Set<Section | undefined>();
    if (model.flow !== model.lines) for (const l of model.lines) if (l.block === 'tableCell') hasTable.add(l.section);
    const empty = (s: Section) => !s.runIn && s.children.length === 0 && !hasTable.has(s) && !s.body.some((l) => l.role === 'body');
    // "1. 制定计划" in a Markdown list, or a run of bare "1." "2." lines with nothing between them.
    const listItem = (s: Section) => {
      if (s.level < 3) return false;
      if (s.line.inList) return true;
      return sameLevelNeighbours(model, s).some(empty);
    };
    model.sections.forEach((section, i) => {
      if (section.runIn || section.children.length > 0 || hasTable.has(section)) return;
      // A numbered line that is itself a paragraph ("1.扎实组织学习……，着力……") or a list item
      // ("（2）每季度开展一次党务公开。") is not a heading waiting for text.
      if (isParagraphItem(section) || listItem(section) || isSentenceItem(model, section)) return;
      // "三、评议结果" written twice: the repeat is the one finding (heading-numbering), not an empty section.
      const next = model.sections[i + 1];
      if (next && next.level === section.level && next.title === section.title) return;
      if (section.body.some((l) => l.role === 'body')) return;
      ctx.report({
        span: trimmedSpan(section.line),
        message: t('{0}一节没有内容：标题下应有正文。请补写该节内容，或删除这个空标题。', q(section.title)),
      });
    });
  },
};

/** Longer than any heading writers use: the line is a paragraph that starts with a number. */
const PARAGRAPH_LENGTH = 40;

export function isParagraphItem(section: Section): boolean {
  const text = section.line.text.slice(section.numbering?.to ?? 0).trim();
  if (text.length > PARAGRAPH_LENGTH) return true;
  // "（一）打造一个格局：社区党工委发挥……": a heading with its text after the colon.
  const colon = text.search(/[：:]/);
  if (colon >= 0 && text.length - colon > 10) return true;
  return section.level >= 3 && /[。；！]$/.test(text);
}
