/**
 * Loads the exporter on demand. In the bundles it is the separate dist/export.js, so that the
 * server and the CLI start without `docx`; from sources (tests) it is imported directly. The CLI's
 * export bundle (dist/cli-export.js, which serves `party-report export`) has it built in: a run
 * that exports then loads one bundle, not two.
 */
import * as path from 'node:path';
import { requireBundle } from '../io/require-bundle';

type Exporter = typeof import('./index');

/** Set by scripts/build.mjs: true in the bundle that has the exporter built in, false in the others. */
declare const __PARTY_REPORT_EXPORTER_BUILT_IN__: boolean | undefined;

let loaded: Exporter | undefined;

export function loadExporter(): Exporter {
  // A constant in each bundle, so the bundler keeps only one of the two branches.
  if (typeof __PARTY_REPORT_EXPORTER_BUILT_IN__ !== 'undefined' && __PARTY_REPORT_EXPORTER_BUILT_IN__) {
    loaded ??= require('./index') as Exporter;
    return loaded;
  }
  loaded ??= requireBundle<Exporter>(__dirname, 'export.js', path.join(__dirname, 'index'));
  return loaded;
}
