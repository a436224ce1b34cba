import { t } from '../i18n';
import type { ReportLine, Section } from '../model/types';
import type { TypeSection } from '../report-types/types';
import type { DocumentRule, Fix, RuleContext } from './rule';
import { q, trimmedSpan } from './util';

/**
 * Each item of a section must name certain things (report-types/<id>.yaml, `items-name`): every
 * problem of a 整改方案 its 责任领导 and its 整改时限, or the plan cannot be followed up. The items
 * are the section's sub-headings ("（一）在……方面"), or its top headings when the draft gives each
 * problem one, or the section's heading itself when it has no sub-headings. A section that names them
 * once for all, before its items, names them for each.
 */
export const itemDetails: DocumentRule = {
  id: 'item-details',
  defaultSeverity: 'warning',
  summary: '整改方案的问题没有写明责任和时限',
  fixable: true,
  source: '报告类型定义（report-types/ 的 items-name）',
  check(ctx) {
    const { type, match, model } = ctx;
    for (const typeSection of type.sections) {
      if (typeSection.itemsName.length === 0) continue;
      const roots = match.roots.filter((r) => r.typeSection === typeSection);
      // A heading with sub-headings has them as its items, and its own lines before them speak for
      // all of them; a heading without is one item ("一、在……方面" a problem each).
      const items: Section[] = roots.flatMap((r) => (r.section.children.length > 0 ? r.section.children : [r.section]));
      const sharedText = roots.filter((r) => r.section.children.length > 0).map((r) => r.section.body.map((l) => l.text).join('\n')).join('\n');
      for (const item of items) {
        const lines = model.lines.slice(item.line.index, item.lastLine + 1).filter((l) => l.role !== 'closing' && l.role !== 'signature' && l.role !== 'date');
        const text = lines.map((l) => l.text).join('\n');
        const missing = typeSection.itemsName.filter((need) => !need.words.some((w) => text.includes(w) || sharedText.includes(w)));
        if (missing.length === 0) continue;
        ctx.report({
          span: trimmedSpan(item.line),
          message: t(
            '{0}没有写明{1}：{2}的每一项都要写明{3}。请在这一项里补上，如“{4}”。',
            q(item.title),
            missing.map((m) => m.what).join(t('和')),
            type.name,
            typeSection.itemsName.map((m) => m.what).join(t('、')),
            (missing[0].insert ?? missing[0].what).replace(/：.*$/, '：……'),
          ),
          fix: insertFix(ctx, lines, missing),
        });
      }
    }
  },
};

/** Adds the missing lines, with placeholders, after the item's last line: the writer fills them in. */
function insertFix(ctx: RuleContext, lines: ReportLine[], missing: TypeSection['itemsName']): Fix | undefined {
  const inserts = missing.map((m) => m.insert).filter((x): x is string => x !== undefined);
  const last = lines[lines.length - 1];
  if (inserts.length === 0 || !last || last.block === 'tableCell') return undefined;
  const { lineIndex } = ctx.model;
  const lineOf = (l: ReportLine) => lineIndex.positionAt(l.starts[0]).line;
  // Paragraphs apart by a blank line (Markdown) or one a line (pasted from Word), as the item has them.
  const blank = lines.length > 1 ? lineOf(lines[1]) - lineOf(lines[0]) > 1 : Boolean(ctx.model.markdownHeadings);
  const eol = lineIndex.eol();
  const at = lineIndex.lineEnd(lineIndex.positionAt(last.ends[last.ends.length - 1] - 1).line);
  const gap = blank ? eol + eol : eol;
  return {
    title: t('补上{0}', inserts.map((x) => q(x.replace(/：.*$/, ''))).join(t('和'))),
    safe: false,
    edits: [{ span: { start: at, end: at }, newText: inserts.map((x) => gap + x).join('') }],
  };
}
