import type { ReportLine, ReportModel } from './types';

/**
 * Where a table cell's text breaks at a `<br>` ("1.学习不够<br>2.联系不够"): the printed
 * positions before which the export starts a new line in the cell, and the preview too. The model
 * reads a cell as one line (rules see it whole); the `<br>` stays in the draft between two of its
 * characters. `at(i)` is the index in line.text of printed character i.
 */
export function cellBreaks(line: ReportLine, model: ReportModel, length: number, at: (i: number) => number): number[] {
  if (line.starts.length === 0 || length < 2) return [];
  const from = line.starts[0];
  const to = line.ends[line.ends.length - 1];
  // Most cells have none: one look at the cell's source.
  if (!BR_ANYWHERE.test(model.text.slice(from, to))) return [];
  const out: number[] = [];
  for (let i = 1; i < length; i++) {
    const gapFrom = line.ends[at(i - 1)];
    const gapTo = line.starts[at(i)];
    if (gapTo > gapFrom && BR_ANYWHERE.test(model.text.slice(gapFrom, gapTo))) out.push(i);
  }
  return out;
}

const BR_ANYWHERE = /<br\s*\/?>/i;
