/**
 * The printed page, computed without Word: the export's paragraphs (blocks.ts) broken into lines
 * (break-lines.ts) and placed on A4 pages (paginate.ts) with the geometry of GB/T 9704 (geometry.ts).
 * Pure: the preview renders it, tests compare it with LibreOffice's rendering of the exported DOCX.
 */
import type { ExportFonts } from '../export/gbt9704';
import { buildModel } from '../model/build';
import type { ReportModel } from '../model/types';
import { buildBlocks } from './blocks';
import type { BreakCache } from './break-lines';
import { pageGeometry, type PageGeometry, type PageSetup } from './geometry';
import { paginate, type LaidPage } from './paginate';

export { pageGeometry, type PageGeometry, type PageSetup } from './geometry';
export type { Box, LaidLine, LaidPage, Piece } from './paginate';
export { buildBlocks, printedText, type Block, type FontKey, type Paragraph } from './blocks';
export { BreakCache, breakLines } from './break-lines';
export { charWidth } from './widths';

export interface LayoutOptions {
  page?: PageSetup;
  fonts?: Partial<ExportFonts>;
  /** Kept between layouts of one draft (the preview keeps one): unchanged paragraphs are not broken again. */
  cache?: BreakCache;
}

export interface Layout {
  geometry: PageGeometry;
  pages: LaidPage[];
}

export function layoutModel(model: ReportModel, options: LayoutOptions = {}): Layout {
  const geometry = pageGeometry(options.page);
  const blocks = buildBlocks(model, geometry, options.fonts);
  const placeholders = model.placeholders.map((p) => p.span).sort((a, b) => a.start - b.start);
  return { geometry, pages: paginate(blocks, geometry, placeholders, options.cache) };
}

export function layoutText(text: string, options: LayoutOptions = {}): Layout {
  return layoutModel(buildModel(text), options);
}
