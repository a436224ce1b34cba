/**
 * Places the broken lines on pages: every paragraph line takes one line pitch (the export sets exact
 * 28.95 pt spacing), a page holds what fits in the text block (22 lines), and table rows, which the
 * export marks as unsplittable, move to the next page whole, where the header row repeats.
 */
import type { Block, FontKey, Paragraph, Table, TableCell } from './blocks';
import { BreakCache, type LineSpan } from './break-lines';
import { TABLE_CELL_MARGIN } from '../export/gbt9704';
import { columnWidths as exportColumnWidths } from '../export/table-widths';
import type { PageGeometry } from './geometry';

/** A piece of a line in one font. */
export interface Piece {
  text: string;
  font: FontKey;
  bold: boolean;
}

export interface LaidLine {
  kind: Paragraph['kind'] | 'cell';
  level?: number;
  /** Position and box in points, from the text block's top left corner. */
  top: number;
  left: number;
  width: number;
  height: number;
  /** 'justify' only on lines that are not the last of their paragraph. */
  align: 'left' | 'center' | 'right' | 'justify';
  size: number;
  spacing: number;
  text: string;
  pieces: Piece[];
  /** Draft offsets of the line's first character and just past its last. */
  src: number;
  srcEnd: number;
  /** Ranges of `text` that are unfilled placeholders. */
  marks?: Array<[number, number]>;
  header?: boolean;
}

/** A table cell's frame. */
export interface Box {
  top: number;
  left: number;
  width: number;
  height: number;
}

export interface LaidPage {
  number: number;
  lines: LaidLine[];
  boxes: Box[];
}

/** The export's cell padding left and right (80 twips); punctuation cannot hang past it. */
const CELL_PADDING = 4;
const EPSILON = 0.01;
const WIDOW = 2;
const ORPHAN = 2;

export function paginate(blocks: Block[], g: PageGeometry, placeholders: Array<{ start: number; end: number }>, cache = new BreakCache()): LaidPage[] {
  const pages: LaidPage[] = [{ number: 1, lines: [], boxes: [] }];
  let y = 0;
  const page = () => pages[pages.length - 1];
  const newPage = () => {
    pages.push({ number: pages.length + 1, lines: [], boxes: [] });
    y = 0;
  };
  const marksOf = (src: Int32Array, from: number, to: number) => marks(src, from, to, placeholders);

  /** Height of a block's first line (the part keep-with-next holds on the same page). */
  const rows = (p: Paragraph) => p.rows ?? g.rowsFor(p.size);
  const before = (b: Block) => (b.type === 'paragraph' ? (b.spaceBefore ?? 0) * g.linePitch : 0);
  const firstHeight = (b: Block) => (b.type === 'table' ? g.linePitch : rows(b) * g.linePitch);
  const fullHeight = (b: Block) => (b.type === 'table' ? g.linePitch : before(b) + rows(b) * g.linePitch * lineCount(b, g, cache));
  blocks.forEach((block, at) => {
    // Keep with next: a run of such paragraphs and the first line of the paragraph after them go
    // to the next page together when they do not fit on this one (as long as they fit on a page).
    if (block.type === 'paragraph' && block.keepNext && y > 0) {
      let chain = 0;
      let k = at;
      while (k < blocks.length && blocks[k].type === 'paragraph' && (blocks[k] as Paragraph).keepNext) chain += fullHeight(blocks[k++]);
      // The next paragraph's first line, or its first two where a lone line may not stay behind.
      if (k < blocks.length) {
        const next = blocks[k];
        chain += before(next) + firstHeight(next) * (g.widowControl && next.type === 'paragraph' ? Math.min(2, lineCount(next, g, cache)) : 1);
      }
      if (y + chain > g.textHeight + EPSILON && chain <= g.textHeight + EPSILON) newPage();
    }
    // Keep lines together: a paragraph that does not fit starts a new page.
    if (block.type === 'paragraph' && block.keepLines && y > 0 && y + fullHeight(block) > g.textHeight + EPSILON && fullHeight(block) <= g.textHeight) newPage();
    place1(block);
  });
  cache.rotate();
  return pages;

  function place1(block: Block) {
    if (block.type === 'table') {
      y = placeTable(block, g, pages, y, newPage, marksOf, cache);
      return;
    }
    const p = block;
    const measure = g.textWidth - p.indent.left - p.indent.right;
    const spans = cache.get({
      text: p.text,
      size: p.size,
      spacing: p.spacing,
      first: measure - p.indent.firstLine,
      rest: measure,
      breaks: p.breaks,
      hang: g.margins.right + p.indent.right,
    });
    const height = rows(p) * g.linePitch;
    if (p.spaceBefore && y > 0) {
      y += p.spaceBefore * g.linePitch;
      if (y > g.textHeight + EPSILON) newPage();
    }
    const fit = () => Math.floor((g.textHeight - y + EPSILON) / height);
    let n = 0;
    while (n < spans.length) {
      // Widow and orphan control (on in the export's styles): never one line of a paragraph alone
      // at the foot or the head of a page.
      const left = spans.length - n;
      let take = Math.min(fit(), left);
      if (take < left && left > 1 && g.widowControl) {
        if (left - take < WIDOW) take = left - WIDOW;
        if (take < ORPHAN && (n === 0 || take < 1)) take = 0;
      }
      if (take <= 0) {
        if (y === 0) take = Math.max(1, Math.min(fit(), left)); // nothing to move: a page of its own
        else {
          newPage();
          continue;
        }
      }
      for (let k = 0; k < take; k++) place(p, spans, n + k, y + k * height, height, measure, marksOf, page());
      y += take * height;
      n += take;
      if (n < spans.length) newPage();
    }
  }
}

