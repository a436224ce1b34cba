/**
 * The printed page, computed without Word: the export's paragraphs (blocks.ts) broken into lines
 * (break-lines.ts) and placed on A4 pages (paginate.ts) with the geometry of GB/T 9704 (geometry.ts).
 * Pure: the preview renders it, tests compare it with LibreOffice's rendering of the exported DOCX.
 */
import type { ExportFonts } from '../export/gbt9704';
import { buildModel } from '../model/build';
import type { ReportModel } from '../model/types';
import { buildBlocks } from './blocks';
import { pageGeometry, type PageGeometry, type PageSetup } from './geometry';
import { paginate, type LaidPage } from './paginate';

export { pageGeometry, type PageGeometry, type PageSetup } from './geometry';
export type { Box, LaidLine, LaidPage, Piece } from './paginate';
export { buildBlocks, printedText, type Block, type FontKey, type Paragraph } from './blocks';
export { breakLines } from './break-lines';
export { charWidth } from './widths';

export interface LayoutOptions {
  page?: PageSetup;
  fonts?: Partial<ExportFonts>;
}

export interface Layout {
  geometry: PageGeometry;
  pages: LaidPage[];
}

export function layoutModel(model: ReportModel, options: LayoutOptions = {}): Layout {
  const geometry = pageGeometry(options.page);
  const blocks = buildBlocks(model, geometry, options.fonts);
  const placeholders = model.placeholders.map((p) => p.span);
  return { geometry, pages: paginate(blocks, geometry, placeholders) };
}

export function layoutText(text: string, options: LayoutOptions = {}): Layout {
  return layoutModel(buildModel(text), options);
}
