/**
 * The values of a few front-matter elements as lines the paragraph rules can read: 成文日期 and 发文字号
 * are printed by the export exactly as written, so "2025-12-22" or "机党[2025]03号" there is the same
 * mistake as in the body (which the date and number rules report), and was passed over.
 */
import type { LineIndex } from '../text/line-index';
import type { FrontMatter, ReportLine } from './types';
import { ELEMENT_KEYS } from './element-keys';

const CHECKED_KEYS: readonly string[] = [...ELEMENT_KEYS.date, ...ELEMENT_KEYS.number];
/** A top-level `key: value` line; the value may be quoted. */
const KEY_VALUE = /^([^\s:：#][^:：]*?)[ \t]*[:：][ \t]*(["']?)(.*?)\2[ \t]*\r?$/;

export function frontMatterValueLines(text: string, frontMatter: FrontMatter | null, lineIndex: LineIndex): ReportLine[] {
  if (!frontMatter || frontMatter.error) return [];
  const out: ReportLine[] = [];
  let at = frontMatter.span.start;
  for (const raw of text.slice(frontMatter.span.start, frontMatter.span.end).split('\n')) {
    const m = KEY_VALUE.exec(raw);
    if (m && CHECKED_KEYS.includes(m[1]) && m[3]) {
      const from = at + raw.indexOf(m[3], m[1].length);
      out.push(valueLine(m[3], from, lineIndex.positionAt(from).line));
    }
    at += raw.length + 1;
  }
  return out;
}

function valueLine(value: string, from: number, sourceLine: number): ReportLine {
  const starts = new Int32Array(value.length);
  const ends = new Int32Array(value.length);
  for (let i = 0; i < value.length; i++) {
    starts[i] = from + i;
    ends[i] = from + i + 1;
  }
  // Not one of the model's lines (index -1): only the rules that read front-matter values see it.
  return { index: -1, text: value, starts, ends, block: 'paragraph', headingDepth: 0, bold: [], sourceLine, inList: false, inQuote: false, role: 'body' };
}
