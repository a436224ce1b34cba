/**
 * The elements of a GB/T 9704 document that only front matter gives: the 版头 above the title
 * (份号, 密级和保密期限, 紧急程度, 发文机关标志, 发文字号, 签发人, the red separator line), the 附注
 * after the date, attachments on pages of their own headed "附件N", and the 版记 (抄送, 印发机关和
 * 印发日期 between their lines) at the foot of the last, even page. Without their keys the export
 * is what it always was: the 发文字号 centred above the title.
 */
import {
  AlignmentType,
  BorderStyle,
  Footer,
  LineRuleType,
  Paragraph,
  SectionType,
  Tab,
  TabStopType,
  TextRun,
  type IParagraphOptions,
  type IRunOptions,
  type ISectionOptions,
  type Table,
} from 'docx';
import type { ReportLine } from '../model/types';
import {
  CHARACTER_PITCH_PT,
  HEAD_RULE_SIZE,
  IMPRINT_RULE_THICK,
  IMPRINT_RULE_THIN,
  ISSUER_MAX_SIZE,
  ISSUER_TOP_MM,
  ISSUER_TOP_UPWARD_MM,
  LINE_PITCH,
  MARGINS,
  mm,
  RED,
  SEPARATOR_BELOW_NUMBER_MM,
  SIZE,
  type ExportFonts,
} from './gbt9704';
import type { ExportMetadata } from './metadata';
import { breakTitle } from './title-lines';

export interface ElementContext {
  meta: ExportMetadata;
  fonts: ExportFonts;
  run: (text: string, face: string, extra?: Partial<IRunOptions>) => TextRun;
  font: (eastAsia: string, latin?: string) => Record<string, string>;
  blank: (extra?: Partial<IParagraphOptions>) => Paragraph;
  /** The text block's width in twips. */
  textWidth: number;
}

export interface ElementParts {
  head: Paragraph[];
  afterDate: Paragraph[];
  /** Where the attachments' own text starts among the printed lines (their length when none). */
  attachmentsAt(lines: ReportLine[]): number;
  attachmentPages(lines: ReportLine[], emit: (lines: ReportLine[], into: Array<Paragraph | Table>) => void): Array<Paragraph | Table>;
  imprintSections(properties: ISectionOptions['properties']): ISectionOptions[];
}

/** Custom paragraph styles the elements use; index.ts switches grid snapping off for them. */
export const NO_SNAP_STYLES = ['Title', 'IssuerMark', 'HeadSpace'] as const;

/** A tab as Word writes it (w:tab), not a tab character inside the text. */
const tab = () => new TextRun({ children: [new Tab()] });
const exact = { line: LINE_PITCH, lineRule: LineRuleType.EXACT, before: 0, after: 0 };
const CHAR = Math.round(CHARACTER_PITCH_PT * 20);
const IMPRINT_CHAR = SIZE.imprint * 20;
const MARGIN_BOTTOM = MARGINS.bottom;
/** "附件1", "附件 2", "# 附件3 整改清单": a line that opens an attachment's own text. */
const ATTACHMENT_MARK = /^附件\s*(\d*)\s*$/;

/** True when front matter names any element of the 版头 beyond the 发文字号. */
export const hasHead = (m: ExportMetadata) => Boolean(m.copyNumber || m.secrecy || m.urgency || m.issuer || m.signers?.length);
export const hasImprint = (m: ExportMetadata) => Boolean(m.copyTo?.length || m.printer || m.printDate);

