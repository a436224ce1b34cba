/**
 * Paragraphs broken by a page layout: text copied out of a PDF (a 文库 copy of last year's
 * material, a notice) comes over with a line break at the end of every printed line. In a draft
 * every line is a paragraph, so such a paragraph would be checked and exported as many.
 *
 * What gives a layout break away is the shape of the lines together, not one line: three or more
 * lines in a row that do not end a sentence and are all as wide as the printed column (the first
 * may be up to two characters narrower: its indent was lost in the copy). Headings, list items,
 * table rows, slogans and signatures are never that regular.
 */
import type { ReportLine, ReportModel } from './types';
import { lineMemo } from './line-memo';

export interface WrappedParagraph {
  /** Indexes into model.lines, in order: the printed lines of one paragraph. */
  lines: number[];
}

/** The narrowest printed column taken for a layout: 18 Chinese characters. */
const MIN_COLUMN = 36;
/** Lines of one printed column differ by a digit or a squeezed mark at most. */
const COLUMN_SLACK = 3;
/** A lost first-line indent: two Chinese characters. */
const INDENT = 4;
const MIN_LINES = 3;

// A line that ends a sentence, or ends with a closing mark right after one (。” 。）).
const ENDS_SENTENCE = /[。！？；：…!?;:][”’）」』)]*\s*$/;

/**
 * Columns as a monospaced page counts them: Chinese characters, full-width forms and the quotes,
 * dashes and ellipsis Chinese text sets full width are two; the rest one. Read by character code:
 * this runs over candidate lines on every keystroke (layout/widths.ts's isWide, which tests a
 * regular expression per character for the export's em widths, is too slow here).
 */
export function displayWidth(text: string): number {
  let width = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x1100) width += 1;
    else if (c >= 0xdc00 && c <= 0xdfff) continue; // second half of a pair: counted with the first
    else if (c >= 0x2e80) width += (c >= 0xff61 && c <= 0xffdc) || (c >= 0xffe8 && c <= 0xffee) ? 1 : 2; // half-width forms stay narrow
    else width += c <= 0x115f || (c >= 0x2010 && c <= 0x203b) ? 2 : 1;
  }
  return width;
}

const cache = new WeakMap<ReportModel, WrappedParagraph[]>();

/** Every paragraph of the draft that a page layout broke into lines (cached per model). */
export function wrappedParagraphs(model: ReportModel): WrappedParagraph[] {
  let found = cache.get(model);
  if (!found) {
    found = findWrapped(model.lines);
    cache.set(model, found);
  }
  return found;
}

/** Indexes of the lines that belong to a wrapped paragraph. */
export function wrappedLineSet(model: ReportModel): Set<number> {
  const set = new Set<number>();
  for (const p of wrappedParagraphs(model)) for (const i of p.lines) set.add(i);
  return set;
}

// A table row read line by line (past the parser's caps) is no printed line of a paragraph.
const TABLE_ROW = /^\s*\|/;

/** Whether the line ends a sentence, and its width: read once per parsed line (line-memo.ts). */
function shapeOf(line: ReportLine): { endsSentence: boolean; width: number; tableRow: boolean } {
  const memo = lineMemo(line);
  return (memo.wrap ??= { endsSentence: ENDS_SENTENCE.test(line.text), width: displayWidth(line.text.trim()), tableRow: TABLE_ROW.test(line.text) });
}

/** A line that can be a printed line of a body paragraph. */
const prose = (line: ReportLine) =>
  line.role === 'body' && line.block === 'paragraph' && line.headingDepth === 0 && !line.inList && !line.inQuote && !line.numbering && !shapeOf(line).tableRow;

function findWrapped(lines: ReportLine[]): WrappedParagraph[] {
  const found: WrappedParagraph[] = [];
  let i = 0;
  while (i < lines.length) {
    // Most lines cannot start one (a heading, a sentence's end): passed over without a scan.
    if (!prose(lines[i]) || shapeOf(lines[i]).endsSentence) {
      i++;
      continue;
    }
    const scan = runFrom(lines, i);
    const last = scan.run[scan.run.length - 1];
    if (scan.ok) {
      found.push({ lines: numberedFirstLine(lines, scan.run) ? [scan.run[0] - 1, ...scan.run] : scan.run });
      i = last + 1;
    } else if (scan.firstOnly) {
      // Only the first line's own width failed: the next line may start the paragraph.
      i++;
    } else {
      // Lines already scanned are not scanned again (linear in the draft); the last may start one.
      i = Math.max(i + 1, last);
    }
  }
  return found;
}

/**
 * "2.加强制度建设，规范运行机制。一是严格按照“集体" / "领导、民主集中……": a numbered paragraph that
 * runs into its text was printed the same way, its first line as wide as the column and broken off
 * mid-sentence. Such a line before a wrapped paragraph is its first printed line.
 */
function numberedFirstLine(lines: ReportLine[], run: number[]): boolean {
  const before = lines[run[0] - 1];
  const first = lines[run[0]];
  if (!before?.numbering || before.block !== 'paragraph' || before.headingDepth > 0 || before.inList || before.inQuote) return false;
  if (before.sourceLine !== first.sourceLine - 1 || shapeOf(before).endsSentence || !/[。；！？]/.test(before.text)) return false;
  let column = 0;
  for (const i of run.slice(0, -1)) column = Math.max(column, shapeOf(lines[i]).width);
  const width = shapeOf(before).width;
  return width <= column + 1 && width >= column - COLUMN_SLACK - INDENT;
}

type Scan = { ok: true; run: number[] } | { ok: false; run: number[]; firstOnly: boolean };

/**
 * The wrapped paragraph starting at lines[start], if any: lines that don't end a sentence, on
 * consecutive source lines, as wide as each other, then the paragraph's last line (no wider).
 */
function runFrom(lines: ReportLine[], start: number): Scan {
  const first = lines[start];
  if (!prose(first) || shapeOf(first).endsSentence) return { ok: false, run: [start], firstOnly: false };
  const run = [start];
  let narrowest = Infinity;
  let column = 0;
  for (let i = start + 1; i < lines.length; i++) {
    const line = lines[i];
    if (!prose(line) || line.sourceLine !== lines[i - 1].sourceLine + 1) break;
    const shape = shapeOf(line);
    if (shape.endsSentence) {
      // The paragraph's last printed line: no wider than the column.
      if (run.length >= 2 && shape.width <= column + 1) run.push(i);
      break;
    }
    const width = shape.width;
    if (Math.max(column, width) - Math.min(narrowest, width) > COLUMN_SLACK) break;
    narrowest = Math.min(narrowest, width);
    column = Math.max(column, width);
    run.push(i);
  }
  if (run.length < MIN_LINES || column < MIN_COLUMN) return { ok: false, run, firstOnly: false };
  const firstWidth = shapeOf(first).width;
  if (firstWidth > column + 1 || firstWidth < column - COLUMN_SLACK - INDENT) return { ok: false, run, firstOnly: true };
  return { ok: true, run };
}
