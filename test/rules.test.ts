/**
 * Every rule against its fixtures: the exact ranges marked in fail-*.md, nothing in pass-*.md.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lint, RULES } from '../engine';
import { fixtureOptions } from './helpers/fixture-options';
import { parseMarked } from './helpers/marked';
import { corpusOptions } from './helpers/copies-corpus';

const DIR = path.join(__dirname, 'fixtures', 'rules');

describe('rules against their fixtures', () => {
  it('every rule names the clause or data it rests on, and docs/rules.md shows it', () => {
    const docs = fs.readFileSync(path.join(__dirname, '..', 'docs', 'rules.md'), 'utf8');
    assert.deepEqual(RULES.filter((r) => !r.source).map((r) => r.id), [], 'rules without a source');
    assert.deepEqual(RULES.filter((r) => !docs.includes(`## ${r.id}`) || !docs.includes(r.source!)).map((r) => r.id), [], 'rules whose section or source is missing from docs/rules.md');
  });

  for (const rule of RULES) {
    describe(rule.id, () => {
      const folder = path.join(DIR, rule.id);
      const files = fs.existsSync(folder) ? fs.readdirSync(folder).filter((f) => /^(fail|pass)/.test(f)).sort() : [];
      const options = fixtureOptions(folder);

      it('has failing and passing fixtures', () => {
        assert.ok(files.some((f) => f.startsWith('fail')), `no fail-*.md for ${rule.id}`);
        assert.ok(files.some((f) => f.startsWith('pass')), `no pass-*.md for ${rule.id}`);
      });

      for (const file of files) {
        it(file, () => {
          const { text, spans } = parseMarked(fs.readFileSync(path.join(folder, file), 'utf8'));
          const result = lint(text, { ...options, ...corpusOptions(folder, file, text) });
          assert.ok(result.type, `${file}: no report type detected`);
          const got = result.diagnostics
            .filter((d) => d.rule === rule.id)
            .map((d) => `${d.span.start}-${d.span.end} ${text.slice(d.span.start, d.span.end)}`);
          const want = spans.map((s) => `${s.start}-${s.end} ${text.slice(s.start, s.end)}`);
          if (file.startsWith('pass')) assert.deepEqual(got, [], `${file} should raise nothing for ${rule.id}`);
          else assert.deepEqual(got, want);
          for (const d of result.diagnostics.filter((x) => x.rule === rule.id)) {
            assert.match(d.message, /[\u4e00-\u9fff]/, 'message in Chinese');
            assert.equal(d.severity, rule.defaultSeverity);
          }
        });
      }
    });
  }
});
