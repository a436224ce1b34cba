/**
 * Loads the Word module on demand. In the bundles it is the separate dist/word.js, so that the
 * server and the CLI start without the XML parser; from sources (tests) it is imported directly.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

type WordModule = typeof import('./index');

let loaded: WordModule | undefined;

export function loadWord(): WordModule {
  if (loaded) return loaded;
  const bundle = path.join(__dirname, 'word.js');
  // Computed paths, so that the bundler leaves both out of the bundle that loads them.
  const file = fs.existsSync(bundle) ? bundle : path.join(__dirname, 'index');
  loaded = require(file) as WordModule;
  return loaded;
}
