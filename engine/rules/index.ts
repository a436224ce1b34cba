/**
 * Every rule, in the order their findings are listed. One rule a file; to add one, write it beside
 * these, add it here, and give it fixtures under test/fixtures/rules/<id>/.
 */
import { copiedParagraph } from './copied-paragraph';
import { adverbialDe } from './adverbial-de';
import { complementDe } from './complement-de';
import { approximateNumber } from './approximate-number';
import { attendance } from './attendance';
import { citationOrder } from './citation-order';
import { bulletList } from './bullet-list';
import { commonTypo } from './common-typo';
import { countMismatch } from './count-mismatch';
import { dateOrder } from './date-order';
import { dateFormat } from './date-format';
import { documentNumberFormat } from './document-number-format';
import { ellipsisDeng } from './ellipsis-deng';
import { emptySection } from './empty-section';
import { enumerationSequence } from './enumeration-sequence';
import { enumerationStyle } from './enumeration-style';
import { halfWidthPunctuation } from './half-width-punctuation';
import { formulationTypo } from './formulation-typo';
import { hardWrappedLines } from './hard-wrapped-lines';
import { itemDetails } from './item-details';
import { headingNumbering } from './heading-numbering';
import { headingPunctuation } from './heading-punctuation';
import { missingSection } from './missing-section';
import { numberForm } from './number-form';
import { quotation } from './quotation';
import { quotationUnverified } from './quotation-unverified';
import { quotedListComma } from './quoted-list-comma';
import { repeatedPunctuation } from './repeated-punctuation';
import { repeatedWord } from './repeated-word';
import { requestInReport } from './request-in-report';
import { roster } from './roster';
import { rosterName } from './roster-name';
import type { Rule } from './rule';
import { sectionOrder } from './section-order';
import { standardFormulation } from './standard-formulation';
import { straySpace } from './stray-space';
import { tableBlankLine } from './table-blank-line';
import { tableStructure } from './table-structure';
import { termQuotes } from './term-quotes';
import { unfilledPlaceholder } from './unfilled-placeholder';
import { unpairedPunctuation } from './unpaired-punctuation';
import { yearlyTheme } from './yearly-theme';

export const RULES: readonly Rule[] = [
  missingSection,
  sectionOrder,
  emptySection,
  headingNumbering,
  headingPunctuation,
  enumerationSequence,
  enumerationStyle,
  countMismatch,
  tableStructure,
  itemDetails,
  tableBlankLine,
  unfilledPlaceholder,
  halfWidthPunctuation,
  unpairedPunctuation,
  repeatedPunctuation,
  hardWrappedLines,
  straySpace,
  documentNumberFormat,
  dateFormat,
  standardFormulation,
  formulationTypo,
  termQuotes,
  commonTypo,
  adverbialDe,
  complementDe,
  repeatedWord,
  attendance,
  dateOrder,
  requestInReport,
  roster,
  rosterName,
  quotation,
  quotationUnverified,
  yearlyTheme,
  quotedListComma,
  approximateNumber,
  ellipsisDeng,
  citationOrder,
  numberForm,
  bulletList,
  copiedParagraph,
];

export function findRule(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}
