/**
 * Places the broken lines on pages: every paragraph line takes one line pitch (the export sets exact
 * 28.95 pt spacing), a page holds what fits in the text block (22 lines), and table rows, which the
 * export marks as unsplittable, move to the next page whole, where the header row repeats.
 */
import type { Block, FontKey, Imprint, Paragraph, Table, TableCell } from './blocks';
import { BreakCache, type LineSpan } from './break-lines';
import { charWidth } from './widths';
import { TABLE_CELL_MARGIN } from '../export/gbt9704';
import { columnWidths as exportColumnWidths } from '../export/table-widths';
import type { PageGeometry } from './geometry';

/** A piece of a line in one font. */
export interface Piece {
  text: string;
  font: FontKey;
  bold: boolean;
  /** A footnote's number, raised. */
  sup?: boolean;
  strike?: boolean;
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
  /** Ink colour (hex, no #) where not black. */
  color?: string;
}

/** A table cell's frame, or a picture's. */
export interface Box {
  top: number;
  left: number;
  width: number;
  height: number;
  image?: boolean;
}

/** A horizontal line: paragraph borders (the red line of the 版头, the 版记's lines), the footnote separator. */
export interface RuleLine {
  top: number;
  left: number;
  width: number;
  thickness: number;
  color: string;
}

export interface LaidPage {
  number: number;
  lines: LaidLine[];
  boxes: Box[];
  rules: RuleLine[];
  /** False for a blank page before the 版记's page and for the 版记's page after it (7.5: not numbered). */
  numbered: boolean;
}

/** The export's cell padding left and right (80 twips); punctuation cannot hang past it. */
const CELL_PADDING = 4;
const EPSILON = 0.01;
const WIDOW = 2;
const ORPHAN = 2;
/**
 * The footnote separator: a short thin line over the notes, which takes a grid line of its own
 * (LibreOffice 7.4 prints a page with a two-line note with 19 body lines, not 20).
 */
const FOOTNOTE_SEPARATOR = { fraction: 1 / 3, thickness: 0.5, lines: 1 };

