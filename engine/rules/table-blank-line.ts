import { t } from '../i18n';
import { runOnLine } from '../model/run-on-tables';
import type { DocumentRule } from './rule';
import { q } from './util';

/**
 * A table runs on until a blank line: a line right under it without a single "|" ("特此报告。"
 * pasted without blank lines) becomes a one-cell row of the table, in the editor's preview and in
 * the export. Reported on that line, with a blank line inserted before it as the fix.
 */
export const tableBlankLine: DocumentRule = {
  id: 'table-blank-line',
  defaultSeverity: 'warning',
  summary: '表格后缺少空行，下一行被并入表格',
  fixable: true,
  source: 'CommonMark / GFM',
  check(ctx) {
    const { model } = ctx;
    for (const table of model.tables) {
      const span = runOnLine(model.text, table.span);
      if (!span) continue;
      const lineStart = model.lineIndex.lineStart(model.lineIndex.positionAt(span.start).line);
      const eol = /\r\n/.test(model.text) ? '\r\n' : '\n';
      const words = model.text.slice(span.start, span.end);
      ctx.report({
        span,
        message: t('{0}被并入了上面的表格：表格到空行才结束，这一行不是表格行。请在表格后加一个空行。', q(words.length > 12 ? words.slice(0, 12) + '…' : words)),
        fix: { title: t('在表格后加空行'), edits: [{ span: { start: lineStart, end: lineStart }, newText: eol }], safe: true },
      });
    }
  },
};
