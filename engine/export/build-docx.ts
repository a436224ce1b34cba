/**
 * Maps the report model to a Word document laid out per GB/T 9704-2012: every line of the draft is
 * a paragraph; headings, title, addressee, attachment note, signature and date each get their
 * standard font and place. Figures come from gbt9704.ts.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  DocumentGridType,
  Footer,
  LineRuleType,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type IRunOptions,
  type ParagraphChild,
} from 'docx';
import { OPAQUE } from '../text/prose';
import type { ReportLine, ReportModel, TableModel } from '../model/types';
import {
  BODY_CHARACTER_SPACING,
  CHARACTER_PITCH_PT,
  DEFAULT_FONTS,
  FIRST_LINE_INDENT,
  FOOTER_DISTANCE,
  LINE_PITCH,
  MARGINS,
  mm,
  PAGE,
  SIZE,
  type ExportFonts,
} from './gbt9704';
import type { ExportMetadata } from './metadata';
import { signatureIndents } from './signature';
import { breakTitle } from './title-lines';

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

const CHAR = Math.round(CHARACTER_PITCH_PT * 20); // one body character, in twips
const half = (pt: number) => pt * 2; // docx sizes are in half-points
const exact = { line: LINE_PITCH, lineRule: LineRuleType.EXACT, before: 0, after: 0 };

/** Control characters Word cannot store (all C0 except tab, LF, CR). */
const INVALID_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
const clean = (s: string) => s.replace(INVALID_XML, '');

export function buildDocument(model: ReportModel, meta: ExportMetadata, options: LayoutOptions = {}): Document {
  const fonts = { ...DEFAULT_FONTS, ...options.fonts };
  const font = (eastAsia: string, latin = fonts.latin) => ({ ascii: latin, hAnsi: latin, cs: latin, eastAsia, hint: 'eastAsia' });
  const run = (text: string, face: string, extra: Partial<IRunOptions> = {}) =>
    new TextRun({ text: clean(text), font: font(face), size: half(SIZE.body), characterSpacing: BODY_CHARACTER_SPACING, ...extra });
  const blank = () => new Paragraph({ spacing: exact, children: [] });

  const children: Array<Paragraph | Table> = [];

  if (meta.number) {
    children.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: exact, children: [run(meta.number, fonts.body)] }), blank());
  }
  if (meta.title) {
    const lines = breakTitle(meta.title);
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
    children.push(new Paragraph({ spacing: exact, children: [run(`${meta.addressee}：`, fonts.body)] }));
  }

  const tableOf = (line: ReportLine) => model.tables.find((t) => t.span.start <= line.starts[0] && line.starts[0] < t.span.end);
  const emitted = new Set<TableModel>();
  for (const line of model.lines) {
    if (line.block === 'tableCell') {
      const table = tableOf(line) ?? (line.cell ? model.tables.find((t) => t.span.start <= line.cell!.start && line.cell!.start < t.span.end) : undefined);
      if (table && !emitted.has(table)) {
        emitted.add(table);
        children.push(buildTable(table, model, fonts, font));
      }
      continue;
    }
    if (['title', 'addressee', 'signature', 'date', 'attachment'].includes(line.role)) continue;
    children.push(lineParagraph(line, model, fonts, run));
  }

  if (meta.attachments.length > 0) {
    children.push(blank());
    const label = '附件：';
    meta.attachments.forEach((name, i) => {
      const numbered = meta.attachments.length > 1 ? `${i + 1}. ${name}` : name;
      children.push(
        new Paragraph({
          spacing: exact,
          // Later names align under the first: 2 characters plus the width of "附件：".
          indent: { left: i === 0 ? 2 * CHAR : (2 + label.length) * CHAR },
          children: [run(i === 0 ? label + numbered : numbered, fonts.body)],
        }),
      );
    });
  }

  const signature = meta.signature ?? [];
  if (signature.length > 0 || meta.date) {
    children.push(blank());
    const longest = signature.reduce((a, b) => (b.length > a.length ? b : a), '');
    const indents = signatureIndents(longest, meta.date ?? '');
    for (const s of signature) {
      children.push(new Paragraph({ alignment: AlignmentType.RIGHT, spacing: exact, indent: { right: Math.round(indents.signature * CHAR) }, children: [run(s, fonts.body)] }));
    }
    if (meta.date) {
      children.push(new Paragraph({ alignment: AlignmentType.RIGHT, spacing: exact, indent: { right: Math.round(indents.date * CHAR) }, children: [run(meta.date, fonts.body)] }));
    }
  }

  const pageNumber = (alignment: (typeof AlignmentType)[keyof typeof AlignmentType], indent: { left?: number; right?: number }) =>
    new Footer({
      children: [
        new Paragraph({
          alignment,
          indent,
          children: [
            new TextRun({
              children: ['— ', PageNumber.CURRENT, ' —'],
              font: font(fonts.pageNumber, fonts.pageNumber),
              size: half(SIZE.pageNumber),
            }),
          ],
        }),
      ],
    });
  const oneChar = half(SIZE.pageNumber) * 10; // 1 character of 4号 text, in twips

  return new Document({
    evenAndOddHeaderAndFooters: options.page?.pageNumbers !== false,
    styles: {
      default: {
        document: { run: { font: font(fonts.body), size: half(SIZE.body) }, paragraph: { spacing: exact } },
        title: { run: { font: font(fonts.title), size: half(SIZE.title) }, paragraph: { alignment: AlignmentType.CENTER, spacing: exact } },
        heading1: { run: { font: font(fonts.heading1), size: half(SIZE.body), bold: false, color: '000000' }, paragraph: { spacing: exact, indent: { firstLine: FIRST_LINE_INDENT } } },
        heading2: { run: { font: font(fonts.heading2), size: half(SIZE.body), bold: false, color: '000000' }, paragraph: { spacing: exact, indent: { firstLine: FIRST_LINE_INDENT } } },
        heading3: { run: { font: font(fonts.heading3), size: half(SIZE.body), bold: false, color: '000000' }, paragraph: { spacing: exact, indent: { firstLine: FIRST_LINE_INDENT } } },
        heading4: { run: { font: font(fonts.heading4), size: half(SIZE.body), bold: false, italics: false, color: '000000' }, paragraph: { spacing: exact, indent: { firstLine: FIRST_LINE_INDENT } } },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { ...margins(options.page), header: 851, footer: FOOTER_DISTANCE },
          },
          grid: { type: DocumentGridType.LINES, linePitch: LINE_PITCH },
        },
        footers:
          options.page?.pageNumbers === false
            ? undefined
            : {
                default: pageNumber(AlignmentType.RIGHT, { right: oneChar }),
                even: pageNumber(AlignmentType.LEFT, { left: oneChar }),
              },
        children,
      },
    ],
  });
}

