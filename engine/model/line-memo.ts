/**
 * What the model and the rules read from one parsed line alone — its section number, its 一是
 * markers, its placeholders, its width, the findings kept for it — kept with the line between
 * versions of a document, so that an edit reads its own lines again and no others.
 *
 * The memo hangs on the parsed line object itself: the parse cache hands out the same line objects
 * for unchanged chunks (and moves their offsets in place), and a line parsed anew is a new object
 * with no memo. A field, not a WeakMap keyed by the line: a 5 MB draft has some 70 000 lines, and
 * several passes look each line up on every keystroke.
 */
import type { LineMemo } from '../text/prose';

export type { LineMemo };

/**
 * Every slot from the start, in one order: the passes over all lines read these at every keystroke,
 * and memos that grew their fields in the order lines happened to be read had dozens of shapes
 * (slow, megamorphic property access in every pass).
 */
class Memo implements LineMemo {
  numbering: unknown = undefined;
  markers: unknown = undefined;
  placedMarkers: unknown = undefined;
  ordinals: unknown = undefined;
  placeholders: unknown = undefined;
  heading: unknown = undefined;
  counts: unknown = undefined;
  wrap: LineMemo['wrap'] = undefined;
  report: unknown = undefined;
  kept: unknown = undefined;
  flags: number | undefined = undefined;
}

export function lineMemo(line: { memo?: LineMemo }): LineMemo {
  return (line.memo ??= new Memo());
}
