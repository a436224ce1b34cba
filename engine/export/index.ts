/**
 * DOCX export (GB/T 9704-2012). Loaded only when a draft is exported: the server and the CLI
 * require the separate bundle dist/export.js on demand, so checking never pays for `docx`.
 */
import { Packer } from 'docx';
import type * as Fflate from 'fflate';
import { buildModel } from '../model/build';
import { builtinTypes } from '../report-types/load';
import { documentWords } from '../report-types/words';
import type { DocumentWords } from '../model/types';
import { buildDocument, type LayoutOptions } from './build-docx';
import { NO_SNAP_STYLES } from './elements';
import { metadata } from './metadata';
import { endTablesAtLastRow } from '../model/run-on-tables';
import { sourceBlocks } from '../model/source-blocks';

import { t } from '../i18n';
import { exportFonts } from './gbt9704';
import { convertToPdf, substitutedFonts } from './pdf';
import { zipFiles, type PackedPart } from './zip';
import { compileWithFixedParts, fixedPartsTable, packedPart, tableOf, type CompilerLike, type FixedPartsTable, type PartKeys } from './fixed-parts';

export { DEFAULT_FONTS, type ExportFonts } from './gbt9704';
export { findSoffice, noSofficeMessage, PdfError } from './pdf';
export { METADATA_KEYS } from './metadata';
export { breakTitle } from './title-lines';
export type { LayoutOptions, PageOptions } from './build-docx';

export interface ExportResult {
  docx: Uint8Array;
  /** What the writer should know about the export (in the user's language). */
  warnings: string[];
  /**
   * The placeholders still in the draft (XXXX, 【…】), exported as they stand. The editor asks before
   * it exports such a draft; the CLI says so after.
   */
  unfilled: string[];
}

export async function exportDocx(text: string, options: LayoutOptions = {}): Promise<Uint8Array> {
  return (await exportReport(text, options)).docx;
}

export async function exportReport(text: string, options: LayoutOptions = {}, internals: ExportInternals = {}): Promise<ExportResult> {
  const { document, warnings, partKeys, unfilled } = buildReportDocument(text, options);
  return { docx: await packWithStyleFixes(document, partKeys, internals.fixedParts !== false), warnings, unfilled };
}

/** How the package is written; for tests that compare the two ways. */
export interface ExportInternals {
  /** Take the parts that do not depend on the draft from the table (fixed-parts.ts); default true. */
  fixedParts?: boolean;
}

/** The draft's model and its docx document, with what its fixed parts depend on. */
export function buildReportDocument(text: string, options: LayoutOptions) {
  // A table swallows the lines under it up to a blank line; end each table at its last real row.
  const { words, endings } = exportWords();
  const first = buildModel(text, { words });
  const repaired = endTablesAtLastRow(text, first.tables.map((t) => t.span));
  const model = repaired === text ? first : buildModel(repaired, { words });
  return { ...buildDocument(model, metadata(model, endings), sourceBlocks(model.text), options), unfilled: model.placeholders.map((p) => p.text) };
}

/** Set by scripts/build.mjs in the bundles: exportWords() of the built-in types, as JSON text. */
declare const __PARTY_REPORT_EXPORT_WORDS__: string | undefined;
let wordsOfTypes: { words: DocumentWords; endings: string[] } | undefined;

/**
 * What the export reads of the built-in report types: the words the model knows a title and a closing
 * by, and the type names a title may end with. Compiled into the bundles (scripts/build.mjs), so that an
 * export does not parse all the types; from sources, read from them.
 */
export function exportWords(): { words: DocumentWords; endings: string[] } {
  if (wordsOfTypes) return wordsOfTypes;
  if (typeof __PARTY_REPORT_EXPORT_WORDS__ !== 'undefined') wordsOfTypes = JSON.parse(__PARTY_REPORT_EXPORT_WORDS__) as { words: DocumentWords; endings: string[] };
  else {
    const types = builtinTypes().types;
    wordsOfTypes = { words: documentWords(types), endings: types.flatMap((t) => [t.name, ...t.aliases]) };
  }
  return wordsOfTypes;
}

/** Drafts whose export with the default options gives the fixed parts (fixed-parts.ts): with and without page numbers. */
const REFERENCE_DRAFT = '关于召开专题组织生活会情况的报告\n\n一、基本情况\n\n会议按要求召开。\n';

/** The table of fixed parts, from docx's full compiler (scripts/build.mjs compiles it into the bundles). */
export function makeFixedPartsTable(): FixedPartsTable {
  const packages = [true, false].map((pageNumbers) => {
    const { document, partKeys } = buildReportDocument(REFERENCE_DRAFT, { page: { pageNumbers } });
    const files = new Map<string, string>();
    for (const [name, data] of compiledParts(document, partKeys, false) ?? []) {
      if (typeof data === 'string') files.set(name, data);
    }
    return { files, keys: partKeys };
  });
  return tableOf(packages);
}

export interface PdfOptions extends LayoutOptions {
  /** LibreOffice's soffice program (findSoffice). */
  soffice: string;
  /** The environment LibreOffice and fontconfig run in (tests point FONTCONFIG_FILE elsewhere). */
  env?: NodeJS.ProcessEnv;
}

export interface PdfResult extends ExportResult {
  pdf: Uint8Array;
}

