import { t } from '../i18n';
import type { Rule } from './rule';
import { qm, spanOf } from './util';

const PAIRS: Record<string, string> = { '“': '”', '‘': '’', '《': '》', '〈': '〉', '（': '）', '【': '】', '〔': '〕' };
const CLOSERS: Record<string, string> = Object.fromEntries(Object.entries(PAIRS).map(([o, c]) => [c, o]));
// A half-width parenthesis still closes a full-width one: the half-width rule reports the mark itself.
const ALSO_OPENS: Record<string, string> = { '(': '（' };
const ALSO_CLOSES: Record<string, string> = { ')': '）' };
const ANY_MARK = /[“”‘’《》〈〉（）【】〔〕()]/;

/** Paired marks (“” 《》 （） 【】 〔〕 …) that open without closing or close without opening. */
export const unpairedPunctuation: Rule = {
  id: 'unpaired-punctuation',
  defaultSeverity: 'warning',
  summary: '成对标点（引号、书名号、括号等）不成对',
  source: 'GB/T 15834-2011（标号成对使用）',
  check(ctx) {
    for (const line of ctx.model.lines) {
      const text = line.text;
      if (!ANY_MARK.test(text)) continue;
      const stack: Array<{ mark: string; at: number }> = [];
      const unmatched: Array<{ at: number; mark: string; opening: boolean }> = [];
      for (let i = 0; i < text.length; i++) {
        const c = text[i];
        const open = PAIRS[c] ? c : ALSO_OPENS[c];
        if (open) {
          stack.push({ mark: open, at: i });
          continue;
        }
        const closes = CLOSERS[c] ?? (ALSO_CLOSES[c] ? CLOSERS[ALSO_CLOSES[c]] : undefined);
        if (!closes) continue;
        const depth = stack.map((s) => s.mark).lastIndexOf(closes);
        if (depth < 0) {
          unmatched.push({ at: i, mark: c, opening: false });
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
