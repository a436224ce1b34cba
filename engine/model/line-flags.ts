/**
 * What each line holds, as bits in one byte per line of the model: the passes over all lines at
 * every keystroke (一是 runs, ordinals, counted lists, placeholders) look at a typed array and read
 * only the lines that hold something for them. Reading every line object and its memo was most of
 * what those passes cost on a long draft (memory, not work: 18 000 lines at 5 MB).
 *
 * A line's flags depend on the parsed line alone: worked out once (model/build.ts, lineFlags) and
 * kept with it (line-memo.ts).
 */
export const LINE_MARKERS = 1;
export const LINE_ORDINALS = 2;
export const LINE_COUNTS = 4;
/** Built-in placeholder patterns only (asterisks and the user's extra patterns are found otherwise). */
export const LINE_PLACEHOLDERS = 8;
/** A numbered or Markdown heading, or a table cell: where runs end. */
export const LINE_STRUCTURE = 16;
