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
  'enumeration-style': '列举的写法',
  'count-mismatch': '数量不一致',
  'table-structure': '整改清单表格',
  'item-details': '整改事项的责任和时限',
  'table-blank-line': '表格后空行',
  'unfilled-placeholder': '待填项',
  'half-width-punctuation': '半角标点',
  'unpaired-punctuation': '成对标点',
  'hard-wrapped-lines': '断行的段落',
  'stray-space': '多余的空格',
  'common-typo': '错别字',
  'adverbial-de': '状语后的“地”',
  'complement-de': '补语前的“得”',
  'repeated-word': '重复字词',
  'document-number-format': '发文字号',
  'date-format': '日期格式',
  'standard-formulation': '规范表述',
  'formulation-typo': '规范表述错字',
  'attendance': '到会人数',
  'date-order': '日期先后',
  'request-in-report': '报告夹带请示',
  'roster': '班子名单',
  'roster-name': '人名笔误',
  'quotation': '引文',
  'quotation-unverified': '引文待核',
  'yearly-theme': '年度主题',
  'quoted-list-comma': '引号间顿号',
  'approximate-number': '概数',
  'ellipsis-deng': '省略号后的“等”',
  'term-quotes': '数字略语加引号',
  'repeated-punctuation': '标点重复',
  'citation-order': '引用公文顺序',
  'number-form': '数字写法',
  'bullet-list': '项目符号',
  'copied-paragraph': '照搬段落',
  'front-matter': '文首元数据',
  'size-limit': '文件过大',
  'parse-fallback': '按纯文本校验',
  'too-many': '问题过多',
  'parse-capped': '部分内容简化解析',
  'time-budget': '校验超时',
};

/** The rule's title in the current language; an unknown id (a future rule) shows as itself. */
export function ruleTitle(id: string): string {
  const title = TITLES[id];
  return title ? t(title) : id;
}

export function ruleIdsWithTitles(): string[] {
  return Object.keys(TITLES);
}
