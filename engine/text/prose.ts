/**
 * The shapes the parser produces and everything above it reads: spans, prose lines, comments.
 * They live below both parse/ and model/ so that no import runs back up the layers.
 */

/** Stands in for inline code or an image, so that no check joins the words around it. */
export const OPAQUE = '\uFFFC';

/** A half-open range of UTF-16 offsets into the document text. */
export interface Span {
  start: number;
  end: number;
}

export type BlockKind = 'paragraph' | 'heading' | 'tableCell';

/**
 * One line of prose: a report paragraph. Markup (emphasis markers, `#`, inline code, comments,
 * link targets) is removed from `text`; `starts[i]`/`ends[i]` give the source span of text[i].
 */
export interface ProseLine {
  index: number;
  text: string;
  /** Typed arrays: a 1 MB draft has a million of each, and memory matters in the editor. */
  starts: Int32Array;
  ends: Int32Array;
  block: BlockKind;
  /** Markdown heading depth (1–6), 0 when the line is not a Markdown heading. */
  headingDepth: number;
  /** Ranges of `text` written in strong emphasis. */
  bold: Array<[number, number]>;
  /** 0-based source line of the first character. */
  sourceLine: number;
  inList: boolean;
  inQuote: boolean;
  /** For a table cell: the cell's source span (an empty cell has no text to point at). */
  cell?: Span;
}

export interface HtmlComment {
  span: Span;
  body: string;
}
