/**
 * Whether `term` occurs in `text` so that it covers [from, to). Only the starts where it could are
 * tried: searching from there to the line's end for every match made a line of many matches
 * quadratic (placeholders inside exempt terms, near misses inside standard terms).
 */
export function termCovers(text: string, term: string, from: number, to: number): boolean {
  for (let at = Math.max(0, to - term.length); at <= from; at++) if (text.startsWith(term, at)) return true;
  return false;
}
