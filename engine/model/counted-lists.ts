/**
 * Counted lists: "会议共有四项议程，一是……" or "从以下三个方面：" followed by （一）（二）（三）.
 * Only counts whose items begin right after them are recorded, so that a figure standing alone
 * ("共征求意见建议12条") is never compared with an unrelated list.
 */
import { loadData } from '../data';
import { parseCount } from './numerals';
import { LINE_COUNTS } from './line-flags';
import { lineMemo } from './line-memo';
import type { CountedList, EnumerationMarker, ReportLine } from './types';

interface CountedData {
  lead: string[];
  measure: string[];
  window: number;
}


let pattern: { re: RegExp; lead: RegExp; window: number } | undefined;

function countPattern(): { re: RegExp; lead: RegExp; window: number } {
  if (pattern) return pattern;
  const data = loadData<CountedData>('counted-lists.yaml');
  const alt = (xs: string[]) => [...xs].sort((a, b) => b.length - a.length).join('|');
  pattern = {
    re: new RegExp(`(?:${alt(data.lead)})([一二两三四五六七八九十]{1,3}|\\d{1,2})(?:${alt(data.measure)})`, 'g'),
    // A line without any lead word cannot hold a count: skipped before the larger pattern runs.
    lead: new RegExp(alt(data.lead)),
    window: data.window,
  };
  return pattern;
}

/** A count phrase in a line: "共有四项", at `at`; `introduces` when only a colon or 如下 follows it. */
interface CountPhrase {
  count: number;
  at: number;
  phrase: string;
  introduces: boolean;
}

const NO_PHRASES: CountPhrase[] = [];

/** A line's count phrases, read once per parsed line (line-memo.ts), not on every keystroke. */
function countPhrasesOf(line: ReportLine): CountPhrase[] {
  return (lineMemo(line).counts ??= countPhrasesIn(line.text)) as CountPhrase[];
}

/** Whether the line holds a count phrase. */
export const hasCountPhrases = (line: ReportLine): boolean => countPhrasesOf(line).length > 0;

function countPhrasesIn(text: string): CountPhrase[] {
  const { re, lead } = countPattern();
  if (!lead.test(text)) return NO_PHRASES;
  const found: CountPhrase[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const count = parseCount(m[1]);
    if (count === null || count < 2) continue;
    const rest = text.slice(m.index + m[0].length);
    // Items on the next line are counted only after an introduction that ends the line.
    const introduces = /^[^。；]{0,12}[：:]\s*$/.test(rest) || /^[^。；]{0,12}(如下|以下)[。：:]?\s*$/.test(rest);
    found.push({ count, at: m.index, phrase: m[0], introduces });
  }
  return found.length > 0 ? found : NO_PHRASES;
}

export function findCountedLists(lines: ReportLine[], runs: EnumerationMarker[][], flags?: Uint8Array): CountedList[] {
  const { window } = countPattern();
  const found: CountedList[] = [];
  // Runs that start at 一是, by the line they start on (in run order), indexed once: looking them up
  // per count phrase by scanning every run made long drafts quadratic.
  const runsStartingOn = new Map<ReportLine, EnumerationMarker[][]>();
  for (const run of runs) {
    if (run[0].value !== 1) continue;
    const list = runsStartingOn.get(run[0].line);
    if (list) list.push(run);
    else runsStartingOn.set(run[0].line, [run]);
  }

  for (let n = 0; n < lines.length; n++) {
    if (flags && (flags[n] & LINE_COUNTS) === 0) continue;
    const line = lines[n];
    if (line.block === 'tableCell') continue;
    for (const { count, at, phrase, introduces } of countPhrasesOf(line)) {
      const phraseEnd = at + phrase.length;
      const span = { start: line.starts[at], end: line.ends[phraseEnd - 1] };
      const sameLine = runsStartingOn.get(line)?.find((r) => r[0].at >= phraseEnd && r[0].at - phraseEnd <= window);
      if (sameLine) {
        found.push({ count, phrase, span, items: sameLine.length, itemKind: 'enumeration' });
        continue;
      }
      // Items on the following lines: only when the count closes its sentence ("如下：", "：").
      if (!introduces) continue;
      const next = lines[line.index + 1];
      if (!next || next.block === 'tableCell') continue;
      const nextRun = runsStartingOn.get(next)?.find((r) => r[0].at <= 2);
      if (nextRun) {
        // A run may continue over several lines (一是… / 二是… each a paragraph).
        found.push({ count, phrase, span, items: nextRun.length, itemKind: 'enumeration' });
        continue;
      }
      if (next.numbering && next.numbering.value === 1) {
        const level = next.numbering.level;
        let items = 0;
        for (let i = next.index; i < lines.length; i++) {
          const l = lines[i];
          if (l.block === 'tableCell') continue;
          if (l.numbering && l.numbering.level < level) break;
          if (l.numbering && l.numbering.level === level) {
            if (l.numbering.value === 1 && items > 0) break;
            items++;
          }
        }
        found.push({ count, phrase, span, items, itemKind: 'sections' });
      }
    }
  }
  return found;
}
