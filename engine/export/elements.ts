/**
 * The elements of a GB/T 9704 document that only front matter gives: the 版头 above the title,
 * the 附注 after the date, attachments on pages of their own and the 版记 on the last even page.
 * Without their keys the export is what it always was: the 发文字号 centred above the title.
 */
import { AlignmentType, Paragraph, Table, type ISectionOptions, type IParagraphOptions, type IRunOptions, type TextRun } from 'docx';
import type { ReportLine } from '../model/types';
import type { ExportFonts } from './gbt9704';
import type { ExportMetadata } from './metadata';

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
  imprintSections(page: Pick<ISectionOptions, 'properties'>['properties']): ISectionOptions[];
}

const exact = { line: 579, lineRule: 'exact' as const, before: 0, after: 0 };

export function elementParts(ctx: ElementContext): ElementParts {
  const { meta, fonts, run, blank } = ctx;
  const head: Paragraph[] = [];
  if (meta.number) {
    head.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: exact, children: [run(meta.number, fonts.body)] }), blank());
  }
  return {
    head,
    afterDate: [],
    attachmentsAt: (lines) => lines.length,
    attachmentPages: () => [],
    imprintSections: () => [],
  };
}
