/**
 * Maps the report model to a Word document laid out per GB/T 9704-2012: every line of the draft is
 * a paragraph; headings, title, addressee, attachment note, signature and date each get their
 * standard font and place; footnotes, images, code and HTML blocks are carried over. Figures come
 * from gbt9704.ts; the 版头 and 版记 from front matter are built in elements.ts.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  DocumentGridType,
  Footer,
  FootnoteReferenceRun,
  ImageRun,
  LineRuleType,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type IParagraphOptions,
  type IRunOptions,
  type ParagraphChild,
} from 'docx';
import { OPAQUE } from '../text/prose';
import type { ReportLine, ReportModel, Span, TableModel } from '../model/types';
import { t } from '../i18n';
import {
  BODY_CHARACTER_SPACING,
  CHARACTER_PITCH_PT,
  exportFonts,
  FIRST_LINE_INDENT,
  FOOTER_DISTANCE,
  LINE_PITCH,
  MARGINS,
  mm,
  PAGE,
  SIZE,
  TABLE_CELL_MARGIN,
  type ExportFonts,
} from './gbt9704';
import { loadImage, pictureBox } from './images';
import type { ExportMetadata } from './metadata';
import { closingLayout } from './signature';
import { cellBreaks } from '../model/cell-breaks';
import { emphasis } from '../model/emphasis';
import type { SourceBlocks } from '../model/source-blocks';
import { columnWidths } from './table-widths';
import { titleLines } from './title-lines';
import { elementParts, type ElementContext } from './elements';
import { draftMarker } from './marker';
import { attachmentNote, linesBeforeBody, printedBody, PrintOrder } from './element-geometry';
import type { PartKeys } from './fixed-parts';

export interface PageOptions {
  /** Margins in millimetres (GB/T 9704 allows ±1 mm; units sometimes need more). */
  top?: number;
  bottom?: number;
  left?: number;
  right?: number;
  /** Page numbers in the footer (default true). */
  pageNumbers?: boolean;
}

export interface LayoutOptions {
  fonts?: Partial<ExportFonts>;
  page?: PageOptions;
  /** The draft's folder: images are read relative to it. */
  baseDir?: string;
  /**
   * Number the 版记's page: no blank page comes before it (GB/T 9704 7.5 leaves it unnumbered only
   * after one). Word or LibreOffice decides that when it breaks the pages; the server and the CLI
   * pass the preview layout's answer (engine/layout/imprint-page.ts). Default: not numbered.
   */
  numberImprintPage?: boolean;
}

const validMm = (v: unknown) => typeof v === 'number' && v >= 5 && v <= 80;

function margins(page: PageOptions = {}) {
  return {
    top: validMm(page.top) ? mm(page.top!) : MARGINS.top,
    bottom: validMm(page.bottom) ? mm(page.bottom!) : MARGINS.bottom,
    left: validMm(page.left) ? mm(page.left!) : MARGINS.left,
    right: validMm(page.right) ? mm(page.right!) : MARGINS.right,
  };
}

export const CHAR = Math.round(CHARACTER_PITCH_PT * 20); // one body character, in twips
export const half = (pt: number) => pt * 2; // docx sizes are in half-points
export const exact = { line: LINE_PITCH, lineRule: LineRuleType.EXACT, before: 0, after: 0 };
/**
 * A paragraph holding a picture: single ("auto") spacing, so that its line grows to the picture's
 * height. Under the document's exact 28.95 pt, Word cuts an inline picture to one line's height. On
 * the line grid the line still takes whole grid lines, so the text below stays on the grid.
 */
export const pictureSpacing = { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 };

/** Control characters Word cannot store (all C0 except tab, LF, CR). */
const INVALID_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
export const clean = (s: string) => s.replace(INVALID_XML, '');

export type RunMaker = (text: string, face: string, extra?: Partial<IRunOptions>) => TextRun;

