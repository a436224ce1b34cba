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
import { LINE_PITCH, MARGINS, mm, PAGE_NUMBER_BELOW_MM, PAGE_NUMBER_LINE, RED, SIZE, type ExportFonts } from './gbt9704';
import {
  attachmentParts,
  attachmentsAt,
  HEAD_RULE_PT,
  hasImprint,
  IMPRINT_CHAR,
  IMPRINT_RULE_SPACE_PT,
  imprintLines,
  issuerPlacement,
  NOTE_INDENT,
  noteText,
  numberLine as numberLineParts,
  SEPARATOR_SPACE_PT,
  SIGNERS_LABEL,
  stackedHead,
} from './element-geometry';
import type { ExportMetadata } from './metadata';
import { titleLines } from './title-lines';

export { hasHead, hasImprint, issuerSize } from './element-geometry';

export interface ElementContext {
  meta: ExportMetadata;
  fonts: ExportFonts;
  run: (text: string, face: string, extra?: Partial<IRunOptions>) => TextRun;
  font: (eastAsia: string, latin?: string) => Record<string, string>;
  blank: (extra?: Partial<IParagraphOptions>) => Paragraph;
  /** The text block's width in twips. */
  textWidth: number;
}

/** Makes the page-number line (build-docx.ts) with these paragraph options added. */
export type PageNumberLine = (extra: Partial<IParagraphOptions>) => Paragraph;

export interface ElementParts {
  head: Paragraph[];
  afterDate: Paragraph[];
  /** Where the attachments' own text starts among the printed lines (their length when none). */
  attachmentsAt(lines: ReportLine[]): number;
  attachmentPages(lines: ReportLine[], emit: (lines: ReportLine[], into: Array<Paragraph | Table>) => void): Array<Paragraph | Table>;
  /** The 版记's section; with `pageNumber`, its page is numbered (no blank page before it, 7.5). */
  imprintSections(properties: ISectionOptions['properties'], pageNumber?: PageNumberLine): ISectionOptions[];
}

/** Custom paragraph styles the elements use; index.ts switches grid snapping off for them. */
export const NO_SNAP_STYLES = ['Title', 'IssuerMark', 'HeadSpace'] as const;

/** A tab as Word writes it (w:tab), not a tab character inside the text. */
const tab = () => new TextRun({ children: [new Tab()] });
const exact = { line: LINE_PITCH, lineRule: LineRuleType.EXACT, before: 0, after: 0 };
const MARGIN_BOTTOM = MARGINS.bottom;