export function paginate(blocks: Block[], g: PageGeometry, placeholders: Array<{ start: number; end: number }>, cache = new BreakCache()): LaidPage[] {
  const pages: LaidPage[] = [{ number: 1, lines: [], boxes: [], rules: [], numbered: true }];
  let y = 0;
  /** Height the current page's footnotes take at its foot, and their lines (placed when the page is done). */
  let reserved = 0;
  let notes: LaidLine[] = [];
  const limit = () => g.textHeight - reserved;
  const page = () => pages[pages.length - 1];
  const finishPage = () => {
    if (notes.length === 0) return;
    const top = g.textHeight - reserved + FOOTNOTE_SEPARATOR.lines * g.linePitch;
    page().rules.push({ top: top - g.linePitch / 2, left: 0, width: g.textWidth * FOOTNOTE_SEPARATOR.fraction, thickness: FOOTNOTE_SEPARATOR.thickness, color: '000000' });
    notes.forEach((line, i) => page().lines.push({ ...line, top: top + i * g.linePitch }));
    notes = [];
    reserved = 0;
  };
  const newPage = (numbered = true) => {
    finishPage();
    pages.push({ number: pages.length + 1, lines: [], boxes: [], rules: [], numbered });
    y = 0;
  };
  const marksOf = (src: Int32Array, from: number, to: number) => marks(src, from, to, placeholders);

  /** Height of a block's first line (the part keep-with-next holds on the same page). */
  const rows = (p: Paragraph) => p.rows ?? g.rowsFor(p.size);
  const lineHeight = (p: Paragraph) => p.lineHeight ?? rows(p) * g.linePitch;
  const rulesHeight = (p: Paragraph) => (p.ruleAbove ? p.ruleAbove.space + p.ruleAbove.thickness : 0) + (p.ruleBelow ? p.ruleBelow.space + p.ruleBelow.thickness : 0);
  const before = (b: Block) => (b.type === 'paragraph' ? (b.spaceBefore ?? 0) * g.linePitch : 0);
  const firstHeight = (b: Block) => (b.type === 'paragraph' ? lineHeight(b) : g.linePitch);
  const fullHeight = (b: Block) => (b.type === 'paragraph' ? before(b) + lineHeight(b) * lineCount(b, g, cache) + rulesHeight(b) : g.linePitch);
  blocks.forEach((block, at) => {
    if (block.type === 'imprint') return;
    if (block.type === 'paragraph' && block.pageBreakBefore && (y > 0 || page().lines.length > 0)) newPage();
    // Keep with next: a run of such paragraphs and the first line of the paragraph after them go
    // to the next page together when they do not fit on this one (as long as they fit on a page).
    if (block.type === 'paragraph' && block.keepNext && y > 0) {
      let chain = 0;
      let k = at;
      // A paragraph that starts a new page anyway (an attachment) ends the chain.
      const breaks = (b: Block) => b.type === 'paragraph' && b.pageBreakBefore === true;
      while (k < blocks.length && blocks[k].type === 'paragraph' && (blocks[k] as Paragraph).keepNext && !(k > at && breaks(blocks[k]))) chain += fullHeight(blocks[k++]);
      // The next paragraph's first line, or its first two where a lone line may not stay behind.
      if (k < blocks.length && blocks[k].type !== 'imprint' && !breaks(blocks[k])) {
        const next = blocks[k];
        chain += before(next) + firstHeight(next) * (g.widowControl && next.type === 'paragraph' ? Math.min(2, lineCount(next, g, cache)) : 1);
      }
      if (y + chain > limit() + EPSILON && chain <= g.textHeight + EPSILON) newPage();
    }
    // Keep lines together: a paragraph that does not fit starts a new page.
    if (block.type === 'paragraph' && block.keepLines && y > 0 && y + fullHeight(block) > limit() + EPSILON && fullHeight(block) <= g.textHeight) newPage();
    place1(block);
  });
  finishPage();
  const imprint = blocks.find((b): b is Imprint => b.type === 'imprint');
  if (imprint) placeImprint(imprint);
  cache.rotate();
  return pages;

  function place1(block: Paragraph | Table) {
    if (block.type === 'table') {
      y = placeTable(block, g, pages, y, newPage, marksOf, cache, limit);
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
      sup: supRanges(p),
    });
    const height = lineHeight(p);
    if (p.spaceBefore && y > 0) {
      y += p.spaceBefore * g.linePitch;
      if (y > limit() + EPSILON) newPage();
    }
    if (p.ruleAbove) {
      page().rules.push({ top: y, left: 0, width: g.textWidth, thickness: p.ruleAbove.thickness, color: p.ruleAbove.color });
      y += p.ruleAbove.thickness + p.ruleAbove.space;
    }
    const fit = () => Math.floor((limit() - y + EPSILON) / height);
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
      if (p.footnotes) take = Math.min(take, 1); // a line with a reference brings its note to this page's foot
      if (p.footnotes && take === 1) {
        const noteLines = footnoteLines(p, spans[n]);
        const need = (noteLines.length + (notes.length === 0 && noteLines.length > 0 ? FOOTNOTE_SEPARATOR.lines : 0)) * g.linePitch;
        if (y + height + need > limit() + EPSILON && (y > 0 || reserved > 0)) take = 0;
        else {
          notes.push(...noteLines);
          reserved += need;
        }
      }
      if (take <= 0) {
        if (y === 0 && reserved === 0) take = Math.max(1, Math.min(fit(), left)); // nothing to move: a page of its own
        else {
          newPage();
          continue;
        }
      }
      for (let k = 0; k < take; k++) place(p, spans, n + k, y + k * height, height, measure, marksOf, page());
      y += take * height;
      n += take;
      if (n < spans.length && !p.footnotes) newPage();
    }
    if (p.framed) page().boxes.push({ top: y - height * spans.length, left: 0, width: g.textWidth, height: height * spans.length, image: true });
    if (p.ruleBelow) {
      y += p.ruleBelow.space;
      page().rules.push({ top: y, left: 0, width: g.textWidth, thickness: p.ruleBelow.thickness, color: p.ruleBelow.color });
      y += p.ruleBelow.thickness;
    }
  }

  /** The notes a line refers to, as 4号 lines the width of the text block, their number raised. */
  function footnoteLines(p: Paragraph, span: LineSpan): LaidLine[] {
    const out: LaidLine[] = [];
    for (const note of p.footnotes ?? []) {
      if (note.at < span.from || note.at >= span.to) continue;
      const mark = String(note.number);
      note.paragraphs.forEach((para, i) => {
        const text = (i === 0 ? mark : '') + para;
        const sup = i === 0 ? [[0, mark.length] as [number, number]] : undefined;
        const size = g.sizes.footnote;
        const lines = cache.get({ text, size, spacing: 0, first: g.textWidth, rest: g.textWidth, hang: g.margins.right, sup });
        for (const l of lines) {
          const pieces: Piece[] = [];
          if (sup && l.from < mark.length) pieces.push({ text: mark, font: 'body', bold: false, sup: true });
          const from = Math.max(l.from, sup ? mark.length : 0);
          if (l.to > from) pieces.push({ text: text.slice(from, l.to), font: 'body', bold: false });
          const last = l === lines[lines.length - 1];
          out.push({ kind: 'footnote', top: 0, left: 0, width: g.textWidth, height: g.linePitch, align: last ? 'left' : 'justify', size, spacing: 0, text: text.slice(l.from, l.to), pieces, src: note.anchor, srcEnd: note.anchor });
        }
      });
    }
    return out;
  }

  /**
   * 7.4: the 版记 on a page of its own that is even (a blank page before it when the text ends on
   * an even page), its last line on the text block's bottom edge. 7.5: only when the blank page is
   * there are it and the 版记's page left unnumbered.
   */
  function placeImprint(imprint: Imprint) {
    if (page().lines.length > 0 || y > 0) {
      const blank = page().number % 2 === 0;
      if (blank) newPage(false);
      newPage(!blank);
    } else page().numbered = false;
    // From the bottom edge up: where the first paragraph starts; then placed top-down, in reading order.
    let height = 0;
    const broken = imprint.paragraphs.map((p) => {
      const measure = g.textWidth - p.indent.left - p.indent.right;
      const spans = cache.get({ text: p.text, size: p.size, spacing: p.spacing, first: measure - p.indent.firstLine, rest: measure, breaks: p.breaks, hang: g.margins.right });
      height += spans.length * lineHeight(p) + rulesHeight(p);
      return { p, measure, spans };
    });
    y = g.textHeight - height;
    for (const { p, measure, spans } of broken) {
      const h = lineHeight(p);
      if (p.ruleAbove) {
        page().rules.push({ top: y, left: 0, width: g.textWidth, thickness: p.ruleAbove.thickness, color: p.ruleAbove.color });
        y += p.ruleAbove.thickness + p.ruleAbove.space;
      }
      spans.forEach((_, i) => place(p, spans, i, y + i * h, h, measure, marksOf, page()));
      y += spans.length * h;
      if (p.ruleBelow) {
        y += p.ruleBelow.space;
        page().rules.push({ top: y, left: 0, width: g.textWidth, thickness: p.ruleBelow.thickness, color: p.ruleBelow.color });
        y += p.ruleBelow.thickness;
      }
    }
  }
}

