import { t } from '../i18n';
import { attributedQuotes, describeSource, lookUp, MIN_QUOTE_LETTERS } from '../unit/quotations';
import { letters } from '../unit/similar';
import type { ParagraphRule } from './rule';
import { q, spanOf } from './util';

/** A quotation of 习近平总书记 that differs from the original by a character or a few. */
export const quotation: ParagraphRule = {
  id: 'quotation',
  fixable: true,
  defaultSeverity: 'warning',
  summary: '引用习近平总书记讲话与原文不符',
  source: '原文库（data/quotations/ 与 .party-report/quotations.yaml），各条注明讲话出处和日期',
  scope: 'paragraph',
  checkLine(line, ctx) {
    const library = ctx.unit.quotations;
    if (library.length === 0) return;
    if (!line.text.includes('“') || !line.text.includes('总书记') && !line.text.includes('习近平')) return;
    for (const quote of attributedQuotes(line)) {
      if (letters(quote.text).text.length < MIN_QUOTE_LETTERS) continue;
      const found = lookUp(quote.text, library);
      if (found.kind !== 'close') continue;
      const span = spanOf(line, quote.from, quote.to);
      ctx.report({
        span,
        message: t('引文与原文不符：原文为{0}（出处：{1}）。引用讲话须与原文一字不差，请核对后改正。', q(found.original), describeSource(found.quotation)),
        fix: { title: t('恢复原文{0}', q(found.original)), edits: [{ span, newText: found.original }], safe: false },
      });
    }
  },
};
