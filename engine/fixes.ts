/**
 * Applying fixes: one finding's fix, or every safe fix at once ("fix all"). Fixes whose edits would
 * overlap an edit already taken are left for the next round, so applying the result and fixing
 * again converges; a fix shared by several findings (renumbering a level) is applied once.
 *
 * Everything here is linear in the number of edits (plus a sort): a 5 MB draft can carry thousands
 * of fixes, and rebuilding the text once per edit, or comparing every edit with every other, made
 * fix-all take seconds.
 */
import { lint, type Diagnostic, type LintOptions, type LintResult } from './lint';
import { ProseCache } from './parse/parse-prose';
import type { Fix, TextEdit } from './rules/rule';

const byPosition = (a: TextEdit, b: TextEdit) => a.span.start - b.span.start || a.span.end - b.span.end;

/** The text with every edit applied. Edits must not overlap; the output is built in one pass. */
export function applyEdits(text: string, edits: TextEdit[]): string {
  if (edits.length === 0) return text;
  const sorted = [...edits].sort(byPosition);
  const parts: string[] = [];
  let at = 0;
  for (const e of sorted) {
    parts.push(text.slice(at, e.span.start), e.newText);
    at = Math.max(at, e.span.end);
  }
  parts.push(text.slice(at));
  return parts.join('');
}

function overlaps(a: TextEdit, b: TextEdit): boolean {
  // Two insertions at the same point also conflict: their order would be arbitrary.
  if (a.span.start === a.span.end && b.span.start === b.span.end) return a.span.start === b.span.start;
  return a.span.start < b.span.end && b.span.start < a.span.end;
}

/**
 * Edits taken so far, kept sorted by start. Taken edits never overlap each other, so their ends are
 * sorted too, and an edit can only overlap the last taken edit starting at or before its end and
 * the few after it that start at the same point (insertions): a binary search finds them.
 */
class TakenEdits {
  readonly edits: TextEdit[] = [];

  /** Index of the first taken edit whose start is > `offset`. */
  private upperBound(offset: number): number {
    let lo = 0;
    let hi = this.edits.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.edits[mid].span.start <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  conflicts(e: TextEdit): boolean {
    // Candidates: taken edits starting at or before e's end, scanning back while they could reach e.
    for (let i = this.upperBound(e.span.end) - 1; i >= 0; i--) {
      const t = this.edits[i];
      if (overlaps(e, t)) return true;
      // Taken non-empty edits are disjoint and sorted: once one ends at or before e's start, every
      // earlier one does too. (An insertion proves nothing: a replacement may start at the same point.)
      if (t.span.start < t.span.end && t.span.end <= e.span.start) return false;
    }
    return false;
  }

  add(e: TextEdit): void {
    // After every edit that starts earlier, or at the same point and ends no later (an insertion
    // and a replacement may share a start): the order applyEdits uses.
    let at = this.upperBound(e.span.start);
    while (at > 0 && this.edits[at - 1].span.start === e.span.start && this.edits[at - 1].span.end > e.span.end) at--;
    // Appending is the common case (findings arrive in document order): no shifting.
    if (at === this.edits.length) this.edits.push(e);
    else this.edits.splice(at, 0, e);
  }
}

/** The edits of every safe fix among `diagnostics` (optionally of one rule), without conflicts. */
export function fixAllEdits(diagnostics: Diagnostic[], rule?: string): TextEdit[] {
  const taken = new TakenEdits();
  const seen = new Set<Fix>();
  for (const d of diagnostics) {
    const fix = d.fix;
    if (!fix || !fix.safe || seen.has(fix) || (rule && d.rule !== rule)) continue;
    seen.add(fix);
    // A fix's own edits never overlap one another; they must all fit between the taken ones.
    if (fix.edits.some((e) => taken.conflicts(e))) continue;
    for (const e of fix.edits) taken.add(e);
  }
  return taken.edits;
}

/** Rounds of fix-all before giving up: each round can only remove findings, so few are needed. */
const MAX_ROUNDS = 8;

export interface FixAllResult {
  text: string;
  /** The smallest span of the original text that changed and what replaces it; absent if nothing did. */
  edit?: TextEdit;
  /** The lint of the fixed text, when the last round computed it (so callers need not lint again). */
  result?: LintResult;
}

/**
 * Every safe fix, repeated until nothing safe is left, as one edit: the smallest span of the
 * original text that changed and what replaces it. Applying the result and fixing again is a no-op.
 *
 * `first` is the lint of `text` with the same options, when the caller already has it (the server
 * does): it saves the first round's lint. It must be uncapped (every finding, not the first 2,000).
 * The rounds share one parse cache, so each re-parses only the chunks the fixes changed.
 */
export function fixAll(text: string, options: LintOptions = {}, rule?: string, first?: LintResult): FixAllResult {
  const lintOptions: LintOptions = { ...options, cache: options.cache ?? new ProseCache(), maxFindings: undefined };
  let current = text;
  let result = first;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    result ??= lint(current, lintOptions);
    const edits = fixAllEdits(result.diagnostics, rule);
    if (edits.length === 0) break;
    current = applyEdits(current, edits);
    result = undefined;
  }
  if (current === text) return { text, result };
  return { text: current, edit: changedSpan(text, current), result };
}

/**
 * `edit` of `before` as one edit per changed line, when it keeps the number of lines (most fixes
 * change characters within lines); else itself. An editor applying it keeps the cursor, marks and
 * folding of the lines between.
 */
export function editsPerLine(before: string, edit: TextEdit): TextEdit[] {
  const oldLines = before.slice(edit.span.start, edit.span.end).split('\n');
  const newLines = edit.newText.split('\n');
  if (oldLines.length !== newLines.length || oldLines.length === 1) return [edit];
  const out: TextEdit[] = [];
  let at = edit.span.start;
  for (let i = 0; i < oldLines.length; i++) {
    if (oldLines[i] !== newLines[i]) {
      const c = changedSpan(oldLines[i], newLines[i]);
      out.push({ span: { start: at + c.span.start, end: at + c.span.end }, newText: c.newText });
    }
    at += oldLines[i].length + 1;
  }
  return out;
}

/** One edit turning `before` into `after`: the common prefix and suffix are left out. */
export function changedSpan(before: string, after: string): TextEdit {
  let start = 0;
  const shorter = Math.min(before.length, after.length);
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let end = 0;
  while (end < shorter - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) end++;
  // Never split a surrogate pair or a CRLF.
  while (start > 0 && /[\uDC00-\uDFFF\n]/.test(before[start])) start--;
  while (end > 0 && /[\uD800-\uDBFF\r]/.test(before[before.length - end - 1])) end--;
  return { span: { start, end: before.length - end }, newText: after.slice(start, after.length - end) };
}