const HEADING_STYLE = ['', 'Heading1', 'Heading2', 'Heading3', 'Heading4'];

/** The line's words with inline code restored and leading indentation (spaces, 　) dropped. */
function exportText(line: ReportLine, model: ReportModel): { text: string; map: number[] } {
  let text = '';
  const map: number[] = [];
  for (let i = 0; i < line.text.length; i++) {
    const ch = line.text[i];
    if (ch === OPAQUE) {
      const raw = model.text.slice(line.starts[i], line.ends[i]).replace(/^`+\s?|\s?`+$/g, '').replace(/^!\[([^\]]*)\][\s\S]*$/, '$1');
      for (const c of raw) {
        text += c;
        map.push(i);
      }
      continue;
    }
    text += ch;
    map.push(i);
  }
  const lead = text.length - text.replace(/^[\s\u3000]+/, '').length;
  return { text: text.slice(lead).replace(/[\s\u3000]+$/, ''), map: map.slice(lead) };
}

function lineParagraph(
  line: ReportLine,
  model: ReportModel,
  fonts: ExportFonts,
  run: (text: string, face: string, extra?: Partial<IRunOptions>) => TextRun,
): Paragraph {
  const { text, map } = exportText(line, model);
  const section = line.role === 'heading' ? line.section : undefined;
  const level = section?.level ?? 0;
  const headingFont = level ? [fonts.body, fonts.heading1, fonts.heading2, fonts.heading3, fonts.heading4][level] : fonts.body;
  // A run-in heading ("（一）加强学习。正文……"): the heading font up to its first full stop.
  const headEnd = level === 0 ? 0 : section!.runIn ? text.search(/[。！？]/) + 1 : text.length;
  const isBold = (i: number) => line.bold.some(([a, b]) => map[i] >= a && map[i] < b);

  const runs: ParagraphChild[] = [];
  let from = 0;
  for (let i = 1; i <= text.length; i++) {
    const boundary = i === text.length || isBold(i) !== isBold(from) || i === headEnd;
    if (!boundary) continue;
    const face = from < headEnd ? headingFont : fonts.body;
    runs.push(run(text.slice(from, i), face, isBold(from) ? { bold: true } : {}));
    from = i;
  }
  return new Paragraph({
    style: level && !section!.runIn ? HEADING_STYLE[level] : undefined,
    spacing: exact,
    indent: { firstLine: FIRST_LINE_INDENT, firstLineChars: 200 },
    children: runs,
  });
}

function buildTable(
  table: TableModel,
  model: ReportModel,
  fonts: ExportFonts,
  font: (eastAsia: string) => Record<string, string>,
): Table {
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  const cellParagraph = (line: { text: string } & Partial<ReportLine>, bold: boolean) =>
    new Paragraph({
      // Cells never inherit the body's first-line indent.
      indent: { firstLine: 0, left: 0 },
      alignment: bold ? AlignmentType.CENTER : AlignmentType.LEFT,
      spacing: { line: Math.round(SIZE.table * 1.3 * 20), lineRule: LineRuleType.EXACT, before: 0, after: 0 },
      children: [
        new TextRun({
          text: clean(line.starts ? exportText(line as ReportLine, model).text : line.text),
          font: font(bold ? fonts.heading1 : fonts.body),
          size: half(SIZE.table),
        }),
      ],
    });
  const row = (cells: ReportLine[], header: boolean) =>
    new TableRow({
      tableHeader: header,
      cantSplit: true,
      children: cells.map((c) => new TableCell({ children: [cellParagraph(c, header)], margins: { left: 80, right: 80 } })),
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    rows: [row(table.header as ReportLine[], true), ...table.rows.map((r) => row(r as ReportLine[], false))],
  });
}