export interface BuiltDocument {
  document: Document;
  /** What its fixed parts depend on (fixed-parts.ts). */
  partKeys: PartKeys;
  /** Things the writer should know: an image not found, code printed as text. */
  warnings: string[];
}

export function buildDocument(model: ReportModel, meta: ExportMetadata, blocks: SourceBlocks, options: LayoutOptions = {}): BuiltDocument {
  const fonts = exportFonts(options.fonts);
  const warnings: string[] = [];
  const font = (eastAsia: string, latin = fonts.latin) => ({ ascii: latin, hAnsi: latin, cs: latin, eastAsia, hint: 'eastAsia' });
  const run: RunMaker = (text, face, extra = {}) =>
    new TextRun({ text: clean(text), font: font(face), size: half(SIZE.body), characterSpacing: BODY_CHARACTER_SPACING, ...extra });
  const blank = (extra: Partial<IParagraphOptions> = {}) => new Paragraph({ spacing: exact, children: [], ...extra });
  const page = margins(options.page);
  const textWidth = PAGE.width - page.left - page.right;
  const pictureSize = pictureBox(textWidth, PAGE.height - page.top - page.bottom);

  const footnotes: Record<string, { children: Paragraph[] }> = {};
  const footnoteIds = new Map<string, number>();
  blocks.footnotes.forEach((f, i) => {
    footnoteIds.set(f.label, i + 1);
    footnotes[String(i + 1)] = {
      children: (f.paragraphs.length ? f.paragraphs : ['']).map(
        (p) => new Paragraph({ alignment: AlignmentType.JUSTIFIED, children: [new TextRun({ text: clean(p), font: font(fonts.body), size: half(SIZE.footnote) })] }),
      ),
    };
  });

  // Broken front matter gives the export nothing (no title, 主送 or closing from it): say so rather
  // than print a document without them as if all were well.
  const yamlError = model.frontMatter?.error;
  if (yamlError) {
    const where = model.lineIndex.positionAt(yamlError.span.start).line + 1;
    warnings.push(t('文首元数据第 {0} 行有误（{1}），其中的标题、主送机关、落款等都没有导出。请改正后再导出。', where, yamlError.message));
  }

  if (meta.draftAttachments && meta.attachmentLines.length > 0) {
    const where = model.lineIndex.positionAt(meta.attachmentLines[0].starts[0]).line + 1;
    warnings.push(
      meta.draftAttachments.join('\n') === meta.attachments.join('\n')
        ? t('第 {0} 行的附件说明与文首元数据的“附件”重复，只导出一次。', where)
        : t('第 {0} 行的附件说明（{1}）与文首元数据的“附件”不一致，导出的是元数据中的附件说明，请核对。', where, meta.draftAttachments.join('、')),
    );
  }

  const ctx: ElementContext = { meta, fonts, run, font, blank, textWidth };
  const elements = elementParts(ctx);
  const children: Array<Paragraph | Table> = [...elements.head];

  // The title and the blank line under it do not keep with what follows: on the first page nothing
  // comes before them but the 版头, and under a tall 版头 a chain of title, 主送 and body that did
  // not fit moved them all to page 2, leaving a first page without title or body (7.3.3 wants the
  // first page to show the body). The 主送 still keeps with the body's first line.
  if (meta.title) {
    const lines = titleLines(meta.title);
    children.push(
      new Paragraph({
        style: 'Title',
        alignment: AlignmentType.CENTER,
        spacing: exact,
        children: lines.map((l, i) => new TextRun({ text: clean(l), break: i > 0 ? 1 : 0, font: font(fonts.title), size: half(SIZE.title) })),
      }),
      blank(),
    );
  }
  if (meta.addressee) {
    children.push(new Paragraph({ spacing: exact, keepNext: true, children: [run(`${meta.addressee}：`, fonts.body)] }));
  }

  // The body: the draft's lines, its tables, and the blocks the model leaves out, in source order.
  const body = printedBody(model.lines, meta, blocks.footnotes.map((f) => f.span));
  const { printed, main, closing, lastBody } = body;
  const split = main.length;
  /** Where the printed line at `index` starts in the draft (past the end: no limit). */
  const startOf = (index: number) => (index < printed.length ? printed[index].starts[0] ?? printed[index].cell?.start ?? Number.MAX_SAFE_INTEGER : Number.MAX_SAFE_INTEGER);

  const order = new PrintOrder<Paragraph | Table>(model.tables, blocks.literals, {
    literal(block, into) {
      warnings.push(
        block.kind === 'code'
          ? t('第 {0} 行的代码块按原文导出为正文：公文中一般不用代码块，请确认是否需要。', model.lineIndex.positionAt(block.span.start).line + 1)
          : t('第 {0} 行的 HTML 块去掉标签后导出为正文，请确认导出结果。', model.lineIndex.positionAt(block.span.start).line + 1),
      );
      for (const text of block.lines) {
        into.push(new Paragraph({ spacing: exact, indent: { firstLine: 0 }, children: [run(text, fonts.body)] }));
      }
    },
    table: (table, into) => into.push(buildTable(table, model, fonts, font, textWidth, blocks.struck)),
    line: (line, into) => into.push(lineParagraph(line, model, fonts, run, { keepNext: closing && line === lastBody, footnoteIds, images: imageRuns, struck: blocks.struck })),
  });
  const emitLiteralsBefore = (offset: number, into: Array<Paragraph | Table>) => order.literalsBefore(offset, into);
  const emitLines = (lines: ReportLine[], into: Array<Paragraph | Table>) => order.lines(lines, into);
  const imageRuns = (url: string, alt: string, line: ReportLine): ParagraphChild[] => {
    const loaded = loadImage(url, options.baseDir, pictureSize);
    if ('image' in loaded) {
      const { type, data, width: w, height: h } = loaded.image;
      return [new ImageRun({ type, data, transformation: { width: w, height: h }, altText: { name: alt || url, description: alt, title: alt } })];
    }
    const where = model.lineIndex.positionAt(line.starts[0]).line + 1;
    const why = { missing: t('找不到文件'), format: t('不是 PNG、JPEG、GIF 或 BMP 图片'), remote: t('网络图片不下载') }[loaded.problem];
    warnings.push(t('第 {0} 行的图片 {1} 未嵌入（{2}），导出的是它的说明文字。', where, url, why));
    return [run(alt, fonts.body)];
  };
  if (main.length > 0 && linesBeforeBody(meta, textWidth) >= Math.floor((PAGE.height - page.top - page.bottom) / LINE_PITCH)) {
    warnings.push(t('首页排不下正文：版头、标题和主送机关占满了第一页，正文从第 2 页开始（GB/T 9704 要求首页显示正文）。请缩短标题，或减少版头要素。'));
  }
  emitLines(main, children);
  emitLiteralsBefore(startOf(split), children);

  // The blank lines of the closing are space before its paragraphs, not empty paragraphs:
  // LibreOffice does not carry "keep with next" across an empty paragraph.
  const linesBefore = (n: number) => ({ ...exact, before: n * LINE_PITCH });
  attachmentNote(meta).forEach((note, i) => {
    children.push(
      new Paragraph({
        spacing: i === 0 ? linesBefore(1) : exact,
        keepNext: true,
        indent: { left: Math.round(note.indentChars * CHAR) },
        children: [run(note.text, fonts.body)],
      }),
    );
  });

  const signature = meta.signature ?? [];
  if (signature.length > 0 || meta.date) {
    const layout = closingLayout(signature, meta.date ?? '', { sealed: meta.seal, textWidth, char: CHAR });
    layout.signature.forEach((s, i) => {
      children.push(new Paragraph({ spacing: i === 0 ? linesBefore(layout.blankLines) : exact, keepNext: true, ...s.paragraph, children: [run(s.text, fonts.body)] }));
    });
    if (layout.date) {
      const spacing = layout.signature.length === 0 ? linesBefore(layout.blankLines) : exact;
      children.push(new Paragraph({ spacing, keepNext: elements.afterDate.length > 0, ...layout.date.paragraph, children: [run(layout.date.text, fonts.body)] }));
    }
  }
  children.push(...elements.afterDate);
  // What the writer put after the date, in the writer's order (a 附注 in brackets is set above).
  emitLines(body.afterClosing, children);
  emitLiteralsBefore(startOf(split + body.afterClosing.length), children);

  // Attachments that follow the main text (附件1, 附件2 …), each from a new page.
  const attachmentParts = elements.attachmentPages(body.attachments, (lines, into) => emitLines(lines, into));
  children.push(...attachmentParts);
  emitLiteralsBefore(Number.MAX_SAFE_INTEGER, children);

  // What each page-number footer holds, for its part (fixed-parts.ts): made from these and nothing else.
  const footerKeys = new Map<Footer, string>();
  type Alignment = (typeof AlignmentType)[keyof typeof AlignmentType];
  const numberParagraph = (alignment: Alignment, indent: { left?: number; right?: number }, extra: Partial<IParagraphOptions> = {}) =>
    new Paragraph({
      alignment,
      indent,
      ...extra,
      children: [
        new TextRun({
          children: ['— ', PageNumber.CURRENT, ' —'],
          font: font(fonts.pageNumber, fonts.pageNumber),
          size: half(SIZE.pageNumber),
        }),
      ],
    });
  const pageNumber = (alignment: Alignment, indent: { left?: number; right?: number }) => {
    const footer = new Footer({ children: [numberParagraph(alignment, indent)] });
    footerKeys.set(footer, JSON.stringify({ alignment, indent, font: fonts.pageNumber, size: SIZE.pageNumber }));
    return footer;
  };
  const oneChar = half(SIZE.pageNumber) * 10; // 1 character of 4号 text, in twips
  const headingStyle = (face: string) => ({
    run: { font: font(face), size: half(SIZE.body), bold: false, italics: false, color: '000000' },
    // A heading never ends a page: it stays with the paragraph it introduces.
    paragraph: { spacing: exact, indent: { firstLine: FIRST_LINE_INDENT }, keepNext: true, keepLines: true },
  });
  const pageProperties = {
    size: { width: PAGE.width, height: PAGE.height },
    margin: { ...page, header: 851, footer: FOOTER_DISTANCE },
  };
  const grid = { type: DocumentGridType.LINES, linePitch: LINE_PITCH };
  const numbered = options.page?.pageNumbers !== false;

  const marker = draftMarker(model, meta);
  // Word shows these under 文件 › 信息 and sends them with the file: the report's title and the unit
  // that signs it, never the library's default author "Un-named".
  const author = meta.signature?.[0] ?? meta.issuer ?? '';
  const documentOptions: ConstructorParameters<typeof Document>[0] = {
    title: meta.title?.replace(/\n/g, '') ?? '',
    creator: author,
    lastModifiedBy: author,
    evenAndOddHeaderAndFooters: numbered,
    ...(marker ? { customProperties: [marker] } : {}),
    footnotes,
    styles: {
      default: {
        // No widow and orphan control (index.ts writes it): every page holds its 22 lines (5.2.2).
        document: { run: { font: font(fonts.body), size: half(SIZE.body) }, paragraph: { spacing: exact } },
        title: { run: { font: font(fonts.title), size: half(SIZE.title) }, paragraph: { alignment: AlignmentType.CENTER, spacing: exact } },
        heading1: headingStyle(fonts.heading1),
        heading2: headingStyle(fonts.heading2),
        heading3: headingStyle(fonts.heading3),
        heading4: headingStyle(fonts.heading4),
      },
      // Off the line grid (see index.ts): the 标志 is larger than a grid line, the space above it exact.
      paragraphStyles: [
        { id: 'IssuerMark', name: 'Issuer Mark', basedOn: 'Normal', paragraph: { alignment: AlignmentType.CENTER } },
        { id: 'HeadSpace', name: 'Head Space', basedOn: 'Normal', paragraph: { spacing: { before: 0, after: 0 } } },
      ],
    },
    sections: [
      {
        properties: { page: pageProperties, grid },
        footers: numbered
          ? {
              default: pageNumber(AlignmentType.RIGHT, { right: oneChar }),
              even: pageNumber(AlignmentType.LEFT, { left: oneChar }),
            }
          : undefined,
        children,
      },
      // The 版记's page is even: its number, when it has one, at the left, one character in.
      ...elements.imprintSections({ page: pageProperties, grid }, numbered && options.numberImprintPage ? (extra) => numberParagraph(AlignmentType.LEFT, { left: oneChar }, extra) : undefined),
    ],
  };
  return { document: new Document(documentOptions), warnings, partKeys: partKeysOf(documentOptions, footerKeys) };
}

