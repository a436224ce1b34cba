import { t } from '../i18n';
import type { ParagraphRule } from './rule';
import { spanOf } from './util';

// Spaces a Chinese sentence never holds: half-width, no-break and tab. A full-width space (U+3000)
// is left alone: writers use it on purpose to indent and to align two-character names (张　三).
const SPACES = /[ \u00a0\t]+/g;
// Han characters and the CJK marks ，。、；：？！“”‘’（）《》【】…— and the like: util.ts's CJK without
// the full-width space and the full-width digits and letters, which are no Chinese neighbours here.
const CHINESE = /[\u3001-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65\u2018\u2019\u201c\u201d\u2014\u2026]/;
const DIGIT = /[0-9０-９]/;
const OPENING = /[（(【〔［“‘《〈]/;
const CLOSING = /[）)】〕］”’》〉]/;
// "2025年  月  日", "（    ）": a blank left to be filled in, not a stray space.
const BLANK_BEFORE = /^[年月日号时分]/;
const CLAUSE_MARK = /[，。；：？！、,;:?!]/;

/**
 * A space between Chinese characters, or between Chinese and a number ("2025 年度", "一是 理论学习",
 * "。 在学习……"): Chinese text is set without spaces (GB/T 15834 and 公文 practice); such spaces come
 * with text copied out of a PDF or a web page. A space next to a Latin word ("Excel 表格") is a
 * matter of style and is left alone, as are indentation, line ends and table cells.
 */
export const straySpace: ParagraphRule = {
  id: 'stray-space',
  defaultSeverity: 'warning',
  summary: '汉字、数字和标点之间有多余的空格',
  fixable: true,
  source: 'GB/T 15834—2011；GB/T 9704—2012 7.3.3',
  scope: 'paragraph',
  checkLine(line, ctx) {
    if (line.block === 'tableCell' || !/[ \u00a0\t]/.test(line.text)) return;
    for (const group of clauseGroups(line.text, strayIn(line.text))) {
      const spans = group.map(([from, to]) => spanOf(line, from, to));
      ctx.report({
        span: { start: spans[0].start, end: spans[spans.length - 1].end },
        message:
          spans.length === 1
            ? t('多余的空格：汉字、数字和标点之间不加空格（从 PDF 或网页复制的文字常带有这种空格）。请删除。')
            : t('这一句有 {0} 处多余的空格：汉字、数字和标点之间不加空格（从 PDF 或网页复制的文字常带有这种空格）。请删除。', spans.length),
        fix: { title: t('删除多余的空格'), edits: spans.map((span) => ({ span, newText: '' })), safe: true },
      });
    }
  },
};

const HAN_WORDS = /^[\u3400-\u4dbf\u4e00-\u9fff]{2,8}$/;

/**
 * "林庄村党总支书记 张振华": a line that is only a position and a name, the byline under a title,
 * where a space between the two is how it is set.
 */
function isByline(text: string): boolean {
  const parts = text.trim().split(/[ \u00a0\t]+/);
  return parts.length === 2 && parts[0].length <= 24 && /^[\u3400-\u4dbf\u4e00-\u9fff]{2,4}$/.test(parts[1]) && HAN_WORDS.test(parts[0].slice(-8)) && !/[，。；：、！？,.;:!?]/.test(text);
}

/**
 * "“先锋张浦 乐居如意”": inside quotation marks, a space between short phrases without punctuation
 * separates the halves of a slogan or a name, as it is written.
 */
function inQuotedSlogan(text: string, from: number, to: number): boolean {
  const open = nearest(text, '“', '”', from - 1, -1);
  if (open < 0) return false;
  const close = nearest(text, '”', '“', to, 1);
  if (close < 0) return false;
  return text
    .slice(open + 1, close)
    .split(/[ \u00a0\t]+/)
    .every((part) => HAN_WORDS.test(part));
}

/** How far a quoted slogan can reach from a space inside it (its halves are short phrases). */
const SLOGAN_REACH = 40;

/**
 * The offset of `mark` nearest to `at` going in `step`'s direction, within SLOGAN_REACH and with no
 * `other` in between; -1 if none. Bounded: a search to the line's end for every space made a pasted
 * line of 300,000 spaces take 76 s.
 */
function nearest(text: string, mark: string, other: string, at: number, step: 1 | -1): number {
  for (let i = at, n = 0; i >= 0 && i < text.length && n <= SLOGAN_REACH; i += step, n++) {
    if (text[i] === mark) return i;
    if (text[i] === other) return -1;
  }
  return -1;
}

/** The stray space runs of a line's text, as [from, to) pairs. */
function strayIn(text: string): Array<[number, number]> {
  const found: Array<[number, number]> = [];
  if (isByline(text)) return found;
  const lead = text.length - text.trimStart().length;
  const end = text.trimEnd().length;
  const chineseOrDigit = (c: string | undefined) => c !== undefined && (CHINESE.test(c) || DIGIT.test(c));
  for (const m of text.matchAll(SPACES)) {
    const from = m.index!;
    const to = from + m[0].length;
    if (from < lead || to > end) continue;
    const before = text[from - 1];
    const after = text[to];
    if (!(CHINESE.test(before) || CHINESE.test(after)) || !chineseOrDigit(before) || !chineseOrDigit(after)) continue;
    if ((OPENING.test(before) && CLOSING.test(after)) || (m[0].length >= 2 && BLANK_BEFORE.test(after))) continue;
    if (inQuotedSlogan(text, from, to)) continue;
    found.push([from, to]);
  }
  return found;
}

/**
 * Spaces in one clause are one finding ("召开 2025 年度" is one slip of the copy, not two): runs are
 * grouped until a clause mark stands between them.
 */
function clauseGroups(text: string, runs: Array<[number, number]>): Array<Array<[number, number]>> {
  const groups: Array<Array<[number, number]>> = [];
  for (const run of runs) {
    const last = groups[groups.length - 1];
    if (last && !CLAUSE_MARK.test(text.slice(last[last.length - 1][1], run[0]))) last.push(run);
    else groups.push([run]);
  }
  return groups;
}