/** The raised ranges of a paragraph's text (footnote numbers), for the line breaker. */
function supRanges(p: Paragraph): Array<[number, number]> | undefined {
  if (!p.footnotes) return undefined;
  let start = 0;
  const out: Array<[number, number]> = [];
  for (const run of p.runs) {
    if (run.sup) out.push([start, run.end]);
    start = run.end;
  }
  return out.length > 0 ? out : undefined;
}

/** How many lines a paragraph breaks into (cached: the same call the placement makes). */
function lineCount(p: Paragraph, g: PageGeometry, cache: BreakCache): number {
  const measure = g.textWidth - p.indent.left - p.indent.right;
  return cache.get({ text: p.text, size: p.size, spacing: p.spacing, first: measure - p.indent.firstLine, rest: measure, breaks: p.breaks, hang: g.margins.right + p.indent.right, sup: supRanges(p) }).length;
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
    ...(p.color ? { color: p.color } : {}),
  });
  if (first && p.trailing) {
    // A right tab stop: the 签发人 beside the 发文字号, the 印发日期 beside the 印发机关.
    const t = p.trailing;
    let width = 0;
    for (const ch of t.text) width += charWidth(ch, p.size, p.spacing);
    page.lines.push({
      kind: p.kind,
      top,
      left: measure + p.indent.left + p.indent.right - t.right - width,
      width,
      height,
      align: 'right',
      size: p.size,
      spacing: p.spacing,
      text: t.text,
      pieces: pieces({ ...p, text: t.text, runs: t.runs }, 0, t.text.length),
      src: p.anchor,
      srcEnd: p.anchor,
    });
  }
}

function pieces(p: Paragraph, from: number, to: number): Piece[] {
  const out: Piece[] = [];
  let start = 0;
  for (const run of p.runs) {
    const a = Math.max(start, from);
    const b = Math.min(run.end, to);
    if (b > a) {
      const piece: Piece = { text: p.text.slice(a, b), font: run.font, bold: run.bold };
      if (run.sup) piece.sup = true;
      if (run.strike) piece.strike = true;
      out.push(piece);
    }
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
  limit: () => number = () => g.textHeight,
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
      return { cell, spans: cache.get({ text: cell.text, size: g.sizes.table, spacing: 0, first: measure, rest: measure, breaks: cell.breaks, hang: CELL_PADDING }) };
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
          align: cell.header ? 'center' : (table.align[c] ?? 'left'),
          size: g.sizes.table,
          spacing: 0,
          text: cell.text.slice(span.from, span.to),
          pieces: cell.runs
            ? pieces({ text: cell.text, runs: cell.runs } as Paragraph, span.from, span.to)
            : [{ text: cell.text.slice(span.from, span.to), font: cell.header ? 'heading1' : 'body', bold: false }],
          src: span.to > span.from ? cell.src[span.from] : cell.anchor,
          srcEnd: span.to > span.from ? cell.src[span.to - 1] + 1 : cell.anchor,
          marks: marksOf(cell.src, span.from, span.to),
          header: cell.header,
        });
      });
    });
    cursor += row.height;
  };
  if (cursor + header.height > limit() + EPSILON && cursor > 0) {
    newPage();
    cursor = 0;
  }
  place(header);
  for (const r of table.rows) {
    const row = layoutRow(r);
    if (cursor + row.height > limit() + EPSILON) {
      newPage();
      cursor = 0;
      place(header); // the export marks the header row to repeat on every page
    }
    place(row);
  }
  // Body text resumes on the grid: the next line starts at the next whole line pitch.
  return Math.ceil((cursor - EPSILON) / g.linePitch) * g.linePitch;
}
