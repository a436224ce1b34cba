/**
 * Offsets ↔ LSP positions. Offsets are UTF-16 code-unit indices into the text exactly as the
 * editor holds it, which is what LSP's `character` counts; a line ends at \n, \r\n or \r.
 */
import { floorIndex, indexInSorted } from './sorted';
export interface Position {
  line: number;
  character: number;
}

export class LineIndex {
  /** Offset of the first character of each line. */
  private readonly starts: number[];

  constructor(
    private readonly text: string,
    /** Line starts worked out already (LineIndex.afterEdit), in order, starting with 0. */
    known?: number[],
  ) {
    if (known) {
      this.starts = known;
      return;
    }
    const starts = [0];
    // Most drafts have no \r at all: then the native search for \n is several times faster.
    if (text.indexOf('\r') < 0) {
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
      this.starts = starts;
      return;
    }
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    this.starts = starts;
  }

  /**
   * The index of a new version of the text, from the previous version's index and the edit between
   * them (text-diff.ts): the lines before the edit keep their starts, the lines after it move by the
   * edit's length, and only the text from the line before the edit to the first line start after it
   * is read again (a line start depends on the character before it, and \r\n is one break).
   */
  static afterEdit(previous: LineIndex, text: string, edit: { start: number; oldEnd: number; newEnd: number }): LineIndex {
    const old = previous.starts;
    const delta = edit.newEnd - edit.oldEnd;
    // From the start of the line before the one the edit begins in: that line's break may join the edit's.
    let a = previous.positionAt(edit.start).line;
    if (a > 0) a--;
    const starts = old.slice(0, a + 1);
    for (let i = old[a]; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c !== 10 && c !== 13) continue;
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      const start = i + 1;
      starts.push(start);
      if (start < edit.newEnd + 1) continue;
      // Past the edit, line starts are where they were, moved: the rest is the old index's.
      const j = indexInSorted(old, start - delta);
      if (j < 0) return new LineIndex(text);
      for (let k = j + 1; k < old.length; k++) starts.push(old[k] + delta);
      return new LineIndex(text, starts);
    }
    return new LineIndex(text, starts);
  }

  get lineCount(): number {
    return this.starts.length;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    return this.positionOnLine(clamped, floorIndex(this.starts, clamped));
  }

  /** The position of `clamped` on its line. An offset between the \r and \n of a CRLF is still the end of that line. */
  private positionOnLine(clamped: number, line: number): Position {
    return { line, character: Math.min(clamped, this.lineEnd(line)) - this.starts[line] };
  }

  /**
   * positionAt for offsets that come in order: the search starts at `line` (the previous answer)
   * when the offset lies at or after that line, which is most of the time only a step or two away.
   */
  positionNear(offset: number, line: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    const starts = this.starts;
    if (line < 0 || line >= starts.length || starts[line] > clamped) return this.positionAt(offset);
    let lo = line;
    // A few steps forward first, then a binary search over the rest.
    for (let k = 0; k < 4 && lo + 1 < starts.length && starts[lo + 1] <= clamped; k++) lo++;
    if (lo + 1 < starts.length && starts[lo + 1] <= clamped) lo = floorIndex(starts, clamped, lo + 1);
    return this.positionOnLine(clamped, lo);
  }

  offsetAt(position: Position): number {
    if (position.line >= this.starts.length) return this.text.length;
    if (position.line < 0) return 0;
    const start = this.starts[position.line];
    const end = this.lineEnd(position.line);
    return Math.min(start + Math.max(0, position.character), end);
  }

  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line, this.starts.length - 1))];
  }

  /** Offset just before the line's terminator. */
  lineEnd(line: number): number {
    if (line + 1 >= this.starts.length) return this.text.length;
    let end = this.starts[line + 1];
    if (end > 0 && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > 0 && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  /** The line terminator the file mostly uses, for inserted text. */
  eol(): string {
    const crlf = this.text.indexOf('\r\n');
    if (crlf >= 0) return '\r\n';
    return this.text.indexOf('\r') >= 0 && this.text.indexOf('\n') < 0 ? '\r' : '\n';
  }
}

