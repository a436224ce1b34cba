/**
 * The export's sequence of paragraphs, with the words, fonts and indents each one gets in the DOCX
 * (engine/export/build-docx.ts builds the same sequence with `docx`): the 版头 (份号, 密级, 紧急程度,
 * the red 发文机关标志, 发文字号 and 签发人 over the red line), title, addressee, every report line,
 * tables, code and HTML blocks, pictures, footnotes, attachment note, signature, date and 附注, the
 * attachments on pages of their own and the 版记. Placement comes from the export's own modules
 * (gbt9704.ts, element-geometry.ts, signature.ts, title-lines.ts). Each character keeps the source
 * offset it came from, so that the preview can point back into the draft.
 */
import { titleLines as printedTitleLines } from '../export/title-lines';
import { DEFAULT_FONTS, RED, SIZE, type ExportFonts } from '../export/gbt9704';
import {
  attachmentNote,
  attachmentParts,
  blanksAfterNumber,
  ELEMENT_CHAR,
  HEAD_RULE_PT,
  IMPRINT_CHAR,
  IMPRINT_RULE_SPACE_PT,
  imprintLines,
  issuerPlacement,
  NOTE_INDENT,
  noteText,
  numberLine,
  printedBody,
  PrintOrder,
  SEPARATOR_SPACE_PT,
  SIGNERS_LABEL,
  stackedHead,
} from '../export/element-geometry';
import { METADATA_KEY_NAMES, metadata, type ExportMetadata } from '../export/metadata';
import { closingLayout } from '../export/signature';
import { cellBreaks } from '../model/cell-breaks';
import { emphasis } from '../model/emphasis';
import { sourceBlocks, type SourceBlocks } from '../model/source-blocks';
import type { ColumnAlign, ReportLine, ReportModel, Span, TableModel } from '../model/types';
import { builtinTypes } from '../report-types/load';
import { OPAQUE } from '../text/prose';
import type { PageGeometry } from './geometry';

export type FontKey = keyof ExportFonts;
export type BlockKind =
  | 'head'
  | 'issuer'
  | 'space'
  | 'number'
  | 'title'
  | 'blank'
  | 'addressee'
  | 'body'
  | 'heading'
  | 'literal'
  | 'image'
  | 'attachment'
  | 'attachmentLabel'
  | 'signature'
  | 'date'
  | 'note'
  | 'imprint'
  | 'footnote';

/** A stretch of a paragraph's text in one font: `end` is the index in the text where it stops. */
export interface FontRun {
  end: number;
  font: FontKey;
  bold: boolean;
  /** A footnote's number, raised (w:vertAlign superscript). */
  sup?: boolean;
  /** ~~Struck~~ text, printed struck as the export prints it. */
  strike?: boolean;
}

/** A horizontal rule along a paragraph's edge (a paragraph border): thickness and gap in points. */
export interface Rule {
  thickness: number;
  space: number;
  color: string;
}

/** A footnote a paragraph refers to: printed at the foot of the page its reference lands on. */
export interface Footnote {
  number: number;
  /** Index in the referring paragraph's text of the reference. */
  at: number;
  /** The note's paragraphs (4号, the text block's width). */
  paragraphs: string[];
  anchor: number;
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
  /** Exact height of each line in points, off the line grid (the 标志, the space around it). */
  lineHeight?: number;
  /** Starts a new page (the attachments). */
  pageBreakBefore?: boolean;
  /** Ink colour (hex, no #) where not black: the red 标志. */
  color?: string;
  /** Text right-aligned on the first line, `right` points from the right edge (a right tab stop). */
  trailing?: { text: string; runs: FontRun[]; right: number };
  /** Paragraph borders: the red line under the 发文字号, the 版记's lines. */
  ruleAbove?: Rule;
  ruleBelow?: Rule;
  footnotes?: Footnote[];
  /** Framed: a picture, drawn as a box with its description. */
  framed?: boolean;
}

export interface TableCell {
  text: string;
  src: Int32Array;
  header: boolean;
  anchor: number;
  /** Bold and struck stretches of the cell's text, as the export keeps them (fonts are the table's). */
  runs?: FontRun[];
  /** Where a `<br>` starts a new line in the cell (model/cell-breaks.ts). */
  breaks?: number[];
}

