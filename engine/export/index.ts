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
  return packWithBuiltinStyleNames(doc);
}

/** docx's compile step: the package's files by path, before zipping (not in its typings). */
type Compile = (file: unknown, prettify?: string, overrides?: unknown[]) => Map<string, string | Uint8Array>;

/**
 * The package zipped once, with the heading style names fixed before zipping: zipping it, unzipping
 * it and zipping it again took a fifth of an export. Uses docx's compiler, which Packer zips; if a
 * docx version lacks it, falls back to fixing the zipped package.
 */
async function packWithBuiltinStyleNames(doc: Parameters<typeof Packer.toBuffer>[0]): Promise<Uint8Array> {
  const compiler = (Packer as unknown as { compiler?: { compile?: Compile } }).compiler;
  if (typeof compiler?.compile !== 'function') return builtinStyleNames(new Uint8Array(await Packer.toBuffer(doc)));
  const files: Record<string, Uint8Array> = {};
  for (const [name, data] of compiler.compile.call(compiler, doc, undefined, [])) {
    const text = name === 'word/styles.xml' && typeof data === 'string' ? renameHeadingStyles(data) : data;
    files[name] = typeof text === 'string' ? strToU8(text) : new Uint8Array(text.buffer, text.byteOffset, text.byteLength);
  }
  return zipSync(files, { level: 6 });
}

const renameHeadingStyles = (xml: string) => xml.replace(/<w:name w:val="Heading (\d)"\/>/g, '<w:name w:val="heading $1"/>');

/**
 * Word recognises its built-in heading styles by w:name "heading 1" (lower case); the docx library
 * writes "Heading 1", which Word may treat as a custom style beside its own. Rename them in place.
 */
function builtinStyleNames(pkg: Uint8Array): Uint8Array {
  const files = unzipSync(pkg);
  const styles = files['word/styles.xml'];
  if (!styles) return pkg;
  files['word/styles.xml'] = strToU8(renameHeadingStyles(strFromU8(styles)));
  return zipSync(files, { level: 6 });
}
