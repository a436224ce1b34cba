/**
 * DOCX export (GB/T 9704-2012). Loaded only when a draft is exported: the server and the CLI
 * require the separate bundle dist/export.js on demand, so checking never pays for `docx`.
 */
import { Packer } from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { buildModel } from '../model/build';
import { builtinTypes } from '../report-types/load';
import { documentWords } from '../report-types/words';
import { buildDocument, type LayoutOptions } from './build-docx';
import { metadata } from './metadata';

export { DEFAULT_FONTS, type ExportFonts } from './gbt9704';
export { breakTitle } from './title-lines';
export type { LayoutOptions, PageOptions } from './build-docx';

export async function exportDocx(text: string, options: LayoutOptions = {}): Promise<Uint8Array> {
  const model = buildModel(text, { words: documentWords(builtinTypes().types) });
  const doc = buildDocument(model, metadata(model), options);
  return builtinStyleNames(new Uint8Array(await Packer.toBuffer(doc)));
}

/**
 * Word recognises its built-in heading styles by w:name "heading 1" (lower case); the docx library
 * writes "Heading 1", which Word may treat as a custom style beside its own. Rename them in place.
 */
function builtinStyleNames(pkg: Uint8Array): Uint8Array {
  const files = unzipSync(pkg);
  const styles = files['word/styles.xml'];
  if (!styles) return pkg;
  files['word/styles.xml'] = strToU8(strFromU8(styles).replace(/<w:name w:val="Heading (\d)"\/>/g, '<w:name w:val="heading $1"/>'));
  return zipSync(files, { level: 6 });
}
