/**
 * Every standard formulation in data/formulations.yaml carries its own examples: sentences that must
 * pass and sentences the entry must catch. An entry without both fails here, so the data cannot grow
 * without proof that each entry works — and that no entry fires on another entry's correct wording.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import YAML from 'yaml';
import { applyEdits, builtinFormulations, lint, RULES, type LintOptions } from '../engine';
import { normalizeFormulation } from '../engine/formulations/load';
import { REPO } from './helpers/shared';

interface RawEntry {
  name: string;
  examples?: { pass?: unknown; fail?: unknown };
  [key: string]: unknown;
}

const raw = (YAML.parse(fs.readFileSync(path.join(REPO, 'data', 'formulations.yaml'), 'utf8')) as { formulations: RawEntry[] }).formulations;
const onlyFormulations: LintOptions['rules'] = Object.fromEntries(RULES.map((r) => [r.id, r.id === 'standard-formulation' ? 'error' : 'off']));
/** Both rules that read this data: a correct sentence must draw nothing from either. */
const formulationRules: LintOptions['rules'] = Object.fromEntries(RULES.map((r) => [r.id, r.id === 'standard-formulation' || r.id === 'formulation-typo' ? 'error' : 'off']));
const texts = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x.length > 0) : []);

/** A minimal report around one sentence, so that the checks run on it as on a real draft. */
function draft(sentence: string): { text: string; from: number; to: number } {
  const head = '---\ntemplate: org-life-meeting-report\n---\n一、会前准备情况\n';
  const text = `${head}${sentence}\n二、组织生活会召开情况\n会议按程序召开。\n三、制定整改措施等情况\n会后制定整改清单。\n`;
  return { text, from: head.length, to: head.length + sentence.length };
}

describe('standard formulations: examples kept with the data', () => {
  it('has at least 200 entries, each named once', () => {
    assert.ok(raw.length >= 200, `only ${raw.length} entries`);
    const names = raw.map((e) => e.name);
    assert.deepEqual(names.filter((n, i) => names.indexOf(n) !== i), []);
  });

  it('every entry has a passing and a failing example', () => {
    const without = raw.filter((e) => texts(e.examples?.pass).length === 0 || texts(e.examples?.fail).length === 0).map((e) => e.name);
    assert.deepEqual(without, [], 'entries without examples.pass and examples.fail');
  });

  for (const entry of raw) {
    it(entry.name, () => {
      const f = normalizeFormulation(entry as never);
      assert.ok(f, 'entry has a name and a text');
      const own: LintOptions = { formulations: [f], rules: onlyFormulations };
      for (const sentence of texts(entry.examples?.pass)) {
        const d = draft(sentence);
        // Silent under this entry and under every other one: entries must not fight each other.
        assert.deepEqual(lint(d.text, { formulations: builtinFormulations(), rules: formulationRules }).diagnostics.map((x) => x.message), [], `pass example: ${sentence}`);
      }
      for (const sentence of texts(entry.examples?.fail)) {
        const d = draft(sentence);
        const found = lint(d.text, own).diagnostics;
        assert.ok(found.length > 0, `fail example not caught: ${sentence}`);
        for (const x of found) assert.ok(x.span.start >= d.from && x.span.end <= d.to, `finding outside the example: ${sentence}`);
        // Where the entry offers a fix, the fixed sentence passes.
        const edits = found.flatMap((x) => x.fix?.edits ?? []);
        if (edits.length > 0) assert.deepEqual(lint(applyEdits(d.text, edits), own).diagnostics.map((x) => x.message), [], `fix of: ${sentence}`);
      }
    });
  }
});
