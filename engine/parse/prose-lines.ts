/**
 * Turns the Markdown tree into lines of prose. In this domain every source line of a paragraph is
 * a paragraph of the report (text pasted from Word has no blank lines), so a paragraph's soft breaks
 * split it. Code, HTML, front matter and link targets never become prose.
 */
import type { Nodes, Parents, PhrasingContent, Root, Table } from 'mdast';
import { decodeString } from 'micromark-util-decode-string';
import { OPAQUE, type BlockKind, type ColumnAlign, type HtmlComment, type ProseLine, type Span } from '../text/prose';
import type { LineIndex } from '../text/line-index';

export interface RawTable {
  span: Span;
  rows: ProseLine[][];
  /** Each column's alignment from the delimiter row (:-- left, :-: center, --: right), null when unmarked. */
  align: ColumnAlign[];
}

export interface ProseResult {
  lines: ProseLine[];
  tables: RawTable[];
  comments: HtmlComment[];
  yaml?: { span: Span; value: string; valueStart: number };
  /** Parsing stopped short of the full Markdown reading somewhere (a cap or the time budget): why. */
  note?: string;
  /** Some kind of marker was too dense to parse and was read as plain characters (parse-prose.ts). */
  markersTamed?: boolean;
}

type Segment =
  | { kind: 'text'; start: number; end: number; bold: boolean }
  | { kind: 'opaque'; start: number; end: number }
  | { kind: 'marker'; start: number; end: number; text: string }
  | { kind: 'break' };

interface BlockContext {
  inList: boolean;
  inQuote: boolean;
}

