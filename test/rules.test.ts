/**
 * Every rule against its fixtures: the exact ranges marked in fail-*.md, nothing in pass-*.md.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lint, RULES } from '../engine';
import { parseMarked } from './helpers/marked';

const DIR = path.join(__dirname, 'fixtures', 'rules');

describe('rules against their fixtures', () => {
  for (const rule of RULES) {
    describe(rule.id, () => {
      const folder = path.join(DIR, rule.id);
      const files = fs.existsSync(folder) ? fs.readdirSync(folder).filter((f) => /^(fail|pass)/.test(f)).sort() : [];

      it('has failing and passing fixtures', () => {
        assert.ok(files.some((f) => f.startsWith('fail')), `no fail-*.md for ${rule.id}`);
        assert.ok(files.some((f) => f.startsWith('pass')), `no pass-*.md for ${rule.id}`);
      });

      for (const file of files) {
        it(file, () => {
          const { text, spans } = parseMarked(fs.readFileSync(path.join(folder, file), 'utf8'));
          const result = lint(text);
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
