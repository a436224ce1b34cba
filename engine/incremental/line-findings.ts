/**
 * The paragraph rules' findings, line by line, kept between versions of one document: after a
 * keystroke only the lines of the edited chunk are new, and only they are checked again.
 *
 * What is kept for a line hangs on the parsed line's memo (model/line-memo.ts): the parse cache
 * hands out the same line objects for unchanged chunks and, with `shiftInPlace`, moves their offsets
 * in place. A line that was parsed anew is a new object, so nothing stale can be found for it. Findings are
 * stored with the line's first offset at the time; when the line has moved since, they are moved
 * by the same distance (every span a paragraph rule reports lies inside its line).
 */
import type { LineRole, ReportLine, Span } from '../model/types';
import type { Finding, Fix } from '../rules/rule';
import { lineMemo } from '../model/line-memo';

/**
 * What a paragraph rule reported on a line. `crowded` marks the note that takes the place of a rule's
 * findings past the per-line limit (see lint.ts, MAX_PER_LINE); it is published as `too-many`.
 */
export type Reported = { span: Span; message: string; fix?: Fix; related?: Finding['related']; crowded?: true };

export interface LineEntry {
  /** Whose entry this is, and from which of its generations (begin() with other data starts a new one). */
  owner: LineFindings;
  generation: number;
  /** Roles come from the line's place in the document: a line that changed role is checked again. */
  role: LineRole;
  /** The line's first offset when `findings` were stored. */
  anchor: number;
  /**
   * Per paragraph rule that runs (in CheckData.rules order): the line's findings, once that rule
   * has checked it. Dropped when the line turns out quiet: a 5 MB draft has 70 000 lines.
   */
  findings: Array<Reported[] | undefined>;
  /** Document rules' facts about the line (RuleContext.lineFacts), by factSlot(key). */
  facts?: unknown[];
  /** No paragraph rule finds anything on this line: most lines, passed over with one look. */
  quiet?: boolean;
}

/** Small numbers for lineFacts keys (rule ids), so that a line's facts are an array, not a map. */
const slots = new Map<string, number>();
function factSlot(key: string): number {
  let slot = slots.get(key);
  if (slot === undefined) slots.set(key, (slot = slots.size));
  return slot;
}

/** What a quiet line keeps of its findings: nothing. */
const QUIET: Array<Reported[] | undefined> = [];

/** What paragraph rules read besides the line itself: when any of it changes, nothing kept is valid. */
export interface CheckData {
  type: object;
  formulations: object;
  unit: object;
  locale: string;
  /** The paragraph rules that run (a line is quiet for these). */
  rules: string;
  /** The year the draft was written in, as far as it says (RuleContext.documentYear). */
  year?: number;
}

const NONE: Reported[] = [];

/** Where a line starts: its first character, or its cell for an empty table cell. */
export function anchorOf(line: ReportLine): number | undefined {
  return line.starts.length > 0 ? line.starts[0] : line.cell?.start;
}

/**
 * What a rule reported, as the entry keeps it: with spans of its own, so that moving the finding
 * moves nothing else (a rule may hand the same span object to a finding and to its fix's edit).
 */
function ownSpans(f: Reported): Reported {
  const own = (s: Span): Span => ({ start: s.start, end: s.end });
  const kept: Reported = { span: own(f.span), message: f.message };
  if (f.fix) kept.fix = { ...f.fix, edits: f.fix.edits.map((e) => ({ span: own(e.span), newText: e.newText })) };
  if (f.related) kept.related = f.related;
  if (f.crowded) kept.crowded = true;
  return kept;
}

/**
 * Moves kept findings by `delta`, in place: after a keystroke every line below it has moved, and new
 * objects for all their findings were most of what a keystroke allocated. Only the entry holds these
 * objects between checks (the server drops the previous result before the next check; a check's
 * findings are made from them anew).
 */