/**
 * What the parts other than the draft's own depend on (fixed-parts.ts): styles.xml on the styles given
 * to docx, the settings, theme, numbering, font table, endnotes and the like on the document's other
 * options. The draft's content (sections, footnotes, custom properties) is left out.
 */
function partKeysOf(options: ConstructorParameters<typeof Document>[0], footerKeys: Map<Footer, string>): PartKeys {
  // The title and the author go to core.xml only, which is always the draft's own (its timestamps).
  const { styles, sections, footnotes, customProperties, title: _title, creator: _creator, lastModifiedBy: _modifiedBy, ...rest } = options;
  const parts: PartKeys['parts'] = {
    'word/footnotes.xml': Object.keys(footnotes ?? {}).length === 0 ? 'none' : undefined,
    'docProps/custom.xml': (customProperties ?? []).length === 0 ? 'none' : undefined,
  };
  // docx makes each section's footers in this order (File.addSection) and numbers the parts so.
  let footer = 0;
  for (const section of sections) {
    for (const kind of ['default', 'first', 'even'] as const) {
      const made = section.footers?.[kind];
      if (made) parts[`word/footer${++footer}.xml`] = footerKeys.get(made);
    }
  }
  return { styles: JSON.stringify(styles ?? null), rest: JSON.stringify(rest), parts };
}

