/**
 * Markdown → prose lines, chunk by chunk (see chunks.ts). A chunk whose prose still holds a
 * character that could open or close an inline construct (* _ ` [ ] < ~ \) might pair it with the
 * next chunk, so it is parsed again joined with the next one: the result is what parsing the whole
 * text gives, at a fraction of the cost for a long paragraph.
 */
import type { LineIndex } from '../text/line-index';
import { splitChunks } from './chunks';
import { parseMarkdown } from './markdown';
import { extractProse, type ProseResult } from './prose-lines';

const LEFTOVER = /[*_`[\]<~\\]/;

function parseOne(source: string, from: number, to: number, base: number, index: LineIndex): ProseResult {
  const text = from === 0 && to === source.length ? source : source.slice(from, to);
  return extractProse(parseMarkdown(text, from === 0), text, base + from, index);
}

export function parseProse(source: string, base: number, index: LineIndex, chunkSize?: number): ProseResult {
  const chunks = splitChunks(source, chunkSize);
  if (chunks.length === 1) return parseOne(source, 0, source.length, base, index);
  const merged: ProseResult = { lines: [], tables: [], comments: [] };
  for (let k = 0; k < chunks.length; k++) {
    const from = chunks[k].start;
    let part = parseOne(source, from, chunks[k].end, base, index);
    while (k + 1 < chunks.length && part.lines.some((l) => LEFTOVER.test(l.text))) {
      k++;
      part = parseOne(source, from, chunks[k].end, base, index);
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
