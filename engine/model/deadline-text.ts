/**
 * Whether a 整改时限 names a time: a date or a part of one (2026年6月底前, 3个月内, 第一季度, X月),
 * or a customary term of the report type (立行立改, 长期坚持). "尽快", "抓紧" name none.
 * Read by table-structure (the 整改时限 column) and item-details (a 整改时限： line).
 */
const TIME_WORDS = /\d|[XＸ０-９]|年|月|日|前|底|季度|之内|以内|[一二三四五六七八九十两]个?(周|星期)|周内|本周|下周/;

export function namesATime(text: string, terms: readonly string[]): boolean {
  return TIME_WORDS.test(text) || terms.some((term) => text.includes(term));
}
