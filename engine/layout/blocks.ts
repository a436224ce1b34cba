/**
 * The export's sequence of paragraphs, with the words, fonts and indents each one gets in the DOCX
 * (engine/export/build-docx.ts builds the same sequence with `docx`): optional document number,
 * title, addressee, every report line, tables, attachment note, signature and date. Each character
 * keeps the source offset it came from, so that the preview can point back into the draft.
 */
import { breakTitle } from '../export/title-lines';
import { DEFAULT_FONTS, type ExportFonts } from '../export/gbt9704';
import { metadata } from '../export/metadata';
import { closingLayout } from '../export/signature';
import { width } from '../export/title-lines';
import type { ReportLine, ReportModel, TableModel } from '../model/types';
import { builtinTypes } from '../report-types/load';
import { OPAQUE } from '../text/prose';
import type { PageGeometry } from './geometry';

export type FontKey = keyof ExportFonts;
export type BlockKind = 'number' | 'title' | 'blank' | 'addressee' | 'body' | 'heading' | 'attachment' | 'signature' | 'date';

/** A stretch of a paragraph's text in one font: `end` is the index in the text where it stops. */
export interface FontRun {
  end: number;
  font: FontKey;
  bold: boolean;
}

export interface Paragraph {
  type: 'paragraph';
  kind: BlockKind;
  /** Heading level 1–4 (kind 'heading'). */
  level?: number;
  text: string;
  /** Source offset (UTF-16, into the draft) of each code unit of `text`. */
  src: Int32Array;
  runs: FontRun[];
  /** Font size and the spacing added after each character, in points. */
  size: number;
  spacing: number;
  align: 'left' | 'center' | 'right' | 'justify';
  /** Indents in points. */
  indent: { firstLine: number; left: number; right: number };
  /** Indices of `text` where a new line is forced (the title's balanced lines). */
  breaks: number[];
  /** The draft offset the paragraph points at when it has no text of its own (blank lines, metadata). */
  anchor: number;
  /** Kept on one page with the next paragraph's first line (w:keepNext), and unsplit (w:keepLines). */
  keepNext?: boolean;
  keepLines?: boolean;
  /** Grid lines each of its lines takes, where not the size's own (a line off the grid takes one). */
  rows?: number;
  /** Empty grid lines above it (space before, in place of an empty paragraph). */
  spaceBefore?: number;
}

export interface TableCell {
  text: string;
  src: Int32Array;
  header: boolean;
  anchor: number;
}

export interface Table {
  type: 'table';
  header: TableCell[];
  rows: TableCell[][];
  anchor: number;
}

export type Block = Paragraph | Table;

/** What a first line may end with to be taken as the title: the report types' names, as the export reads them. */
let endings: string[] | undefined;
const titleEndings = () => (endings ??= builtinTypes().types.flatMap((t) => [t.name, ...t.aliases]));

const HEADING_FONT: FontKey[] = ['body', 'heading1', 'heading2', 'heading3', 'heading4'];

/**
 * The line's words as the export prints them: inline code restored, leading and trailing blanks
 * dropped. `src` gives each code unit's draft offset; `map` its index in the line's text.
 */
export function printedText(line: ReportLine, model: ReportModel): { text: string; src: Int32Array; map: (i: number) => number } {
  const full = line.text;
  if (!full.includes(OPAQUE)) {
    // Most lines: the printed text is the line's text, trimmed; no copying of offsets.
    const lead = full.length - full.replace(/^[\s\u3000]+/, '').length;
    const text = full.slice(lead).replace(/[\s\u3000]+$/, '');
    return { text, src: line.starts.subarray(lead, lead + text.length), map: (i) => i + lead };
  }
  let text = '';
  const src: number[] = [];
  const map: number[] = [];
  for (let i = 0; i < full.length; i++) {
    const ch = full[i];
    if (ch === OPAQUE) {
      const raw = model.text.slice(line.starts[i], line.ends[i]).replace(/^`+\s?|\s?`+$/g, '').replace(/^!\[([^\]]*)\][\s\S]*$/, '$1');
      for (let k = 0; k < raw.length; k++) {
        text += raw[k];
        src.push(line.starts[i]);
        map.push(i);
      }
      continue;
    }
    text += ch;
    src.push(line.starts[i]);
    map.push(i);
  }
  const lead = text.length - text.replace(/^[\s\u3000]+/, '').length;
  const trimmed = text.slice(lead).replace(/[\s\u3000]+$/, '');
  return { text: trimmed, src: Int32Array.from(src.slice(lead, lead + trimmed.length)), map: (i) => map[i + lead] };
}

