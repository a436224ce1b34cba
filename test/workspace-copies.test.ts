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
import { builtinFormulations, builtinTypes, lint } from '../engine';
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
});
