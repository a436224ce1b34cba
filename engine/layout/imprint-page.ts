/**
 * Whether the 版记's page is numbered, by the preview's layout. GB/T 9704 7.4 puts the 版记 on the
 * document's last page, an even one; the DOCX makes it a section that starts on an even page, so that
 * Word or LibreOffice adds a blank page before it when the text ends on an even page. 7.5 leaves that
 * blank page and the 版记's page unnumbered, and only then: after a text that ends on an odd page the
 * 版记's page is numbered. Which case it is depends on where the renderer breaks the pages, which a
 * DOCX cannot ask; the export takes the answer from this layout, which breaks lines and pages as
 * LibreOffice does (test/preview-pagination.test.ts). Word with other fonts may break a page
 * elsewhere; then the number is wrong on that page (see docs/export.md).
 */
import type { LayoutOptions as ExportOptions } from '../export/build-docx';
import { pageGeometry } from './geometry';
import { imageSizes, layoutText } from './layout';

/** Front-matter keys of the 版记 (export/metadata.ts): without any of them, no layout is made. */
const MAY_HAVE_IMPRINT = /抄送|印发/;

/** True when the laid-out 版记 page follows the text without a blank page; undefined without a 版记. */
export function imprintPageNumbered(text: string, options: ExportOptions = {}): boolean | undefined {
  if (!MAY_HAVE_IMPRINT.test(text)) return undefined;
  const geometry = pageGeometry(options.page);
  const { pages } = layoutText(text, { page: options.page, fonts: options.fonts, imageSize: imageSizes(options.baseDir, geometry) });
  const last = pages[pages.length - 1];
  if (!last || !last.lines.some((l) => l.kind === 'imprint')) return undefined;
  return last.numbered;
}

/** The export's options with the 版记 page's numbering worked out by the layout (imprintPageNumbered). */
export function withImprintPageNumber(text: string, options: ExportOptions): ExportOptions {
  return imprintPageNumbered(text, options) ? { ...options, numberImprintPage: true } : options;
}
