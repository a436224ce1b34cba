/**
 * Getting ready for typing in a large draft. The check that runs when a draft opens goes through
 * the engine once, from scratch; the first keystrokes afterwards run code it did not (findings kept
 * per line and moved, chunks shifted in place), and V8 compiles that code well only after it has run
 * a while. At 1 MB the first five keystrokes took 40–90 ms each where later ones took 20.
 *
 * So once a large draft is open and checked, the server types into a copy of the draft's opening
 * (the same kind of text, the same settings) one keystroke at a time while no document is being
 * edited, and throws the results away. Compiled code serves every document, so this happens once
 * per server.
 */
import type { LintOptions, LintResult } from '../../engine';
import { lint, ProseCache } from '../../engine';

/** Drafts below this size check fast even with cold code: no warm-up for them. */
export const WARM_UP_FROM = 200_000;
/** How much of the draft's opening is typed into. */
const SAMPLE_CHARS = 64 * 1024;
/** Keystrokes typed into the sample, and how many between two looks at the message queue. */
const KEYSTROKES = 60;
const PER_TURN = 1;
/** A sample ends at the end of a line unless that line runs on this far past the sample's size. */
const LINE_SLACK = 4096;

/** How long the writer must have left the documents alone before a warm-up turn runs. */
const QUIET_MS = 250;

export interface WarmUpScheduling {
  /** Runs `run` soon, after pending messages (setImmediate). */
  nextTurn(run: () => void): void;
  /** Runs `run` after a while (setTimeout). */
  later(run: () => void, ms: number): void;
  /** Milliseconds since a document last changed: a writer who is typing gets no warm-up in the way. */
  sinceLastEdit(): number;
}

const NODE_SCHEDULING: Omit<WarmUpScheduling, 'sinceLastEdit'> = {
  nextTurn: (run) => setImmediate(run),
  later: (run, ms) => setTimeout(run, ms).unref(),
};

/** The sizes above, changeable for tests. */
export interface WarmUpSizes {
  from: number;
  sampleChars: number;
  keystrokes: number;
}

const SIZES: WarmUpSizes = { from: WARM_UP_FROM, sampleChars: SAMPLE_CHARS, keystrokes: KEYSTROKES };

export interface WarmUpHooks {
  /** Called once the last keystroke has been typed (tests). */
  done?: () => void;
  /**
   * Takes each warm-up result the way a document's result is published (capped, converted,
   * serialised; not sent): that code runs at every keystroke too, and cold it made the first
   * keystrokes' diagnostics arrive 10–20 ms later than the check alone.
   */
  publish?: (result: LintResult) => void;
}

export class TypingWarmUp {
  private started = false;
  /** Keystrokes typed so far (for tests and the log). */
  typed = 0;
  private readonly scheduling: WarmUpScheduling;
  private readonly sizes: WarmUpSizes;

  constructor(scheduling: Partial<WarmUpScheduling> = {}, sizes: Partial<WarmUpSizes> = {}) {
    this.scheduling = { ...NODE_SCHEDULING, sinceLastEdit: () => Infinity, ...scheduling };
    this.sizes = { ...SIZES, ...sizes };
  }

  /** Whether a check of `text` starts the warm-up: the draft is large and none has run yet. */
  wants(text: string): boolean {
    return !this.started && text.length >= this.sizes.from;
  }

  /** After a draft's check: starts the warm-up if it wants this draft. */
  afterCheck(text: string, options: LintOptions, hooks: WarmUpHooks = {}): void {
    const { done, publish } = hooks;
    const { sampleChars, keystrokes } = this.sizes;
    if (!this.wants(text)) return;
    this.started = true;
    let sample = openingOf(text, sampleChars);
    // The sample is checked as the draft is: its own parse cache, never the document's, and the
    // corpus the caller gives for a sample (the workspace index under a name of its own), if any.
    const own: LintOptions = { ...options, cache: new ProseCache({ shiftInPlace: true }) };
    let opened = false;
    const { nextTurn, later, sinceLastEdit } = this.scheduling;
    const turn = () => {
      // Only while the writer leaves the documents alone: a keystroke never waits behind a turn.
      const quiet = sinceLastEdit();
      if (quiet < QUIET_MS) {
        later(turn, QUIET_MS - quiet);
        return;
      }
      try {
        if (!opened) {
          opened = true;
          publish?.(lint(sample, own));
        } else {
          for (let k = 0; k < PER_TURN && this.typed < keystrokes; k++, this.typed++) {
            sample = typeInto(sample, this.typed, keystrokes);
            publish?.(lint(sample, own));
          }
        }
      } catch {
        // Whatever the sample does to the engine, the documents' own checks report it: stop here.
        return;
      }
      if (this.typed < keystrokes) nextTurn(turn);
      else done?.();
    };
    nextTurn(turn);
  }
}

/**
 * The draft's first `size` characters, taken to the end of that line when it ends soon after. A
 * pasted megabyte on one line is cut (between two UTF-16 units of one character never): the whole
 * line would make every warm-up keystroke as slow as that line.
 */
export function openingOf(text: string, size: number): string {
  if (text.length <= size) return text;
  const lineEnd = text.indexOf('\n', size);
  if (lineEnd >= 0 && lineEnd - size <= LINE_SLACK) return text.slice(0, lineEnd);
  const cut = size - (isHighSurrogate(text.charCodeAt(size - 1)) ? 1 : 0);
  return text.slice(0, cut);
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/** The sample with one character typed at the end of a line, spread over the sample as keystrokes go. */
function typeInto(sample: string, n: number, of: number): string {
  const at = Math.floor((((n * 7919) % of) + 0.5) * (sample.length / of));
  const lineEnd = sample.indexOf('\n', at);
  let where = lineEnd < 0 ? sample.length : lineEnd;
  if (where > 0 && sample.charCodeAt(where - 1) === 13) where--;
  return sample.slice(0, where) + '字' + sample.slice(where);
}
