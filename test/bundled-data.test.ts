/** The reference data compiled into the bundles (scripts/build.mjs) is what reading data/ gives. */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { builtinReference } from '../engine/unit/load';
import { REPO } from './helpers/shared';

describe('reference data compiled into the bundles', () => {
  it('has the same quotations and year profiles as reading data/quotations and data/years, with paths into this install', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const bundled = require(path.join(REPO, 'dist', 'engine.js'));
    const fromBundle = bundled.builtinProject(REPO).unit;
    const fromYaml = builtinReference();
    assert.ok(fromYaml.quotations.length >= 10);
    assert.ok(fromYaml.years.length >= 2);
    assert.deepEqual(fromYaml.problems, []);
    assert.deepEqual(fromBundle.quotations, fromYaml.quotations);
    assert.deepEqual([...fromBundle.years.values()], fromYaml.years);
    for (const q of fromBundle.quotations) assert.ok(q.file.startsWith(path.join(REPO, 'data', 'quotations')), q.file);
  });
});
