/**
 * How wide a character prints. The export writes CJK text in the 公文 fonts, whose glyphs are all one
 * em wide, and Latin letters and digits in Times New Roman (w:ascii), so a line's width is known
 * without a font engine: one em for East Asian characters, Times New Roman's advance widths for ASCII.
 */

/**
 * Advance widths of Times New Roman (and its metric twin Liberation Serif) for ASCII 0x20–0x7E,
 * in thousandths of an em. These are the font's published metrics.
 */
const TIMES = [
  250, 333, 408, 500, 500, 833, 778, 180, 333, 333, 500, 564, 250, 333, 250, 278, // space ! " # $ % & ' ( ) * + , - . /
  500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 278, 278, 564, 564, 564, 444, // 0–9 : ; < = > ?
  921, 722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722, // @ A–O
  556, 722, 667, 556, 611, 722, 722, 944, 722, 722, 611, 333, 278, 333, 469, 500, // P–Z [ \ ] ^ _
  333, 444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500, // ` a–o
  500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444, 480, 200, 480, 541, //       p–z { | } ~
];

/**
 * Characters outside ASCII that Word and LibreOffice set in the East Asian font because the export
 * writes w:hint="eastAsia": quotes, dashes, ellipsis, middle dot and the like print one em wide.
 */
const HINTED_WIDE = /[\u00a7\u00b0\u00b1\u00b7\u00d7\u00f7\u2010-\u203b\u2103\u2116\u2160-\u216b\u2190-\u2199\u2460-\u249b\u25a0-\u25ff\u2605\u2606]/;

/** True for characters printed one em wide: CJK, full-width forms, and the hinted punctuation above. */
export function isWide(ch: string): boolean {
  const c = ch.codePointAt(0)!;
  if (c < 0x7f) return false;
  if (c >= 0x2e80) return !(c >= 0xff61 && c <= 0xffdc) && !(c >= 0xffe8 && c <= 0xffee); // half-width forms stay narrow
  return HINTED_WIDE.test(ch) || (c >= 0x3000 && c <= 0x303f);
}

/**
 * Width in points of one character at `size` points with `spacing` points added after it (the
 * export's character spacing). Characters neither ASCII nor wide take half an em.
 */
export function charWidth(ch: string, size: number, spacing = 0): number {
  const c = ch.codePointAt(0)!;
  if (c >= 0x20 && c < 0x7f) return (TIMES[c - 0x20] * size) / 1000 + spacing;
  if (isWide(ch)) return size + spacing;
  if (c === 0x09) return size * 2 + spacing;
  return size / 2 + spacing;
}
