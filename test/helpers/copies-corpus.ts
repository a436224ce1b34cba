/** copied-paragraph's fixtures compare against the drafts in their folder's corpus/. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { builtinFormulations, builtinTypes, type LintOptions } from '../../engine';
import { indexFile, indexMarkdown, newIndex } from '../../engine/copies/corpus';

export function corpusOptions(folder: string, file: string, text: string): LintOptions {
  const dir = path.join(folder, 'corpus');
  if (!fs.existsSync(dir)) return {};
  const index = newIndex(builtinFormulations(), builtinTypes().types);
  for (const f of fs.readdirSync(dir).sort()) indexFile(index, path.join(dir, f));
  const self = path.join(folder, file);
  indexMarkdown(index, self, text);
  return { corpus: { index, self, root: folder } };
}
