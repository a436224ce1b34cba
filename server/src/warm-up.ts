/**
 * Getting ready for typing in a large draft. The check that runs when a draft opens goes through
 * the engine once, from scratch; the first keystrokes afterwards run code it did not (findings kept
 * per line and moved, chunks shifted in place), and V8 compiles that code well only after it has run
 * a while. At 1 MB the first five keystrokes took 40–90 ms each where later ones took 20.
 *
 * So once a large draft is open and checked, the server types into a copy of the draft's opening
 * (the same kind of text, the same settings) in idle moments, a few keystrokes at a time, and throws
 * the results away. Compiled code serves every document, so this happens once per server.
 */
import type { LintOptions } from '../../engine';
import { lint, ProseCache } from '../../engine';

/** Drafts below this size check fast even with cold code: no warm-up for them. */
export const WARM_UP_FROM = 200_000;
/** How much of the draft's opening is typed into. */
const SAMPLE_CHARS = 64 * 1024;
/** Keystrokes typed into the sample, and how many between two looks at the message queue. */
const KEYSTROKES = 60;
const PER_TURN = 1;

export class TypingWarmUp {
  private started = false;
  /** Keystrokes typed so far (for tests and the log). */
  typed = 0;

  constructor(private readonly nextTurn: (run: () => void) => void = (run) => setImmediate(run)) {}

  /** After a draft's check: starts the warm-up if the draft is large and none has run yet. */
  afterCheck(text: string, options: LintOptions, done?: () => void): void {
    if (this.started || text.length < WARM_UP_FROM) return;
    this.started = true;
    let sample = text.slice(0, Math.max(0, text.indexOf('\n', SAMPLE_CHARS)) || SAMPLE_CHARS);
    // The sample is checked as the draft is: its own parse cache, never the document's.
    const own: LintOptions = { ...options, cache: new ProseCache({ shiftInPlace: true }), corpus: undefined };
    let opened = false;
    const turn = () => {
      try {
        if (!opened) {
          opened = true;
          lint(sample, own);
        } else {
          for (let k = 0; k < PER_TURN && this.typed < KEYSTROKES; k++, this.typed++) {
            sample = typeInto(sample, this.typed);
            lint(sample, own);
          }
        }
      } catch {
        // Whatever the sample does to the engine, the documents' own checks report it: stop here.
        return;
      }
      if (this.typed < KEYSTROKES) this.nextTurn(turn);
      else done?.();
    };
    this.nextTurn(turn);
  }
}

/** The sample with one character typed at the end of a line, spread over the sample as keystrokes go. */
function typeInto(sample: string, n: number): string {
  const at = Math.floor(((n * 7919) % KEYSTROKES + 0.5) * (sample.length / KEYSTROKES));
  const lineEnd = sample.indexOf('\n', at);
  let where = lineEnd < 0 ? sample.length : lineEnd;
  if (where > 0 && sample.charCodeAt(where - 1) === 13) where--;
  return sample.slice(0, where) + '字' + sample.slice(where);
}
