/**
 * What each fix produces: test/fixtures/rules/<id>/fix*.md, with every fix of that rule applied one
 * at a time (re-checking after each), must read exactly as fix*.expected.md beside it. Every rule
 * that declares itself fixable has at least one such pair; the expected texts were written by hand.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyEdits, lint, RULES, type LintOptions } from '../engine';
import { fixtureOptions } from './helpers/fixture-options';

const DIR = path.join(__dirname, 'fixtures', 'rules');

/** Applies the first fix of `rule` until none is left (each round re-lints the new text). */
function applyRuleFixes(text: string, rule: string, options: LintOptions = {}): string {
  let current = text;
  for (let round = 0; round < 20; round++) {
    const fix = lint(current, options).diagnostics.find((d) => d.rule === rule && d.fix)?.fix;
    if (!fix) return current;
    current = applyEdits(current, fix.edits);
  }
  assert.fail(`${rule}: fixes do not converge`);
}

describe('fixes produce the expected text', () => {
  for (const rule of RULES) {
    const folder = path.join(DIR, rule.id);
    const inputs = fs.existsSync(folder) ? fs.readdirSync(folder).filter((f) => /^fix.*\.md$/.test(f) && !f.endsWith('.expected.md')) : [];
    describe(rule.id, () => {
      if (rule.fixable) {
        it('has a fix fixture', () => assert.ok(inputs.length > 0, `no test/fixtures/rules/${rule.id}/fix.md + fix.expected.md`));
      }
      for (const file of inputs) {
        it(file, () => {
          const text = fs.readFileSync(path.join(folder, file), 'utf8');
          const expected = fs.readFileSync(path.join(folder, file.replace(/\.md$/, '.expected.md')), 'utf8');
          const options = fixtureOptions(folder);
          assert.ok(lint(text, options).diagnostics.some((d) => d.rule === rule.id && d.fix), `${file} raises a fixable ${rule.id}`);
          const fixed = applyRuleFixes(text, rule.id, options);
          assert.equal(fixed, expected);
          assert.deepEqual(lint(fixed, options).diagnostics.filter((d) => d.rule === rule.id && d.fix), [], 'nothing left to fix');
          // Also with CRLF line ends: the same text, CRLF kept.
          assert.equal(applyRuleFixes(text.replace(/\n/g, '\r\n'), rule.id, options), expected.replace(/\n/g, '\r\n'));
        });
      }
    });
  }
});
