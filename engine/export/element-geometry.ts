/**
 * Where the 公文 elements that only front matter gives go on the page, and what they say: the 版头
 * (份号, 密级★保密期限, 紧急程度, 发文机关标志, 发文字号 and 签发人, the red separator line), the
 * 附注, the attachments' own pages and the 版记. Figures only, no `docx`: elements.ts writes them
 * into the DOCX, engine/layout draws them in the preview, so both place every element alike.
 * Units: twips unless the name says otherwise.
 */
import type { LiteralBlock } from '../model/source-blocks';
import { ATTACHMENT_MARK, isAttachmentMark } from '../model/attachment-mark';
import type { ReportLine, TableModel } from '../model/types';
import {
  CHARACTER_PITCH_PT,
  HEAD_RULE_SIZE,
  IMPRINT_RULE_THICK,
  IMPRINT_RULE_THIN,
  ISSUER_MAX_SIZE,
  ISSUER_TOP_MM,
  ISSUER_TOP_UPWARD_MM,
  LINE_PITCH,
  mm,
  SEPARATOR_BELOW_NUMBER_MM,
  SIZE,
} from './gbt9704';
import type { ExportMetadata } from './metadata';
import { titleLines, width } from './title-lines';

/** One body character (3号 with the body's character spacing). */
export const ELEMENT_CHAR = Math.round(CHARACTER_PITCH_PT * 20);
/** One 版记 character (4号, no character spacing). */
export const IMPRINT_CHAR = SIZE.imprint * 20;

const NOTE_SPACE = '[\\s\\u3000\\u00a0]*';
const NOTE_LINE = new RegExp(`^附件[：:]${NOTE_SPACE}(.+)$`);
const NOTE_ITEM = new RegExp(`^(\\d+)[.．、]${NOTE_SPACE}(.+)$`);

/**
 * The attachment note as text writes it (7.3.4): "附件：1.整改清单" and the names numbered on under it
 * ("2.党员名单"), or "附件：整改清单" alone. `lines` are the note's first line and the lines after it
 * that could go on with it; the answer is the names without their numbers and how many lines the
 * note takes. The export reads a draft's own note with it, the Word import a document's.
 */
export function readAttachmentNote(lines: readonly string[]): { names: string[]; lines: number } | undefined {
  const note = NOTE_LINE.exec(lines[0] ?? '');
  if (!note) return undefined;
  const first = NOTE_ITEM.exec(note[1]);
  if (!first || first[1] !== '1') return { names: [note[1]], lines: 1 };
  const names = [first[2]];
  for (let k = 1; k < lines.length; k++) {
    const next = NOTE_ITEM.exec(lines[k]);
    if (!next || Number(next[1]) !== names.length + 1) break;
    names.push(next[2]);
  }
  return { names, lines: names.length };
}


/** True when front matter names any element of the 版头 beyond the 发文字号. */
export const hasHead = (m: ExportMetadata) => Boolean(m.copyNumber || m.secrecy || m.urgency || m.issuer || m.signers?.length);
export const hasImprint = (m: ExportMetadata) => Boolean(m.copyTo?.length || m.printer || m.printDate);
/** An upward document (上行文) names its 签发人. */
export const isUpward = (m: ExportMetadata) => Boolean(m.signers?.length);

/** 7.2.1–7.2.3: 份号, 密级★保密期限 and 紧急程度, one line each from the first, flush left. */
export function stackedHead(meta: ExportMetadata): Array<{ text: string; font: 'body' | 'heading1'; key: 'copyNumber' | 'secrecy' | 'urgency' }> {
  const out: ReturnType<typeof stackedHead> = [];
  if (meta.copyNumber) out.push({ text: meta.copyNumber, font: 'body', key: 'copyNumber' });
  if (meta.secrecy) out.push({ text: meta.secrecyPeriod ? `${meta.secrecy}★${meta.secrecyPeriod}` : meta.secrecy, font: 'heading1', key: 'secrecy' });
  if (meta.urgency) out.push({ text: meta.urgency, font: 'heading1', key: 'urgency' });
  return out;
}

/** The 标志's size: at most ISSUER_MAX_SIZE, and small enough for its name to fit the line. */
export function issuerSize(name: string, textWidth: number): number {
  const chars = [...name].length;
  return Math.min(ISSUER_MAX_SIZE, Math.floor(textWidth / 20 / Math.max(1, chars)));
}

/** The 标志's line is this many times its size; its ink starts this far (in ems) below the line's top. */
const ISSUER_LINE_FACTOR = 1.2;
const ISSUER_INK_OFFSET = 0.1;