export function buildBlocks(model: ReportModel, geometry: PageGeometry, fonts: Partial<ExportFonts> = {}): Block[] {
  void fonts; // fonts change faces, not widths: every 公文 face prints CJK one em wide
  const meta = metadata(model, titleEndings());
  const { sizes, charPitch, firstLineIndent } = geometry;
  const bodySpacing = charPitch - sizes.body;
  const frontAnchor = model.frontMatter?.span.start ?? 0;
  const blocks: Block[] = [];

  const para = (kind: BlockKind, text: string, anchor: number, extra: Partial<Paragraph> = {}): Paragraph => ({
    type: 'paragraph',
    kind,
    text,
    runs: [{ end: text.length, font: 'body', bold: false }],
    size: sizes.body,
    spacing: bodySpacing,
    align: 'left',
    indent: { firstLine: 0, left: 0, right: 0 },
    breaks: [],
    anchor,
    ...extra,
    src: extra.src && extra.src.length === text.length ? extra.src : new Int32Array(text.length).fill(anchor),
  });
  const blank = (anchor: number) => para('blank', '', anchor);
  /** The draft line a metadata value came from, when it is written in the draft rather than the front matter. */
  const lineWith = (role: ReportLine['role'], value: string | undefined) =>
    value === undefined ? undefined : model.lines.find((l) => l.role === role && printedText(l, model).text.replace(/[：:]$/, '') === value);
  const fromLine = (line: ReportLine | undefined, text: string) => {
    if (!line) return undefined;
    const p = printedText(line, model);
    return p.text.startsWith(text) ? p.src.slice(0, text.length) : undefined;
  };

  if (meta.number) {
    blocks.push(para('number', meta.number, frontAnchor, { align: 'center' }), blank(frontAnchor));
  }
  if (meta.title) {
    const titleLine = model.title;
    const anchor = titleLine ? titleLine.starts[0] : frontAnchor;
    const lines = breakTitle(meta.title);
    const text = lines.join('');
    const breaks: number[] = [];
    let at = 0;
    for (const l of lines.slice(0, -1)) breaks.push((at += l.length));
    const src = titleLine && printedText(titleLine, model).text === meta.title ? printedText(titleLine, model).src : undefined;
    blocks.push(
      // Off the line grid (one grid line a line) and kept with what follows, as the export writes it.
      para('title', text, anchor, { src, runs: [{ end: text.length, font: 'title', bold: false }], size: sizes.title, spacing: 0, align: 'center', breaks, rows: 1, keepNext: true }),
      { ...blank(anchor), keepNext: true },
    );
  }
  if (meta.addressee) {
    const line = lineWith('addressee', meta.addressee);
    const text = `${meta.addressee}：`;
    const words = fromLine(line, meta.addressee);
    const src = words ? Int32Array.from([...words, words[words.length - 1] ?? 0]) : undefined;
    blocks.push(para('addressee', text, line?.starts[0] ?? frontAnchor, { src, keepNext: true }));
  }

  // The body's last paragraph stays with the closing (attachment note, signature, date).
  const closing = meta.attachments.length > 0 || (meta.signature ?? []).length > 0 || meta.date !== undefined;
  const skip = ['title', 'addressee', 'signature', 'date', 'attachment'];
  const lastBody = [...model.lines].reverse().find((l) => l.block !== 'tableCell' && !skip.includes(l.role));
  const emitted = new Set<TableModel>();
  const tableOf = (line: ReportLine) => {
    const at = line.starts.length > 0 ? line.starts[0] : line.cell?.start;
    return at === undefined ? undefined : model.tables.find((t) => t.span.start <= at && at < t.span.end);
  };
  for (const line of model.lines) {
    if (line.block === 'tableCell') {
      const table = tableOf(line) ?? (line.cell ? model.tables.find((t) => t.span.start <= line.cell!.start && line.cell!.start < t.span.end) : undefined);
      if (table && !emitted.has(table)) {
        emitted.add(table);
        blocks.push(tableBlock(table, model));
      }
      continue;
    }
    if (line === meta.titleLine || ['title', 'addressee', 'signature', 'date', 'attachment'].includes(line.role)) continue;
    const p = lineParagraph(line, model, geometry, bodySpacing, firstLineIndent);
    if (closing && line === lastBody) p.keepNext = true;
    blocks.push(p);
  }

  const endAnchor = model.lines.length > 0 ? model.lines[model.lines.length - 1].starts[0] ?? 0 : 0;
  // The closing's blank lines are space before its first paragraph, as the export writes them.
  if (meta.attachments.length > 0) {
    const label = '附件：';
    meta.attachments.forEach((name, i) => {
      const numbered = meta.attachments.length > 1 ? `${i + 1}.${name}` : name;
      // Later names align under the first: 2 characters plus the width of "附件：".
      const left = (i === 0 ? 2 : 2 + width(label)) * charPitch;
      blocks.push(
        para('attachment', i === 0 ? label + numbered : numbered, frontAnchor, { indent: { firstLine: 0, left, right: 0 }, keepNext: true, spaceBefore: i === 0 ? 1 : 0 }),
      );
    });
  }

  const signature = meta.signature ?? [];
  if (signature.length > 0 || meta.date) {
    const sigLine = (s: string) => lineWith('signature', s);
    const dateLine = lineWith('date', meta.date);
    const layout = closingLayout(signature, meta.date ?? '', {
      sealed: Boolean((meta as { seal?: boolean }).seal),
      textWidth: Math.round(geometry.textWidth * 20),
      char: Math.round(charPitch * 20),
    });
    // The export's placement (twips, left or right aligned) in points.
    const placed = (line: { paragraph: { alignment: unknown; indent: { left?: number; right?: number } } }) =>
      line.paragraph.alignment === 'right'
        ? { align: 'right' as const, indent: { firstLine: 0, left: 0, right: (line.paragraph.indent.right ?? 0) / 20 } }
        : { align: 'left' as const, indent: { firstLine: 0, left: (line.paragraph.indent.left ?? 0) / 20, right: 0 } };
    layout.signature.forEach((s, i) => {
      const line = sigLine(s.text);
      blocks.push(
        para('signature', s.text, line?.starts[0] ?? frontAnchor, { src: fromLine(line, s.text), ...placed(s), keepNext: true, spaceBefore: i === 0 ? layout.blankLines : 0 }),
      );
    });
    if (layout.date) {
      const d = layout.date;
      blocks.push(
        para('date', d.text, dateLine?.starts[0] ?? frontAnchor, {
          src: fromLine(dateLine, d.text),
          ...placed(d),
          spaceBefore: layout.signature.length === 0 ? layout.blankLines : 0,
        }),
      );
    }
  }
  return blocks;
}

