/**
 * Every rule, in the order their findings are listed. One rule a file; to add one, write it beside
 * these, add it here, and give it fixtures under test/fixtures/rules/<id>/.
 */
import { countMismatch } from './count-mismatch';
import { dateFormat } from './date-format';
import { documentNumberFormat } from './document-number-format';
import { emptySection } from './empty-section';
import { enumerationSequence } from './enumeration-sequence';
import { halfWidthPunctuation } from './half-width-punctuation';
import { formulationTypo } from './formulation-typo';
import { headingNumbering } from './heading-numbering';
import { headingPunctuation } from './heading-punctuation';
import { missingSection } from './missing-section';
import type { Rule } from './rule';
import { sectionOrder } from './section-order';
import { standardFormulation } from './standard-formulation';
import { tableStructure } from './table-structure';
import { unfilledPlaceholder } from './unfilled-placeholder';
import { unpairedPunctuation } from './unpaired-punctuation';

export const RULES: readonly Rule[] = [
  missingSection,
  sectionOrder,
  emptySection,
  headingNumbering,
  headingPunctuation,
  enumerationSequence,
  countMismatch,
  tableStructure,
  unfilledPlaceholder,
  halfWidthPunctuation,
  unpairedPunctuation,
  documentNumberFormat,
  dateFormat,
  standardFormulation,
  formulationTypo,
];

export function findRule(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}
