import { t } from '../i18n';
import type { Rule } from './rule';
import { qm, spanOf } from './util';

const PAIRS: Record<string, string> = { '“': '”', '‘': '’', '《': '》', '〈': '〉', '（': '）', '【': '】', '〔': '〕' };
const CLOSERS: Record<string, string> = Object.fromEntries(Object.entries(PAIRS).map(([o, c]) => [c, o]));
// A half-width parenthesis still closes a full-width one: the half-width rule reports the mark itself.
const ALSO_OPENS: Record<string, string> = { '(': '（' };
const ALSO_CLOSES: Record<string, string> = { ')': '）' };
const ANY_MARK = /[“”‘’《》〈〉（）【】〔〕()]/;

// The scan reads character codes through a table: indexing `text[i]` into objects made this rule
// several times slower than the scan itself on long drafts. OPENS[c]: the opening mark c counts as
// (0: none); CLOSES[c]: the opening mark that c closes.
const OPENS = new Uint16Array(0x10000);
const CLOSES = new Uint16Array(0x10000);
for (const [open, close] of Object.entries(PAIRS)) {
  OPENS[open.charCodeAt(0)] = open.charCodeAt(0);
  CLOSES[close.charCodeAt(0)] = open.charCodeAt(0);
}
for (const [half, full] of Object.entries(ALSO_OPENS)) OPENS[half.charCodeAt(0)] = full.charCodeAt(0);
for (const [half, full] of Object.entries(ALSO_CLOSES)) CLOSES[half.charCodeAt(0)] = CLOSERS[full].charCodeAt(0);

/** Paired marks (“” 《》 （） 【】 〔〕 …) that open without closing or close without opening. */
export const unpairedPunctuation: Rule = {
  id: 'unpaired-punctuation',
  defaultSeverity: 'warning',
  summary: '成对标点（引号、书名号、括号等）不成对',
  check(ctx) {
    for (const line of ctx.model.lines) {
      const text = line.text;
      if (!ANY_MARK.test(text)) continue;
      // Open marks not yet closed: the mark they count as, and where they stand.
      const stack: Array<{ mark: number; at: number }> = [];
      const unmatched: Array<{ at: number; mark: string; opening: boolean }> = [];
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        const open = OPENS[c];
        if (open) {
          stack.push({ mark: open, at: i });
          continue;
        }
        const closes = CLOSES[c];
        if (!closes) continue;
        let depth = stack.length - 1;
        while (depth >= 0 && stack[depth].mark !== closes) depth--;
        if (depth < 0) {
          unmatched.push({ at: i, mark: text[i], opening: false });
          continue;
        }
        for (const s of stack.splice(depth)) if (s.mark !== closes) unmatched.push({ at: s.at, mark: text[s.at], opening: true });
      }
      for (const s of stack) unmatched.push({ at: s.at, mark: text[s.at], opening: true });
      for (const u of unmatched.sort((a, b) => a.at - b.at)) {
        const partner = u.opening ? PAIRS[u.mark] ?? '）' : CLOSERS[u.mark] ?? '（';
        ctx.report({
          span: spanOf(line, u.at, u.at + 1),
          message: u.opening
            ? t('{0}没有对应的{1}：成对标点应在同一段内闭合。请补上{1}或删去多余的{0}。', qm(u.mark), qm(partner))
            : t('{0}前面没有对应的{1}：成对标点应在同一段内闭合。请补上{1}或删去多余的{0}。', qm(u.mark), qm(partner)),
        });
      }
    }
  },
};
