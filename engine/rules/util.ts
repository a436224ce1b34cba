/** Small helpers shared by rules: spans inside a prose line, CJK character classes, quoting and kept messages. */
import { getLocale, t } from '../i18n';
import type { ProseLine, Span } from '../model/types';

/** The source span of text[from, to) of a line. */
export function spanOf(line: ProseLine, from: number, to: number): Span {
  const last = Math.max(from, to - 1);
  return { start: line.starts[from] ?? line.ends[line.ends.length - 1], end: line.ends[last] ?? line.starts[from] };
}

/** The line's text without leading and trailing white space, as a span. */
export function trimmedSpan(line: ProseLine): Span {
  const lead = line.text.length - line.text.replace(/^[\s\u3000]+/, '').length;
  const trail = line.text.length - line.text.replace(/[\s\u3000]+$/, '').length;
  return spanOf(line, lead, Math.max(lead + 1, line.text.length - trail));
}

/** Han characters and CJK punctuation: the neighbours that make a half-width mark wrong. */
export const CJK = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff01-\uff60\u2018\u2019\u201c\u201d\u2014\u2026]/;
export const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;

/** Writes a quoted title the way messages show it: “会前准备情况”. */
export const q = (s: string) => `“${s}”`;

/**
 * Quoted items in a row, as the messages list them: “立行立改”“长期坚持” — between quotation marks
 * GB/T 15834 leaves out the 顿号 (the rule quoted-list-comma says so of drafts; messages follow it).
 * In English, separated by commas.
 */
export const quotedList = (items: readonly string[], quote: (s: string) => string = q) => items.map(quote).join(getLocale() === 'zh-CN' ? '' : t('、'));

/** Shows a punctuation mark itself, where curly quotes around it would be unreadable: 「“」. */
export const qm = (s: string) => `「${s}」`;

/** Quotes text, or shows it as marks when it holds quotation marks (a blank left as “” or 《》): 「“”」, not ““””. */
export const quoteOrMark = (s: string) => (/[“”《》]/.test(s) ? qm(s) : q(s));

/** Messages kept by one memo (messageMemo) before it starts over. */
const MAX_MESSAGES = 1000;

/**
 * Messages by what they say, in the current language: a long draft repeats a few hundred of them
 * at every keystroke, and each is formatted once here. `key` names what the message says (its
 * arguments); the language is added to it.
 */
export function messageMemo(): (key: string, make: () => string) => string {
  const kept = new Map<string, string>();
  return (key, make) => {
    const full = `${getLocale()}\u0000${key}`;
    let message = kept.get(full);
    if (message === undefined) {
      message = make();
      if (kept.size >= MAX_MESSAGES) kept.clear();
      kept.set(full, message);
    }
    return message;
  };
}
