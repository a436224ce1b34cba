/**
 * The parts of a DOCX that do not depend on the draft, written once instead of at every export.
 *
 * Of the 21 parts of an exported report only document.xml, core.xml (its timestamps) and, for some
 * drafts, footnotes.xml, custom.xml and the footers change with the draft; styles.xml, the theme,
 * numbering, settings, font table, endnotes, relationships and content types are the same from one
 * export to the next as long as the export options are. Formatting them through docx's objects and
 * compressing them cost a short export (the CLI exporting one draft) about a tenth of its time.
 *
 * The table of these parts is made by docx itself: scripts/build.mjs runs the exporter on reference
 * drafts with the default options (page numbers on and off) through docx's full compiler, and
 * compiles the parts' final text (after index.ts's fixes to styles.xml) and their DEFLATE data into
 * the bundles. From sources (tests) the same table is made on first use. An export then
 *  - has docx compile the package as always, with a formatter that skips the components whose part
 *    the table holds for the options this export was made with (the options' JSON is the key: styles.xml
 *    is a function of the styles given to docx, the other parts of the rest of the document's options),
 *    and puts the table's text in their place, in the same order;
 *  - zips any part whose text equals the table's with the table's compressed data (checked by comparing
 *    the text, so a part that differs is always compressed anew).
 * test/export-fixed-parts.test.ts checks that this writes exactly what docx's full compiler writes,
 * for several drafts and option sets, so that a docx upgrade cannot silently diverge from the table.
 */
import { deflated, type PackedPart } from './zip';

/** One text of one part, with the option keys it was written for. */
export interface FixedPart {
  /** The keys (PartKeys) under which docx wrote this text. */
  keys: string[];
  /** The part's final text. */
  xml: string;
  /** Its raw DEFLATE data (base64), CRC-32 and length in bytes, as zip.ts writes them. */
  deflated: string;
  crc: number;
  size: number;
}

/** Part path → the texts it was found with. */
export type FixedPartsTable = Record<string, FixedPart[]>;

/**
 * What a part's text depends on besides the draft: `styles` for styles.xml (the styles given to docx),
 * `rest` for the other fixed parts (the document's options other than its content).
 */
export interface PartKeys {
  styles: string;
  rest: string;
  /**
   * Parts that depend on the draft only in some exports, by path: the key of what they hold where it
   * is known (the page-number footers by their layout, footnotes.xml and custom.xml when the draft has
   * none), undefined where the draft's own content is in them (never taken from the table).
   */
  parts: Record<string, string | undefined>;
}

/** The parts never taken from the table: they hold the draft (or the time of the export). */
const DRAFT_PARTS = new Set(['word/document.xml', 'docProps/core.xml']);

/** A compiled package: part path → content (docx's compiler output). */
export type CompiledPackage = Map<string, string | Uint8Array>;

/** The components of a docx File whose parts can come from the table, with their paths and key. */
interface FileLike {
  Styles: object;
  Settings: object;
  Theme: object;
  Numbering: object & { ConcreteNumbering?: unknown[] };
  AppProperties: object;
  FileRelationships: object;
  FontTable: { View: object; Relationships: object };
  Endnotes: { View: object };
  FootNotes: { View: object };
  CustomProperties: object;
  Footers: Array<{ View: object }>;
}

interface Formatter {
  format(component: unknown, context?: unknown): unknown;
}

export interface CompilerLike {
  formatter: Formatter;
  compile(file: unknown, prettify?: string, overrides?: unknown[]): CompiledPackage;
}

/** Set by scripts/build.mjs in the bundles with the exporter: the table as JSON text. */
declare const __PARTY_REPORT_FIXED_PARTS__: string | undefined;

let table: FixedPartsTable | undefined;

/** The table: compiled into the bundle, else (from sources) made now by `make`. */
export function fixedPartsTable(make: () => FixedPartsTable): FixedPartsTable {
  if (table) return table;
  const compiled = typeof __PARTY_REPORT_FIXED_PARTS__ === 'undefined' ? undefined : __PARTY_REPORT_FIXED_PARTS__;
  table = compiled ? (JSON.parse(compiled) as FixedPartsTable) : make();
  return table;
}

/**
 * The table's entries from packages docx compiled in full (each with the keys of its options):
 * every part but the draft's own, each distinct text once.
 */
