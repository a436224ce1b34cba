/**
 * The spans of a line already taken by earlier matches, for "does this match overlap one found
 * before?". A list searched in full is quickest for the few matches a real line has; past a handful
 * it becomes a mark per character, so a pasted line of 250,000 placeholders or typos costs time in
 * proportion to its length, not to its length squared (that took 35 s on a 1 MB line).
 */
const LIST_LIMIT = 16;

export class ClaimedSpans {
  private readonly list: Array<[number, number]> = [];
  private marks: Uint8Array | undefined;

  /** `length`: the length of the text the spans are in. */
  constructor(private readonly length: number) {}

  /** Whether [from, to) shares a character with a span claimed before. */
  overlaps(from: number, to: number): boolean {
    const marks = this.marks;
    if (!marks) return this.list.some(([a, b]) => from < b && to > a);
    for (let i = from; i < to; i++) if (marks[i] !== 0) return true;
    return false;
  }

  claim(from: number, to: number): void {
    if (!this.marks && this.list.length >= LIST_LIMIT) {
      this.marks = new Uint8Array(this.length);
      for (const [a, b] of this.list) this.marks.fill(1, a, b);
    }
    if (this.marks) this.marks.fill(1, from, to);
    else this.list.push([from, to]);
  }
}
