/** The report model: what one parse of a draft yields, shared by every rule, the server and the export. */
import type { LineIndex } from '../text/line-index';

export type { Severity } from '../severity';
export type { BlockKind, ColumnAlign, HtmlComment, ProseLine, Span } from '../text/prose';
import type { ColumnAlign, HtmlComment, ProseLine, Span } from '../text/prose';

/**
 * The words that mark a draft's title and closing, from the report types' data (title.suffixes,
 * closing.phrases). The model is built before the type is known, so every type's words count.
 */
export interface DocumentWords {
  titleSuffixes: string[];
  closings: string[];
}

export type NumberLevel = 1 | 2 | 3 | 4;

/** A section number at the start of a line: 一、 （一） 1. （1） or a malformed variant of them. */
export interface Numbering {
  level: NumberLevel;
  value: number;
  /** The marker as written, e.g. "（一）、". */
  marker: string;
  /** Index in the line's text where the marker starts and ends. */
  from: number;
  to: number;
  /** The standard form of this marker, e.g. "（一）". */
  standard: string;
}

export type LineRole =
  | 'title'
  | 'addressee'
  | 'heading'
  | 'body'
  | 'closing'
  | 'signature'
  | 'date'
  | 'attachment';

export interface ReportLine extends ProseLine {
  role: LineRole;
  numbering?: Numbering;
  /** The section this line belongs to (its heading line belongs to it too). */
  section?: Section;
}

export interface Section {
  id: number;
  level: NumberLevel;
  numbering?: Numbering;
  /** The heading's words without number, markup or closing punctuation. */
  title: string;
  line: ReportLine;
  /** "（一）标题。正文……": a heading that runs into its paragraph. */
  runIn: boolean;
  parent?: Section;
  children: Section[];
  /** Lines after the heading that belong directly to this section (not to a child). */
  body: ReportLine[];
  /** Index of the last line that belongs to this section or its children. */
  lastLine: number;
}

export interface EnumerationMarker {
  value: number;
  /** "二是" */
  text: string;
  /** Where the marker stands now (read from its line's offsets: a new object at each read). */
  readonly span: Span;
  line: ReportLine;
  /** Position of the marker in the line's text. */
  at: number;
}

export interface CountedList {
  count: number;
  /** The words that state the count, e.g. "共有四项议程". */
  phrase: string;
  span: Span;
  /** How many items actually follow, and where the first one is. */
  items: number;
  itemKind: 'enumeration' | 'sections';
}

export interface TableModel {
  span: Span;
  header: ProseLine[];
  rows: ProseLine[][];
  /** Each column's alignment from the delimiter row (:-- :-: --:), null when unmarked. */
  align: ColumnAlign[];
}

export interface Placeholder {
  span: Span;
  text: string;
  kind: string;
  line: ProseLine;
  /**
   * Kept with the line while the parse cache keeps it (model/line-memo.ts), for what a rule works out
   * from the placeholder alone — its message. Absent for a placeholder found anew each time.
   */
  kept?: { message?: string; locale?: string };
}

export interface FrontMatter {
  span: Span;
  data: Record<string, unknown> | null;
  error?: { message: string; span: Span };
}

export interface ReportModel {
  text: string;
  lineIndex: LineIndex;
  frontMatter: FrontMatter | null;
  lines: ReportLine[];
  /** The lines outside tables, in order (`lines` itself when there is no table). */
  flow: ReportLine[];
  title?: ReportLine;
  sections: Section[];
  enumerations: EnumerationMarker[][];
  /** 首先、其次、再次 (and 最后) per section. */
  ordinals: EnumerationMarker[][];
  countedLists: CountedList[];
  tables: TableModel[];
  placeholders: Placeholder[];
  comments: HtmlComment[];
  /** True when the headings are Markdown headings (`## 一、…`) rather than bare numbered lines. */
  markdownHeadings: boolean;
  /** Set when the text could not be parsed as Markdown and was read line by line instead. */
  parseFallback?: string;
  /** Part of the draft was read with a cap (long table, time budget): why, for a note. */
  parseNote?: string;
}
