/**
 * Markdown → prose lines, chunk by chunk (see chunks.ts). A chunk whose prose still holds a
 * character that could open or close an inline construct (* _ ` [ ] < ~ \) might pair it with the
 * next chunk, so it is parsed again joined with the next one: the result is what parsing the whole
 * text gives, at a fraction of the cost for a long paragraph.
 */
import { LineIndex } from '../text/line-index';
import type { ProseLine, Span } from '../text/prose';
import { MAX_RUN_LINES, planChunks, replanChunks, type ChunkPlan } from './chunks';
import { textDiff, type TextEdit } from '../text/text-diff';
import { t } from '../i18n';
import { parseMarkdown } from './markdown';
import { extractProse, type ProseResult } from './prose-lines';
import { pastDeadline } from '../deadline';

const LEFTOVER = /[*_`[\]<~\\]/;
const LEFTOVER_NO_BRACKETS = /[*_`<~\\]/;

/**
 * Square brackets make a link, image or footnote only with "](", "][" or "]:" somewhere (inline
 * links, full and collapsed references, definitions for shortcut references and footnotes). In a
 * draft with none of these, "机党发[2025]12号" is plain text: its brackets neither need the parser
 * nor tie a chunk to the next. (Treating them as leftovers joined every chunk of a draft full of
 * such numbers into one, parsing it over and over: quadratic.)
 */