export function elementParts(ctx: ElementContext): ElementParts {
  const { meta, fonts, run, blank, textWidth } = ctx;
  const head: Paragraph[] = [];
  const upward = Boolean(meta.signers?.length);

  // 7.2.1–7.2.3: 份号, 密级★保密期限 and 紧急程度 stacked from the first line, flush left.
  const stacked: Paragraph[] = [];
  if (meta.copyNumber) stacked.push(new Paragraph({ spacing: exact, children: [run(meta.copyNumber, fonts.body)] }));
  if (meta.secrecy) {
    const text = meta.secrecyPeriod ? `${meta.secrecy}★${meta.secrecyPeriod}` : meta.secrecy;
    stacked.push(new Paragraph({ spacing: exact, children: [run(text, fonts.heading1)] }));
  }
  if (meta.urgency) stacked.push(new Paragraph({ spacing: exact, children: [run(meta.urgency, fonts.heading1)] }));
  head.push(...stacked);

  // 7.2.5–7.2.7: the 发文字号 (with the 签发人 for an upward document) and, under a 发文机关标志,
  // the red line 4 mm below it.
  const numberLine = (withRule: boolean) => {
    const rule = withRule
      ? { border: { bottom: { style: BorderStyle.SINGLE, size: HEAD_RULE_SIZE, color: RED, space: SEPARATOR_SPACE_PT } } }
      : {};
    if (upward) {
      const names = meta.signers!.join('　');
      return new Paragraph({
        spacing: exact,
        ...rule,
        // 发文字号 one character from the left, 签发人 one character from the right, on one line;
        // by tabs, not indents, so that the red line under them keeps the text block's width.
        tabStops: [
          { type: TabStopType.LEFT, position: CHAR },
          { type: TabStopType.RIGHT, position: textWidth - CHAR },
        ],
        children: [tab(), run(meta.number ?? '', fonts.body), tab(), run('签发人：', fonts.body), run(names, fonts.heading2)],
      });
    }
    return new Paragraph({ spacing: exact, alignment: AlignmentType.CENTER, ...rule, children: [run(meta.number ?? '', fonts.body)] });
  };

  if (meta.issuer) {
    // The 标志's top edge sits 35 mm (upward documents: 80 mm) below the text block's top.
    const size = issuerSize(meta.issuer, textWidth);
    const lineHeight = Math.round(size * ISSUER_LINE_FACTOR * 20);
    const top = mm(upward ? ISSUER_TOP_UPWARD_MM : ISSUER_TOP_MM) - stacked.length * LINE_PITCH - Math.round(size * ISSUER_INK_OFFSET * 20);
    if (top > 0) head.push(new Paragraph({ style: 'HeadSpace', spacing: { line: top, lineRule: LineRuleType.EXACT, before: 0, after: 0 }, children: [] }));
    head.push(
      new Paragraph({
        style: 'IssuerMark',
        alignment: AlignmentType.CENTER,
        spacing: { line: lineHeight, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
        children: [new TextRun({ text: meta.issuer, font: ctx.font(fonts.title), size: size * 2, color: RED })],
      }),
    );
    // 空二行, then the 发文字号 line with the red line under it; the title two lines below that.
    head.push(new Paragraph({ style: 'HeadSpace', spacing: { line: 2 * LINE_PITCH, lineRule: LineRuleType.EXACT, before: 0, after: 0 }, children: [] }));
    head.push(numberLine(true));
    head.push(blank(), blank());
  } else if (meta.number || upward) {
    head.push(numberLine(false), blank());
  }

  // 7.3.6: 附注 in brackets, two characters from the left, on the line after the date.
  const afterDate = meta.note ? [new Paragraph({ spacing: exact, indent: { left: 2 * CHAR }, children: [run(`（${meta.note}）`, fonts.body)] })] : [];

  return {
    head,
    afterDate,
    attachmentsAt(lines) {
      if (meta.attachments.length === 0) return lines.length;
      const at = lines.findIndex((l) => l.block !== 'tableCell' && ATTACHMENT_MARK.test(l.text.trim()));
      return at < 0 ? lines.length : at;
    },
    attachmentPages(lines, emit) {
      const out: Array<Paragraph | Table> = [];
      let part: ReportLine[] = [];
      let mark: string | undefined;
      let index = 0;
      const flush = () => {
        if (mark === undefined) return;
        index++;
        const number = mark || (meta.attachments.length > 1 ? String(index) : '');
        const name = meta.attachments[(Number(number) || index) - 1];
        // 7.3.7: "附件N" in 3号黑体 at the top left of a new page; its title centred on the third line.
        out.push(new Paragraph({ spacing: exact, pageBreakBefore: true, keepNext: true, children: [run(`附件${number}`, fonts.heading1)] }), blank({ keepNext: true }));
        if (name) {
          out.push(
            new Paragraph({
              style: 'Title',
              alignment: AlignmentType.CENTER,
              spacing: exact,
              keepNext: true,
              children: breakTitle(name).map((l, i) => new TextRun({ text: l, break: i > 0 ? 1 : 0, font: ctx.font(fonts.title), size: SIZE.title * 2 })),
            }),
            blank({ keepNext: true }),
          );
        }
        emit(part, out);
        part = [];
      };
      for (const line of lines) {
        const m = line.block === 'tableCell' ? null : ATTACHMENT_MARK.exec(line.text.trim());
        if (m) {
          flush();
          mark = m[1];
          continue;
        }
        part.push(line);
      }
      flush();
      return out;
    },
    imprintSections(properties) {
      if (!hasImprint(meta)) return [];
      return [imprintSection(ctx, properties)];
    },
  };
}

/** The 标志's size: at most ISSUER_MAX_SIZE, and small enough for its name to fit the line. */
export function issuerSize(name: string, textWidth: number): number {
  const chars = [...name].length;
  return Math.min(ISSUER_MAX_SIZE, Math.floor(textWidth / 20 / Math.max(1, chars)));
}

/** The 标志's line is this many times its size; its ink starts this far (in ems) below the line's top. */
const ISSUER_LINE_FACTOR = 1.2;
const ISSUER_INK_OFFSET = 0.1;
/**
 * Distance (points) from the 发文字号's line box to the red line: 4 mm (SEPARATOR_BELOW_NUMBER_MM)
 * less the 6 pt between the text's foot and its 28.95 pt line's bottom (measured: 4.2 mm rendered).
 */
const SEPARATOR_SPACE_PT = Math.max(0, Math.round(SEPARATOR_BELOW_NUMBER_MM * (72 / 25.4) - 6));

/**
 * 7.4: the 版记 at the foot of the last page, which is even: a section that starts on an even page,
 * its text aligned to the bottom of the text block, no page number (7.5: neither the 版记 page nor
 * the blank page before it is numbered). Thick lines first and last, a thin one between 抄送 and
 * 印发; the last coincides with the text block's bottom edge.
 */
function imprintSection(ctx: ElementContext, properties: ISectionOptions['properties']): ISectionOptions {
  const { meta, fonts, font, textWidth } = ctx;
  const thick = { style: BorderStyle.SINGLE, size: IMPRINT_RULE_THICK, color: '000000', space: 1 };
  const thin = { style: BorderStyle.SINGLE, size: IMPRINT_RULE_THIN, color: '000000', space: 1 };
  const imprintRun = (text: string) => new TextRun({ text, font: font(fonts.body), size: SIZE.imprint * 2 });
  const children: Paragraph[] = [];
  const copyTo = meta.copyTo ?? [];
  const hasPrint = Boolean(meta.printer || meta.printDate);
  if (copyTo.length > 0) {
    const label = '抄送：';
    children.push(
      new Paragraph({
        spacing: exact,
        // One character in by a tab, not an indent: the lines are as wide as the text block, and
        // a paragraph's border follows its indents. Wrapped names line up after the colon.
        indent: { left: IMPRINT_CHAR * (1 + label.length), hanging: IMPRINT_CHAR * (1 + label.length) },
        tabStops: [{ type: TabStopType.LEFT, position: IMPRINT_CHAR }],
        border: { top: thick, bottom: hasPrint ? thin : thick },
        children: [tab(), imprintRun(`${label}${copyTo.join('，').replace(/[。.]$/, '')}。`)],
      }),
    );
  }
  if (hasPrint) {
    const date = meta.printDate ? `${meta.printDate.replace(/印发$/, '')}印发` : '';
    children.push(
      new Paragraph({
        spacing: exact,
        tabStops: [
          { type: TabStopType.LEFT, position: IMPRINT_CHAR },
          { type: TabStopType.RIGHT, position: textWidth - IMPRINT_CHAR },
        ],
        border: copyTo.length > 0 ? { bottom: thick } : { top: thick, bottom: thick },
        children: [tab(), imprintRun(meta.printer ?? ''), tab(), imprintRun(date)],
      }),
    );
  }
  // The 版记 is the page's footer, its foot at the text block's bottom edge: neither LibreOffice nor
  // every Word honours a section's bottom vertical alignment, but every renderer puts a footer there.
  const footer = () => new Footer({ children });
  const page = properties?.page ?? {};
  return {
    properties: { ...properties, page: { ...page, margin: { ...page.margin, footer: (page.margin?.bottom as number | undefined) ?? MARGIN_BOTTOM } }, type: SectionType.EVEN_PAGE },
    footers: { default: footer(), even: footer() },
    children: [new Paragraph({ children: [] })],
  };
}
