/**
 * The printed page, computed without Word: the export's paragraphs (blocks.ts) broken into lines
 * (break-lines.ts) and placed on A4 pages (paginate.ts) with the geometry of GB/T 9704 (geometry.ts);
 * page-updates.ts turns successive layouts into what the preview's webview needs redrawn.
 * Pure: the language server serves it to the preview, tests compare it with LibreOffice's rendering.
 */
export { imageSizes, layoutModel, layoutText, mapOffsets, printedModel, type Layout, type LayoutOptions } from './layout';
export { pageGeometry, type PageGeometry, type PageSetup } from './geometry';
export type { Box, LaidLine, LaidPage, Piece } from './paginate';
export { buildBlocks, printedText, type Block, type FontKey, type Paragraph } from './blocks';
export { BreakCache, breakLines } from './break-lines';
export { charWidth } from './widths';
export { fontStacks } from './fonts';
export { imprintPageNumbered, withImprintPageNumber } from './imprint-page';
export { PageState, type ErrorSpan, type PageUpdate, type WireGeometry, type WireLine, type WirePage } from './page-updates';