export interface Table {
  type: 'table';
  header: TableCell[];
  rows: TableCell[][];
  /** Each column's alignment as the delimiter row marks it; the export centres the header row. */
  align: ColumnAlign[];
  anchor: number;
}

/** The 版记: at the foot of a page of its own, the document's last, which is even (7.4). */
export interface Imprint {
  type: 'imprint';
  paragraphs: Paragraph[];
}

export type Block = Paragraph | Table | Imprint;

export interface BlockOptions {
  fonts?: Partial<ExportFonts>;
  /** A picture's size in points (scaled to the text block as the export scales it), when it can be read. */
  imageSize?: (url: string) => { width: number; height: number } | undefined;
  /** The draft's footnotes, code and HTML blocks and pictures (a SourceBlockCache's, while typing). */
  sourceBlocks?: (text: string) => SourceBlocks;
}

/** What a first line may end with to be taken as the title: the report types' names, as the export reads them. */
let endings: string[] | undefined;
const titleEndings = () => (endings ??= builtinTypes().types.flatMap((t) => [t.name, ...t.aliases]));

const HEADING_FONT: FontKey[] = ['body', 'heading1', 'heading2', 'heading3', 'heading4'];

/** The title's balanced lines, remembered: breaking it segments words, too slow for every keystroke. */
const titleBreaks = new Map<string, string[]>();
function titleLines(title: string): string[] {
  let lines = titleBreaks.get(title);
  if (!lines) {
    if (titleBreaks.size > 64) titleBreaks.clear();
    titleBreaks.set(title, (lines = printedTitleLines(title)));
  }
  return lines;
}

const FOOTNOTE_REF = /^\[\^([^\]]+)\]$/;
const IMAGE = /^!\[([^\]]*)\]\(\s*<?([^)\s>]+)>?/;

/** A line's printed text, with where each code unit came from. */
export interface Printed {
  text: string;
  /** Draft offset (UTF-16) of each code unit of `text`. */
  src: Int32Array;
  /** Index in the line's text of `text`'s code unit i. */
  map: (i: number) => number;
  /** Footnote references: the number printed raised at [from, to), and the note's label. */
  notes?: Array<{ from: number; to: number; label: string }>;
}

/**
 * The line's words as the export prints them: inline code restored, images by their description,
 * footnote references by their number (when `notes` numbers them), leading and trailing blanks
 * dropped.
 */
