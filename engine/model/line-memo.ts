/**
 * What the model reads from one parsed line alone — its section number, its 一是 markers, its
 * placeholders — kept with the line between versions of a document, so that an edit reads its own
 * lines again and no others. A line is known by its offset arrays: the parse cache keeps them while
 * the line's chunk is unchanged (and moves them in place), and a line parsed anew has new ones.
 * One object per line holds all of it (a 5 MB draft has some 70 000 lines).
 */
export interface LineMemo {
  numbering?: unknown;
  markers?: unknown;
  placeholders?: unknown;
}

const memos = new WeakMap<Int32Array, LineMemo>();

export function lineMemo(line: { starts: Int32Array }): LineMemo {
  let memo = memos.get(line.starts);
  if (!memo) memos.set(line.starts, (memo = {}));
  return memo;
}