export interface IssuerPlacement {
  /** Font size in points. */
  size: number;
  /** Exact height of the 标志's line. */
  lineHeight: number;
  /** Exact space above the 标志's line (none when not positive), below the stacked lines. */
  spaceAbove: number;
  /** 空二行 between the 标志 and the 发文字号. */
  spaceBelow: number;
}

/**
 * 7.2.4: the 标志's top edge 35 mm (upward documents: 80 mm) below the text block's top, under the
 * stacked lines; off the line grid (larger than a grid line).
 */
export function issuerPlacement(meta: ExportMetadata, textWidth: number): IssuerPlacement | undefined {
  if (!meta.issuer) return undefined;
  const size = issuerSize(meta.issuer, textWidth);
  const top = mm(isUpward(meta) ? ISSUER_TOP_UPWARD_MM : ISSUER_TOP_MM) - stackedHead(meta).length * LINE_PITCH - Math.round(size * ISSUER_INK_OFFSET * 20);
  return { size, lineHeight: Math.round(size * ISSUER_LINE_FACTOR * 20), spaceAbove: top, spaceBelow: 2 * LINE_PITCH };
}

/**
 * Distance (points) from the 发文字号's line box to the red line: 4 mm (SEPARATOR_BELOW_NUMBER_MM)
 * less the 6 pt between the text's foot and its 28.95 pt line's bottom (measured: 4.2 mm rendered).
 */
export const SEPARATOR_SPACE_PT = Math.max(0, Math.round(SEPARATOR_BELOW_NUMBER_MM * (72 / 25.4) - 6));
/** The red separator line's thickness in points (HEAD_RULE_SIZE is in eighths). */
export const HEAD_RULE_PT = HEAD_RULE_SIZE / 8;

/**
 * 7.2.5–7.2.6: the 发文字号 line. Centred; in an upward document the 发文字号 one character from the
 * left and "签发人：" with the names one character from the right, on one line, by tab stops.
 */
export function numberLine(meta: ExportMetadata, textWidth: number): { number: string; signers?: string; leftTab: number; rightTab: number } {
  return {
    number: meta.number ?? '',
    signers: isUpward(meta) ? meta.signers!.join('　') : undefined,
    leftTab: ELEMENT_CHAR,
    rightTab: textWidth - ELEMENT_CHAR,
  };
}
export const SIGNERS_LABEL = '签发人：';
/** Blank lines between the 发文字号 line and the title: two under the red line, else one. */
export const blanksAfterNumber = (meta: ExportMetadata) => (meta.issuer ? 2 : 1);

/**
 * Grid lines the first page takes before the body's first line (7.3.3: the first page must show
 * body text): the 版头 at its exact heights and the title's lines, off the grid (the next line
 * snaps to the grid line after them), then the blank line under the title and the 主送's lines.
 */
export function linesBeforeBody(meta: ExportMetadata, textWidth: number): number {
  let twips = stackedHead(meta).length * LINE_PITCH;
  const issuer = issuerPlacement(meta, textWidth);
  if (issuer) twips += Math.max(0, issuer.spaceAbove) + issuer.lineHeight + issuer.spaceBelow + Math.round((SEPARATOR_SPACE_PT + HEAD_RULE_PT) * 20);
  if (issuer || meta.number || meta.signers?.length) twips += (1 + blanksAfterNumber(meta)) * LINE_PITCH;
  if (meta.title) twips += titleLines(meta.title).length * LINE_PITCH;
  let lines = Math.ceil(twips / LINE_PITCH - 1e-6);
  if (meta.title) lines += 1;
  if (meta.addressee) lines += Math.ceil((width(`${meta.addressee}：`) * ELEMENT_CHAR) / textWidth - 1e-6);
  return lines;
}

/** 7.3.6: 附注 in brackets, two characters from the left, on the line after the date. */
export const noteText = (meta: ExportMetadata) => (meta.note ? `（${meta.note}）` : undefined);
export const NOTE_INDENT = 2 * ELEMENT_CHAR;

/** Where the attachments' own text starts among the printed lines (their length when none). */
export function attachmentsAt(meta: ExportMetadata, lines: ReportLine[]): number {
  if (meta.attachments.length === 0) return lines.length;
  const at = lines.findIndex(isAttachmentMark);
  return at < 0 ? lines.length : at;
}

export interface AttachmentPart {
  /** "附件N" as printed at the top left of its first page (7.3.7, 3号黑体). */
  label: string;
  /** Its title, centred on the third line, when front matter names it. */
  name?: string;
  /** The draft line "附件N" the part starts at. */
  mark: ReportLine;
  lines: ReportLine[];
}

