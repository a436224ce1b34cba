/**
 * The shapes the parser produces and everything above it reads: spans, prose lines, comments.
 * They live below both parse/ and model/ so that no import runs back up the layers.
 */

/** Stands in for inline code or an image, so that no check joins the words around it. */
export const OPAQUE = '\uFFFC';

/**
 * What the model and the rules read from one parsed line alone, kept with the line object while the
 * parse cache keeps it (model/line-memo.ts fills it in).
 */
export interface LineMemo {
  numbering?: unknown;
  markers?: unknown;
  /** model/enumerations.ts: the markers made for the report line (their spans are read from it). */
  placedMarkers?: unknown;
  /** model/enumerations.ts: 首先、其次、再次、最后. */
  ordinals?: unknown;
  placeholders?: unknown;
  /** model/build.ts: a heading's title and whether it runs into its paragraph. */
  heading?: unknown;
  /** model/counted-lists.ts: the line's count phrases ("共有四项"). */
  counts?: unknown;
  /** model/hard-wraps.ts: whether the line ends a sentence, and its printed width. */
  wrap?: { endsSentence: boolean; width: number; tableRow: boolean };
  /** model/build.ts: the report line made from this line for the document's current model (reused). */
  report?: unknown;
  /** engine/incremental/line-findings.ts: the paragraph rules' findings and document rules' facts. */
  kept?: unknown;
  /** model/line-flags.ts: what the line holds, as bits. */
  flags?: number;
}

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
  /** What was read from this line alone, kept while the parse cache keeps the line (model/line-memo.ts). */
  memo?: LineMemo;
}

/** A table column's alignment as its delimiter row marks it; null when unmarked. */
export type ColumnAlign = 'left' | 'center' | 'right' | null;

export interface HtmlComment {
  span: Span;
  body: string;
}