const HEADING_STYLE = ['', 'Heading1', 'Heading2', 'Heading3', 'Heading4'];

interface Piece {
  text: string;
  /** Index in the line's text this character came from. */
  map: number[];
}

/**
 * The line's words with inline code restored and leading indentation (spaces, 　) dropped; each
 * footnote reference and image is one OPAQUE character, resolved by the caller.
 */
function exportText(line: ReportLine, model: ReportModel, keepOpaque = false): Piece {
  // Most lines hold nothing opaque: their text is the line's, character for character.
  if (!line.text.includes(OPAQUE)) return trimmedPiece(line.text, Array.from({ length: line.text.length }, (_, i) => i));
  let text = '';
  const map: number[] = [];
  for (let i = 0; i < line.text.length; i++) {
    const ch = line.text[i];
    if (ch === OPAQUE) {
      const raw = model.text.slice(line.starts[i], line.ends[i]);
      if (keepOpaque && (/^\[\^[^\]]+\]$/.test(raw) || /^!\[/.test(raw))) {
        text += OPAQUE;
        map.push(i);
        continue;
      }
      const shown = raw.replace(/^`+\s?|\s?`+$/g, '').replace(/^!\[([^\]]*)\][\s\S]*$/, '$1');
      for (const c of shown) {
        text += c;
        map.push(i);
      }
      continue;
    }
    text += ch;
    map.push(i);
  }
  return trimmedPiece(text, map);
}