const ASCII_PUNCT = /[!-/:-@[-`{-~]/;
/** A character reference as CommonMark reads one (&amp; &#20013; &#x4e2d;), at the place it is tried. */
const CHARACTER_REFERENCE = /&(?:#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z][A-Za-z0-9]{1,31});/y;

/**
 * @param source the parsed text (the document without a BOM)
 * @param base   what to add to offsets in `source` to get offsets in the document
 */
export function extractProse(tree: Root, source: string, base: number, index: LineIndex): ProseResult {
  const result: ProseResult = { lines: [], tables: [], comments: [] };
  const off = (n: Nodes, which: 'start' | 'end') => n.position?.[which].offset ?? 0;

  const pushLines = (segments: Segment[], block: BlockKind, depth: number, ctx: BlockContext, into: ProseLine[]) => {
    buildLines(source, base, segments, block, depth, ctx, index, into, result.lines);
  };

  // Explicit stack: deeply nested quotes or lists must not overflow the call stack.
  const stack: Array<{ node: Nodes; ctx: BlockContext; marker?: Segment }> = [
    { node: tree, ctx: { inList: false, inQuote: false } },
  ];
  while (stack.length > 0) {
    const { node, ctx, marker } = stack.pop()!;
    switch (node.type) {
      case 'yaml':
        result.yaml = {
          span: { start: base + off(node, 'start'), end: base + off(node, 'end') },
          value: node.value,
          valueStart: index.lineStart(index.positionAt(base + off(node, 'start')).line + 1),
        };
        break;
      case 'html':
        collectComments(node.value, base + off(node, 'start'), result.comments);
        break;
      case 'paragraph':
      case 'heading': {
        const segments: Segment[] = marker ? [marker] : [];
        collectInline(node.children, segments, false, result.comments, base, source, node.type === 'paragraph');
        pushLines(segments, node.type, node.type === 'heading' ? node.depth : 0, ctx, result.lines);
        break;
      }
      case 'table':
        result.tables.push(tableRows(node, source, base, index, ctx, result));
        break;
      case 'code':
      case 'thematicBreak':
      case 'definition':
        break;
      default: {
        if (!('children' in node)) break;
        const parent = node as Parents;
        const childCtx: BlockContext = {
          inList: ctx.inList || node.type === 'list' || node.type === 'listItem',
          inQuote: ctx.inQuote || node.type === 'blockquote',
        };
        // An ordered item's number ("1.") belongs to the text: it is how a writer numbers a section.
        let itemMarker: Segment | undefined;
        if (node.type === 'listItem' && parent.children[0]?.type === 'paragraph') {
          const from = off(node, 'start');
          const to = off(parent.children[0], 'start');
          const text = source.slice(from, to).trim();
          if (/^\d{1,9}[.)]$/.test(text)) itemMarker = { kind: 'marker', start: from, end: from + text.length, text };
        }
        for (let i = parent.children.length - 1; i >= 0; i--) {
          stack.push({ node: parent.children[i] as Nodes, ctx: childCtx, marker: i === 0 ? itemMarker : undefined });
        }
      }
    }
  }
  return result;
}

function tableRows(node: Table, source: string, base: number, index: LineIndex, ctx: BlockContext, result: ProseResult): RawTable {
  const rows: ProseLine[][] = [];
  for (const row of node.children) {
    const cells: ProseLine[] = [];
    for (const cell of row.children) {
      const segments: Segment[] = [];
      collectInline(cell.children, segments, false, result.comments, base, source);
      const into: ProseLine[] = [];
      buildLines(source, base, segments, 'tableCell', 0, ctx, index, into, result.lines);
      // The cell's node starts at its leading pipe; the cell itself is what stands between the pipes.
      let cellStart = cell.position?.start.offset ?? 0;
      if (source[cellStart] === '|') cellStart++;
      let cellEnd = Math.max(cellStart, cell.position?.end.offset ?? 0);
      if (cellEnd > cellStart && source[cellEnd - 1] === '|') cellEnd--;
      const cellSpan = { start: base + cellStart, end: base + cellEnd };
      const line = into[0] ?? emptyLine(cellSpan.start, index, ctx, result.lines.length);
      line.cell = cellSpan;
      cells.push(line);
    }
    rows.push(cells);
  }
  return {
    span: { start: base + (node.position?.start.offset ?? 0), end: base + (node.position?.end.offset ?? 0) },
    rows,
    align: (node.align ?? []).map((a) => a ?? null),
  };
}

function emptyLine(at: number, index: LineIndex, ctx: BlockContext, lineNo: number): ProseLine {
  return {
    index: lineNo,
    text: '',
    starts: new Int32Array(0),
    ends: new Int32Array(0),
    block: 'tableCell',
    headingDepth: 0,
    bold: [],
    sourceLine: index.positionAt(at).line,
    inList: ctx.inList,
    inQuote: ctx.inQuote,
    cell: undefined,
    memo: undefined,
  };
}

/**
 * @param brBreaks a `<br>` in the paragraph's text breaks the line, as a hard break does (each line is
 *                 a paragraph of the report). In a heading it is the title's own line break, read by
 *                 the export (export/metadata.ts); in a table cell the cell stays one line.
 */
function collectInline(
  nodes: PhrasingContent[],
  out: Segment[],
  bold: boolean,
  comments: HtmlComment[],
  base: number,
  source: string,
  brBreaks = false,
): void {
  for (const node of nodes) {
    const start = node.position?.start.offset ?? 0;
    const end = node.position?.end.offset ?? start;
    switch (node.type) {
      case 'text':
        out.push({ kind: 'text', start, end, bold });
        break;
      case 'break':
        out.push({ kind: 'break' });
        break;
      case 'inlineCode':
      case 'image':
      case 'imageReference':
      case 'footnoteReference':
        out.push({ kind: 'opaque', start, end });
        break;
      case 'html':
        if (brBreaks && BR.test(source.slice(start, end))) out.push({ kind: 'break' });
        else collectComments(source.slice(start, end), base + start, comments);
        break;
      case 'strong':
        collectInline(node.children, out, true, comments, base, source, brBreaks);
        break;
      default:
        if ('children' in node) collectInline(node.children as PhrasingContent[], out, bold, comments, base, source, brBreaks);
    }
  }
}

const BR = /^<br\s*\/?>$/i;

function collectComments(html: string, at: number, out: HtmlComment[]): void {
  const re = /<!--([\s\S]*?)-->/g;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    out.push({ span: { start: at + m.index, end: at + m.index + m[0].length }, body: m[1].trim() });
  }
}

function buildLines(
  source: string,
  base: number,
  segments: Segment[],
  block: BlockKind,
  depth: number,
  ctx: BlockContext,
  index: LineIndex,
  into: ProseLine[],
  all: ProseLine[],
): void {
  let text = '';
  let starts: number[] = [];
  let ends: number[] = [];
  let bold: Array<[number, number]> = [];
  let atLineStart = false;

  const flush = () => {
    if (text.trim().length > 0) {
      const at = index.positionAt(starts[0]);
      const line: ProseLine = {
        index: all.length,
        text,
        starts: Int32Array.from(starts),
        ends: Int32Array.from(ends),
        block,
        headingDepth: depth,
        bold,
        sourceLine: at.line,
        inList: ctx.inList && !isLazyContinuation(source, base, starts[0], at.character),
        inQuote: ctx.inQuote,
        // Present from the start (set later for table cells and kept lines): one shape for all lines.
        cell: undefined,
        memo: undefined,
      };
      all.push(line);
      if (into !== all) into.push(line);
    }
    text = '';
    starts = [];
    ends = [];
    bold = [];
  };
  const add = (chars: string, from: number) => {
    for (let k = 0; k < chars.length; k++) {
      starts.push(base + from + k);
      ends.push(base + from + k + 1);
    }
    text += chars;
  };

  for (const seg of segments) {
    if (seg.kind === 'break') {
      flush();
      continue;
    }
    if (seg.kind === 'opaque') {
      starts.push(base + seg.start);
      ends.push(base + seg.end);
      text += OPAQUE;
      atLineStart = false;
      continue;
    }
    if (seg.kind === 'marker') {
      add(seg.text, seg.start);
      continue;
    }
    let boldFrom = text.length;
    let i = seg.start;
    while (i < seg.end) {
      const c = source.charCodeAt(i);
      if (c === 10 || c === 13) {
        if (seg.bold && text.length > boldFrom) bold.push([boldFrom, text.length]);
        flush();
        boldFrom = 0;
        i += c === 13 && source.charCodeAt(i + 1) === 10 ? 2 : 1;
        atLineStart = true;
        continue;
      }
      if (atLineStart && (c === 32 || c === 9)) {
        i++;
        continue;
      }
      atLineStart = false;
      if (c === 92 && i + 1 < seg.end && ASCII_PUNCT.test(source[i + 1])) {
        // A backslash escape: the prose is the escaped character, its span covers both.
        starts.push(base + i);
        ends.push(base + i + 2);
        text += source[i + 1];
        i += 2;
        continue;
      }
      if (c === 38) {
        // A character reference (&amp; &nbsp; &#x4e2d;) is the character it names, as CommonMark
        // reads it; its span covers the reference. An unknown name stays as written.
        CHARACTER_REFERENCE.lastIndex = i;
        const ref = CHARACTER_REFERENCE.exec(source);
        const decoded = ref && ref.index + ref[0].length <= seg.end ? decodeString(ref[0]) : undefined;
        if (ref && decoded !== undefined && decoded !== ref[0]) {
          for (let k = 0; k < decoded.length; k++) {
            starts.push(base + i);
            ends.push(base + i + ref[0].length);
          }
          text += decoded;
          i += ref[0].length;
          continue;
        }
      }
      // Copy the run up to the next line break, backslash or ampersand in one go.
      let j = i + 1;
      while (j < seg.end) {
        const d = source.charCodeAt(j);
        if (d === 10 || d === 13 || d === 92 || d === 38) break;
        j++;
      }
      add(source.slice(i, j), i);
      i = j;
    }
    if (seg.bold && text.length > boldFrom) bold.push([boldFrom, text.length]);
  }
  flush();
}

/**
 * A line of a list item's paragraph that starts at the left margin: CommonMark's lazy continuation.
 * In text pasted from Word every line is a paragraph, and the line after "3. 作风不够过硬。" is the
 * next paragraph ("二、原因分析"), which Markdown folds into the item; for the report it is not in the
 * list. An item's own lines start after its marker, or indented under it.
 */
function isLazyContinuation(source: string, base: number, offset: number, column: number): boolean {
  const lineStart = offset - base - column;
  if (lineStart < 0) return false;
  return /^[ \t]?$/.test(source.slice(lineStart, offset - base));
}
