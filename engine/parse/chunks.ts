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
const DEFINITION = /^ {0,3}\[[^\]]+\]:/m;
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

function lines(source: string): Line[] {
  const out: Line[] = [];
  let start = 0;
  while (start < source.length) {
    let end = start;
    while (end < source.length && source.charCodeAt(end) !== 10 && source.charCodeAt(end) !== 13) end++;
    const text = source.slice(start, end);
    if (end < source.length) end += source.charCodeAt(end) === 13 && source.charCodeAt(end + 1) === 10 ? 2 : 1;
    out.push({ start, end, text, blank: text.trim() === '', locked: false });
    start = end;
  }
  return out;
}

/** FNV-1a over the UTF-16 code units of a line. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

export function splitChunks(source: string, targetSize = 8192): Chunk[] {
  // Link reference definitions apply across the whole document: parse such a draft whole.
  if (source.length <= targetSize || (source.length <= MAX_WHOLE_WITH_DEFINITIONS && DEFINITION.test(source))) return [{ start: 0, end: source.length }];
  const all = lines(source);
  const whole = [{ start: 0, end: source.length }];

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
    if (run.some((l) => /^ {0,3}</.test(l.text)) && run.some((l) => FENCE.test(l.text))) return whole;
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

  // Cut where a line's own text says so (a content hash), so that an edit moves no cut but its
  // own and the chunks after it keep their text (and their cached parse); size keeps chunks even.
  const chunks: Chunk[] = [];
  let start = 0;
  let startLine = 0;
  let forced = false;
  const min = targetSize / 4;
  for (let n = 0; n < all.length; n++) {
    const line = all[n];
    const size = line.start - start;
    if (!line.hard && line.locked && (n - startLine >= MAX_RUN_LINES || size >= MAX_RUN_CHARS)) {
      chunks.push({ start, end: line.start, forced });
      start = line.start;
      startLine = n;
      forced = true;
      continue;
    }
    if (line.locked || line.blank || size < min) continue;
    if (size >= targetSize * 2 || hash(line.text) % 8 === 0) {
      chunks.push({ start, end: line.start, forced });
      start = line.start;
      startLine = n;
      forced = false;
    }
  }
  chunks.push({ start, end: source.length, forced });
  return chunks;
}
