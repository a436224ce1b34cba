/**
 * Applying fixes: one finding's fix, or every safe fix at once ("fix all"). Fixes whose edits would
 * overlap an edit already taken are left for the next round, so applying the result and fixing
 * again converges; a fix shared by several findings (renumbering a level) is applied once.
 */
import { lint, type Diagnostic, type LintOptions } from './lint';
import type { Fix, TextEdit } from './rules/rule';

export function applyEdits(text: string, edits: TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.span.start - a.span.start || b.span.end - a.span.end);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.span.start) + e.newText + out.slice(e.span.end);
  return out;
}

function overlaps(a: TextEdit, b: TextEdit): boolean {
  // Two insertions at the same point also conflict: their order would be arbitrary.
  if (a.span.start === a.span.end && b.span.start === b.span.end) return a.span.start === b.span.start;
  return a.span.start < b.span.end && b.span.start < a.span.end;
}

/** The edits of every safe fix among `diagnostics` (optionally of one rule), without conflicts. */
export function fixAllEdits(diagnostics: Diagnostic[], rule?: string): TextEdit[] {
  const taken: TextEdit[] = [];
  const seen = new Set<Fix>();
  for (const d of diagnostics) {
    const fix = d.fix;
    if (!fix || !fix.safe || seen.has(fix) || (rule && d.rule !== rule)) continue;
    seen.add(fix);
    if (fix.edits.some((e) => taken.some((t) => overlaps(e, t)))) continue;
    taken.push(...fix.edits);
  }
  return taken.sort((a, b) => a.span.start - b.span.start);
}

/** Rounds of fix-all before giving up: each round can only remove findings, so few are needed. */
const MAX_ROUNDS = 8;

/**
 * Every safe fix, repeated until nothing safe is left, as one edit: the smallest span of the
 * original text that changed and what replaces it. Applying the result and fixing again is a no-op.
 */
export function fixAll(text: string, options: LintOptions = {}, rule?: string): { text: string; edit?: TextEdit } {
  let current = text;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const edits = fixAllEdits(lint(current, options).diagnostics, rule);
    if (edits.length === 0) break;
    current = applyEdits(current, edits);
  }
  if (current === text) return { text };
  let start = 0;
  while (start < text.length && start < current.length && text[start] === current[start]) start++;
  let end = 0;
  while (end < text.length - start && end < current.length - start && text[text.length - 1 - end] === current[current.length - 1 - end]) end++;
  // Never split a surrogate pair or a CRLF.
  while (start > 0 && /[\uDC00-\uDFFF\n]/.test(text[start])) start--;
  while (end > 0 && /[\uD800-\uDBFF\r]/.test(text[text.length - end - 1])) end--;
  return { text: current, edit: { span: { start, end: text.length - end }, newText: current.slice(start, current.length - end) } };
}
