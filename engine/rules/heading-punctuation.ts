import type { ReportLine, Section } from '../model/types';
import { t } from '../i18n';
import type { DocumentRule } from './rule';
import { isSentenceItem } from './sentence-items';
import { qm, spanOf } from './util';

const TRAILING = /[。，；：、,.;:]+$/;

/**
 * No sentence ends inside the words (a heading is one sentence, however long), and no colon: in
 * "（二）健全两个机制：围绕……" a short heading runs into its paragraph.
 */
const isOneSentence = (words: string) => !/[。！？；!?;：:]/.test(words);

/** The section's heading is followed at once by its sub-sections, or by its 一是 enumeration. */
const breaksDown = (section: Section) =>
  section.body.length === 0 ? section.children.length > 0 : /^[\s\u3000]*一是/.test(section.body[0].text);

/** A heading on its own line (and the title) ends without punctuation. */
export const headingPunctuation: DocumentRule = {
  id: 'heading-punctuation',
  defaultSeverity: 'warning',
  summary: '单独成行的标题末尾不应有标点',
  fixable: true,
  source: 'GB/T 9704—2012 7.3.1, GB/T 15834—2011',
  check(ctx) {
    const { model } = ctx;
    const headings: { line: ReportLine; section?: Section }[] = model.sections.filter((s) => !s.runIn).map((s) => ({ line: s.line, section: s }));
    if (model.title) headings.push({ line: model.title });
    for (const { line, section } of headings) {
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
      // A level-1/2 line much longer than a heading is a paragraph that begins with a number, unless
      // it is one sentence that what follows breaks down: "（一）在……，……方面。" then "1.……" or "一是……".
      // Past 60 characters it is a heading with its paragraph run on after a lost line break.
      if (line.headingDepth === 0 && line.role !== 'title' && words.length > 40 && !(words.length <= 60 && section && isOneSentence(words) && breaksDown(section))) continue;
      // "（二）……不足，……少。" "（三）……。": a list of points written as sentences.
      if (section && isSentenceItem(model, section)) continue;
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
