import { findCommonTypos } from '../formulations/common-typos';
import { getLocale, t } from '../i18n';
import type { ParagraphRule } from './rule';
import { q, spanOf } from './util';

/**
 * A common misspelling or misused word (布暑, 一如继往, 截止到年底): forms that are wrong wherever
 * they stand, listed in data/common-typos.yaml with the right form and why.
 */
export const commonTypo: ParagraphRule = {
  // 一如继往, 党的19大, 相形见拙 are also wrong forms of standard formulations and idioms in
  // data/formulations.yaml: standard-formulation (or formulation-typo) says so with the full phrase.
  yieldsTo: ['standard-formulation', 'formulation-typo'],
  id: 'common-typo',
  defaultSeverity: 'warning',
  summary: '常见错别字或误用词',
  fixable: true,
  source: '常见错别字表（data/common-typos.yaml）；《现代汉语词典》',
  scope: 'paragraph',
  checkLine(line, ctx) {
    for (const hit of findCommonTypos(line.text)) {
      const written = line.text.slice(hit.from, hit.to);
      const span = spanOf(line, hit.from, hit.to);
      ctx.report({
        span,
        message: t('{0}是错别字或误用，应为{1}：{2}。请改正。', q(written), q(hit.typo.right), getLocale() === 'en' ? (hit.typo.whyEn ?? hit.typo.why) : hit.typo.why),
        fix: { title: t('改为{0}', q(hit.typo.right)), edits: [{ span, newText: hit.typo.right }], safe: true },
      });
    }
  },
};
