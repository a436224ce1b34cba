import { t } from '../i18n';
import { q, quotedList } from './util';

/**
 * Whether a 整改时限 names a time: a date or a part of one (2026年6月底前, 3个月内, 第一季度, X月),
 * or a customary term of the report type (立行立改, 长期坚持). "尽快", "抓紧" name none.
 * Read by table-structure (the 整改时限 column) and item-details (a 整改时限： line), which report a
 * time that names none in the same words (vagueDeadline).
 */
const TIME_WORDS = /\d|[XＸ０-９]|年|月|日|前|底|季度|之内|以内|[一二三四五六七八九十两]个?(周|星期)|周内|本周|下周/;

export function namesATime(text: string, terms: readonly string[]): boolean {
  return TIME_WORDS.test(text) || terms.some((term) => text.includes(term));
}

/** The message for a 整改时限 that names no time; the example date is in the draft's own year. */
export function vagueDeadline(text: string, terms: readonly string[], year: number | undefined): string {
  const example = `${year ?? new Date().getFullYear()}年12月底前`;
  return t('整改时限{0}不明确：应写具体日期（如{1}）或{2}等规范用语。', q(text), q(example), quotedList(terms));
}
