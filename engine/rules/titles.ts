/**
 * Short names of the rules as writers read them (the headings of docs/rules.md), for hovers and
 * quick-fix labels: a Chinese UI shows 半角标点, never the id half-width-punctuation.
 */
import { t } from '../i18n';

const TITLES: Record<string, string> = {
  'missing-section': '缺少章节',
  'section-order': '章节顺序',
  'empty-section': '空章节',
  'heading-numbering': '标题序号',
  'heading-punctuation': '标题末尾标点',
  'enumeration-sequence': '列举顺序',
  'count-mismatch': '数量不一致',
  'table-structure': '整改清单表格',
  'unfilled-placeholder': '待填项',
  'half-width-punctuation': '半角标点',
  'unpaired-punctuation': '成对标点',
  'document-number-format': '发文字号',
  'date-format': '日期格式',
  'standard-formulation': '规范表述',
  'formulation-typo': '规范表述错字',
  'front-matter': '文首元数据',
  'size-limit': '文件过大',
  'parse-fallback': '按纯文本校验',
  'too-many': '问题过多',
};

/** The rule's title in the current language; an unknown id (a future rule) shows as itself. */
export function ruleTitle(id: string): string {
  const title = TITLES[id];
  return title ? t(title) : id;
}

export function ruleIdsWithTitles(): string[] {
  return Object.keys(TITLES);
}
