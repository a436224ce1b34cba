/**
 * Which formulations can be in a line at all: an index from each two-character start to the words
 * (wrong forms, members, keys, outdated forms) that begin with it, so that one walk along the line
 * finds every word, overlapping ones included. With two hundred entries, trying each entry on
 * each line cost more than all other rules together; this keeps the cost to the line's length.
 */
import type { Formulation } from './load';

interface WordIndex {
  byStart: Map<string, Array<{ word: string; owners: number[] }>>;
  /** Formulations with a one-character word, which the two-character index cannot hold. */
  always: number[];
}

const indexes = new WeakMap<readonly Formulation[], WordIndex>();

function build(formulations: readonly Formulation[]): WordIndex {
  const owners = new Map<string, number[]>();
  const always: number[] = [];
  formulations.forEach((f, i) => {
    for (const word of [...f.wrong, ...f.members, ...f.keys, ...Object.keys(f.outdated), ...Object.values(f.forms).flat()]) {
      if (word.length < 2) {
        if (!always.includes(i)) always.push(i);
        continue;
      }
      const list = owners.get(word) ?? [];
      if (!list.includes(i)) list.push(i);
      owners.set(word, list);
    }
  });
  const byStart: WordIndex['byStart'] = new Map();
  for (const [word, list] of owners) {
    const key = word.slice(0, 2);
    const bucket = byStart.get(key) ?? [];
    bucket.push({ word, owners: list });
    byStart.set(key, bucket);
  }
  return { byStart, always };
}

/** The formulations that have at least one of their words in `text`, in their original order. */
export function formulationsIn(text: string, formulations: readonly Formulation[]): Formulation[] {
  let index = indexes.get(formulations);
  if (!index) indexes.set(formulations, (index = build(formulations)));
  const hit = new Set<number>(index.always);
  for (let i = 0; i + 1 < text.length; i++) {
    const bucket = index.byStart.get(text.slice(i, i + 2));
    if (!bucket) continue;
    for (const { word, owners } of bucket) if (text.startsWith(word, i)) for (const o of owners) hit.add(o);
  }
  return [...hit].sort((a, b) => a - b).map((i) => formulations[i]);
}
