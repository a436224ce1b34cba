/** A draft (or its report model) laid out on pages: blocks, then lines, then pages. */
import type { ExportFonts } from '../export/gbt9704';
import { loadImage, pictureBox } from '../export/images';
import { buildModel, type BuildOptions } from '../model/build';
import { endTablesAtLastRow } from '../model/run-on-tables';
import { builtinTypes } from '../report-types/load';
import { documentWords } from '../report-types/words';
import type { ReportModel } from '../model/types';
import { buildBlocks } from './blocks';
import type { BreakCache } from './break-lines';
import type { SourceBlockCache } from './source-block-cache';
import { pageGeometry, type PageGeometry, type PageSetup } from './geometry';
import { paginate, type LaidPage } from './paginate';

export interface LayoutOptions {
  page?: PageSetup;
  fonts?: Partial<ExportFonts>;
  /** Kept between layouts of one draft (the preview keeps one): unchanged paragraphs are not broken again. */
  cache?: BreakCache;
  /** A picture's printed size in points (see imageSizes), when it can be read. */
  imageSize?: (url: string) => { width: number; height: number } | undefined;
  /** Kept between layouts of one draft: footnotes, code blocks and pictures found again only when an edit may change them. */
  sourceBlocks?: SourceBlockCache;
}

export interface Layout {
  geometry: PageGeometry;
  pages: LaidPage[];
}

export function layoutModel(model: ReportModel, options: LayoutOptions = {}): Layout {
  const geometry = pageGeometry(options.page);
  const cache = options.sourceBlocks;
  const blocks = buildBlocks(model, geometry, { fonts: options.fonts, imageSize: options.imageSize, sourceBlocks: cache && ((text) => cache.get(text)) });
  const placeholders = model.placeholders.map((p) => p.span).sort((a, b) => a.start - b.start);
  return { geometry, pages: paginate(blocks, geometry, placeholders, options.cache) };
}

/**
 * Pictures' sizes as the export embeds them: read from beside the draft (`baseDir`), scaled down to
 * fit the text block; remembered per address, so that typing does not read them again.
 */
export function imageSizes(baseDir: string | undefined, geometry = pageGeometry()): (url: string) => { width: number; height: number } | undefined {
  const known = new Map<string, { width: number; height: number } | undefined>();
  // The export's limit in pixels at 96 dpi (build-docx.ts), and pixels to points.
  const box = pictureBox(Math.round(geometry.textWidth * 20), Math.round(geometry.textHeight * 20));
  return (url) => {
    if (!known.has(url)) {
      const loaded = loadImage(url, baseDir, box);
      known.set(url, 'image' in loaded ? { width: (loaded.image.width * 72) / 96, height: (loaded.image.height * 72) / 96 } : undefined);
    }
    return known.get(url);
  };
}

/**
 * The model the export prints: each table ended at its last row (a line without a pipe that a
 * table swallowed is the export's paragraph, not a row). `model` is the draft's own when it has
 * none such (the usual case: no second parse). Offsets in the repaired model past an inserted
 * line break are `shift` too far; `unshift` maps them back into the draft.
 */
export function printedModel(text: string, model: ReportModel, options: Omit<BuildOptions, 'cache'> = {}): { model: ReportModel; unshift?: (offset: number) => number } {
  const repaired = endTablesAtLastRow(text, model.tables.map((t) => t.span));
  if (repaired === text) return { model };
  // Where endTablesAtLastRow put its line breaks, in the repaired text's offsets.
  const inserted: Array<{ at: number; length: number }> = [];
  let i = 0;
  let j = 0;
  while (j < repaired.length) {
    if (text[i] === repaired[j]) {
      i++;
      j++;
      continue;
    }
    const eol = repaired.startsWith('\r\n', j) ? 2 : 1;
    inserted.push({ at: j, length: eol });
    j += eol;
  }
  const unshift = (offset: number) => {
    let out = offset;
    for (const cut of inserted) if (offset >= cut.at + cut.length) out -= cut.length;
    return out;
  };
  return { model: buildModel(repaired, options), unshift };
}

/**
 * Lays out a draft read as the export reads it: the built-in types' title endings and closing
 * phrases, and each table ended at its last row.
 */
export function layoutText(text: string, options: LayoutOptions = {}): Layout {
  const words = documentWords(builtinTypes().types);
  const { model, unshift } = printedModel(text, buildModel(text, { words }), { words });
  const layout = layoutModel(model, options);
  if (unshift) mapOffsets(layout.pages, unshift);
  return layout;
}

/** Lines' draft offsets through `map` (the repaired model's offsets back into the draft). */
export function mapOffsets(pages: LaidPage[], map: (offset: number) => number): void {
  for (const page of pages) {
    for (const line of page.lines) {
      line.src = map(line.src);
      line.srcEnd = map(line.srcEnd);
    }
  }
}
