/**
 * Near misses of a standard term in a line of text: "习近平新世代中国特色社会主义思想" for
 * "习近平新时代中国特色社会主义思想". A term of 8–13 characters may differ by one edit, a longer one by
 * two; the first and last characters must match, so that a different, shorter or longer phrase
 * sharing the term's start or end is not taken for a typo.
 *
 * How it stays cheap: a window within k edits of the term contains one of k+1 pieces of the term
 * exactly (pigeonhole), so only windows around exact pieces are compared.
 */
import { ClaimedSpans } from '../text/claimed-spans';

export interface NearMiss {
  term: string;
  from: number;
  to: number;
}

export const MIN_TERM_LENGTH = 8;

export function allowedEdits(term: string): number {
  return term.length >= 14 ? 2 : term.length >= MIN_TERM_LENGTH ? 1 : 0;
}

/** Edit distance, or k + 1 when it exceeds k. */
function boundedDistance(a: string, b: string, k: number): number {
  if (Math.abs(a.length - b.length) > k) return k + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      row.push(v);
      if (v < best) best = v;
    }
    if (best > k) return k + 1;
    prev = row;
  }
  return prev[b.length];
}

/** At most `limit` near misses are looked for (a rule reports a bounded number on one line). */
export function findNearMisses(text: string, term: string, limit = Infinity): NearMiss[] {
  const k = allowedEdits(term);
  if (k === 0 || text.length < term.length - k) return [];
  const pieces: Array<{ piece: string; offset: number }> = [];
  const size = Math.floor(term.length / (k + 1));
  for (let p = 0; p <= k; p++) {
    const offset = p * size;
    pieces.push({ piece: term.slice(offset, p === k ? term.length : offset + size), offset });
  }
  // The term written right, and the near misses found: a near miss overlapping either is not another
  // typo. Claimed spans keep a line with thousands of occurrences linear (see ClaimedSpans).
  const exact = new ClaimedSpans(text.length);
  for (let at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + 1)) exact.claim(at, at + term.length);
  const taken = new ClaimedSpans(text.length);
  const found: NearMiss[] = [];
  const tried = new Set<string>();
  for (const { piece, offset } of pieces) {
    for (let at = text.indexOf(piece); at >= 0; at = text.indexOf(piece, at + 1)) {
      // Every window around a piece of the term written right overlaps it: none can be a near miss.
      if (exact.overlaps(at, at + piece.length)) continue;
      let best: NearMiss | undefined;
      let bestDistance = k + 1;
      for (let shift = -k; shift <= k; shift++) {
        const from = at - offset + shift;
        if (from < 0) continue;
        for (let len = term.length - k; len <= term.length + k; len++) {
          const to = from + len;
          if (to > text.length) break;
          const key = `${from}:${to}`;
          if (tried.has(key)) continue;
          tried.add(key);
          const window = text.slice(from, to);
          if (window[0] !== term[0] || window[window.length - 1] !== term[term.length - 1]) continue;
          const d = boundedDistance(window, term, k);
          if (d >= 1 && d < bestDistance) {
            bestDistance = d;
            best = { term, from, to };
          }
        }
      }
      if (!best) continue;
      if (exact.overlaps(best.from, best.to) || taken.overlaps(best.from, best.to)) continue;
      taken.claim(best.from, best.to);
      found.push(best);
      if (found.length >= limit) return found.sort((a, b) => a.from - b.from);
    }
  }
  return found.sort((a, b) => a.from - b.from);
}
