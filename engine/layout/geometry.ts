/**
 * The page as the preview draws it, derived from the export's own figures (../export/gbt9704.ts) so
 * that the preview and the DOCX cannot disagree about margins, line pitch or character pitch.
 * Units here are points (1/72 inch); the export's constants are twips (1/20 pt).
 */
import {
  CHARACTER_PITCH_PT,
  CHARS_PER_LINE,
  FIRST_LINE_INDENT,
  FOOTER_DISTANCE,
  LINE_PITCH,
  LINES_PER_PAGE,
  MARGINS,
  mm,
  PAGE,
  SIZE,
} from '../export/gbt9704';

/** Page options as the export takes them (settings `partyReport.export.page`, project file, --page). */
export interface PageSetup {
  top?: number;
  bottom?: number;
  left?: number;
  right?: number;
  pageNumbers?: boolean;
}

export interface PageGeometry {
  width: number;
  height: number;
  margins: { top: number; bottom: number; left: number; right: number };
  /** The text block (版心). */
  textWidth: number;
  textHeight: number;
  linePitch: number;
  linesPerPage: number;
  charsPerLine: number;
  /** Advance of one body character (3号 with the export's −0.25 pt spacing). */
  charPitch: number;
  firstLineIndent: number;
  /** Distance from the page's bottom edge to the bottom of the page number's line. */
  footerDistance: number;
  pageNumbers: boolean;
  sizes: typeof SIZE;
  /** Grid lines one printed line of this size takes (see rowsFor). */
  rowsFor: (size: number) => number;
  /** Widow and orphan control: never one line of a paragraph alone at a page's foot or head. */
  widowControl: boolean;
}

/**
 * Ascender to descender of the CJK faces, in ems (Noto CJK and the 公文 fonts: about 1.45). The
 * export lays text on a line grid (w:docGrid type "lines"), and a line whose type is taller than the
 * grid pitch snaps to two grid lines: 3号 (23 pt) fits one 28.95 pt line, the 2号 title (32 pt) takes two.
 */
const TYPE_HEIGHT_EM = 1.45;

const pt = (twips: number) => twips / 20;
/** The export accepts 5–80 mm per margin and falls back to the standard otherwise; so does the preview. */
const validMm = (v: unknown): v is number => typeof v === 'number' && v >= 5 && v <= 80;

export function pageGeometry(setup: PageSetup = {}): PageGeometry {
  const side = (key: keyof typeof MARGINS) => pt(validMm(setup[key]) ? mm(setup[key]) : MARGINS[key]);
  const margins = { top: side('top'), bottom: side('bottom'), left: side('left'), right: side('right') };
  const width = pt(PAGE.width);
  const height = pt(PAGE.height);
  return {
    width,
    height,
    margins,
    textWidth: width - margins.left - margins.right,
    textHeight: height - margins.top - margins.bottom,
    linePitch: pt(LINE_PITCH),
    linesPerPage: LINES_PER_PAGE,
    charsPerLine: CHARS_PER_LINE,
    charPitch: CHARACTER_PITCH_PT,
    firstLineIndent: pt(FIRST_LINE_INDENT),
    footerDistance: pt(FOOTER_DISTANCE),
    pageNumbers: setup.pageNumbers !== false,
    sizes: SIZE,
    rowsFor: (size: number) => Math.max(1, Math.ceil((size * TYPE_HEIGHT_EM) / pt(LINE_PITCH) - 1e-9)),
    // The export turns widow and orphan control off: every page holds its 22 lines (5.2.2).
    widowControl: false,
  };
}