export function tableOf(packages: Array<{ files: Map<string, string>; keys: PartKeys }>): FixedPartsTable {
  const out: FixedPartsTable = {};
  for (const { files, keys } of packages) {
    for (const [path, xml] of files) {
      if (DRAFT_PARTS.has(path)) continue;
      const key = keyFor(path, keys);
      const texts = (out[path] ??= []);
      const same = texts.find((t) => t.xml === xml);
      if (same) {
        if (key !== undefined && !same.keys.includes(key)) same.keys.push(key);
        continue;
      }
      const bytes = Buffer.from(xml, 'utf8');
      const { data, crc } = deflated(bytes);
      texts.push({ keys: key === undefined ? [] : [key], xml, deflated: data.toString('base64'), crc, size: bytes.length });
    }
  }
  return out;
}

/** The key of a part's text in the table; undefined for a part that holds the draft's own content. */
function keyFor(path: string, keys: PartKeys): string | undefined {
  if (path === 'word/styles.xml') return `styles:${keys.styles}`;
  if (path in keys.parts) {
    const key = keys.parts[path];
    return key === undefined ? undefined : `${path}:${key}`;
  }
  return `rest:${keys.rest}`;
}

/**
 * docx's compile of `file`, with the components whose part the table holds (for these keys) not
 * formatted: their text comes from the table, at the same place in the package. The numbering part
 * only while the document uses no numbering of its own (the reference drafts used none).
 */
export function compileWithFixedParts(compiler: CompilerLike, file: FileLike, keys: PartKeys, fixed: FixedPartsTable): { files: CompiledPackage; fromTable: string[] } {
  const textFor = (path: string): string | undefined => {
    const key = keyFor(path, keys);
    return key === undefined ? undefined : fixed[path]?.find((t) => t.keys.includes(key))?.xml;
  };
  const skippable = new Map<object, string>();
  const consider = (component: object, path: string) => {
    if (textFor(path) !== undefined) skippable.set(component, path);
  };
  consider(file.Styles, 'word/styles.xml');
  consider(file.Settings, 'word/settings.xml');
  consider(file.Theme, 'word/theme/theme1.xml');
  consider(file.Numbering, 'word/numbering.xml');
  consider(file.AppProperties, 'docProps/app.xml');
  consider(file.FileRelationships, '_rels/.rels');
  consider(file.FontTable.View, 'word/fontTable.xml');
  consider(file.FontTable.Relationships, 'word/_rels/fontTable.xml.rels');
  consider(file.Endnotes.View, 'word/endnotes.xml');
  consider(file.FootNotes.View, 'word/footnotes.xml');
  consider(file.CustomProperties, 'docProps/custom.xml');
  // Footers are numbered in the order the File made them (PartKeys.parts names them so).
  file.Footers.forEach((footer, i) => consider(footer.View, `word/footer${i + 1}.xml`));
  const numberingsAtStart = file.Numbering.ConcreteNumbering?.length;

  const skipped: string[] = [];
  const real = compiler.formatter;
  const lean: Formatter = {
    format(component, context) {
      const path = skippable.get(component as object);
      // Numbering is formatted after the document, which may have added lists to it.
      const usable = path !== undefined && (path !== 'word/numbering.xml' || file.Numbering.ConcreteNumbering?.length === numberingsAtStart);
      if (!usable) return real.format(component, context);
      skipped.push(path);
      // Written as nothing (stringifyXmlable of no items); replaced below.
      return [];
    },
  };
  const files = compiler.compile.call(Object.assign(Object.create(compiler) as CompilerLike, { formatter: lean }), file, undefined, []);
  for (const path of skipped) {
    if (!files.has(path)) throw new Error(`fixed parts: docx did not write ${path}`);
    // Map.set on a key it has keeps the key's place: the package's order is docx's.
    files.set(path, textFor(path)!);
  }
  return { files, fromTable: skipped };
}

/** A part's content for zip.ts: the table's compressed data when the text is the table's, else the bytes. */
export function packedPart(path: string, text: string, fixed: FixedPartsTable): PackedPart {
  const known = fixed[path]?.find((t) => t.xml === text);
  if (known) return { deflated: Buffer.from(known.deflated, 'base64'), crc: known.crc, size: known.size };
  return Buffer.from(text, 'utf8');
}
