/**
 * Loads the Word module on demand. In the bundles it is the separate dist/word.js, so that the
 * server and the CLI start without the XML parser; from sources (tests) it is imported directly.
 */
import * as path from 'node:path';
import { requireBundle } from '../io/require-bundle';
import { buildModel } from '../model/build';
import type { ReportModel } from '../model/types';
import { builtinTypes } from '../report-types/load';
import { documentWords } from '../report-types/words';
import { t } from '../i18n';

type WordModule = typeof import('./index');

let loaded: WordModule | undefined;

export function loadWord(): WordModule {
  if (loaded) return loaded;
  loaded = requireBundle<WordModule>(__dirname, 'word.js', path.join(__dirname, 'index'));
  loaded.setTranslator(t);
  return loaded;
}

/**
 * The model an import reads roles from (title, addressee, signature, date), built here so that the
 * Word bundle does not carry a second copy of the parser and the report types.
 */
export function modelForImport(text: string): ReportModel {
  return buildModel(text, { words: documentWords(builtinTypes().types) });
}
