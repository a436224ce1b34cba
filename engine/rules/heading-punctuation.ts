import type { ReportLine } from '../model/types';
import { t } from '../i18n';
import type { DocumentRule } from './rule';
import { qm, spanOf } from './util';

const TRAILING = /[。，；：、,.;:]+$/;

/** A heading on its own line (and the title) ends without punctuation. */
export const headingPunctuation: DocumentRule = {
  id: 'heading-punctuation',
  defaultSeverity: 'warning',
  summary: '单独成行的标题末尾不应有标点',
  fixable: true,
  source: 'GB/T 9704—2012 7.3.1, GB/T 15834—2011',
  check(ctx) {
    const { model } = ctx;
    const lines: ReportLine[] = model.sections.filter((s) => !s.runIn).map((s) => s.line);
    if (model.title) lines.push(model.title);
    for (const line of lines) {
      const body = line.text.slice(line.numbering?.to ?? 0).replace(/[\s\u3000]+$/, '');
      const m = TRAILING.exec(body);
      if (!m) continue;
      const words = body.slice(0, m.index);
      const level = line.numbering?.level ?? 1;
      // A numbered line with commas inside is a sentence, not a heading: "1.加强学习，提高认识。" —
      // at the third and fourth levels, where items are written as sentences. A level-1 or level-2
      // heading standing alone is a heading even with a comma ("（一）在……，……方面。").
      if (line.headingDepth === 0 && line.role !== 'title' && level >= 3 && /[，,；;]/.test(words)) continue;
      // "（2）每季度开展一次党务公开。": a list item that is a sentence, not a heading.
      if (line.headingDepth === 0 && level >= 3 && /^[。；！]/.test(m[0])) continue;
      // A level-1/2 line much longer than a heading is a paragraph that begins with a number.
      if (line.headingDepth === 0 && line.role !== 'title' && words.length > 40) continue;
      const from = (line.numbering?.to ?? 0) + m.index;
      const span = spanOf(line, from, from + m[0].length);
      ctx.report({
        span,
        message: t('标题末尾不应有标点{0}：单独成行的标题不加句末标点（GB/T 9704）。请删去{0}。', qm(m[0])),
        fix: { title: t('删去{0}', qm(m[0])), edits: [{ span, newText: '' }], safe: true },
      });
    }
  },
};
