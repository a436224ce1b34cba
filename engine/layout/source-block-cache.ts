/**
 * The blocks the report model leaves out (footnote definitions, code and HTML blocks, pictures:
 * model/source-blocks.ts) for each version of one draft while the writer types. Finding them parses
 * the whole draft with Markdown (150 ms for a 60-page draft with one footnote, on a busy machine),
 * too slow for every keystroke; but typing words into a line of prose changes none of them, it only
 * moves those after it. So an edit that provably cannot change a block (one line, outside every
 * block, no Markdown punctuation typed or deleted, not at the line's start) shifts the last result;
 * any other edit parses again.
 */
import { sourceBlocks, type SourceBlocks } from '../model/source-blocks';
import type { Span } from '../model/types';

/** Text that cannot open, close or change a Markdown block: no ASCII punctuation, space or control character. */
const INERT = /^[^\x00-\x2f\x3a-\x40\x5b-\x60\x7b-\x7f]*$/;
/**
 * A line of plain prose: up to three spaces, then no block marker (heading, quote, list, fence,
 * HTML, table, break, digit), and nowhere a character of a picture, footnote, fence, tag, table or escape.
 */
const PROSE_LINE = /^ {0,3}[^\s#>+\-*=_`~<|\d\[\]!^\\][^`~<>!\[\]^|*\\]*$/;

export class SourceBlockCache {
  private text?: string;
  private blocks?: SourceBlocks;
  /** How many edits were shifted rather than parsed (tests read it). */
  shifted = 0;

  get(text: string): SourceBlocks {
    if (this.text === text && this.blocks) return this.blocks;
    const reused = this.text !== undefined && this.blocks ? shiftedBlocks(this.text, text, this.blocks) : undefined;
    if (reused) this.shifted++;
    this.blocks = reused ?? sourceBlocks(text);
    this.text = text;
    return this.blocks;
  }
}

function shiftedBlocks(before: string, after: string, blocks: SourceBlocks): SourceBlocks | undefined {
  // The edit: the common prefix and suffix of the two versions.
  let start = 0;
  const shortest = Math.min(before.length, after.length);
  while (start < shortest && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let tail = 0;
  while (tail < shortest - start && before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)) tail++;
  const removedEnd = before.length - tail;
  const removed = before.slice(start, removedEnd);
  const inserted = after.slice(start, after.length - tail);
  if (!INERT.test(removed) || !INERT.test(inserted)) return undefined;
  // The edited line is prose in both versions: nothing on it can open a block or a picture, and it
  // starts with no block marker. (A letter typed between "[" and "^", or "<dixv>" becoming "<div>",
  // would make one.)
  const lineOf = (text: string, at: number, end: number) => {
    const from = Math.max(text.lastIndexOf('\n', at - 1), text.lastIndexOf('\r', at - 1)) + 1;
    const stops = [text.indexOf('\n', end), text.indexOf('\r', end)].filter((i) => i >= 0);
    return text.slice(from, stops.length > 0 ? Math.min(...stops) : text.length);
  };
  if (!PROSE_LINE.test(lineOf(before, start, removedEnd)) || !PROSE_LINE.test(lineOf(after, start, after.length - tail))) return undefined;
  // Outside every block (a line of a code block or a footnote's words changes the block).
  const touches = (s: Span) => s.start <= removedEnd && start <= s.end;
  if (blocks.footnotes.some((f) => touches(f.span)) || blocks.literals.some((l) => touches(l.span))) return undefined;
  for (const [at, image] of blocks.images) if (at <= removedEnd && start <= at + image.url.length + image.alt.length + 5) return undefined;
  const delta = inserted.length - removed.length;
  const move = (offset: number) => (offset >= removedEnd ? offset + delta : offset);
  const span = (s: Span): Span => ({ start: move(s.start), end: move(s.end) });
  return {
    footnotes: blocks.footnotes.map((f) => ({ ...f, span: span(f.span) })),
    literals: blocks.literals.map((l) => ({ ...l, span: span(l.span) })),
    images: new Map([...blocks.images].map(([at, image]) => [move(at), image])),
    struck: blocks.struck.map(span),
  };
}