/** The attachments' printed lines cut at each "附件N" line, each part from a new page. */
export function attachmentParts(meta: ExportMetadata, lines: ReportLine[]): AttachmentPart[] {
  const out: AttachmentPart[] = [];
  let current: { digits: string; mark: ReportLine; lines: ReportLine[] } | undefined;
  const flush = () => {
    if (!current) return;
    const index = out.length + 1;
    const number = current.digits || (meta.attachments.length > 1 ? String(index) : '');
    const name = meta.attachments[(Number(number) || index) - 1];
    // 7.3.7 centres the attachment's name on its first page; the writer's own line of that name
    // under "附件N" is that title, not a line of text to print a second time.
    const [first] = current.lines;
    const titled = name !== undefined && first !== undefined && first.block !== 'tableCell' && first.text.trim() === name.replace(/\n/g, '');
    out.push({ label: `附件${number}`, name, mark: current.mark, lines: titled ? current.lines.slice(1) : current.lines });
  };
  for (const line of lines) {
    const m = line.block === 'tableCell' ? null : ATTACHMENT_MARK.exec(line.text.trim());
    if (m) {
      flush();
      current = { digits: m[1], mark: line, lines: [] };
      continue;
    }
    current?.lines.push(line);
  }
  flush();
  return out;
}

/** 7.4: the 版记's paragraphs, top to bottom, each between its rules (eighths of a point). */
export interface ImprintLine {
  kind: 'copyTo' | 'print';
  /** Left part (after a one-character tab) and, for the 印发 line, the right-aligned date. */
  text: string;
  right?: string;
  /** Indices of `text` where a new printed line starts (the 抄送's names, broken by copyToLines). */
  breaks: number[];
  /** Where wrapped lines start (the 抄送 names align after the colon). */
  hanging: number;
  ruleAbove?: number;
  ruleBelow: number;
}

const COPY_TO_LABEL = '抄送：';

/**
 * 7.4.2: the 抄送 line in 4号, one character in from each side, wrapped lines aligned after the
 * colon. Broken here, between names where they fit, rather than by a right indent: a paragraph's
 * rules (borders) follow its indents, and the 版记's rules must be as wide as the text block
 * (7.4.1). Every line holds at most the text block's width less one character on each side.
 */
export function copyToLines(names: string[], textWidth: number): string[] {
  const room = Math.floor(textWidth / IMPRINT_CHAR) - 2 - width(COPY_TO_LABEL);
  const pieces = names.map((n, i) => n.replace(/[。.，,]$/, '') + (i === names.length - 1 ? '。' : '，'));
  const lines: string[] = [];
  let line = '';
  for (let piece of pieces) {
    if (line && width(line) + width(piece) > room) {
      lines.push(line);
      line = '';
    }
    // A name longer than a line is cut where the line is full.
    while (width(line) + width(piece) > room) {
      let cut = 0;
      while (cut < piece.length && width(line) + width(piece.slice(0, cut + 1)) <= room) cut++;
      lines.push(line + piece.slice(0, Math.max(1, cut)));
      piece = piece.slice(Math.max(1, cut));
      line = '';
    }
    line += piece;
  }
  if (line) lines.push(line);
  lines[0] = COPY_TO_LABEL + (lines[0] ?? '');
  return lines;
}

export function imprintLines(meta: ExportMetadata, textWidth: number): ImprintLine[] {
  if (!hasImprint(meta)) return [];
  const out: ImprintLine[] = [];
  const copyTo = meta.copyTo ?? [];
  const hasPrint = Boolean(meta.printer || meta.printDate);
  if (copyTo.length > 0) {
    const lines = copyToLines(copyTo, textWidth);
    const breaks: number[] = [];
    let at = 0;
    for (const l of lines.slice(0, -1)) breaks.push((at += l.length));
    out.push({
      kind: 'copyTo',
      text: lines.join(''),
      breaks,
      hanging: IMPRINT_CHAR * (1 + COPY_TO_LABEL.length),
      ruleAbove: IMPRINT_RULE_THICK,
      ruleBelow: hasPrint ? IMPRINT_RULE_THIN : IMPRINT_RULE_THICK,
    });
  }
  if (hasPrint) {
    out.push({
      kind: 'print',
      text: meta.printer ?? '',
      right: meta.printDate ? `${meta.printDate.replace(/印发$/, '')}印发` : '',
      breaks: [],
      hanging: 0,
      ruleAbove: copyTo.length > 0 ? undefined : IMPRINT_RULE_THICK,
      ruleBelow: IMPRINT_RULE_THICK,
    });
  }
  return out;
}
/** Space between a 版记 line's text and its rules, in points (w:space). */
export const IMPRINT_RULE_SPACE_PT = 1;

