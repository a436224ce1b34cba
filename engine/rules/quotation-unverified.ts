import { t } from '../i18n';
import { attributedQuotes, lookUp, MIN_QUOTE_LETTERS } from '../unit/quotations';
import { letters } from '../unit/similar';
import type { ParagraphRule } from './rule';
import { spanOf } from './util';

/** A quotation of 习近平总书记 that the library does not hold: a reminder to check it by hand. */
export const quotationUnverified: ParagraphRule = {
  id: 'quotation-unverified',
  defaultSeverity: 'information',
  summary: '引用习近平总书记讲话，原文库中未收录，请人工核对',
  source: '原文库（data/quotations/ 与 .party-report/quotations.yaml）',
  scope: 'paragraph',
  checkLine(line, ctx) {
    if (!line.text.includes('“') || !line.text.includes('总书记') && !line.text.includes('习近平')) return;
    for (const quote of attributedQuotes(line)) {
      if (letters(quote.text).text.length < MIN_QUOTE_LETTERS) continue;
      if (lookUp(quote.text, ctx.unit.quotations).kind !== 'unknown') continue;
      ctx.report({
        span: spanOf(line, quote.from, quote.to),
        message: t('未在原文库中找到，请核对原文：引用习近平总书记讲话须与权威版本一字不差。核对无误后，可把原文和出处加入 .party-report/quotations.yaml。'),
      });
    }
  },
};
