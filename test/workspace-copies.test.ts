/**
 * The server's workspace index for copied-paragraph (server/src/workspace-copies.ts): an open
 * document's paragraphs go into the index when the writer pauses, and before any other document
 * is compared with them, so another document never misses a paragraph just typed.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { builtinFormulations, builtinTypes, lint, newIndex, paragraphsOf, ProseCache } from '../engine';
import { WorkspaceCopies } from '../server/src/workspace-copies';
import { generateReports } from './helpers/generate-reports';

describe('workspace index of the language server', () => {
  it("puts an open document's latest paragraphs in before another document is compared with them", async () => {
    const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'pr-copies-'));
    try {
      const copies = new WorkspaceCopies();
      await copies.build([ws], builtinFormulations(), builtinTypes().types);
      const [mine, theirs] = generateReports(2, 31);
      const mineUri = pathToFileURL(path.join(ws, 'mine.md')).toString();
      const theirsUri = pathToFileURL(path.join(ws, 'theirs.md')).toString();
      // A body paragraph of the report (not the opening, whose formula is masked).
      const bodyOf = (text: string) => lint(text).model!.lines.filter((l) => l.role === 'body' && l.text.length > 60)[2].text;
      const paragraph = bodyOf(mine.text);
      copies.updateOpen(mineUri, lint(mine.text).model!);
      // No pause yet: checking the other document puts mine.md's paragraphs in first.
      const corpus = copies.corpusFor(theirsUri)!;
      const match = corpus.index.best(corpus.self, paragraph);
      assert.ok(match, 'the paragraph just checked in mine.md is found');
      assert.equal(path.basename(match.file), 'mine.md');
      // A document's own pending paragraphs are not needed for its own check.
      copies.updateOpen(theirsUri, lint(theirs.text).model!);
      const own = copies.corpusFor(theirsUri)!;
      assert.equal(own.index.best(own.self, bodyOf(theirs.text)), undefined);
      copies.closed(mineUri);
      copies.closed(theirsUri);
    } finally {
      fs.rmSync(ws, { recursive: true, force: true });
    }
  });

  it('keeps each line\'s answer while the other files stay the same, and equals a check from scratch', () => {
    const [mine, theirs, third] = generateReports(3, 41);
    const index = newIndex(builtinFormulations(), builtinTypes().types);
    index.setFile('/ws/theirs.md', paragraphsOf(lint(theirs.text).model!), 'line', true);
    const corpus = { index, self: '/ws/mine.md', root: '/ws' };
    const copied = lint(theirs.text).model!.lines.filter((l) => l.role === 'body' && l.text.length > 60).map((l) => l.text);
    // Mine has two of their paragraphs in it.
    const lines = mine.text.split('\n');
    lines.splice(6, 0, copied[1]);
    lines.splice(9, 0, copied[3]);
    let text = lines.join('\n');
    const cache = new ProseCache({ shiftInPlace: true });
    const copiedFindings = (t: string, c?: ProseCache) => lint(t, { corpus, cache: c }).diagnostics.filter((d) => d.rule === 'copied-paragraph').map((d) => [d.range.start.line, d.message, d.related?.[0]?.line]);
    assert.equal(copiedFindings(text, cache).length, 2);
    const steps: Array<() => void> = [
      // Typing elsewhere: both answers kept.
      () => (text = text.replace('情况', '情况字')),
      // Rewriting a copied paragraph: its answer is asked again.
      () => (text = text.replace(copied[1], '党支部结合本单位实际，逐条研究制定整改措施，明确责任人和完成时限，确保整改见到实效。')),
      // Another file changes in the index: every answer is asked again.
      () => index.setFile('/ws/third.md', [{ line: 0, text: copied[3], start: 0 }], 'line', true),
      () => index.setFile('/ws/theirs.md', paragraphsOf(lint(third.text).model!), 'line', true),
    ];
    for (const step of steps) {
      step();
      assert.deepEqual(copiedFindings(text, cache), copiedFindings(text));
    }
    // The last step left one copy, of a paragraph only third.md still has.
    const last = copiedFindings(text);
    assert.equal(last.length, 1);
    assert.match(String(last[0][1]), /third\.md/);
  });
});
