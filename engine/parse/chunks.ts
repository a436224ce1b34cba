/**
 * Splits a draft into chunks that Markdown parses the same way alone as inside the whole text, so
 * that a long draft is parsed piece by piece (micromark slows down on one huge paragraph, and text
 * pasted from Word is exactly that) and an edit re-parses only its own piece.
 *
 * A chunk may start at a line that
 *  - follows a blank line and starts at column 0 with a non-space character, or
 *  - continues a plain paragraph: the line starts with an ordinary character (not a Markdown block
 *    marker, digit list marker or pipe), and the run of non-blank lines it sits in has no container,
 *    HTML block, table or setext underline;
 * and never inside front matter, a fenced code block or a multi-line HTML comment. Inline
 * constructs that might cross a chunk edge are handled after parsing (see parseInChunks): a chunk
 * whose prose still holds a Markdown special character is parsed again together with the next.
 */
import type { TextEdit } from '../text/text-diff';
import { floorIndex, indexInSorted } from '../text/sorted';

export interface Chunk {
  start: number;
  end: number;
  /** Cut inside a table, list or quote that ran longer than MAX_RUN_LINES: a note says so. */
  forced?: boolean;
}

/**
 * Caps that keep parsing linear (see docs/security.md). micromark parses one container (a table,
 * a list, a run of link definitions) in time that grows faster than its length, so a run of
 * non-blank lines longer than this is cut anyway; the lines after a cut are read as if the run
 * started there (a table's later rows become paragraphs).
 */
export const MAX_RUN_LINES = 2000;
export const MAX_RUN_CHARS = 200_000;
/** Link definitions apply across the document, so such drafts are parsed whole — up to this size. */
export const MAX_WHOLE_WITH_DEFINITIONS = 200_000;