/** How many lines a paragraph breaks into (cached: the same call the placement makes). */
function lineCount(p: Paragraph, g: PageGeometry, cache: BreakCache): number {
  const measure = g.textWidth - p.indent.left - p.indent.right;
  return cache.get({ text: p.text, size: p.size, spacing: p.spacing, first: measure - p.indent.firstLine, rest: measure, breaks: p.breaks, hang: g.margins.right + p.indent.right }).length;
}

function place(
  p: Paragraph,
  spans: LineSpan[],
  index: number,
  top: number,
  height: number,
  measure: number,
  marksOf: (src: Int32Array, from: number, to: number) => Array<[number, number]> | undefined,
  page: LaidPage,
) {
  const span = spans[index];
  const first = index === 0;
  const last = index === spans.length - 1 || p.breaks.includes(span.to);
  page.lines.push({
    kind: p.kind,
    level: p.level,
    top,
    left: p.indent.left + (first ? p.indent.firstLine : 0),
    width: measure - (first ? p.indent.firstLine : 0),
    height,
    align: p.align === 'justify' && last ? 'left' : p.align,
    size: p.size,
    spacing: p.spacing,
    text: p.text.slice(span.from, span.to),
    pieces: pieces(p, span.from, span.to),
    src: span.to > span.from ? p.src[span.from] : p.anchor,
    srcEnd: span.to > span.from ? p.src[span.to - 1] + 1 : p.anchor,
    marks: marksOf(p.src, span.from, span.to),
  });
}

function pieces(p: Paragraph, from: number, to: number): Piece[] {
  const out: Piece[] = [];
  let start = 0;
  for (const run of p.runs) {
    const a = Math.max(start, from);
    const b = Math.min(run.end, to);
    if (b > a) out.push({ text: p.text.slice(a, b), font: run.font, bold: run.bold });
    start = run.end;
  }
  return out;
}

/** Placeholder ranges within text[from, to), found by binary search in the sorted placeholder spans. */
function marks(src: Int32Array, from: number, to: number, placeholders: Array<{ start: number; end: number }>): Array<[number, number]> | undefined {
  if (placeholders.length === 0 || to <= from) return undefined;
  let lo = src[from];
  let hi = src[from];
  for (let i = from; i < to; i++) {
    if (src[i] < lo) lo = src[i];
    if (src[i] > hi) hi = src[i];
  }
  // The first placeholder that ends after lo.
  let a = 0;
  let b = placeholders.length;
  while (a < b) {
    const m = (a + b) >> 1;
    if (placeholders[m].end <= lo) a = m + 1;
    else b = m;
  }
  if (a >= placeholders.length || placeholders[a].start > hi) return undefined;
  const near = [];
  for (let k = a; k < placeholders.length && placeholders[k].start <= hi; k++) near.push(placeholders[k]);
  const out: Array<[number, number]> = [];
  let open = -1;
  for (let i = from; i <= to; i++) {
    const inside = i < to && near.some((ph) => src[i] >= ph.start && src[i] < ph.end);
    if (inside && open < 0) open = i - from;
    if (!inside && open >= 0) {
      out.push([open, i - from]);
      open = -1;
    }
  }
  return out.length > 0 ? out : undefined;
}

