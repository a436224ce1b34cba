/**
 * Loads the exporter on demand. In the bundles it is the separate dist/export.js, so that the
 * server and the CLI start without `docx`; from sources (tests) it is imported directly.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

type Exporter = typeof import('./index');

let loaded: Exporter | undefined;

export function loadExporter(): Exporter {
  if (loaded) return loaded;
  const bundle = path.join(__dirname, 'export.js');
  // Computed paths, so that the bundler leaves both out of the bundle that loads them.
  const file = fs.existsSync(bundle) ? bundle : path.join(__dirname, 'index');
  loaded = require(file) as Exporter;
  return loaded;
}