/**
 * 7.3.4: the 附件说明 under the body, "附件：1.名称" (no space after the number, as the standard's
 * example has it); later names align under the first. Indents in body characters.
 */
export function attachmentNote(meta: ExportMetadata): Array<{ text: string; indentChars: number }> {
  const label = '附件：';
  return meta.attachments.map((name, i) => {
    const numbered = meta.attachments.length > 1 ? `${i + 1}.${name}` : name;
    return { text: i === 0 ? label + numbered : numbered, indentChars: i === 0 ? 2 : 2 + width(label) };
  });
}

/** Draft lines whose role the export prints elsewhere (title, addressee, closing) or not at all. */
const PLACED_ELSEWHERE = ['title', 'addressee', 'signature', 'date', 'attachment'];

export interface PrintedBody {
  /** Every printed draft line in order: body lines and table cells, without footnote definitions. */
  printed: ReportLine[];
  /** Lines before the closing (attachment note, signature, date). */
  main: ReportLine[];
  /** Lines the writer put after the date (or the signature), before the attachments: printed after the closing. */
  afterClosing: ReportLine[];
  /** The attachments' own text ("附件1" and what follows). */
  attachments: ReportLine[];
  /** The main text's last paragraph: kept with the closing when there is one. */
  lastBody?: ReportLine;
  /** An attachment note, signature or date follows the body. */
  closing: boolean;
}

/** The draft's lines as the export prints them, in the order it prints them. */
export function printedBody(lines: readonly ReportLine[], meta: ExportMetadata, footnoteSpans: ReadonlyArray<{ start: number; end: number }>): PrintedBody {
  const inFootnote = (offset: number) => footnoteSpans.some((f) => f.start <= offset && offset < f.end);
  const printed = lines.filter(
    (l) =>
      l !== meta.titleLine &&
      l !== meta.noteLine &&
      !meta.attachmentLines.includes(l) &&
      (l.block === 'tableCell' || !PLACED_ELSEWHERE.includes(l.role)) &&
      !inFootnote(l.starts[0] ?? l.cell?.start ?? 0),
  );
  const split = attachmentsAt(meta, printed);
  // The closing stays where the writer put it: what follows the draft's date prints after it.
  const closingAt = meta.closingLine?.starts[0];
  let cut = split;
  if (closingAt !== undefined) while (cut > 0 && (printed[cut - 1].starts[0] ?? printed[cut - 1].cell?.start ?? 0) > closingAt) cut--;
  const main = printed.slice(0, cut);
  let lastBody: ReportLine | undefined;
  for (let i = main.length - 1; i >= 0 && !lastBody; i--) if (main[i].block !== 'tableCell') lastBody = main[i];
  return {
    printed,
    main,
    afterClosing: printed.slice(cut, split),
    attachments: printed.slice(split),
    lastBody,
    closing: meta.attachments.length > 0 || (meta.signature ?? []).length > 0 || meta.date !== undefined,
  };
}

/** What PrintOrder hands out, in the order the export prints it. */
export interface PrintVisitor<T> {
  literal(block: LiteralBlock, into: T[]): void;
  table(table: TableModel, into: T[]): void;
  line(line: ReportLine, into: T[]): void;
}

/**
 * The printed body in source order: each table once, at its first cell, and the code and HTML
 * blocks the model leaves out just before the first line after them. One walk for the DOCX and
 * the preview, which only differ in what they make of each piece.
 */
export class PrintOrder<T> {
  private readonly literals: LiteralBlock[];
  private readonly emitted = new Set<TableModel>();

  constructor(
    private readonly tables: readonly TableModel[],
    literals: readonly LiteralBlock[],
    private readonly visit: PrintVisitor<T>,
  ) {
    this.literals = literals.slice();
  }

  /** The code and HTML blocks that start before `offset` (all that are left, without one). */
  literalsBefore(offset: number, into: T[]): void {
    while (this.literals.length > 0 && this.literals[0].span.start < offset) this.visit.literal(this.literals.shift()!, into);
  }

  lines(lines: readonly ReportLine[], into: T[]): void {
    for (const line of lines) {
      const at = line.starts[0] ?? line.cell?.start;
      this.literalsBefore(at ?? 0, into);
      if (line.block !== 'tableCell') {
        this.visit.line(line, into);
        continue;
      }
      const table = at === undefined ? undefined : this.tables.find((tb) => tb.span.start <= at && at < tb.span.end);
      if (table && !this.emitted.has(table)) {
        this.emitted.add(table);
        this.visit.table(table, into);
      }
    }
  }
}