/** Column widths in points, as the export sets them (engine/export/table-widths.ts, rounded to twips). */
function columnWidths(table: Table, columns: number, g: PageGeometry): number[] {
  const rows = [table.header, ...table.rows];
  const texts = Array.from({ length: columns }, (_, c) => rows.map((r) => r[c]?.text ?? ''));
  const textWidth = Math.round(g.textWidth * 20);
  const tableChar = g.sizes.table * 20;
  const chars = exportColumnWidths(texts, (textWidth - columns * 2 * TABLE_CELL_MARGIN) / tableChar);
  const twips = chars.map((c) => Math.round(c * tableChar + 2 * TABLE_CELL_MARGIN));
  twips[twips.length - 1] += textWidth - twips.reduce((a, b) => a + b, 0);
  return twips.map((t) => t / 20);
}

function placeTable(
  table: Table,
  g: PageGeometry,
  pages: LaidPage[],
  y: number,
  newPage: () => void,
  marksOf: (src: Int32Array, from: number, to: number) => Array<[number, number]> | undefined,
  cache: BreakCache,
): number {
  const columns = Math.max(table.header.length, ...table.rows.map((r) => r.length), 1);
  const widths = columnWidths(table, columns, g);
  const lefts = widths.map((_, c) => widths.slice(0, c).reduce((a, b) => a + b, 0));
  // The cells' lines snap to the page's line grid too: one 4号 line takes one 28.95 pt grid line.
  const lineHeight = g.rowsFor(g.sizes.table) * g.linePitch;
  const layoutRow = (cells: TableCell[]) => {
    const broken = Array.from({ length: columns }, (_, c) => {
      const cell = cells[c] ?? { text: '', src: new Int32Array(0), header: false, anchor: table.anchor };
      const measure = widths[c] - 2 * CELL_PADDING;
      return { cell, spans: cache.get({ text: cell.text, size: g.sizes.table, spacing: 0, first: measure, rest: measure, hang: CELL_PADDING }) };
    });
    const height = Math.max(...broken.map((b) => b.spans.length)) * lineHeight;
    return { broken, height };
  };
  const header = layoutRow(table.header);
  let cursor = y;
  const place = (row: ReturnType<typeof layoutRow>) => {
    const page = pages[pages.length - 1];
    row.broken.forEach(({ cell, spans }, c) => {
      const left = lefts[c];
      page.boxes.push({ top: cursor, left, width: widths[c], height: row.height });
      spans.forEach((span, n) => {
        page.lines.push({
          kind: 'cell',
          top: cursor + n * lineHeight,
          left: left + CELL_PADDING,
          width: widths[c] - 2 * CELL_PADDING,
          height: lineHeight,
          align: cell.header ? 'center' : 'left',
          size: g.sizes.table,
          spacing: 0,
          text: cell.text.slice(span.from, span.to),
          pieces: [{ text: cell.text.slice(span.from, span.to), font: cell.header ? 'heading1' : 'body', bold: false }],
          src: span.to > span.from ? cell.src[span.from] : cell.anchor,
          srcEnd: span.to > span.from ? cell.src[span.to - 1] + 1 : cell.anchor,
          marks: marksOf(cell.src, span.from, span.to),
          header: cell.header,
        });
      });
    });
    cursor += row.height;
  };
  if (cursor + header.height > g.textHeight + EPSILON && cursor > 0) {
    newPage();
    cursor = 0;
  }
  place(header);
  for (const r of table.rows) {
    const row = layoutRow(r);
    if (cursor + row.height > g.textHeight + EPSILON) {
      newPage();
      cursor = 0;
      place(header); // the export marks the header row to repeat on every page
    }
    place(row);
  }
  // Body text resumes on the grid: the next line starts at the next whole line pitch.
  return Math.ceil((cursor - EPSILON) / g.linePitch) * g.linePitch;
}