function moveInPlace(list: Reported[], delta: number): void {
  for (let i = 0; i < list.length; i++) {
    const f = list[i];
    f.span.start += delta;
    f.span.end += delta;
    const edits = f.fix?.edits;
    if (edits) for (let e = 0; e < edits.length; e++) {
      edits[e].span.start += delta;
      edits[e].span.end += delta;
    }
  }
}

export class LineFindings {
  private generation = 0;
  private data?: CheckData;
  private lastKey = '';
  private lastSlot = -1;
  /** Lines whose findings came from the last check (all rules), and lines checked anew. */
  kept = 0;
  checked = 0;

  /** Starts a check with the data the rules will read; other data than last time drops everything. */
  begin(data: CheckData): void {
    const d = this.data;
    if (!d || d.type !== data.type || d.formulations !== data.formulations || d.unit !== data.unit || d.locale !== data.locale || d.rules !== data.rules || d.year !== data.year) this.generation++;
    this.data = data;
  }

  /**
   * What is stored for the line, its findings moved to where the line stands now; a new, empty
   * entry when nothing is (fill it in: it is kept). Undefined for a line with no offsets at all.
   */
  entryFor(line: ReportLine): LineEntry | undefined {
    // Most lines are quiet and unchanged: answered from the memo alone. Their offsets are not read
    // (a quiet entry has no findings to move, and it is made anew when the line changes role).
    const known = line.memo?.kept as LineEntry | undefined;
    if (known !== undefined && known.quiet && known.owner === this && known.generation === this.generation && known.role === line.role) {
      this.kept++;
      return known;
    }
    const anchor = anchorOf(line);
    if (anchor === undefined) return undefined;
    const memo = lineMemo(line);
    let entry = memo.kept as LineEntry | undefined;
    if (entry && entry.owner !== this) {
      // Another document's cache keeps this line (a fork for fix-all shares unchanged lines with the
      // document): the first owner keeps it, the other checks the line without keeping anything.
      this.checked++;
      return { owner: this, generation: -1, role: line.role, anchor, findings: [], facts: undefined, quiet: false };
    }
    if (!entry || entry.generation !== this.generation || entry.role !== line.role) {
      this.checked++;
      // Every field from the start: one shape for all entries (see line-memo.ts).
      memo.kept = entry = { owner: this, generation: this.generation, role: line.role, anchor, findings: [], facts: undefined, quiet: false };
    } else {
      this.kept++;
      if (anchor !== entry.anchor) {
        const delta = anchor - entry.anchor;
        if (!entry.quiet) for (const list of entry.findings) if (list && list.length > 0) moveInPlace(list, delta);
        entry.anchor = anchor;
      }
    }
    return entry;
  }

  /** A document rule's facts about a line (position-free, see RuleContext.lineFacts), kept with it. */
  facts<T>(line: ReportLine, key: string, compute: (line: ReportLine) => T): T {
    const entry = line.memo?.kept as LineEntry | undefined;
    if (!entry || entry.owner !== this || entry.generation !== this.generation || entry.role !== line.role) return compute(line);
    // Rules ask with one key over every line in turn: the last key's slot is remembered.
    let slot = this.lastSlot;
    if (key !== this.lastKey) {
      slot = this.lastSlot = factSlot(key);
      this.lastKey = key;
    }
    entry.facts ??= [];
    if (slot < entry.facts.length && entry.facts[slot] !== undefined) return entry.facts[slot] as T;
    const value = compute(line);
    entry.facts[slot] = value;
    return value;
  }

  /** A rule's findings on a line, as the entry keeps them (see ownSpans). */
  keep(entry: LineEntry, k: number, found: Reported[]): Reported[] {
    const list = found.length > 0 ? found.map(ownSpans) : NONE;
    entry.findings[k] = list;
    return list;
  }

  /** The line has no findings for any paragraph rule: keep only that. */
  markQuiet(entry: LineEntry): void {
    entry.quiet = true;
    entry.findings = QUIET;
  }
}

/** An empty list, shared: most lines have no findings for most rules. */
export const NO_FINDINGS = NONE;
