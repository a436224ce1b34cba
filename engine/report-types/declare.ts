/**
 * Naming a draft's report type in its front matter (`template: <id>`), for a draft the checker did
 * not recognise: the writer says what it is, and it is checked as that. One edit, made from the text
 * alone, so that the language server's code action and the extension's command make the same one.
 */

import type { Span } from '../model/types';

/** The front-matter keys that name the type (detect.ts reads the same ones). */
const TYPE_KEY = /^(template|type|报告类型|模板)[ \t]*:/;

/**
 * The edit that makes `text` name `typeId` as its type: the type line of its front matter replaced,
 * a `template:` line added to its front matter, or a front matter put before everything (after a
 * BOM). Shaped as a fix's TextEdit (rules/rule.ts), which report-types must not import.
 */
export function declareTypeEdit(text: string, typeId: string): { span: Span; newText: string } {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const line = `template: ${typeId}`;
  const lines = frontMatterLines(text, start);
  if (!lines) return { span: { start, end: start }, newText: `---${eol}${line}${eol}---${eol}` };
  const named = lines.find((l) => TYPE_KEY.test(text.slice(l.start, l.end)));
  if (named) return { span: { start: named.start, end: named.end }, newText: line };
  const afterOpening = lines.length > 0 ? lines[0].start : lines.closing;
  return { span: { start: afterOpening, end: afterOpening }, newText: line + eol };
}

interface Line {
  start: number;
  end: number;
}

/** The lines between a front matter's `---` lines, or nothing when the text has none. */
function frontMatterLines(text: string, from: number): (Line[] & { closing: number }) | undefined {
  const opening = /^---[ \t]*\r?\n/.exec(text.slice(from, from + 8));
  if (!opening) return undefined;
  const lines: Line[] = [];
  let at = from + opening[0].length;
  while (at < text.length) {
    const newline = text.indexOf('\n', at);
    const next = newline < 0 ? text.length : newline + 1;
    const end = newline < 0 ? text.length : newline > at && text[newline - 1] === '\r' ? newline - 1 : newline;
    if (/^(---|\.\.\.)[ \t]*$/.test(text.slice(at, end))) return Object.assign(lines, { closing: at });
    lines.push({ start: at, end });
    at = next;
  }
  return undefined;
}