const BLOCK_START = /^[ \t#>*+\-=_`~<|]|^\d{1,9}[.)](?:[ \t]|$)/;
// Containers, HTML, setext underlines, fences, and anything a table could be made of ("|", ":-").
const RISKY_LINE = /^ {0,3}(?:[>*+-][ \t]|[>]|\d{1,9}[.)][ \t]|<|(?:=+|-+)[ \t]*$|```|~~~)|\||^[\s:]*:-|^[\s:|-]*-[\s:|-]*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
// A label is at most 999 characters (CommonMark): unbounded, the search from every "[" at a line's start
// ran to the end of a draft that has no "]" (quadratic: 12 s for 80,000 lines of "[").
const DEFINITION = /^ {0,3}\[[^\]]{1,999}\]:/m;
const HTML_BLOCKS: Array<[RegExp, RegExp]> = [
  [/^ {0,3}<(?:script|pre|style|textarea)(?:\s|>|$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/^ {0,3}<!--/, /-->/],
  [/^ {0,3}<\?/, /\?>/],
  [/^ {0,3}<![A-Za-z]/, />/],
  [/^ {0,3}<!\[CDATA\[/, /\]\]>/],
];

/**
 * A line that starts with a Han character or CJK punctuation (not the ideographic space, which \s
 * matches): no block marker, fence, HTML or table delimiter can start it. Most lines of a report
 * do, and this spares them the regular expressions.
 */
function proseStart(text: string): boolean {
  const c = text.charCodeAt(0);
  return (c > 0x3000 && c <= 0x9fff) || (c >= 0xff01 && c <= 0xffef);
}

/** Whether the line could open a fence or an HTML block: ` ~ or < after at most three spaces. */
function mayOpenBlock(text: string): boolean {
  let i = 0;
  while (i < 3 && text.charCodeAt(i) === 32) i++;
  const c = text.charCodeAt(i);
  return c === 96 || c === 126 || c === 60;
}

interface Line {
  start: number;
  end: number; // after the line terminator
  text: string;
  blank: boolean;
  /** No chunk may start at this line. */
  locked: boolean;
  /** Inside front matter, fenced code or an HTML block: never cut, whatever the size. */
  hard?: boolean;
}

/**
 * A blank line as CommonMark has it: nothing, or spaces and tabs only. Not String.trim(), which also
 * takes the ideographic space (　) away: a line of full-width spaces is a paragraph line to the parser,
 * and a cut there split a table from its last rows.
 */
const BLANK = /^[ \t]*$/;

function lines(source: string): Line[] {
  const out: Line[] = [];
  let start = 0;
  while (start < source.length) {
    let end = start;
    while (end < source.length && source.charCodeAt(end) !== 10 && source.charCodeAt(end) !== 13) end++;
    const text = source.slice(start, end);
    if (end < source.length) end += source.charCodeAt(end) === 13 && source.charCodeAt(end + 1) === 10 ? 2 : 1;
    out.push({ start, end, text, blank: BLANK.test(text), locked: false });
    start = end;
  }
  return out;
}

/** FNV-1a over the UTF-16 code units of a line (source[from, to)). */
function hashRange(source: string, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) h = Math.imul(h ^ source.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

export function splitChunks(source: string, targetSize = 8192): Chunk[] {
  return planChunks(source, targetSize).chunks;
}

/**
 * The chunks of a text with what the split read from each line, so that the next version of the
 * text can be split again from the lines an edit touched (replanChunks) instead of from the top.
 */
export interface ChunkPlan {
  chunks: Chunk[];
  /** The line each chunk starts at (its index in the arrays below). */
  chunkLines: number[];
  targetSize: number;
  length: number;
  /** Per line: where it starts, where its text ends (before the line break), and LINE_* flags (locked, blank, hard). */
  lineStarts: Int32Array;
  textEnds: Int32Array;
  flags: Uint8Array;
  /** Per line: what the split read from its text (signatureOf). */
  signatures: Uint16Array;
  /** The text is parsed whole (small, link definitions, an HTML block hiding a fence): nothing to replan. */
  whole: boolean;
}

const LINE_LOCKED = 1;
const LINE_BLANK = 2;
const LINE_HARD = 4;

/**
 * What the split reads from a line's text, as bits: two lines with the same bits lock, blank and
 * join runs alike (only the cut hash tells them apart). An edit that keeps its line's bits can be
 * split again near the line alone.
 */
const SIG_BLANK = 1;
const SIG_PROSE = 2;
/** A table pipe in prose, or a container, HTML, setext or table line (RISKY_LINE). */
const SIG_RISKY = 4;
/** A block marker at the start (not prose). */
const SIG_BLOCK = 8;
const SIG_TRAILING_BLANK = 16;
const SIG_INDENTED = 32;
/** May open a fence or an HTML block: what exactly it opens depends on more than these bits. */
const SIG_MAY_OPEN = 64;
const SIG_HTML = 128;
const SIG_FENCE = 256;
/** Holds [ or ]: a link definition's brackets may run over several lines. */
const SIG_BRACKETS = 512;
const SIG_DASHES = 1024;
const BRACKET = /[[\]]/;

function signatureOf(text: string): number {
  const prose = proseStart(text);
  let sig = prose ? SIG_PROSE : 0;
  if (BLANK.test(text)) sig |= SIG_BLANK;
  if (prose ? text.includes('|') : RISKY_LINE.test(text)) sig |= SIG_RISKY;
  if (!prose && BLOCK_START.test(text)) sig |= SIG_BLOCK;
  if (/[ \t]$/.test(text)) sig |= SIG_TRAILING_BLANK;
  if (/^[ \t]/.test(text)) sig |= SIG_INDENTED;
  if (mayOpenBlock(text)) sig |= SIG_MAY_OPEN;
  if (/^ {0,3}</.test(text)) sig |= SIG_HTML;
  if (FENCE.test(text)) sig |= SIG_FENCE;
  if (BRACKET.test(text)) sig |= SIG_BRACKETS;
  if (/^---[ \t]*$/.test(text)) sig |= SIG_DASHES;
  return sig;
}

function packLines(all: Line[]): Pick<ChunkPlan, 'lineStarts' | 'textEnds' | 'flags' | 'signatures'> {
  const lineStarts = new Int32Array(all.length);
  const textEnds = new Int32Array(all.length);
  const flags = new Uint8Array(all.length);
  const signatures = new Uint16Array(all.length);
  for (let n = 0; n < all.length; n++) {
    const l = all[n];
    lineStarts[n] = l.start;
    textEnds[n] = l.start + l.text.length;
    flags[n] = (l.locked ? LINE_LOCKED : 0) | (l.blank ? LINE_BLANK : 0) | (l.hard ? LINE_HARD : 0);
    signatures[n] = signatureOf(l.text);
  }
  return { lineStarts, textEnds, flags, signatures };
}

const NO_LINES = { lineStarts: new Int32Array(0), textEnds: new Int32Array(0), flags: new Uint8Array(0), signatures: new Uint16Array(0) };

export function planChunks(source: string, targetSize = 8192): ChunkPlan {
  const wholePlan = (): ChunkPlan => ({ chunks: [{ start: 0, end: source.length }], chunkLines: [0], targetSize, length: source.length, ...NO_LINES, whole: true });
  // Link reference definitions apply across the whole document: parse such a draft whole.
  if (source.length <= targetSize || (source.length <= MAX_WHOLE_WITH_DEFINITIONS && DEFINITION.test(source))) return wholePlan();
  const all = lines(source);

  // Lock lines inside front matter, fenced code and multi-line HTML comments.
  let i = 0;
  if (/^---[ \t]*$/.test(all[0]?.text ?? '')) {
    all[0].locked = all[0].hard = true;
    for (i = 1; i < all.length && !/^---[ \t]*$/.test(all[i].text); i++) all[i].locked = all[i].hard = true;
    if (i < all.length) all[i].locked = all[i++].hard = true;
  }
  let fence: string | undefined;
  let htmlEnd: RegExp | undefined;
  for (; i < all.length; i++) {
    const line = all[i];
    if (fence) {
      line.locked = line.hard = true;
      if (new RegExp(`^ {0,3}${fence[0] === '`' ? '`' : '~'}{${fence.length},}[ \\t]*$`).test(line.text)) fence = undefined;
      continue;
    }
    if (htmlEnd) {
      line.locked = line.hard = true;
      if (htmlEnd.test(line.text)) htmlEnd = undefined;
      continue;
    }
    // Fences and HTML blocks start with at most three spaces, then ` ~ or <: most lines start otherwise.
    if (!mayOpenBlock(line.text)) continue;
    const f = FENCE.exec(line.text);
    if (f) fence = f[1];
    else {
      // HTML blocks that may hold blank lines (CommonMark types 1–5) run to their end marker.
      for (const [open, end] of HTML_BLOCKS) {
        const m = open.exec(line.text);
        if (!m) continue;
        if (!end.test(line.text.slice(m.index + m[0].length))) htmlEnd = end;
        break;
      }
    }
  }
  // Within a run of non-blank lines, only plain paragraphs may be cut.
  for (let a = 0; a < all.length; ) {
    if (all[a].blank) {
      a++;
      continue;
    }
    let b = a;
    while (b < all.length && !all[b].blank) b++;
    // An HTML block can hide a fence line ("</pre>" then "~~~"): whether it does depends on
    // details this scan does not follow, so such a draft is parsed whole.
    const run = all.slice(a, b);
    if (run.some((l) => /^ {0,3}</.test(l.text)) && run.some((l) => FENCE.test(l.text))) return wholePlan();
    // An indented first line may continue a list item above the blank line, and the rest of the
    // run with it (lazily): such a run is not cut either.
    const risky = /^[ \t]/.test(all[a].text) || run.some((l) => (proseStart(l.text) ? l.text.includes('|') : RISKY_LINE.test(l.text)));
    // Trailing blanks before a line break stay in the text inside a paragraph but not at its end:
    // never cut right after such a line.
    for (let k = a + 1; k < b; k++) if (risky || (!proseStart(all[k].text) && BLOCK_START.test(all[k].text)) || /[ \t]$/.test(all[k - 1].text)) all[k].locked = true;
    // The first line of a run may start a chunk only if it starts at column 0 after a blank line.
    if (a > 0 && /^[ \t]/.test(all[a].text)) all[a].locked = true;
    a = b;
  }

  const plan: ChunkPlan = { chunks: [], chunkLines: [], targetSize, length: source.length, ...packLines(all), whole: false };
  cutFrom(plan, source, { start: 0, startLine: 0, forced: false }, 1);
  return plan;
}

interface CutState {
  /** Where the chunk being built starts, its first line, and whether it starts at a forced cut. */
  start: number;
  startLine: number;
  forced: boolean;
}

/**
 * Cut where a line's own text says so (a content hash), so that an edit moves no cut but its own
 * and the chunks after it keep their text (and their cached parse); size keeps chunks even.
 * Appends the chunks from `state` on, looking at lines from `firstLine`; with `resync`, stops at
 * the first cut after `after` that the previous plan made too, and returns its chunk index there.
 */
function cutFrom(plan: ChunkPlan, source: string, state: CutState, firstLine: number, resync?: { after: number; old: ChunkPlan; delta: number }): number | undefined {
  const { lineStarts, textEnds, flags, chunks, chunkLines, targetSize } = plan;
  let { start, startLine, forced } = state;
  const min = targetSize / 4;
  const cut = (n: number, nextForced: boolean): number | undefined => {
    chunks.push({ start, end: lineStarts[n], forced });
    chunkLines.push(startLine);
    start = lineStarts[n];
    startLine = n;
    forced = nextForced;
    if (!resync || n <= resync.after) return undefined;
    // The old plan cut here too, the same way: from here on its chunks are this text's, moved.
    const k = indexInSorted(resync.old.chunkLines, n);
    return k >= 0 && resync.old.chunks[k].forced === nextForced ? k : undefined;
  };
  for (let n = firstLine; n < lineStarts.length; n++) {
    const f = flags[n];
    const size = lineStarts[n] - start;
    if (!(f & LINE_HARD) && f & LINE_LOCKED && (n - startLine >= MAX_RUN_LINES || size >= MAX_RUN_CHARS)) {
      const k = cut(n, true);
      if (k !== undefined) return k;
      continue;
    }
    if (f & (LINE_LOCKED | LINE_BLANK) || size < min) continue;
    if (size >= targetSize * 2 || hashRange(source, lineStarts[n], textEnds[n]) % 8 === 0) {
      const k = cut(n, false);
      if (k !== undefined) return k;
    }
  }
  chunks.push({ start, end: source.length, forced });
  chunkLines.push(startLine);
  return undefined;
}


/**
 * The plan for a new version of the text, from the previous version's, when the edit stays inside
 * one line of plain prose (typing in a paragraph): such a line locks, unlocks and blanks nothing,
 * so only the cuts near it can move. Cuts are made again from the chunk before the line until one
 * falls where the old plan had it; the rest is the old plan moved. Undefined when the edit is
 * anything else (a line break, markup, a table): then the text is split from the top.
 */
export function replanChunks(old: ChunkPlan, source: string, edit: TextEdit): ChunkPlan | undefined {
  // A text parsed whole stays whole (the edit adds no fence, HTML or definition). A text no longer
  // than the target is parsed whole by size; one that shrank below MAX_WHOLE_WITH_DEFINITIONS may
  // have link definitions that were not looked for while it was longer.
  if (old.whole || source.length <= old.targetSize || (old.length > MAX_WHOLE_WITH_DEFINITIONS && source.length <= MAX_WHOLE_WITH_DEFINITIONS)) return undefined;
  const { lineStarts, textEnds, flags, signatures } = old;
  const line = floorIndex(lineStarts, edit.start);
  // The front matter's first line, and lines inside front matter, fences and HTML blocks: split anew.
  if (line <= 0 || edit.oldEnd > textEnds[line] || flags[line] & LINE_HARD || signatures[line] & SIG_MAY_OPEN) return undefined;
  const delta = edit.newEnd - edit.oldEnd;
  const newTextEnd = textEnds[line] + delta;
  // The line's new text: still one line, read by the split as the old one was.
  for (let i = edit.start; i < edit.newEnd; i++) {
    const c = source.charCodeAt(i);
    if (c === 10 || c === 13) return undefined;
  }
  const lineText = source.slice(lineStarts[line], newTextEnd);
  const signature = signatureOf(lineText);
  if (signature !== signatures[line]) return undefined;
  // Whether a link definition ("[x]:", its brackets perhaps lines apart) makes the text parse whole
  // is not worked out here: an edit to a line with brackets in a text that could be is split anew.
  if (source.length <= MAX_WHOLE_WITH_DEFINITIONS && signature & SIG_BRACKETS) return undefined;

  const plan: ChunkPlan = {
    chunks: [],
    chunkLines: [],
    targetSize: old.targetSize,
    length: source.length,
    lineStarts: lineStarts.slice(),
    textEnds: textEnds.slice(),
    flags,
    signatures,
    whole: false,
  };
  for (let n = line + 1; n < plan.lineStarts.length; n++) {
    plan.lineStarts[n] += delta;
    plan.textEnds[n] += delta;
  }
  plan.textEnds[line] = newTextEnd;
  // Cuts are made again from the chunk holding the line, or the one before if the line starts it
  // (whether the line starts a chunk depends on its text).
  let k = floorIndex(old.chunkLines, line);
  if (k > 0 && old.chunkLines[k] === line) k--;
  for (let j = 0; j < k; j++) {
    plan.chunks.push(old.chunks[j]);
    plan.chunkLines.push(old.chunkLines[j]);
  }
  const from = old.chunks[k];
  const resumed = cutFrom(plan, source, { start: from.start, startLine: old.chunkLines[k], forced: from.forced === true }, old.chunkLines[k] + 1, { after: line, old, delta });
  if (resumed !== undefined) {
    for (let j = resumed; j < old.chunks.length; j++) {
      const c = old.chunks[j];
      plan.chunks.push({ start: c.start + delta, end: c.end + delta, forced: c.forced });
      plan.chunkLines.push(old.chunkLines[j]);
    }
  }
  return plan;
}

