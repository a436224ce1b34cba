/**
 * The server's warm-up after a large draft opens (server/src/warm-up.ts): once per server, only
 * for large drafts, never while the writer is typing, and on a copy of the draft's opening with its
 * own parse cache (the document's cache and results are not touched).
 */
import * as assert from 'node:assert/strict';
import { lint, ProseCache } from '../engine';
import { TypingWarmUp, openingOf } from '../server/src/warm-up';

// Smaller than the server's, so that the test runs in a moment; the logic is the same.
const SIZES = { from: 20_000, sampleChars: 8_000, keystrokes: 12 };

/** A large draft: numbered paragraphs with a flaw or two each, as in a real report. */
function largeDraft(): string {
  const lines = ['# 关于召开专题组织生活会情况的报告', ''];
  for (let i = 0; lines.join('\n').length < SIZES.from + 5_000; i++) {
    lines.push(`${['一', '二', '三'][i % 3]}、第${i}部分`, '', `第${i}段：党支部深入学习贯彻全会精神,推动各项工作取得新成效，共有XX名党员参加。`, '');
  }
  return lines.join('\n');
}

/** Scheduling by hand: turns run when the test says, and the clock is the test's. */
function manualScheduling() {
  const queue: Array<() => void> = [];
  const delayed: Array<{ run: () => void; ms: number }> = [];
  let sinceLastEdit = Infinity;
  return {
    scheduling: {
      nextTurn: (run: () => void) => queue.push(run),
      later: (run: () => void, ms: number) => delayed.push({ run, ms }),
      sinceLastEdit: () => sinceLastEdit,
    },
    queue,
    delayed,
    setSinceLastEdit: (ms: number) => (sinceLastEdit = ms),
    runAll: () => {
      let turns = 0;
      while (queue.length > 0) {
        queue.shift()!();
        turns++;
      }
      return turns;
    },
  };
}

describe('warm-up after a large draft opens', () => {
  it('types into a copy of the opening, one keystroke a turn, and leaves the document alone', () => {
    const text = largeDraft();
    const cache = new ProseCache({ shiftInPlace: true });
    const before = lint(text, { cache });
    const entries = [...cache.entries.keys()];
    const manual = manualScheduling();
    const warmUp = new TypingWarmUp(manual.scheduling, SIZES);
    let done = false;
    warmUp.afterCheck(text, {}, { done: () => (done = true) });
    const turns = manual.runAll();
    assert.ok(done, 'the warm-up finished');
    assert.equal(warmUp.typed, SIZES.keystrokes);
    // One opening check, then one keystroke a turn: never a long stretch without a look at the queue.
    assert.equal(turns, warmUp.typed + 1);
    assert.deepEqual([...cache.entries.keys()], entries, "the document's parse cache is untouched");
    assert.deepEqual(lint(text, { cache }).diagnostics, before.diagnostics);
  });

  it('publishes each result of its own as a document is published, and checks against the corpus it is given', () => {
    const manual = manualScheduling();
    const warmUp = new TypingWarmUp(manual.scheduling, SIZES);
    const published: number[] = [];
    const asked = new Set<string>();
    // A workspace index that knows no copies: what matters is who asks it.
    const corpus = { index: { best: (self: string) => void asked.add(self), othersVersion: () => 0 }, self: '\u0000warm-up', root: undefined };
    warmUp.afterCheck(largeDraft(), { corpus }, { publish: (result) => void published.push(result.diagnostics.length) });
    manual.runAll();
    // The opening check, then one per keystroke: each went through the publishing code.
    assert.equal(published.length, SIZES.keystrokes + 1);
    assert.ok(published.every((n) => n > 0), 'the sample has findings to publish');
    assert.deepEqual([...asked], ['\u0000warm-up'], 'the sample is compared under its own name only');
  });

  it('waits while a document is being edited', () => {
    const manual = manualScheduling();
    const warmUp = new TypingWarmUp(manual.scheduling, SIZES);
    manual.setSinceLastEdit(10);
    warmUp.afterCheck(largeDraft(), {});
    manual.runAll();
    assert.equal(warmUp.typed, 0, 'no keystroke typed while the writer types');
    assert.equal(manual.delayed.length, 1);
    assert.ok(manual.delayed[0].ms > 0 && manual.delayed[0].ms <= 250);
    // The writer stops: the delayed turn goes on.
    manual.setSinceLastEdit(1000);
    manual.delayed.shift()!.run();
    manual.runAll();
    assert.equal(warmUp.typed, SIZES.keystrokes);
  });

  it('runs once per server, and not for a small draft', () => {
    const manual = manualScheduling();
    const warmUp = new TypingWarmUp(manual.scheduling, SIZES);
    assert.equal(warmUp.wants('# 报告\n\n一、情况\n\n党支部召开会议。\n'), false);
    warmUp.afterCheck('# 报告\n\n一、情况\n\n党支部召开会议。\n', {});
    assert.equal(manual.queue.length, 0, 'a small draft checks fast with cold code');
    assert.equal(warmUp.wants(largeDraft()), true);
    warmUp.afterCheck(largeDraft(), {});
    manual.runAll();
    const typed = warmUp.typed;
    assert.equal(warmUp.wants(largeDraft()), false, 'once per server');
    warmUp.afterCheck(largeDraft(), {});
    assert.equal(manual.queue.length, 0);
    assert.equal(warmUp.typed, typed);
  });

  it('samples the opening to the end of a line, and cuts a line that runs on (a pasted megabyte)', () => {
    const lines = '第一行。\n第二行很长很长。\n第三行。\n';
    assert.equal(openingOf(lines, 100), lines, 'a draft shorter than the sample is the sample');
    assert.equal(openingOf(lines, 6), '第一行。\n第二行很长很长。', 'to the end of the line the size falls in');
    // One line of 1 MB: the whole line made every warm-up keystroke take seconds.
    const long = '报告\n' + '学,'.repeat(500_000) + '\n';
    assert.equal(openingOf(long, 1000), long.slice(0, 1000));
    // Never between the two halves of a character outside the BMP.
    const emoji = 'a' + '😀'.repeat(10_000);
    assert.equal(openingOf(emoji, 2), 'a');
    assert.equal(openingOf(emoji, 3), 'a😀');
  });
});

