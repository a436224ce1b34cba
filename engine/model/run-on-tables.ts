/**
 * A Markdown table runs on until a blank line: in a draft pasted without blank lines, "特此报告。",
 * the signature and the date right under a table become one-cell rows of it. A row without a
 * single "|" is never what the writer meant; these helpers find such lines (for the lint rule) and
 * end the table before them (for the export).
 */
import type { Span } from './types';

/** An unescaped pipe: what makes a line a table row. */
const PIPE = /(^|[^\\])\|/;

/** Source spans (without surrounding blanks) of the first line a table swallowed, per table span given. */
export function runOnLine(text: string, table: Span): Span | undefined {
  const body = text.slice(table.start, table.end);
  const re = /[^\r\n]*(\r\n|\r|\n|$)/g;
  let row = 0;
  for (let m = re.exec(body); m && m[0].length > 0; m = re.exec(body)) {
    const line = m[0].replace(/[\r\n]+$/, '');
    row++;
    // The header and the delimiter row always hold pipes; look from the first body row on.
    if (row <= 2 || line.trim() === '' || PIPE.test(line)) continue;
    const lead = line.length - line.replace(/^[\s\u3000]+/, '').length;
    const trimmed = line.trim();
    const start = table.start + m.index + lead;
    return { start, end: start + trimmed.length };
  }
  return undefined;
}

/** The text with a blank line before each swallowed line, so that every table ends where its pipes do. */
export function endTablesAtLastRow(text: string, tables: Span[]): string {
  const cuts = tables.map((t) => runOnLine(text, t)).filter((s): s is Span => s !== undefined);
  let out = text;
  for (const cut of cuts.sort((a, b) => b.start - a.start)) {
    const lineStart = Math.max(out.lastIndexOf('\n', cut.start - 1), out.lastIndexOf('\r', cut.start - 1)) + 1;
    const eol = /\r\n/.test(out) ? '\r\n' : '\n';
    out = out.slice(0, lineStart) + eol + out.slice(lineStart);
  }
  return out;
}
