/**
 * Markdown → prose lines, chunk by chunk (see chunks.ts). A chunk whose prose still holds a
 * character that could open or close an inline construct (* _ ` [ ] < ~ \) might pair it with the
 * next chunk, so it is parsed again joined with the next one: the result is what parsing the whole
 * text gives, at a fraction of the cost for a long paragraph.
 */
import { LineIndex } from '../text/line-index';
import type { ProseLine, Span } from '../model/types';
import { splitChunks } from './chunks';
import { parseMarkdown } from './markdown';
import { extractProse, type ProseResult } from './prose-lines';

const LEFTOVER = /[*_`[\]<~\\]/;

/**
 * Parse results of chunks by their text, kept between versions of one document: after an edit only
 * the chunk that changed is parsed again. Holds only what the latest parse used.
 */
export class ProseCache {
  entries = new Map<string, ProseResult>();
  next = new Map<string, ProseResult>();
  hits = 0;
  misses = 0;

  /** Called after each parse: forget the chunks that the document no longer has. */
  rotate(): void {
    this.entries = this.next;
    this.next = new Map();
  }
}

function parseOne(source: string, from: number, to: number, base: number, index: LineIndex, cache?: ProseCache): ProseResult {
  const text = from === 0 && to === source.length ? source : source.slice(from, to);
  if (!cache) return extractProse(parseMarkdown(text, from === 0), text, base + from, index);
  const key = (from === 0 ? 'F' : 'N') + text;
  let hit = cache.entries.get(key) ?? cache.next.get(key);
  if (hit) cache.hits++;
  else {
    cache.misses++;
    hit = extractProse(parseMarkdown(text, from === 0), text, 0, new LineIndex(text));
  }
  cache.next.set(key, hit);
  return rebase(hit, base + from, index);
}

/** A cached chunk's result moved to where the chunk now stands in the document. */
function rebase(r: ProseResult, delta: number, index: LineIndex): ProseResult {
  const span = (s: Span): Span => ({ start: s.start + delta, end: s.end + delta });
  const moved = new Map<ProseLine, ProseLine>();
  const line = (l: ProseLine): ProseLine => {
    let m = moved.get(l);
    if (!m) {
      const starts = l.starts.map((o) => o + delta);
      m = {
        ...l,
        starts,
        ends: l.ends.map((o) => o + delta),
        cell: l.cell && span(l.cell),
        sourceLine: index.positionAt(starts[0] ?? (l.cell ? l.cell.start + delta : delta)).line,
        bold: l.bold,
      };
      moved.set(l, m);
    }
    return m;
  };
  return {
    lines: r.lines.map(line),
    tables: r.tables.map((t) => ({ span: span(t.span), rows: t.rows.map((row) => row.map(line)) })),
    comments: r.comments.map((c) => ({ span: span(c.span), body: c.body })),
    yaml: r.yaml && { span: span(r.yaml.span), value: r.yaml.value, valueStart: r.yaml.valueStart + delta },
  };
}

export function parseProse(source: string, base: number, index: LineIndex, chunkSize?: number, cache?: ProseCache): ProseResult {
  const result = parseChunks(source, base, index, chunkSize, cache);
  cache?.rotate();
  return result;
}

function parseChunks(source: string, base: number, index: LineIndex, chunkSize?: number, cache?: ProseCache): ProseResult {
  const chunks = splitChunks(source, chunkSize);
  if (chunks.length === 1) return parseOne(source, 0, source.length, base, index, cache);
  const merged: ProseResult = { lines: [], tables: [], comments: [] };
  for (let k = 0; k < chunks.length; k++) {
    const from = chunks[k].start;
    let part = parseOne(source, from, chunks[k].end, base, index, cache);
    while (k + 1 < chunks.length && part.lines.some((l) => LEFTOVER.test(l.text))) {
      k++;
      part = parseOne(source, from, chunks[k].end, base, index, cache);
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
