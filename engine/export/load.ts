/**
 * Loads the exporter on demand. In the bundles it is the separate dist/export.js, so that the
 * server and the CLI start without `docx`; from sources (tests) it is imported directly.
 */
import * as path from 'node:path';
import { requireBundle } from '../io/require-bundle';

type Exporter = typeof import('./index');

let loaded: Exporter | undefined;

export function loadExporter(): Exporter {
  loaded ??= requireBundle<Exporter>(__dirname, 'export.js', path.join(__dirname, 'index'));
  return loaded;
}