/** The DOCX export converted to PDF by LibreOffice; warns about each 公文 font it will substitute. */
export async function exportPdf(text: string, options: PdfOptions): Promise<PdfResult> {
  const result = await exportReport(text, options);
  const fonts = exportFonts(options.fonts);
  const chinese = [fonts.title, fonts.body, fonts.heading1, fonts.heading2, fonts.heading3, fonts.heading4, fonts.pageNumber];
  const warnings = [...result.warnings];
  for (const { font, instead } of substitutedFonts(chinese, options.env)) {
    warnings.push(t('本机没有公文字体“{0}”，PDF 中用“{1}”代替，字形与正式公文不同。请安装该字体，或在导出设置中改用本机已有的字体。', font, instead));
  }
  const pdf = convertToPdf(result.docx, options.soffice, options.env);
  return { ...result, pdf, warnings };
}

/**
 * The package zipped once, with the styles fixed (fixStyles) before zipping: zipping it, unzipping
 * it and zipping it again took a fifth of an export. Uses docx's compiler, which Packer zips; if a
 * docx version lacks it, falls back to fixing the zipped package. The parts that do not depend on
 * the draft come from the table of fixed parts, already compressed (fixed-parts.ts).
 */
async function packWithStyleFixes(doc: Parameters<typeof Packer.toBuffer>[0], keys: PartKeys, useFixedParts: boolean): Promise<Uint8Array> {
  const parts = compiledParts(doc, keys, useFixedParts);
  if (!parts) return postProcess(new Uint8Array(await Packer.toBuffer(doc)));
  const fixed = useFixedParts ? fixedPartsTable(makeFixedPartsTable) : undefined;
  const files: Record<string, PackedPart> = {};
  for (const [name, data] of parts) {
    if (typeof data !== 'string') files[name] = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    else files[name] = fixed ? packedPart(name, data, fixed) : Buffer.from(data, 'utf8');
  }
  return zipFiles(files);
}

/**
 * The package's parts by path, in docx's order, styles.xml fixed (fixStyles); undefined if this docx
 * has no compiler to call. With `useFixedParts`, the parts the table holds for these options are not
 * written by docx but taken from the table (which holds them fixed already).
 */
function compiledParts(doc: Parameters<typeof Packer.toBuffer>[0], keys: PartKeys, useFixedParts: boolean): Map<string, string | Uint8Array> | undefined {
  const compiler = (Packer as unknown as { compiler?: CompilerLike }).compiler;
  if (typeof compiler?.compile !== 'function') return undefined;
  if (useFixedParts && typeof compiler.formatter?.format === 'function') {
    const fixed = fixedPartsTable(makeFixedPartsTable);
    const { files, fromTable } = compileWithFixedParts(compiler, doc as unknown as Parameters<typeof compileWithFixedParts>[1], keys, fixed);
    const styles = files.get('word/styles.xml');
    if (typeof styles === 'string' && !fromTable.includes('word/styles.xml')) files.set('word/styles.xml', fixStyles(styles));
    return files;
  }
  const files = compiler.compile.call(compiler, doc, undefined, []);
  const styles = files.get('word/styles.xml');
  if (typeof styles === 'string') files.set('word/styles.xml', fixStyles(styles));
  return files;
}

/**
 * What the docx library cannot say in styles.xml: Word's built-in heading names, no grid snapping
 * for lines taller than the grid, no widow control.
 */
function fixStyles(styles: string): string {
  // Word recognises its built-in heading styles by w:name "heading 1" (lower case).
  let xml = styles.replace(/<w:name w:val="Heading (\d)"\/>/g, '<w:name w:val="heading $1"/>');
  // Lines larger than the grid's pitch (the 2号 title, the 发文机关标志) must not snap to the line
  // grid: a 22 pt line would take two grid lines, 57.9 pt apart instead of 28.95. The docx library
  // has no paragraph-level snapToGrid, so it is set here on those styles (before w:spacing, as
  // the schema orders it).
  xml = xml.replace(new RegExp(`(<w:style [^>]*w:styleId="(?:${NO_SNAP_STYLES.join('|')})">(?:(?!<\/w:style>)[\\s\\S])*?<w:pPr>)`, 'g'), '$1<w:snapToGrid w:val="0"/>');
  // No widow and orphan control: every page of a 公文 holds its 22 lines (5.2.2), where widow
  // control would end pages a line or two early; a heading still keeps with its paragraph's first line.
  return xml.replace(/<w:pPrDefault><w:pPr>/, '<w:pPrDefault><w:pPr><w:widowControl w:val="0"/>');
}

/**
 * Word recognises its built-in heading styles by w:name "heading 1" (lower case); the docx library
 * writes "Heading 1", which Word may treat as a custom style beside its own. Rename them in place.
 */
function postProcess(pkg: Uint8Array): Uint8Array {
  // fflate only for this fallback (a docx without its compiler), so an export does not load it.
  const { strFromU8, strToU8, unzipSync } = require('fflate') as typeof Fflate;
  const files = unzipSync(pkg);
  const styles = files['word/styles.xml'];
  if (!styles) return pkg;
  files['word/styles.xml'] = strToU8(fixStyles(strFromU8(styles)));
  return zipFiles(files);
}
