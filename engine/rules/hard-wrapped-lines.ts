import { t } from '../i18n';
import { wrappedParagraphs } from '../model/hard-wraps';
import type { ReportModel } from '../model/types';
import type { DocumentRule, TextEdit } from './rule';
import { trimmedSpan } from './util';

const LATIN_END = /[A-Za-z0-9]$/;
const LATIN_START = /^[A-Za-z0-9]/;

/**
 * A paragraph copied out of a PDF with a line break at the end of every printed line (see
 * model/hard-wraps.ts for how such lines are told apart). Reported once, on its first line; the fix
 * joins the lines into one paragraph. Not part of "fix all": joining is the user's call, line by line
 * or through "fix all of this kind".
 */
export const hardWrappedLines: DocumentRule = {
  id: 'hard-wrapped-lines',
  defaultSeverity: 'warning',
  summary: '一段话被断成了几行（从 PDF 等处复制时按版面断行）',
  fixable: true,
  source: 'GB/T 9704—2012 7.3.3',
  check(ctx) {
    const { model } = ctx;
    for (const paragraph of wrappedParagraphs(model)) {
      const lines = paragraph.lines.map((i) => model.lines[i]);
      const edits: TextEdit[] = [];
      for (let k = 1; k < lines.length; k++) {
        const before = lines[k - 1];
        const after = lines[k];
        // Only the break and the blanks around it go, read off the source lines: markup at the end of
        // one line or the start of the next (a "**" that stands for a redacted name) stays.
        const end = sourceContentEnd(model, before.sourceLine);
        const start = sourceContentStart(model, after.sourceLine);
        // Chinese joins without a space; two Latin words or numbers keep one between them.
        const glue = LATIN_END.test(before.text.trimEnd()) && LATIN_START.test(after.text.trimStart()) ? ' ' : '';
        edits.push({ span: { start: end, end: start }, newText: glue });
      }
      ctx.report({
        span: trimmedSpan(lines[0]),
        message: t('这一行和下面 {0} 行像是同一段话被按版面断开（从 PDF 等处复制时常见）：每行都不在句末结束，且宽度相同。文稿中一行就是一段，检查和导出都会把它当作 {1} 段。请合并为一段。', lines.length - 1, lines.length),
        fix: { title: t('合并为一段'), edits, safe: false },
      });
    }
  },
};

const BLANK = /[ \t\u3000]/;

/** Where a source line's content ends, before the blanks at its end. */
function sourceContentEnd(model: ReportModel, line: number): number {
  const from = model.lineIndex.lineStart(line);
  let end = model.lineIndex.lineEnd(line);
  while (end > from && BLANK.test(model.text[end - 1])) end--;
  return end;
}

/** Where a source line's content starts, after the blanks at its start. */
function sourceContentStart(model: ReportModel, line: number): number {
  const to = model.lineIndex.lineEnd(line);
  let start = model.lineIndex.lineStart(line);
  while (start < to && BLANK.test(model.text[start])) start++;
  return start;
}
