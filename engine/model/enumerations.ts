/**
 * Enumerations written into the prose: 一是……二是……三是…… A marker counts only at the start of a
 * clause (line start or after punctuation), so 统一是 or 唯一是 are not markers.
 */
import { LINE_MARKERS, LINE_ORDINALS, LINE_STRUCTURE } from './line-flags';
import { lineMemo } from './line-memo';
import { parseChineseNumeral } from './numerals';
import type { EnumerationMarker, ReportLine, Span } from './types';

const MARKER = /(?<=^|[，。；：、！？,;:!?\s\u3000“”‘’（）()\uFFFC])(十[一二三四五六七八九]?|[一二三四五六七八九])是/g;

/** A marker in a line's text, without the line: what is kept per parsed line. */
type InLine = Pick<EnumerationMarker, 'value' | 'text' | 'at'>;

const NONE: InLine[] = [];

function markersIn(text: string): InLine[] {
  if (!text.includes('是')) return NONE;
  const found: InLine[] = [];
  MARKER.lastIndex = 0;
  for (let m = MARKER.exec(text); m; m = MARKER.exec(text)) {
    const value = parseChineseNumeral(m[1]);
    if (value !== null) found.push({ value, text: m[0], at: m.index });
  }
  return found.length > 0 ? found : NONE;
}

const NO_MARKERS: EnumerationMarker[] = [];

/** A line's 一是 markers, read once per parsed line (line-memo.ts): an edit reads its own lines again. */
const markersOf = (line: ReportLine): InLine[] => (lineMemo(line).markers ??= markersIn(line.text)) as InLine[];
/** A line's 首先、其次……, read once per parsed line. */
const ordinalsOf = (line: ReportLine): InLine[] => (lineMemo(line).ordinals ??= ordinalsIn(line.text)) as InLine[];

/** Whether the line holds a 一是 marker. */
export const hasEnumerationMarkers = (line: ReportLine): boolean => markersOf(line).length > 0;
/** Whether the line holds 首先、其次…… */
export const hasOrdinals = (line: ReportLine): boolean => ordinalsOf(line).length > 0;

/**
 * A marker as the model holds it: its span is read from the line's offsets when asked for (only
 * the markers a rule reports are asked), so a marker stays valid while its line only moves — the
 * language server's document cache shifts a line's offsets in place — and is made once per line.
 */
class PlacedMarker implements EnumerationMarker {
  constructor(
    readonly value: number,
    readonly text: string,
    readonly at: number,
    readonly line: ReportLine,
  ) {}

  get span(): Span {
    return { start: this.line.starts[this.at], end: this.line.ends[this.at + this.text.length - 1] };
  }
}

/** A line's markers for the report line they were made for. */
interface PlacedMarkers {
  line: ReportLine;
  markers: EnumerationMarker[];
}

export function findEnumerationMarkers(line: ReportLine): EnumerationMarker[] {
  const found = markersOf(line);
  if (found.length === 0) return NO_MARKERS;
  const memo = lineMemo(line);
  // The placed markers too, while the report line is the same object (the language server's
  // document cache reuses it). New objects for every marker at every keystroke were a seventh of
  // what a keystroke allocated.
  const placed = memo.placedMarkers as PlacedMarkers | undefined;
  if (placed && placed.line === line) return placed.markers;
  const markers = found.map(({ value, text, at }) => new PlacedMarker(value, text, at, line));
  memo.placedMarkers = { line, markers } satisfies PlacedMarkers;
  return markers;
}

/**
 * Groups markers into runs: a run starts at 一是 and lasts while the markers stay in the same
 * section; a marker out of sequence stays in its run so the rule can point at it.
 */
export function groupRuns(lines: ReportLine[], flags?: Uint8Array): EnumerationMarker[][] {
  const runs: EnumerationMarker[][] = [];
  let current: EnumerationMarker[] | undefined;
  // Indexed loops: this runs over every line at every keystroke, and iterators were its allocations.
  for (let n = 0; n < lines.length; n++) {
    // With the model's line flags, only lines with markers or structure are looked at.
    if (flags && (flags[n] & (LINE_MARKERS | LINE_STRUCTURE)) === 0) continue;
    const line = lines[n];
    if (line.block === 'tableCell') continue;
    if (line.numbering || line.headingDepth > 0) current = undefined;
    const markers = findEnumerationMarkers(line);
    for (let k = 0; k < markers.length; k++) {
      const marker = markers[k];
      if (marker.value === 1 || !current || current[0].line.section !== line.section) {
        current = [marker];
        runs.push(current);
      } else {
        current.push(marker);
      }
    }
  }
  return runs;
}

/** 首先、其次、再次、最后 at the start of a clause, followed by a comma: an ordinal sequence. */
const ORDINAL = /(?<=^|[。；！？;!?\s\u3000\uFFFC])(首先|其次|再次|最后)(?=[，,])/g;
const ORDINAL_VALUE: Record<string, number> = { 首先: 1, 其次: 2, 再次: 3, 最后: 99 };

function ordinalsIn(text: string): InLine[] {
  if (!/首先|其次|再次/.test(text)) return NONE;
  const found: InLine[] = [];
  ORDINAL.lastIndex = 0;
  for (let m = ORDINAL.exec(text); m; m = ORDINAL.exec(text)) found.push({ value: ORDINAL_VALUE[m[1]], text: m[1], at: m.index });
  return found.length > 0 ? found : NONE;
}

/** Ordinal words grouped by the section they stand in, in document order. */
export function groupOrdinals(lines: ReportLine[], flags?: Uint8Array): EnumerationMarker[][] {
  const runs = new Map<unknown, EnumerationMarker[]>();
  for (let n = 0; n < lines.length; n++) {
    if (flags && (flags[n] & LINE_ORDINALS) === 0) continue;
    const line = lines[n];
    if (line.block === 'tableCell') continue;
    for (const { value, text, at } of ordinalsOf(line)) {
      const key = line.section ?? 'none';
      const run = runs.get(key) ?? [];
      run.push(new PlacedMarker(value, text, at, line));
      runs.set(key, run);
    }
  }
  return [...runs.values()];
}