export function elementParts(ctx: ElementContext): ElementParts {
  const { meta, fonts, run, blank, textWidth } = ctx;
  const head: Paragraph[] = [];
  const face = (key: 'body' | 'heading1') => fonts[key];

  // 7.2.1–7.2.3: 份号, 密级★保密期限 and 紧急程度 stacked from the first line, flush left.
  for (const line of stackedHead(meta)) head.push(new Paragraph({ spacing: exact, children: [run(line.text, face(line.font))] }));

  // 7.2.5–7.2.7: the 发文字号 (with the 签发人 for an upward document) and, under a 发文机关标志,
  // the red line 4 mm below it.
  const numberLine = (withRule: boolean) => {
    const rule = withRule
      ? { border: { bottom: { style: BorderStyle.SINGLE, size: HEAD_RULE_PT * 8, color: RED, space: SEPARATOR_SPACE_PT } } }
      : {};
    const parts = numberLineParts(meta, textWidth);
    if (parts.signers !== undefined) {
      return new Paragraph({
        spacing: exact,
        ...rule,
        // 发文字号 one character from the left, 签发人 one character from the right, on one line;
        // by tabs, not indents, so that the red line under them keeps the text block's width.
        tabStops: [
          { type: TabStopType.LEFT, position: parts.leftTab },
          { type: TabStopType.RIGHT, position: parts.rightTab },
        ],
        children: [tab(), run(parts.number, fonts.body), tab(), run(SIGNERS_LABEL, fonts.body), run(parts.signers, fonts.heading2)],
      });
    }
    return new Paragraph({ spacing: exact, alignment: AlignmentType.CENTER, ...rule, children: [run(parts.number, fonts.body)] });
  };

  const issuer = issuerPlacement(meta, textWidth);
  if (issuer) {
    // The 标志's top edge sits 35 mm (upward documents: 80 mm) below the text block's top.
    const space = (line: number) => new Paragraph({ style: 'HeadSpace', spacing: { line, lineRule: LineRuleType.EXACT, before: 0, after: 0 }, children: [] });
    if (issuer.spaceAbove > 0) head.push(space(issuer.spaceAbove));
    head.push(
      new Paragraph({
        style: 'IssuerMark',
        alignment: AlignmentType.CENTER,
        spacing: { line: issuer.lineHeight, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
        children: [new TextRun({ text: meta.issuer, font: ctx.font(fonts.title), size: issuer.size * 2, color: RED })],
      }),
    );
    // 空二行, then the 发文字号 line with the red line under it; the title two lines below that.
    head.push(space(issuer.spaceBelow));
    head.push(numberLine(true));
    head.push(blank(), blank());
  } else if (meta.number || meta.signers?.length) {
    head.push(numberLine(false), blank());
  }

  // 7.3.6: 附注 in brackets, two characters from the left, on the line after the date.
  const note = noteText(meta);
  const afterDate = note ? [new Paragraph({ spacing: exact, indent: { left: NOTE_INDENT }, children: [run(note, fonts.body)] })] : [];

  return {
    head,
    afterDate,
    attachmentsAt: (lines) => attachmentsAt(meta, lines),
    attachmentPages(lines, emit) {
      const out: Array<Paragraph | Table> = [];
      for (const part of attachmentParts(meta, lines)) {
        // 7.3.7: "附件N" in 3号黑体 at the top left of a new page; its title centred on the third line.
        out.push(new Paragraph({ spacing: exact, pageBreakBefore: true, keepNext: true, children: [run(part.label, fonts.heading1)] }), blank({ keepNext: true }));
        if (part.name) {
          out.push(
            new Paragraph({
              style: 'Title',
              alignment: AlignmentType.CENTER,
              spacing: exact,
              keepNext: true,
              children: titleLines(part.name).map((l, i) => new TextRun({ text: l, break: i > 0 ? 1 : 0, font: ctx.font(fonts.title), size: SIZE.title * 2 })),
            }),
            blank({ keepNext: true }),
          );
        }
        emit(part.lines, out);
      }
      return out;
    },
    imprintSections(properties, pageNumber) {
      if (!hasImprint(meta)) return [];
      return [imprintSection(ctx, properties, pageNumber)];
    },
  };
}

/**
 * 7.4: the 版记 at the foot of the last page, which is even: a section that starts on an even page,
 * its text aligned to the bottom of the text block. Thick lines first and last, a thin one between
 * 抄送 and 印发; the last coincides with the text block's bottom edge. 7.5: the page is numbered
 * (`pageNumber`) unless a blank page comes before it; the number then sits under the 版记, 7 mm
 * below the text block as on every page.
 */
function imprintSection(ctx: ElementContext, properties: ISectionOptions['properties'], pageNumber?: PageNumberLine): ISectionOptions {
  const { meta, fonts, font, textWidth } = ctx;
  const rule = (size: number) => ({ style: BorderStyle.SINGLE, size, color: '000000', space: IMPRINT_RULE_SPACE_PT });
  const imprintRun = (text: string, newLine = false) => new TextRun({ text, break: newLine ? 1 : 0, font: font(fonts.body), size: SIZE.imprint * 2 });
  const children: Paragraph[] = imprintLines(meta, textWidth).map((line) => {
    const border = { ...(line.ruleAbove ? { top: rule(line.ruleAbove) } : {}), bottom: rule(line.ruleBelow) };
    if (line.kind === 'copyTo') {
      const starts = [0, ...line.breaks, line.text.length];
      return new Paragraph({
        spacing: exact,
        // One character in by a tab, not an indent: the lines are as wide as the text block, and
        // a paragraph's border follows its indents. Wrapped names line up after the colon; the
        // lines are broken one character short of the right edge (copyToLines), for the same reason.
        indent: { left: line.hanging, hanging: line.hanging },
        tabStops: [{ type: TabStopType.LEFT, position: IMPRINT_CHAR }],
        border,
        children: [tab(), ...starts.slice(0, -1).map((from, i) => imprintRun(line.text.slice(from, starts[i + 1]), i > 0))],
      });
    }
    return new Paragraph({
      spacing: exact,
      tabStops: [
        { type: TabStopType.LEFT, position: IMPRINT_CHAR },
        { type: TabStopType.RIGHT, position: textWidth - IMPRINT_CHAR },
      ],
      border,
      children: [tab(), imprintRun(line.text), tab(), imprintRun(line.right ?? '')],
    });
  });
  // The 版记 is the page's footer, its foot at the text block's bottom edge: neither LibreOffice nor
  // every Word honours a section's bottom vertical alignment, but every renderer puts a footer there.
  // With a page number, the footer ends with the number's line (as the body's footers place it) and
  // the 版记 stands the number's distance (7 mm) above it.
  const page = properties?.page ?? {};
  const bottom = (page.margin?.bottom as number | undefined) ?? MARGIN_BOTTOM;
  const numberLine = pageNumber?.({ spacing: { before: mm(PAGE_NUMBER_BELOW_MM), after: 0, line: PAGE_NUMBER_LINE, lineRule: LineRuleType.EXACT } });
  const footer = () => new Footer({ children: numberLine ? [...children, numberLine] : children });
  const footerDistance = numberLine ? bottom - mm(PAGE_NUMBER_BELOW_MM) - PAGE_NUMBER_LINE : bottom;
  return {
    properties: { ...properties, page: { ...page, margin: { ...page.margin, footer: footerDistance } }, type: SectionType.EVEN_PAGE },
    footers: { default: footer(), even: footer() },
    children: [new Paragraph({ children: [] })],
  };
}