export function printedText(line: ReportLine, model: ReportModel, notes?: Map<string, number>): Printed {
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
  const refs: Array<{ from: number; to: number; label: string }> = [];
  for (let i = 0; i < full.length; i++) {
    const ch = full[i];
    if (ch === OPAQUE) {
      const raw = model.text.slice(line.starts[i], line.ends[i]);
      const note = notes ? FOOTNOTE_REF.exec(raw) : null;
      const number = note ? notes!.get(note[1].toLowerCase()) ?? notes!.get(note[1]) : undefined;
      const shown = number !== undefined ? String(number) : raw.replace(/^`+\s?|\s?`+$/g, '').replace(/^!\[([^\]]*)\][\s\S]*$/, '$1');
      if (number !== undefined) refs.push({ from: text.length, to: text.length + shown.length, label: note![1] });
      for (let k = 0; k < shown.length; k++) {
        text += shown[k];
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
  const kept = refs.map((r) => ({ ...r, from: r.from - lead, to: r.to - lead })).filter((r) => r.from >= 0 && r.to <= trimmed.length);
  return { text: trimmed, src: Int32Array.from(src.slice(lead, lead + trimmed.length)), map: (i) => map[i + lead], notes: kept.length > 0 ? kept : undefined };
}

/** The pictures of a line that holds nothing else (the export centres it, off the line pitch). */
function onlyImages(line: ReportLine, model: ReportModel): Array<{ url: string; alt: string }> | undefined {
  if (!line.text.includes(OPAQUE)) return undefined; // most lines: words, no picture
  const text = line.text.trim();
  for (let i = 0; i < text.length; i++) if (text[i] !== OPAQUE) return undefined;
  if (!text) return undefined;
  const out: Array<{ url: string; alt: string }> = [];
  for (let i = 0; i < line.text.length; i++) {
    if (line.text[i] !== OPAQUE) continue;
    const m = IMAGE.exec(model.text.slice(line.starts[i], line.ends[i]));
    if (!m) return undefined;
    out.push({ url: m[2], alt: m[1] });
  }
  return out;
}

export function buildBlocks(model: ReportModel, geometry: PageGeometry, options: BlockOptions = {}): Block[] {
  // Fonts change faces, not widths: every 公文 face prints CJK one em wide.
  const meta = metadata(model, titleEndings());
  const { sizes, charPitch, firstLineIndent } = geometry;
  const bodySpacing = charPitch - sizes.body;
  const textWidthTwips = Math.round(geometry.textWidth * 20);
  const frontAnchor = model.frontMatter?.span.start ?? 0;
  /** Where the front matter names an element (a click on it in the preview goes there), else the front matter's start. */
  const keyAnchor = (element: keyof typeof METADATA_KEY_NAMES) => {
    const front = model.frontMatter;
    if (!front) return frontAnchor;
    const yaml = model.text.slice(front.span.start, front.span.end);
    for (const key of METADATA_KEY_NAMES[element]) {
      const at = yaml.search(new RegExp(`(^|\\n)[ \\t]*["']?${key}["']?[ \\t]*:`));
      if (at >= 0) return front.span.start + at + (yaml[at] === '\n' ? 1 : 0);
    }
    return frontAnchor;
  };
  const source = (options.sourceBlocks ?? sourceBlocks)(model.text);
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
  const blank = (anchor: number, extra: Partial<Paragraph> = {}) => para('blank', '', anchor, extra);
  /** The draft line a metadata value came from, when it is written in the draft rather than the front matter. */
  const lineWith = (role: ReportLine['role'], value: string | undefined) =>
    value === undefined ? undefined : model.lines.find((l) => l.role === role && printedText(l, model).text.replace(/[：:]$/, '') === value);
  const fromLine = (line: ReportLine | undefined, text: string) => {
    if (!line) return undefined;
    const p = printedText(line, model);
    return p.text.startsWith(text) ? p.src.slice(0, text.length) : undefined;
  };
  const title = (text: string, anchor: number, src?: Int32Array, keepNext = true) => {
    const lines = titleLines(text);
    const joined = lines.join('');
    const breaks: number[] = [];
    let at = 0;
    for (const l of lines.slice(0, -1)) breaks.push((at += l.length));
    // Off the line grid (one grid line a line) and, an attachment's, kept with what follows, as the export writes it.
    return para('title', joined, anchor, { src, runs: [{ end: joined.length, font: 'title', bold: false }], size: sizes.title, spacing: 0, align: 'center', breaks, rows: 1, keepNext });
  };

  head(meta, keyAnchor, para, blank, textWidthTwips, blocks);
  if (meta.title) {
    const titleLine = model.title;
    const anchor = titleLine ? titleLine.starts[0] : keyAnchor('title');
    const src = titleLine && printedText(titleLine, model).text === meta.title.replace(/\n/g, '') ? printedText(titleLine, model).src : undefined;
    // Not kept with what follows, as the export writes it: under a tall 版头 it would move to page 2.
    blocks.push(title(meta.title, anchor, src, false), blank(anchor));
  }
  if (meta.addressee) {
    const line = lineWith('addressee', meta.addressee);
    const text = `${meta.addressee}：`;
    const words = fromLine(line, meta.addressee);
    const src = words ? Int32Array.from([...words, words[words.length - 1] ?? 0]) : undefined;
    blocks.push(para('addressee', text, line?.starts[0] ?? keyAnchor('addressee'), { src, keepNext: true }));
  }

  // The body: the draft's lines, its tables, and the blocks the model leaves out, in source order.
  const body = printedBody(model.lines, meta, source.footnotes.map((f) => f.span));
  const notes = new Map<string, number>();
  source.footnotes.forEach((f, i) => notes.set(f.label, i + 1));
  const footnoteOf = new Map(source.footnotes.map((f, i) => [i + 1, f]));
  const order = new PrintOrder<Block>(model.tables, source.literals, {
    literal: (block, into) => into.push(...block.lines.map((text) => para('literal', text, block.span.start))),
    table: (table, into) => into.push(tableBlock(table, model, source.struck)),
    line(line, into) {
      const images = onlyImages(line, model);
      if (images) {
        into.push(imageParagraph(line, images));
        return;
      }
      const p = lineParagraph(line, model, geometry, bodySpacing, firstLineIndent, notes, source.struck);
      if (p.footnotes) for (const f of p.footnotes) f.paragraphs = footnoteOf.get(f.number)?.paragraphs ?? [];
      if (body.closing && line === body.lastBody) p.keepNext = true;
      into.push(p);
    },
  });
  const literalsBefore = (offset: number, into: Block[]) => order.literalsBefore(offset, into);
  const emitLines = (lines: ReportLine[], into: Block[]) => order.lines(lines, into);
  /** A picture on a line of its own: centred, as tall as the export prints it, framed with its description. */
  function imageParagraph(line: ReportLine, images: Array<{ url: string; alt: string }>) {
    const text = images.map((i) => i.alt || i.url).join(' ');
    const heights = images.map((i) => options.imageSize?.(i.url)?.height ?? 0);
    const height = Math.max(geometry.linePitch, ...heights);
    return para('image', text, line.starts[0] ?? 0, { align: 'center', lineHeight: height, framed: true });
  }
  /** Where a line starts in the draft (none: no limit). */
  const startOf = (line: ReportLine | undefined) => (line ? line.starts[0] ?? line.cell?.start ?? Number.MAX_SAFE_INTEGER : Number.MAX_SAFE_INTEGER);
  emitLines(body.main, blocks);
  literalsBefore(startOf(body.afterClosing[0] ?? body.attachments[0]), blocks);

  // The closing's blank lines are space before its first paragraph, as the export writes them.
  attachmentNote(meta).forEach((note, i) => {
    blocks.push(
      para('attachment', note.text, keyAnchor('attachments'), {
        indent: { firstLine: 0, left: Math.round(note.indentChars * ELEMENT_CHAR) / 20, right: 0 },
        keepNext: true,
        spaceBefore: i === 0 ? 1 : 0,
      }),
    );
  });

  const signature = meta.signature ?? [];
  const note = noteText(meta);
  if (signature.length > 0 || meta.date) {
    const sigLine = (s: string) => lineWith('signature', s);
    const dateLine = lineWith('date', meta.date);
    const layout = closingLayout(signature, meta.date ?? '', { sealed: meta.seal, textWidth: textWidthTwips, char: ELEMENT_CHAR });
    // The export's placement (twips, left or right aligned) in points.
    const placed = (line: { paragraph: { alignment: unknown; indent: { left?: number; right?: number } } }) =>
      line.paragraph.alignment === 'right'
        ? { align: 'right' as const, indent: { firstLine: 0, left: 0, right: (line.paragraph.indent.right ?? 0) / 20 } }
        : { align: 'left' as const, indent: { firstLine: 0, left: (line.paragraph.indent.left ?? 0) / 20, right: 0 } };
    layout.signature.forEach((s, i) => {
      const line = sigLine(s.text);
      blocks.push(
        para('signature', s.text, line?.starts[0] ?? keyAnchor('signature'), { src: fromLine(line, s.text), ...placed(s), keepNext: true, spaceBefore: i === 0 ? layout.blankLines : 0 }),
      );
    });
    if (layout.date) {
      const d = layout.date;
      blocks.push(
        para('date', d.text, dateLine?.starts[0] ?? keyAnchor('date'), {
          src: fromLine(dateLine, d.text),
          ...placed(d),
          keepNext: note !== undefined || undefined,
          spaceBefore: layout.signature.length === 0 ? layout.blankLines : 0,
        }),
      );
    }
  }
  if (note) blocks.push(para('note', note, meta.noteLine?.starts[0] ?? keyAnchor('note'), { indent: { firstLine: 0, left: NOTE_INDENT / 20, right: 0 } }));
  // What the writer put after the date, in the writer's order, as the export prints it.
  emitLines(body.afterClosing, blocks);
  literalsBefore(startOf(body.attachments[0]), blocks);

  // Attachments that follow the main text (附件1, 附件2 …), each from a new page.
  for (const part of attachmentParts(meta, body.attachments)) {
    const anchor = part.mark.starts[0] ?? frontAnchor;
    // 7.3.7: "附件N" in 3号黑体 at the top left of a new page; its title centred on the third line.
    blocks.push(
      para('attachmentLabel', part.label, anchor, { runs: [{ end: part.label.length, font: 'heading1', bold: false }], pageBreakBefore: true, keepNext: true }),
      blank(anchor, { keepNext: true }),
    );
    if (part.name) blocks.push(title(part.name, anchor), blank(anchor, { keepNext: true }));
    emitLines(part.lines, blocks);
  }
  literalsBefore(Number.MAX_SAFE_INTEGER, blocks);

  const imprint = imprintParagraphs(meta, para, keyAnchor, textWidthTwips);
  if (imprint.length > 0) blocks.push({ type: 'imprint', paragraphs: imprint });
  return blocks;
}

type ParaMaker = (kind: BlockKind, text: string, anchor: number, extra?: Partial<Paragraph>) => Paragraph;

/** 7.2: the 版头, as element-geometry.ts places it for the export. */
type KeyAnchor = (element: keyof typeof METADATA_KEY_NAMES) => number;

function head(meta: ExportMetadata, keyAnchor: KeyAnchor, para: ParaMaker, blank: (anchor: number) => Paragraph, textWidth: number, into: Block[]) {
  for (const line of stackedHead(meta)) into.push(para('head', line.text, keyAnchor(line.key), { runs: [{ end: line.text.length, font: line.font, bold: false }] }));
  const anchor = keyAnchor('number');
  const issuer = issuerPlacement(meta, textWidth);
  const number = () => {
    const parts = numberLine(meta, textWidth);
    const rule = issuer ? { ruleBelow: { thickness: HEAD_RULE_PT, space: SEPARATOR_SPACE_PT, color: RED } } : {};
    if (parts.signers === undefined) return para('number', parts.number, anchor, { align: 'center', ...rule });
    const trailing = SIGNERS_LABEL + parts.signers;
    return para('number', parts.number, anchor, {
      ...rule,
      indent: { firstLine: 0, left: parts.leftTab / 20, right: 0 },
      trailing: {
        text: trailing,
        right: (textWidth - parts.rightTab) / 20,
        runs: [
          { end: SIGNERS_LABEL.length, font: 'body', bold: false },
          { end: trailing.length, font: 'heading2', bold: false },
        ],
      },
    });
  };
  if (issuer) {
    const name = meta.issuer!;
    if (issuer.spaceAbove > 0) into.push(para('space', '', keyAnchor('issuer'), { lineHeight: issuer.spaceAbove / 20 }));
    into.push(
      para('issuer', name, keyAnchor('issuer'), {
        runs: [{ end: name.length, font: 'title', bold: false }],
        size: issuer.size,
        spacing: 0,
        align: 'center',
        lineHeight: issuer.lineHeight / 20,
        color: RED,
      }),
      para('space', '', anchor, { lineHeight: issuer.spaceBelow / 20 }),
    );
  }
  if (issuer || meta.number || meta.signers?.length) {
    into.push(number());
    for (let i = 0; i < blanksAfterNumber(meta); i++) into.push(blank(anchor));
  }
}

/** 7.4: the 版记's lines in 4号, one character in, between their rules. */
function imprintParagraphs(meta: ExportMetadata, para: ParaMaker, keyAnchor: KeyAnchor, textWidth: number): Paragraph[] {
  const rule = (eighths: number | undefined) => (eighths ? { thickness: eighths / 8, space: IMPRINT_RULE_SPACE_PT, color: '000000' } : undefined);
  const char = IMPRINT_CHAR / 20;
  return imprintLines(meta, textWidth).map((line) => {
    const common = { size: SIZE.imprint, spacing: 0, breaks: line.breaks, ruleAbove: rule(line.ruleAbove), ruleBelow: rule(line.ruleBelow) };
    if (line.kind === 'copyTo') {
      // The first line starts after a one-character tab; wrapped names line up after the colon.
      return para('imprint', line.text, keyAnchor('copyTo'), { ...common, indent: { firstLine: char - line.hanging / 20, left: line.hanging / 20, right: 0 } });
    }
    const right = line.right ?? '';
    return para('imprint', line.text, keyAnchor('printer'), {
      ...common,
      indent: { firstLine: 0, left: char, right: 0 },
      trailing: right ? { text: right, right: char, runs: [{ end: right.length, font: 'body', bold: false }] } : undefined,
    });
  });
}

function lineParagraph(line: ReportLine, model: ReportModel, geometry: PageGeometry, spacing: number, firstLine: number, notes: Map<string, number>, struck: readonly Span[]): Paragraph {
  const { text, src, map, notes: refs } = printedText(line, model, notes);
  const section = line.role === 'heading' ? line.section : undefined;
  const level = section?.level ?? 0;
  // A run-in heading ("（一）加强学习。正文……"): the heading font up to its first full stop.
  const headEnd = level === 0 ? 0 : section!.runIn ? text.search(/[。！？]/) + 1 : text.length;
  // The marks the export prints (model/emphasis.ts), worked out once a character.
  const { bold, strike } = emphasis(line, text.length, map, struck);
  const isBold = (i: number) => bold !== undefined && bold[i] === true;
  const isStruck = (i: number) => strike !== undefined && strike[i] === true;
  const isSup = refs ? (i: number) => refs.some((r) => i >= r.from && i < r.to) : () => false;
  const runs: FontRun[] = [];
  let from = 0;
  for (let i = 1; i <= text.length; i++) {
    if (i < text.length && isBold(i) === isBold(from) && isSup(i) === isSup(from) && isStruck(i) === isStruck(from) && i !== headEnd) continue;
    const run: FontRun = { end: i, font: from < headEnd ? HEADING_FONT[level] : 'body', bold: isBold(from) };
    if (isSup(from)) run.sup = true;
    if (isStruck(from)) run.strike = true;
    runs.push(run);
    from = i;
  }
  // A heading never ends a page: it stays with the paragraph it introduces.
  const heading = level > 0 && !section!.runIn;
  const anchor = line.starts[0] ?? line.cell?.start ?? 0;
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
    anchor,
    footnotes: refs?.map((r) => ({ number: notes.get(r.label.toLowerCase()) ?? notes.get(r.label)!, at: r.from, paragraphs: [], anchor })),
  };
}

function tableBlock(table: TableModel, model: ReportModel, struck: readonly Span[]): Table {
  const cell = (line: ReportLine, header: boolean): TableCell => {
    const anchor = line.starts[0] ?? line.cell?.start ?? table.span.start;
    if (line.starts.length === 0) return { text: line.text, src: new Int32Array(line.text.length).fill(anchor), header, anchor };
    const p = printedText(line, model);
    const font: FontKey = header ? 'heading1' : 'body';
    const { bold, strike } = emphasis(line, p.text.length, p.map, struck);
    const isBold = (i: number) => bold !== undefined && bold[i] === true;
    const isStruck = (i: number) => strike !== undefined && strike[i] === true;
    const runs: FontRun[] = [];
    let from = 0;
    for (let i = 1; i <= p.text.length; i++) {
      if (i < p.text.length && isBold(i) === isBold(from) && isStruck(i) === isStruck(from)) continue;
      runs.push(isStruck(from) ? { end: i, font, bold: isBold(from), strike: true } : { end: i, font, bold: isBold(from) });
      from = i;
    }
    const breaks = cellBreaks(line, model, p.text.length, p.map);
    // Most cells are plain: no runs, one piece a line as before.
    const out: TableCell = runs.some((r) => r.bold || r.strike) ? { text: p.text, src: p.src, header, anchor, runs } : { text: p.text, src: p.src, header, anchor };
    if (breaks.length > 0) out.breaks = breaks;
    return out;
  };
  return {
    type: 'table',
    header: (table.header as ReportLine[]).map((c) => cell(c, true)),
    rows: table.rows.map((r) => (r as ReportLine[]).map((c) => cell(c, false))),
    align: table.align,
    anchor: table.span.start,
  };
}

export { DEFAULT_FONTS };
