import type { ProseLine } from '../model/types';
import { t } from '../i18n';
import type { ParagraphRule } from './rule';
import { CJK, HAN, qm, spanOf } from './util';

const FULL: Record<string, string> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！', '(': '（', ')': '）' };
const DIGIT = /[0-9]/;
const LATIN_OR_DIGIT = /[0-9A-Za-z]/;
const CANDIDATE = /[,.;:?!()"]|。。。/;

/** Half-width , . ; : ? ! ( ) " and ... in Chinese text (GB/T 15834). */
export const halfWidthPunctuation: ParagraphRule = {
  id: 'half-width-punctuation',
  defaultSeverity: 'warning',
  summary: '中文语句中使用了半角标点',
  fixable: true,
  source: 'GB/T 15834—2011',
  scope: 'paragraph',
  checkLine(line, ctx) {
    if (!CANDIDATE.test(line.text)) return;
    // The section number is the numbering rule's business: "(一)" is reported there.
    const skipTo = line.numbering?.to ?? 0;
    scanLine(line, skipTo, (from, to, found, expected) => {
      const span = spanOf(line, from, to);
      ctx.report({
        span,
        message: t('中文语句中使用了半角标点{0}：应使用全角{1}（GB/T 15834）。', qm(found), qm(expected)),
        fix: { title: t('改为{0}', qm(expected)), edits: [{ span, newText: expected }], safe: true },
      });
    });
  },
};

/**
 * Half-width parentheses that pair up: a pair around Latin text after a Latin word ("Excel(2016)")
 * is left alone; any other pair is reported whole, both marks.
 */
function parenPairs(t: string): { latin: Set<number>; paired: Set<number> } {
  const latin = new Set<number>();
  const paired = new Set<number>();
  const open: number[] = [];
  for (let i = 0; i < t.length; i++) {
    if (t[i] === '(') open.push(i);
    else if (t[i] === ')' && open.length > 0) {
      const o = open.pop()!;
      paired.add(o).add(i);
      if (!CJK.test(t[o - 1] ?? '') && !CJK.test(t.slice(o + 1, i)) && !HAN.test(t.slice(o + 1, i))) latin.add(o).add(i);
    }
  }
  return { latin, paired };
}

function scanLine(line: ProseLine, skipTo: number, report: (from: number, to: number, found: string, expected: string) => void) {
  const t = line.text;
  let quotes = 0;
  const parens = parenPairs(t);
  for (let i = skipTo; i < t.length; i++) {
    const c = t[i];
    const prev = t[i - 1] ?? '';
    const next = t[i + 1] ?? '';
    if (c === '.' || c === '。') {
      // "..." or "。。。" for an ellipsis.
      let j = i;
      while (t[j] === c) j++;
      if (j - i >= 3 && (CJK.test(prev) || CJK.test(t[j] ?? ''))) {
        report(i, j, t.slice(i, j), '……');
        i = j - 1;
        continue;
      }
      if (c === '.' && j - i === 1 && HAN.test(prev) && !LATIN_OR_DIGIT.test(next)) report(i, i + 1, c, '。');
      i = j - 1;
      continue;
    }
    if (c === '"') {
      if (CJK.test(prev) || CJK.test(next)) report(i, i + 1, c, quotes % 2 === 0 ? '“' : '”');
      quotes++;
      continue;
    }
    const full = FULL[c];
    if (!full) continue;
    if (parens.latin.has(i)) continue;
    if (parens.paired.has(i)) {
      report(i, i + 1, c, full);
      continue;
    }
    if ((c === ',' || c === ':') && DIGIT.test(prev) && DIGIT.test(next)) continue;
    if (CJK.test(prev) || CJK.test(next)) report(i, i + 1, c, full);
  }
}