/** Leading indentation and trailing spaces dropped, with their places in the map. */
function trimmedPiece(text: string, map: number[]): Piece {
  const lead = text.length - text.replace(/^[\s\u3000]+/, '').length;
  const trimmed = text.slice(lead).replace(/[\s\u3000]+$/, '');
  return { text: trimmed, map: map.slice(lead, lead + trimmed.length) };
}

interface LineOptions {
  keepNext: boolean;
  footnoteIds: Map<string, number>;
  images: (url: string, alt: string, line: ReportLine) => ParagraphChild[];
  /** The draft's struck-through text (SourceBlocks.struck). */
  struck: readonly Span[];
}

function lineParagraph(line: ReportLine, model: ReportModel, fonts: ExportFonts, run: RunMaker, opts: LineOptions): Paragraph {
  const { text, map } = exportText(line, model, true);
  const section = line.role === 'heading' ? line.section : undefined;
  const level = section?.level ?? 0;
  const headingFont = level ? [fonts.body, fonts.heading1, fonts.heading2, fonts.heading3, fonts.heading4][level] : fonts.body;
  // A run-in heading ("（一）加强学习。正文……"): the heading font up to its first full stop.
  const headEnd = level === 0 ? 0 : section!.runIn ? text.search(/[。！？]/) + 1 : text.length;
  // Whether each character is bold or struck, worked out once (asked twice a character below).
  const { bold, strike } = emphasis(line, map.length, (i) => map[i], opts.struck);
  const isBold = (i: number) => bold !== undefined && bold[i] === true;
  const isStruck = (i: number) => strike !== undefined && strike[i] === true;

  const runs: ParagraphChild[] = [];
  let onlyImages = text.length > 0;
  let pictures = false;
  let from = 0;
  for (let i = 0; i <= text.length; i++) {
    const opaque = i < text.length && text[i] === OPAQUE;
    const boundary = i === text.length || opaque || (i > from && (isBold(i) !== isBold(from) || isStruck(i) !== isStruck(from) || i === headEnd));
    if (!boundary) continue;
    if (i > from) {
      const face = from < headEnd ? headingFont : fonts.body;
      runs.push(run(text.slice(from, i), face, { ...(isBold(from) ? { bold: true } : {}), ...(isStruck(from) ? { strike: true } : {}) }));
      onlyImages = false;
    }
    if (opaque) {
      const raw = model.text.slice(line.starts[map[i]], line.ends[map[i]]);
      const note = /^\[\^([^\]]+)\]$/.exec(raw);
      const id = note ? opts.footnoteIds.get(note[1].toLowerCase()) ?? opts.footnoteIds.get(note[1]) : undefined;
      if (note && id !== undefined) {
        runs.push(new FootnoteReferenceRun(id));
        onlyImages = false;
      } else if (note) {
        runs.push(run(raw, fonts.body));
        onlyImages = false;
      } else {
        const image = /^!\[([^\]]*)\]\(\s*<?([^)\s>]+)>?/.exec(raw);
        if (image) {
          const made = opts.images(image[2], image[1], line);
          pictures ||= made.some((r) => r instanceof ImageRun);
          runs.push(...made);
        } else runs.push(run(raw, fonts.body));
      }
    }
    from = opaque ? i + 1 : i;
  }
  if (onlyImages) {
    // A picture on a line of its own: centred, no indent, and not squeezed into the line pitch.
    return new Paragraph({ alignment: AlignmentType.CENTER, spacing: pictures ? pictureSpacing : exact, keepNext: opts.keepNext, children: runs });
  }
  const heading = level > 0 && !section!.runIn;
  return new Paragraph({
    style: heading ? HEADING_STYLE[level] : undefined,
    // 公文 are justified (两端对齐): full lines end flush with the right margin.
    alignment: AlignmentType.JUSTIFIED,
    spacing: pictures ? pictureSpacing : exact,
    keepNext: heading || opts.keepNext || undefined,
    keepLines: heading || undefined,
    indent: { firstLine: FIRST_LINE_INDENT, firstLineChars: 200 },
    children: runs,
  });
}

