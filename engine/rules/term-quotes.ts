import { builtinQuotedTerms } from '../formulations/load';
import { t } from '../i18n';
import type { ParagraphRule } from './rule';
import { q, spanOf } from './util';

const OPENERS = '“‘「『〝';
const CLOSERS = '”’」』〞';

/**
 * Whether an offset stands inside a quotation or a book title on its line: an opening mark before it
 * that no closing mark has closed yet, or an odd number of straight quotes before it. Asked for
 * offsets left to right, it reads on from where it stopped: read from the line's start for each term,
 * a pasted line of 30,000 “四风” took 70 s.
 */
class QuotationState {
  private open = 0;
  private straight = 0;
  private title = 0;
  private read = 0;

  constructor(private readonly text: string) {}

  isQuoted(at: number, length: number): boolean {
    const text = this.text;
    for (; this.read < at; this.read++) {
      const c = text[this.read];
      if (OPENERS.includes(c)) this.open++;
      else if (CLOSERS.includes(c)) this.open = Math.max(0, this.open - 1);
      else if (c === '"' || c === '＂') this.straight++;
      else if (c === '《') this.title++;
      else if (c === '》') this.title = Math.max(0, this.title - 1);
    }
    if (this.open > 0 || this.straight % 2 === 1 || this.title > 0) return true;
    // A closing mark right after the term (its opening one lost, as in text pasted from a web page).
    return CLOSERS.includes(text[at + length] ?? '');
  }
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
    let quotation: QuotationState | undefined;
    for (let m = terms.exec(text); m; m = terms.exec(text)) {
      const term = m[0];
      const at = m.index;
      if ((quotation ??= new QuotationState(text)).isQuoted(at, term.length)) continue;
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
