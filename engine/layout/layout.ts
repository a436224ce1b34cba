/** A draft (or its report model) laid out on pages: blocks, then lines, then pages. */
import type { ExportFonts } from '../export/gbt9704';
import { buildModel } from '../model/build';
import { endTablesAtLastRow } from '../model/run-on-tables';
import { builtinTypes } from '../report-types/load';
import { documentWords } from '../report-types/words';
import type { ReportModel } from '../model/types';
import { buildBlocks } from './blocks';
import type { BreakCache } from './break-lines';
import { pageGeometry, type PageGeometry, type PageSetup } from './geometry';
import { paginate, type LaidPage } from './paginate';

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

/**
 * Lays out a draft read as the export reads it: the built-in types' title endings and closing
 * phrases, and each table ended at its last row.
 */
export function layoutText(text: string, options: LayoutOptions = {}): Layout {
  const words = documentWords(builtinTypes().types);
  const first = buildModel(text, { words });
  const repaired = endTablesAtLastRow(text, first.tables.map((t) => t.span));
  return layoutModel(repaired === text ? first : buildModel(repaired, { words }), options);
}
