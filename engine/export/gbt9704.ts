/**
 * GB/T 9704-2012 《党政机关公文格式》: every figure the DOCX export uses, in one place.
 * Clause numbers are the standard's; see docs/export.md.
 * Units: twips (1/20 pt, 1/1440 inch) unless the name says otherwise; font sizes in points.
 */

const MM = 1440 / 25.4; // twips per millimetre
export const mm = (v: number) => Math.round(v * MM);

/** 5.2.1: A4 paper, 210 × 297 mm. */
export const PAGE = { width: 11906, height: 16838 } as const;

/** 5.2.3: 天头 37 mm, 订口 28 mm, 版心 156 × 225 mm, so bottom 35 mm and right 26 mm. */
export const MARGINS = { top: 2098, bottom: 1984, left: 1587, right: 1474 } as const;

/** 5.2.2: 22 lines a page, 28 characters a line of 3号 text. */
export const LINES_PER_PAGE = 22;
export const CHARS_PER_LINE = 28;

/** 225 mm / 22 lines = 28.95 pt: the exact line pitch of every body line. */
export const LINE_PITCH = 579;

/**
 * A 3号 character is 16 pt, wider than the 156 mm / 28 = 15.79 pt pitch. Pulling each character
 * in by 0.25 pt (w:spacing −5, in 1/20 pt) fits 28 to a line; see docs/export.md for why this is
 * used instead of Word's linesAndChars grid.
 */
export const BODY_CHARACTER_SPACING = -5;
export const CHARACTER_PITCH_PT = 16 - 0.25;

/** Font sizes (points): 2号 22, 3号 16, 4号 14; 版记 (7.4) and footnotes in 4号. */
export const SIZE = { title: 22, body: 16, pageNumber: 14, table: 14, footnote: 14, imprint: 14 } as const;

/** A half-width digit or letter of 3号 Times New Roman (half an em) with the body's spacing. */
export const LATIN_CHARACTER_PITCH_PT = 8 - 0.25;
/**
 * The space renderers put between Chinese characters and digits (Word's and LibreOffice's "adjust
 * space between Asian text and numbers"), in points; measured on LibreOffice 7.4 as 1.1 mm per gap.
 */
export const CJK_LATIN_GAP = 3.2;

/**
 * A picture is scaled down to fit the text block (5.2.3, 156 × 225 mm): its width, and the height of
 * all its lines but these two (20 of the 22 of 5.2.2). The picture's line also carries the font's descent and snaps to whole grid
 * lines, so a 20-line picture takes 21; the last line is left for the caption or the line that
 * introduces it. A picture as tall as the page would take a 23rd line and be cut off.
 */
export const PICTURE_SPARE_LINES = 2;

/** Left and right padding of a table cell (twips). */
export const TABLE_CELL_MARGIN = 80;

/** 7.3.5.1: blank lines left above a sealed document's signature, so the seal's top stays within a line of the body. */
export const SEAL_BLANK_LINES = 2;

/** Two characters of first-line indent for body text and headings (7.3.3). */
export const FIRST_LINE_INDENT = Math.round(2 * CHARACTER_PITCH_PT * 20);

/** 7.5: the page number sits 7 mm below the text block. */
export const PAGE_NUMBER_BELOW_MM = 7;
/** The page number's line: one 4号 line at single spacing, about 1.3 × the size (twips). */
export const PAGE_NUMBER_LINE = Math.round(14 * 1.3 * 20);
/**
 * Word measures the footer from the page's bottom edge to the bottom of the footer's line, so:
 * 35 mm margin − 7 mm − the page number's line.
 */
export const FOOTER_DISTANCE = mm(35 - PAGE_NUMBER_BELOW_MM) - PAGE_NUMBER_LINE;

/** Customary font names (7.3); writers' machines differ, so each is a setting. */
export interface ExportFonts {
  title: string;
  body: string;
  heading1: string;
  heading2: string;
  heading3: string;
  heading4: string;
  pageNumber: string;
  latin: string;
}

export const DEFAULT_FONTS: ExportFonts = {
  title: '方正小标宋简体',
  body: '仿宋_GB2312',
  heading1: '黑体',
  heading2: '楷体_GB2312',
  heading3: '仿宋_GB2312',
  heading4: '仿宋_GB2312',
  pageNumber: '宋体',
  latin: 'Times New Roman',
};

/**
 * The fonts an export uses: the ones given, the defaults for the rest. Level-3 and level-4 headings
 * are 仿宋 like the body (7.3.3 sets no other face for them), so where only the body's font is given
 * (`--font body=仿宋`) they take it too, instead of keeping the default 仿宋_GB2312.
 */
export function exportFonts(given: Partial<ExportFonts> = {}): ExportFonts {
  const body = given.body ?? DEFAULT_FONTS.body;
  return { ...DEFAULT_FONTS, heading3: body, heading4: body, ...given };
}

/** The elements whose font a setting, the project file or --font may name. */
export const FONT_KEYS = Object.keys(DEFAULT_FONTS) as Array<keyof ExportFonts>;

/** A title line holds this many 2号 characters (156 mm at 22 pt). */
export const TITLE_CHARS_PER_LINE = Math.floor(mm(156) / (SIZE.title * 20));
/**
 * A broken title's lines stay a character short of the margins on each side: a line that fills
 * the whole 156 mm reads as body text, not as a centred title.
 */
export const TITLE_MAX_CHARS_PER_LINE = TITLE_CHARS_PER_LINE - 2;

/** The 公文 red of the 发文机关标志 and the 版头's separator line. */
export const RED = 'FF0000';

/**
 * 7.2.4: the 发文机关标志's top edge is 35 mm below the text block's top (80 mm for an upward
 * document, one with a 签发人); its characters are at most 22 × 15 mm (height × width), so at most
 * 42 pt (14.8 mm) wide, and smaller when the name would not fit the line.
 */
export const ISSUER_TOP_MM = 35;
export const ISSUER_TOP_UPWARD_MM = 80;
export const ISSUER_MAX_SIZE = 42;

/** 7.2.7: the red separator line, as wide as the text block, 4 mm below the 发文字号. */
export const SEPARATOR_BELOW_NUMBER_MM = 4;
/** Its thickness in eighths of a point (the standard gives none; 1 pt, like the 版记's thick lines). */
export const HEAD_RULE_SIZE = 8;

/** 7.4.1: the 版记's first and last lines 0.35 mm (1 pt), the ones between 0.25 mm (0.75 pt); eighths of a point. */
export const IMPRINT_RULE_THICK = 8;
export const IMPRINT_RULE_THIN = 6;
