import { builtinQuotedTerms } from '../formulations/load';
import { t } from '../i18n';
import type { ParagraphRule } from './rule';
import { q, spanOf } from './util';

const OPENERS = '“‘「『〝';
const CLOSERS = '”’」』〞';

/**
 * Whether `at` stands inside a quotation or a book title on its line: an opening mark before it
 * that no closing mark has closed yet, or an odd number of straight quotes before it.
 */
function isQuoted(text: string, at: number, length: number): boolean {
  let open = 0;
  let straight = 0;
  let title = 0;
  for (let i = 0; i < at; i++) {
    const c = text[i];
    if (OPENERS.includes(c)) open++;
    else if (CLOSERS.includes(c)) open = Math.max(0, open - 1);
    else if (c === '"' || c === '＂') straight++;
    else if (c === '《') title++;
    else if (c === '》') title = Math.max(0, title - 1);
  }
  if (open > 0 || straight % 2 === 1 || title > 0) return true;
  // A closing mark right after the term (its opening one lost, as in text pasted from a web page).
  return CLOSERS.includes(text[at + length] ?? '');
}

let pattern: RegExp | undefined;

/** The terms as one pattern, longest first: one pass over a line instead of one per term. */
function termsPattern(): RegExp {
  pattern ??= new RegExp(
    [...builtinQuotedTerms()]
      .sort((a, b) => b.length - a.length)
      .map((x) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('|') || '(?!)',
    'g',
  );
  return pattern;
}

/** “两个确立”“四风”: numbered abbreviations are written in quotation marks. */
export const termQuotes: ParagraphRule = {
  id: 'term-quotes',
  fixable: true,
  defaultSeverity: 'warning',
  summary: '“两个确立”“四风”等数字略语应加引号',
  source: '党内文件的用法（data/standard-terms.yaml）',
  scope: 'paragraph',
  readsAcrossLineBreaks: true,
  checkLine(line, ctx) {
    const { text } = line;
    const terms = termsPattern();
    terms.lastIndex = 0;
    for (let m = terms.exec(text); m; m = terms.exec(text)) {
      const term = m[0];
      const at = m.index;
      if (isQuoted(text, at, term.length)) continue;
      const span = spanOf(line, at, at + term.length);
      const before = { start: span.start, end: span.start };
      const after = { start: span.end, end: span.end };
      ctx.report({
        span,
        message: t('{0}是数字略语，应加引号：写作{1}。请给它加上引号。', q(term), `“${term}”`),
        fix: {
          title: t('改为{0}', `“${term}”`),
          edits: [
            { span: before, newText: '“' },
            { span: after, newText: '”' },
          ],
          safe: true,
        },
      });
    }
  },
};