const BRACKETS_ACTIVE = /\][([:]/;

/**
 * Text with no Markdown in it at all: no line starts with a block marker, indentation or a list
 * number or ends in a blank, and no character could begin inline markup, an entity or a table.
 * Markdown reads such text as plain paragraphs, one prose line per source line, so the parser is
 * not needed (test/chunks.test.ts checks this against the parser).
 */
const MARKUP_CHAR = /[*_`[\]<>!~\\&|]/;
const MARKUP_CHAR_NO_BRACKETS = /[*_`<>!~\\&|]/;
// Also a line of colons and hyphens: a table delimiter row (":-") turns the line above into a table.
const LINE_START = /^(?:[ \t#>*+\-=_`~<|:]|\d{1,9}[.)](?:[ \t]|$))|^[\s:|-]*-[\s:|-]*$/;

function isPlain(text: string, bracketsInert: boolean): boolean {
  if ((bracketsInert ? MARKUP_CHAR_NO_BRACKETS : MARKUP_CHAR).test(text)) return false;
  // Trailing blanks are left to the parser: it treats them differently before \n and \r\n.
  for (const line of text.split(/\r\n|\r|\n/)) if (line.length > 0 && (LINE_START.test(line) || /[ \t]$/.test(line))) return false;
  return true;
}

function plainProse(text: string, base: number, index: LineIndex): ProseResult {
  const lines: ProseLine[] = [];
  const re = /[^\r\n]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const content = m[0];
    if (content.trim().length === 0) continue;
    const from = base + m.index;
    const starts = new Int32Array(content.length);
    const ends = new Int32Array(content.length);
    for (let i = 0; i < content.length; i++) {
      starts[i] = from + i;
      ends[i] = from + i + 1;
    }
    lines.push({ index: lines.length, text: content, starts, ends, block: 'paragraph', headingDepth: 0, bold: [], sourceLine: index.positionAt(from).line, inList: false, inQuote: false, cell: undefined, memo: undefined });
  }
  return { lines, tables: [], comments: [] };
}

/**
 * Runs of asterisks or underscores longer than any emphasis needs (three at most), and of square
 * brackets deeper than any link nests. micromark pairs the markers of such runs with work that grows
 * with the square of their length: 10,000 asterisks on each side of a word blocked the language
 * server for 9 s, 20,000 brackets for 4 s. They are parsed as the literal characters they
 * are in a draft (redacted names, blanks to fill): each marker is replaced by a private-use character
 * of the same length, which the parser leaves alone, and put back in the prose afterwards. A line of
 * nothing else (a thematic break, a row of blanks) is left to the parser as it is.
 */
const MAX_MARKER_RUN = 16;
/** Each marker and the private-use character that stands in for it during the parse. */
const STAND_IN: Record<string, string> = { '*': '\uE000', _: '\uE001', '[': '\uE002', ']': '\uE003', '~': '\uE004', '`': '\uE005', '<': '\uE006' };
const PUT_BACK: Record<string, string> = Object.fromEntries(Object.entries(STAND_IN).map(([mark, standIn]) => [standIn, mark]));
/** The markers whose long runs are tamed. */
const RUN_MARKS = ['*', '_', '[', ']'];
/** A run one longer than allowed, of each marker: the quick test before the pattern runs. */
const TOO_LONG = RUN_MARKS.map((mark) => mark.repeat(MAX_MARKER_RUN + 1));
const LONG_MARKER_RUN = new RegExp(RUN_MARKS.map((mark) => `\\${mark}{${MAX_MARKER_RUN + 1},}`).join('|'), 'g');
const STOOD_IN = /[\uE000-\uE006]/g;
const HAS_STAND_IN = /[\uE000-\uE006]/;
/** Blanks from here to the end of the line (sticky: tried at lastIndex). */
const BLANK_TO_LINE_END = /[ \t]*(?:[\r\n]|$)/y;

/**
 * Markers spread through a text rather than run together do the same: a line of "*学*学*学…" or
 * "~学~学…", or thousands of lines of a lone "[" or "`" (pasted text with no blank lines is one
 * paragraph), took 43–55 s for 80,000 characters. Past this many of one kind in one parse, which no
 * report comes near (a chunk is about 8 KB), every one of that kind is read as the character it is.
 */
const MAX_MARKERS = 1000;
const DENSE_MARKS = ['*', '_', '~', '`', '<', '['];

function withLongRunsTamed(text: string): string {
  if (!TOO_LONG.some((run) => text.includes(run))) return text;
  return text.replace(LONG_MARKER_RUN, (run, at: number) => {
    const lineStart = Math.max(text.lastIndexOf('\n', at - 1), text.lastIndexOf('\r', at - 1)) + 1;
    BLANK_TO_LINE_END.lastIndex = at + run.length;
    if (/^[ \t]*$/.test(text.slice(lineStart, at)) && BLANK_TO_LINE_END.test(text)) return run;
    return STAND_IN[run[0]].repeat(run.length);
  });
}

function withDenseMarkersTamed(text: string): string {
  let out = text;
  for (const mark of DENSE_MARKS) {
    if (!moreThan(out, mark, MAX_MARKERS)) continue;
    out = out.replaceAll(mark, STAND_IN[mark]);
    // A bracket's partner goes with it: "]" alone is plain text, but "](" would still start a link.
    if (mark === '[') out = out.replaceAll(']', STAND_IN[']']);
  }
  return out;
}

function moreThan(text: string, mark: string, limit: number): boolean {
  let n = 0;
  for (let at = text.indexOf(mark); at >= 0; at = text.indexOf(mark, at + 1)) if (++n > limit) return true;
  return false;
}

/**
 * The text with its long runs and dense markers stood in for, and whether markers were dense;
 * undefined when nothing was stood in for.
 */
function withMarkersTamed(text: string): { tamed: string; dense: boolean } | undefined {
  // Text that has the stand-ins already could not be told back apart: parsed as it is.
  if (HAS_STAND_IN.test(text)) return undefined;
  const runsTamed = withLongRunsTamed(text);
  const tamed = withDenseMarkersTamed(runsTamed);
  return tamed === text ? undefined : { tamed, dense: tamed !== runsTamed };
}

function putBack(s: string): string {
  return HAS_STAND_IN.test(s) ? s.replace(STOOD_IN, (c) => PUT_BACK[c]) : s;
}

function parseText(text: string, frontMatter: boolean, base: number, index: LineIndex, bracketsInert: boolean): ProseResult {
  if (isPlain(text, bracketsInert)) return plainProse(text, base, index);
  const stoodIn = withMarkersTamed(text);
  if (stoodIn === undefined) return extractProse(parseMarkdown(text, frontMatter), text, base, index);
  const { tamed, dense } = stoodIn;
  // Same length, character for character: every offset the parse gives holds for the draft too.
  const result = extractProse(parseMarkdown(tamed, frontMatter), tamed, base, index);
  for (const line of result.lines) line.text = putBack(line.text);
  for (const c of result.comments) c.body = putBack(c.body);
  if (result.yaml) result.yaml = { ...result.yaml, value: putBack(result.yaml.value) };
  if (dense) result.markersTamed = true;
  return result;
}

/** A chunk's lines' offsets, packed into one array (see packOffsets). */
const packed = new WeakMap<ProseResult, Int32Array>();

/**
 * Puts every line's `starts` and `ends` of a cached chunk into one array, as views: moving the chunk
 * (shiftInPlace, at every keystroke for every chunk after the edit) is then one loop over one
 * block of memory, instead of two small arrays per line scattered over the heap, and the draft
 * holds one buffer per chunk instead of two per line.
 */
function packOffsets(r: ProseResult): ProseResult {
  let total = 0;
  for (const l of r.lines) total += l.starts.length + l.ends.length;
  const all = new Int32Array(total);
  let at = 0;
  for (const l of r.lines) {
    all.set(l.starts, at);
    l.starts = all.subarray(at, (at += l.starts.length));
    all.set(l.ends, at);
    l.ends = all.subarray(at, (at += l.ends.length));
  }
  packed.set(r, all);
  return r;
}

/**
 * Parse results of chunks by their text, kept between versions of one document: after an edit only
 * the chunk that changed is parsed again. Holds only what the latest parse used.
 */
/** A chunk's result as last placed in the document: where its start stood (offset and line). */
interface CacheEntry {
  result: ProseResult;
  /** The chunk's text as the key it is stored under (made of a copy, see parseOne). */
  key: string;
  /** Parsed as the document's first chunk (where front matter may start). */
  first: boolean;
  delta: number;
  line: number;
}

export interface ProseCacheOptions {
  /**
   * Move a reused chunk's lines where the chunk now stands by shifting their offsets in place,
   * instead of copying them: no allocation per keystroke for the half of a draft after the edit,
   * and the same line objects from version to version, which lets the lint keep per-line results
   * (engine/incremental). The price: a model built from this cache is valid only until the next
   * parse with it. The language server's per-document cache holds exactly one model at a time.
   */
  shiftInPlace?: boolean;
}

/** What the previous parse with a cache saw, so that the next one can tell what an edit changed. */
interface LastParse {
  source: string;
  base: number;
  plan: ChunkPlan;
  bracketsInert: boolean;
  /** Where the first "](" "][" or "]:" stood (when brackets were active). */
  bracketsAt: number;
  /** The entries placed, by the range of the text they were parsed from ("from:to"). */
  placed: Map<string, CacheEntry>;
}

/** This parse's edit against the previous one, when chunks outside it can be taken by position. */
interface EditContext {
  edit: TextEdit;
  placed: Map<string, CacheEntry>;
}

export class ProseCache {
  entries = new Map<string, CacheEntry>();
  next = new Map<string, CacheEntry>();
  hits = 0;
  misses = 0;
  /** Chunks taken by their position outside the edit (no look-up by text), and splits redone near an edit only. */
  byPosition = 0;
  replans = 0;
  readonly shiftInPlace: boolean;
  last?: LastParse;
  /** Being filled by the parse under way: becomes `last.placed`. */
  placing = new Map<string, CacheEntry>();
  /** Set for the parse under way when the previous one can be used by position. */
  editContext?: EditContext;
  /** The text the last line index was made for, and that index (lineIndexFor). */
  private lastText?: string;
  private lastIndex?: LineIndex;
  /** The edit from that text to the one whose line index was asked for last: the parse uses it too. */
  private textEdit?: { from: string; text: string; edit: TextEdit };

  /**
   * The line index of the text about to be parsed: from the previous version's index and the edit
   * between them when there is one (only the lines near the edit are read again).
   */
  lineIndexFor(text: string): LineIndex {
    let index: LineIndex;
    if (this.lastText !== undefined && this.lastIndex) {
      const edit = textDiff(this.lastText, text);
      this.textEdit = { from: this.lastText, text, edit };
      index = LineIndex.afterEdit(this.lastIndex, text, edit);
    } else index = new LineIndex(text);
    this.lastText = text;
    this.lastIndex = index;
    return index;
  }

  /** The edit from `previous` to `source`, when lineIndexFor was just asked for exactly these two texts. */
  knownEdit(previous: string, source: string): TextEdit | undefined {
    const known = this.textEdit;
    return known && known.text === source && known.from === previous ? known.edit : undefined;
  }

  constructor(options: ProseCacheOptions = {}) {
    this.shiftInPlace = options.shiftInPlace === true;
  }

  /**
   * A cache that starts from this one's chunks but records into its own maps: for parsing other
   * texts derived from the document (fix-all's rounds) without disturbing the document's cache.
   * It copies what it moves: the lines it borrows belong to the document's current model.
   */
  fork(): ProseCache {
    const copy = new ProseCache();
    copy.entries = this.entries;
    return copy;
  }

  /** Called after each parse: forget the chunks that the document no longer has. */
  rotate(): void {
    this.entries = this.next;
    this.next = new Map();
    this.placing = new Map();
    this.editContext = undefined;
    this.textEdit = undefined;
  }
}

/** A string with its own characters, not a slice of a longer one (V8 keeps the longer one alive). */
function ownCopy(text: string): string {
  return Buffer.from(text, 'utf16le').toString('utf16le');
}

function parseOne(source: string, from: number, to: number, base: number, index: LineIndex, cache: ProseCache | undefined, bracketsInert: boolean): ProseResult {
  const text = from === 0 && to === source.length ? source : source.slice(from, to);
  if (!cache) return parseText(text, from === 0, base + from, index, bracketsInert);
  // The chunk's text itself is the key (a prefix for "first chunk" would copy every chunk's text
  // on every keystroke just to look it up); an entry parsed in the other position is not used.
  const key = text;
  const first = from === 0;
  const delta = base + from;
  const line = index.positionAt(delta).line;
  // Outside the edit, the text at a position is the text the previous parse had there (moved by
  // the edit's length after it): its entry is found by position, without hashing the chunk's text.
  let hit = cache.editContext && entryByPosition(cache, cache.editContext, from, to);
  let placed: CacheEntry | undefined;
  if (hit) cache.byPosition++;
  else {
    placed = cache.next.get(key);
    hit = placed ?? cache.entries.get(key);
    if (hit && hit.first !== first) hit = undefined;
  }
  if (hit) {
    cache.hits++;
    // Chunks before an edit stand where they stood and are reused as they are; the ones after it
    // move. A chunk whose text the document has twice is placed once already: the second copy moves.
    if (hit.delta !== delta || hit.line !== line) {
      if (cache.shiftInPlace && !placed) {
        shiftInPlace(hit.result, delta - hit.delta, line - hit.line);
        hit.delta = delta;
        hit.line = line;
      } else hit = { result: rebase(hit.result, delta - hit.delta, index), delta, line, key: hit.key, first };
    }
  } else {
    cache.misses++;
    // Parsed from a copy of the chunk: the texts of its lines are slices of what they are cut from,
    // and slices of the whole draft would keep every version of the draft a cached chunk was cut
    // from alive (a 5 MB draft's memory tripled after a few dozen keystrokes).
    const own = ownCopy(text);
    // Map keys keep their string, and with it what it was sliced from: the key is made of the copy.
    hit = { result: packOffsets(parseText(own, from === 0, delta, index, bracketsInert)), delta, line, key: own, first };
  }
  cache.next.set(hit.key, hit);
  cache.placing.set(`${from}:${to}`, hit);
  return hit.result;
}

function entryByPosition(cache: ProseCache, context: EditContext, from: number, to: number): CacheEntry | undefined {
  const { edit } = context;
  const delta = edit.newEnd - edit.oldEnd;
  let entry: CacheEntry | undefined;
  if (to <= edit.start) entry = context.placed.get(`${from}:${to}`);
  else if (from >= edit.newEnd) entry = context.placed.get(`${from - delta}:${to - delta}`);
  // An entry this parse placed already (the document has the text twice) is taken by text, and moved as a copy.
  if (!entry || entry.first !== (from === 0) || cache.next.has(entry.key)) return undefined;
  return entry;
}

/** Offsets moved by `delta`: a plain loop, several times faster than TypedArray#map with a callback. */
function shifted(offsets: Int32Array, delta: number): Int32Array {
  const out = new Int32Array(offsets.length);
  for (let i = 0; i < offsets.length; i++) out[i] = offsets[i] + delta;
  return out;
}

/** A cached chunk's result moved to where the chunk now stands in the document. */
function rebase(r: ProseResult, delta: number, index: LineIndex): ProseResult {
  const span = (s: Span): Span => ({ start: s.start + delta, end: s.end + delta });
  const moved = new Map<ProseLine, ProseLine>();
  const line = (l: ProseLine): ProseLine => {
    let m = moved.get(l);
    if (!m) {
      const starts = shifted(l.starts, delta);
      m = {
        ...l,
        starts,
        ends: shifted(l.ends, delta),
        cell: l.cell && span(l.cell),
        sourceLine: index.positionAt(starts[0] ?? (l.cell ? l.cell.start + delta : delta)).line,
        bold: l.bold,
        // A copy for another text (fix-all's rounds): it keeps nothing of the document's line.
        memo: undefined,
      };
      moved.set(l, m);
    }
    return m;
  };
  return {
    lines: r.lines.map(line),
    tables: r.tables.map((t) => ({ span: span(t.span), rows: t.rows.map((row) => row.map(line)), align: t.align })),
    comments: r.comments.map((c) => ({ span: span(c.span), body: c.body })),
    yaml: r.yaml && { span: span(r.yaml.span), value: r.yaml.value, valueStart: r.yaml.valueStart + delta },
    markersTamed: r.markersTamed,
  };
}

/**
 * rebase() without copying: the cached result's own offsets are moved. The chunk's text is the
 * same, so each line's source line moves by as many lines as the chunk's start did.
 */
function shiftInPlace(r: ProseResult, delta: number, lineDelta: number): void {
  const span = (x: Span): Span => ({ start: x.start + delta, end: x.end + delta });
  // Every line with text is in `lines`, table cells included; only empty cells are in the rows alone.
  const all = packed.get(r);
  if (all) for (let i = 0; i < all.length; i++) all[i] += delta;
  for (const l of r.lines) {
    if (!all) {
      const { starts, ends } = l;
      for (let i = 0; i < starts.length; i++) {
        starts[i] += delta;
        ends[i] += delta;
      }
    }
    if (l.cell) l.cell = span(l.cell);
    l.sourceLine += lineDelta;
  }
  for (const t of r.tables) {
    t.span = span(t.span);
    for (const row of t.rows) {
      for (const l of row) {
        if (l.starts.length > 0) continue;
        if (l.cell) l.cell = span(l.cell);
        l.sourceLine += lineDelta;
      }
    }
  }
  for (const c of r.comments) c.span = span(c.span);
  if (r.yaml) r.yaml = { span: span(r.yaml.span), value: r.yaml.value, valueStart: r.yaml.valueStart + delta };
}

/**
 * A chunk left with an unpaired marker is joined with the next, but only up to this size: a text
 * full of lone asterisks would otherwise be parsed again and again, growing each time (quadratic).
 */
export const MAX_JOINED = 64 * 1024;

/** Whether a chunk's prose still holds a marker: asked of every chunk on every parse, answered once per result. */
const leftovers = new WeakMap<RegExp, WeakMap<ProseResult, boolean>>();

function hasLeftover(part: ProseResult, leftover: RegExp): boolean {
  // Markers read as plain characters are meant to stay so: joining the next chunk would only parse
  // more of them again (and again, growing) to the same end.
  if (part.markersTamed) return false;
  let known = leftovers.get(leftover);
  if (!known) leftovers.set(leftover, (known = new WeakMap()));
  let found = known.get(part);
  if (found === undefined) known.set(part, (found = part.lines.some((l) => leftover.test(l.text))));
  return found;
}

export function parseProse(source: string, base: number, index: LineIndex, chunkSize?: number, cache?: ProseCache, deadline = Infinity): ProseResult {
  const result = parseChunks(source, base, index, chunkSize, cache, deadline);
  cache?.rotate();
  return result;
}

/**
 * The chunks, and whether brackets are inert, worked out from the previous parse when the cache has
 * one (only near the edit), else from the whole text. Also tells the cache what can be taken by position.
 */
function prepare(source: string, base: number, chunkSize: number | undefined, cache: ProseCache | undefined): { plan: ChunkPlan; bracketsInert: boolean } {
  const last = cache?.last;
  const size = chunkSize ?? 8192;
  let plan: ChunkPlan | undefined;
  let bracketsAt = -1;
  let bracketsInert: boolean | undefined;
  if (cache && last && last.base === base && last.plan.targetSize === size) {
    const edit = cache.knownEdit(last.source, source) ?? textDiff(last.source, source);
    const delta = edit.newEnd - edit.oldEnd;
    plan = replanChunks(last.plan, source, edit);
    if (plan) cache.replans++;
    // Brackets: only the edit (and a character either side) can add or take away a "](".
    if (last.bracketsInert) {
      if (!BRACKETS_ACTIVE.test(source.slice(Math.max(0, edit.start - 2), edit.newEnd + 2))) bracketsInert = true;
    } else if (last.bracketsAt + 2 < edit.start) {
      bracketsInert = false;
      bracketsAt = last.bracketsAt;
    } else if (last.bracketsAt >= edit.oldEnd + 1) {
      bracketsInert = false;
      bracketsAt = last.bracketsAt + delta;
    }
    if (bracketsInert === last.bracketsInert) cache.editContext = { edit, placed: last.placed };
  }
  if (bracketsInert === undefined) {
    const m = BRACKETS_ACTIVE.exec(source);
    bracketsInert = !m;
    bracketsAt = m ? m.index : -1;
  }
  plan ??= planChunks(source, size);
  if (cache) cache.last = { source, base, plan, bracketsInert, bracketsAt, placed: cache.placing };
  return { plan, bracketsInert };
}

function parseChunks(source: string, base: number, index: LineIndex, chunkSize: number | undefined, cache: ProseCache | undefined, deadline: number): ProseResult {
  const { plan, bracketsInert } = prepare(source, base, chunkSize, cache);
  const chunks = plan.chunks;
  const leftover = bracketsInert ? LEFTOVER_NO_BRACKETS : LEFTOVER;
  if (chunks.length === 1) return parseOne(source, 0, source.length, base, index, cache, bracketsInert);
  const merged: ProseResult = { lines: [], tables: [], comments: [] };
  if (chunks.some((c) => c.forced)) {
    merged.note = t('表格、列表或引文连续超过 {0} 行，其后部分分段解析，可能按普通段落校验', MAX_RUN_LINES);
  }
  for (let k = 0; k < chunks.length; k++) {
    const from = chunks[k].start;
    // Over the time budget: the rest is read line by line as plain text, and a note says so.
    if (pastDeadline(deadline)) {
      const rest = plainProse(source.slice(from), base + from, index);
      for (const line of rest.lines) {
        line.index = merged.lines.length;
        merged.lines.push(line);
      }
      merged.note = t('文稿较大，超出单个文件的解析时间预算，第 {0} 行起按“每行一段”的纯文本校验', index.positionAt(base + from).line + 1);
      break;
    }
    let part = parseOne(source, from, chunks[k].end, base, index, cache, bracketsInert);
    while (k + 1 < chunks.length && chunks[k + 1].end - from <= MAX_JOINED && hasLeftover(part, leftover)) {
      k++;
      part = parseOne(source, from, chunks[k].end, base, index, cache, bracketsInert);
    }
    for (const line of part.lines) {
      line.index = merged.lines.length;
      merged.lines.push(line);
    }
    merged.tables.push(...part.tables);
    merged.comments.push(...part.comments);
    merged.yaml ??= part.yaml;
  }
  return merged;
}
