/**
 * Where the shipped data lives (report types, formulations, patterns) and how it is read. The same
 * folders sit at the package root in the source tree and in the packaged extension, so the bundles
 * in dist/ and the sources under engine/ both find them by walking up.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import YAML from 'yaml';

let root: string | undefined;

export function assetRoot(): string {
  if (root) return root;
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    if (fs.existsSync(path.join(dir, 'report-types')) && fs.existsSync(path.join(dir, 'data'))) {
      root = dir;
      return dir;
    }
    dir = path.dirname(dir);
  }
  throw new Error(`找不到 report-types/ 与 data/ 目录（从 ${__dirname} 向上查找）`);
}

/**
 * The shipped data as scripts/build.mjs compiled it into the bundles: data/*.yaml parsed, and the
 * built-in report types as report-types/load.ts reads them. Start-up then parses no YAML. Absent
 * when the engine runs from source (tests through tsx): the files are read as before. Each part is
 * a JSON text, parsed when first asked for: JSON.parse is quicker than evaluating the same data as
 * an object literal, and a part a run does not use costs nothing.
 */
interface CompiledData {
  /** data/*.yaml by file name. */
  data: Record<string, string>;
  /** The report types as report-types/load.ts returns them: { types: [{ source }], errors: [{ file }] }. */
  types: string;
  /** The reference data (data/quotations, data/years) as unit/load.ts reads it: { quotations, years, problems }. */
  reference?: string;
}
declare const __PARTY_REPORT_COMPILED_DATA__: CompiledData | undefined;
const compiled: CompiledData | undefined = typeof __PARTY_REPORT_COMPILED_DATA__ === 'undefined' ? undefined : __PARTY_REPORT_COMPILED_DATA__;

/**
 * Regular expressions come as { $regexp, flags } (scripts/build.mjs): made into RegExps again, by a
 * walk over the parsed value (a reviver passed to JSON.parse is called back for every value, which
 * took the built-in types twice as long to read at a CLI start).
 */
function reviveRegExps(value: unknown): unknown {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = reviveRegExps(value[i]);
    return value;
  }
  if (value === null || typeof value !== 'object') return value;
  const v = value as Record<string, unknown>;
  if (typeof v.$regexp === 'string') return new RegExp(v.$regexp, String(v.flags ?? ''));
  for (const key of Object.keys(v)) v[key] = reviveRegExps(v[key]);
  return v;
}
const fromJson = <T>(text: string): T => (text.includes('"$regexp"') ? reviveRegExps(JSON.parse(text)) : JSON.parse(text)) as T;

/** The built-in report types compiled at build time, their sources pointing into this install. */
export function compiledBuiltinTypes<T extends { source: string }, E extends { file: string }>(): { types: T[]; errors: E[] } | undefined {
  if (!compiled) return undefined;
  const at = (source: string) => path.join(assetRoot(), source);
  const { types, errors } = fromJson<{ types: T[]; errors: E[] }>(compiled.types);
  return { types: types.map((type) => ({ ...type, source: at(type.source) })), errors: errors.map((e) => ({ ...e, file: at(e.file) })) };
}

/** The shipped quotations and year profiles compiled at build time, their files pointing into this install. */
export function compiledReference<Q extends { file: string }, Y extends { file: string }, P extends { file: string }>(): { quotations: Q[]; years: Y[]; problems: P[] } | undefined {
  if (!compiled?.reference) return undefined;
  const reference = fromJson<{ quotations: Q[]; years: Y[]; problems: P[] }>(compiled.reference);
  const at = <T extends { file: string }>(item: T): T => ({ ...item, file: path.join(assetRoot(), item.file) });
  return { quotations: reference.quotations.map(at), years: reference.years.map(at), problems: reference.problems.map(at) };
}

const cache = new Map<string, unknown>();

/** A YAML file under data/, parsed once (or at build time, in the bundles). */
export function loadData<T>(name: string): T {
  const hit = cache.get(name);
  if (hit) return hit as T;
  if (compiled && name in compiled.data) {
    const value = fromJson<T>(compiled.data[name]);
    cache.set(name, value);
    return value;
  }
  const file = path.join(assetRoot(), 'data', name);
  const value = YAML.parse(fs.readFileSync(file, 'utf8')) as T;
  cache.set(name, value);
  return value;
}