/** A column's alignment as the delimiter row marks it (:-- :-: --:); unmarked columns are flush left. */
const CELL_ALIGNMENT = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

function buildTable(
  table: TableModel,
  model: ReportModel,
  fonts: ExportFonts,
  font: (eastAsia: string) => Record<string, string>,
  textWidth: number,
  struck: readonly Span[],
): Table {
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  const cellText = (line: ReportLine) => clean(line.starts.length ? exportText(line, model).text : line.text);
  /** A cell's words in runs of one emphasis: **bold** and ~~struck~~ text keep their marks. */
  const cellRuns = (line: ReportLine, header: boolean) => {
    const size = half(SIZE.table);
    const face = font(header ? fonts.heading1 : fonts.body);
    if (line.starts.length === 0) return [new TextRun({ text: clean(line.text), font: face, size })];
    const { text, map } = exportText(line, model);
    const { bold, strike } = emphasis(line, map.length, (i) => map[i], struck);
    // "1.……<br>2.……": a line break in the cell, as the writer made it.
    const breaks = new Set(cellBreaks(line, model, text.length, (i) => map[i]));
    const runs: TextRun[] = [];
    let from = 0;
    for (let i = 1; i <= text.length; i++) {
      if (i < text.length && bold?.[i] === bold?.[from] && strike?.[i] === strike?.[from] && !breaks.has(i)) continue;
      runs.push(new TextRun({ text: clean(text.slice(from, i)), font: face, size, ...(bold?.[from] ? { bold: true } : {}), ...(strike?.[from] ? { strike: true } : {}), ...(breaks.has(from) ? { break: 1 } : {}) }));
      from = i;
    }
    return runs;
  };
  const rows = [table.header as ReportLine[], ...(table.rows as ReportLine[][])];
  const columnCount = Math.max(...rows.map((r) => r.length));
  const columns = Array.from({ length: columnCount }, (_, c) => rows.map((r) => (r[c] ? cellText(r[c]) : '')));
  const tableChar = SIZE.table * 20;
  const chars = columnWidths(columns, (textWidth - columnCount * 2 * TABLE_CELL_MARGIN) / tableChar);
  const twips = chars.map((c) => Math.round(c * tableChar + 2 * TABLE_CELL_MARGIN));
  // Rounding must not push the table past the text block.
  twips[twips.length - 1] += textWidth - twips.reduce((a, b) => a + b, 0);

  const cellParagraph = (line: ReportLine | undefined, header: boolean, column: number) =>
    new Paragraph({
      // Cells never inherit the body's first-line indent.
      indent: { firstLine: 0, left: 0 },
      // The header row centred, as a 公文's tables have it; the other rows as the column is marked.
      alignment: header ? AlignmentType.CENTER : CELL_ALIGNMENT[table.align[column] ?? 'left'],
      spacing: { line: Math.round(SIZE.table * 1.3 * 20), lineRule: LineRuleType.EXACT, before: 0, after: 0 },
      children: line ? cellRuns(line, header) : [new TextRun({ text: '', font: font(header ? fonts.heading1 : fonts.body), size: half(SIZE.table) })],
    });
  const row = (cells: ReportLine[], header: boolean) =>
    new TableRow({
      tableHeader: header,
      cantSplit: true,
      children: Array.from({ length: columnCount }, (_, c) =>
        new TableCell({
          width: { size: twips[c], type: WidthType.DXA },
          children: [cellParagraph(cells[c], header, c)],
          margins: { left: TABLE_CELL_MARGIN, right: TABLE_CELL_MARGIN },
        }),
      ),
    });
  return new Table({
    width: { size: textWidth, type: WidthType.DXA },
    columnWidths: twips,
    layout: TableLayoutType.FIXED,
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    rows: rows.map((r, i) => row(r, i === 0)),
  });
}