function lineParagraph(line: ReportLine, model: ReportModel, geometry: PageGeometry, spacing: number, firstLine: number): Paragraph {
  const { text, src, map } = printedText(line, model);
  const section = line.role === 'heading' ? line.section : undefined;
  const level = section?.level ?? 0;
  // A run-in heading ("（一）加强学习。正文……"): the heading font up to its first full stop.
  const headEnd = level === 0 ? 0 : section!.runIn ? text.search(/[。！？]/) + 1 : text.length;
  const isBold = line.bold.length === 0 ? () => false : (i: number) => line.bold.some(([a, b]) => map(i) >= a && map(i) < b);
  const runs: FontRun[] = [];
  let from = 0;
  for (let i = 1; i <= text.length; i++) {
    if (i < text.length && isBold(i) === isBold(from) && i !== headEnd) continue;
    runs.push({ end: i, font: from < headEnd ? HEADING_FONT[level] : 'body', bold: isBold(from) });
    from = i;
  }
  // A heading never ends a page: it stays with the paragraph it introduces.
  const heading = level > 0 && !section!.runIn;
  return {
    keepNext: heading || undefined,
    keepLines: heading || undefined,
    type: 'paragraph',
    kind: level ? 'heading' : 'body',
    level: level || undefined,
    text,
    src,
    runs: runs.length > 0 ? runs : [{ end: 0, font: level ? HEADING_FONT[level] : 'body', bold: false }],
    size: geometry.sizes.body,
    spacing,
    align: 'justify',
    indent: { firstLine, left: 0, right: 0 },
    breaks: [],
    anchor: line.starts[0] ?? line.cell?.start ?? 0,
  };
}

function tableBlock(table: TableModel, model: ReportModel): Table {
  const cell = (line: ReportLine, header: boolean): TableCell => {
    const anchor = line.starts[0] ?? line.cell?.start ?? table.span.start;
    if (line.starts.length === 0) return { text: line.text, src: new Int32Array(line.text.length).fill(anchor), header, anchor };
    const p = printedText(line, model);
    return { text: p.text, src: p.src, header, anchor };
  };
  return {
    type: 'table',
    header: (table.header as ReportLine[]).map((c) => cell(c, true)),
    rows: table.rows.map((r) => (r as ReportLine[]).map((c) => cell(c, false))),
    anchor: table.span.start,
  };
}

export { DEFAULT_FONTS };
