/**
 * A line index made from the previous version's and an edit (LineIndex.afterEdit) must equal one
 * made from the new text: every kind of line break (\n, \r\n, a lone \r), edits that split or join a
 * \r\n, and edits at either end of the text.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { LineIndex } from '../engine/text/line-index';
import { textDiff } from '../engine/text/text-diff';

const PIECES = ['党', '支部', 'a', '\n', '\r\n', '\r', '\n\n', ' ', '😀'];
const starts = (index: LineIndex) => Array.from({ length: index.lineCount }, (_, i) => index.lineStart(i));

describe('line index after an edit', () => {
  it('equals the index of the new text, edit after edit', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...PIECES), { maxLength: 80 }),
        fc.array(fc.record({ at: fc.nat(), removed: fc.nat({ max: 4 }), typed: fc.array(fc.constantFrom(...PIECES), { maxLength: 3 }) }), { minLength: 1, maxLength: 10 }),
        (pieces, edits) => {
          let text = pieces.join('');
          let index = new LineIndex(text);
          for (const e of edits) {
            const at = e.at % (text.length + 1);
            const next = text.slice(0, at) + e.typed.join('') + text.slice(at + e.removed);
            index = LineIndex.afterEdit(index, next, textDiff(text, next));
            const fresh = new LineIndex(next);
            assert.deepEqual(starts(index), starts(fresh), JSON.stringify({ text, next }));
            text = next;
          }
        },
      ),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 1000) },
    );
  });

  it('finds positions from a nearby line (positionNear) exactly as positionAt does', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 200 }), fc.array(fc.nat(), { maxLength: 30 }), fc.nat(), (pieces, offsets, hint) => {
        const text = pieces.join('');
        const index = new LineIndex(text);
        let near = hint % (index.lineCount + 2);
        for (const raw of offsets.map((o) => o % (text.length + 3)).sort((a, b) => a - b)) {
          const at = index.positionNear(raw, near);
          assert.deepEqual(at, index.positionAt(raw));
          near = at.line;
        }
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 1000) },
    );
  });
});
