/**
 * Reads report type definitions: a YAML (or JSON) file per type and a Handlebars skeleton beside
 * it. A malformed definition is reported and skipped; the other types keep working.
 */
import { t } from '../i18n';
import * as fs from 'node:fs';
import * as path from 'node:path';
import YAML from 'yaml';
import { assetRoot, compiledBuiltinTypes } from '../data';
import { checkSkeleton } from './skeleton';
import { inheritSkeleton } from './inherit-skeleton';
import { compileUserPattern } from '../text/safe-regex';
import { FileReadError, MAX_CONFIG_BYTES, readTextFile } from '../io/read-file';
import type { ItemDetail, ReportType, TypeLoadError, TypeSection, TypeTable } from './types';
import { yamlErrorAt, yamlProblem } from '../text/yaml-problem';

export interface LoadedTypes {
  types: ReportType[];
  errors: TypeLoadError[];
}

let builtins: LoadedTypes | undefined;

export function builtinTypes(): LoadedTypes {
  // Compiled into the bundles at build time (scripts/build.mjs): no YAML parse at start-up.
  builtins ??= compiledBuiltinTypes<ReportType, TypeLoadError>() ?? loadTypesFrom(path.join(assetRoot(), 'report-types'));
  return builtins;
}

/**
 * Report types in a folder. `base` are the types a definition may `extends:` (the built-ins).
 */
export function loadTypesFrom(dir: string, base: ReportType[] = []): LoadedTypes {
  const result: LoadedTypes = { types: [], errors: [] };
  let names: string[];
  try {
    names = fs.readdirSync(dir).filter((n) => /\.(ya?ml|json)$/i.test(n)).sort();
  } catch (err) {
    result.errors.push({ file: dir, message: t('无法读取报告类型目录：{0}', (err as Error).message) });
    return result;
  }
  for (const name of names) {
    const file = path.join(dir, name);
    try {
      // Bounded reads, regular files only (see io/read-file.ts).
      const text = readTextFile(file, { maxBytes: MAX_CONFIG_BYTES }).text;
      const skeletonFile = file.replace(/\.(ya?ml|json)$/i, '.hbs');
      const skeleton = fs.existsSync(skeletonFile) ? readTextFile(skeletonFile, { maxBytes: MAX_CONFIG_BYTES }).text : '';
      const parsed = parseDefinition(text, file, skeleton, base);
      // A skeleton that does not compile, or runs away when rendered, is reported here at load.
      const skeletonProblem = 'error' in parsed ? undefined : checkSkeleton(parsed.type);
      if ('error' in parsed) result.errors.push(parsed.error);
      else if (skeletonProblem) result.errors.push({ file, message: `${path.basename(skeletonFile)}: ${skeletonProblem}` });
      else result.types.push(parsed.type);
    } catch (err) {
      result.errors.push({ file, message: err instanceof FileReadError ? err.message : t('无法读取：{0}', (err as Error).message) });
    }
  }
  return result;
}

export function parseDefinition(
  text: string,
  file: string,
  skeleton: string,
  base: ReportType[] = [],
): { type: ReportType } | { error: TypeLoadError } {
  // uniqueKeys off: the library's check is quadratic in the number of keys (minutes on a hostile file).
  const doc = YAML.parseDocument(text, { uniqueKeys: false });
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    return {
      error: { file, message: t('YAML 格式错误：{0}', yamlProblem(e)), ...yamlErrorAt(e) },
    };
  }
  let raw = doc.toJS() as Record<string, unknown> | null;
  const fail = (message: string) => ({ error: { file, message } });
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return fail(t('定义应是一个对象（含 id、name、sections 等字段）。'));
  if (raw.extends !== undefined) {
    const parent = base.find((t) => t.id === raw!.extends);
    if (!parent) return fail(t('extends: {0} 不是内置的报告类型；可用的有 {1}。', String(raw.extends), base.map((x) => x.id).join(t('、'))));
    raw = extend(parent, raw);
    if (!skeleton && typeof raw.id === 'string') skeleton = inheritSkeleton(parent.skeleton, parent, { id: raw.id, sections: Array.isArray(raw.sections) ? raw.sections : [] });
  }
  if (typeof raw.id !== 'string' || !/^[a-z0-9][a-z0-9-]*$/.test(raw.id)) {
    return fail(t('缺少 id，或 id 不是小写字母、数字和连字符组成的标识（如 org-life-meeting-report）。'));
  }
  if (typeof raw.name !== 'string' || raw.name.length === 0) return fail(t('类型 {0} 缺少中文名称 name。', raw.id));
  const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
  const builtin = path.resolve(file).startsWith(path.join(assetRoot(), 'report-types') + path.sep);
  /** `where` names the list in the error message: detect.titles, sections[2].items-name… */
  const compile = (items: unknown, where: string): RegExp[] | TypeLoadError => {
    const out: RegExp[] = [];
    for (const source of Array.isArray(items) ? (items as unknown[]) : []) {
      // A built-in parent's patterns, taken over by `extends:` without a detect: of its own, come
      // compiled: this project's own data, like the built-in types' (RE2 would refuse their lookaheads).
      if (source instanceof RegExp) {
        out.push(source);
        continue;
      }
      if (typeof source !== 'string') continue;
      // A workspace's patterns run on every draft: linear time (see text/safe-regex.ts), or refused
      // here. The built-in ones are this project's own data, compiled into the bundle as RegExps.
      if (builtin) {
        out.push(new RegExp(source, 'u'));
        continue;
      }
      const linear = compileUserPattern(source, false);
      if (!linear.ok) return { file, message: t('{0} 中的正则表达式 {1} 有误：{2}', where, JSON.stringify(source), linear.reason) };
      out.push(linear.re);
    }
    return out;
  };
  const rawSections = Array.isArray(raw.sections) ? raw.sections : [];
  const sections: TypeSection[] = [];
  for (const [i, s] of rawSections.entries()) {
    if (!s || typeof s !== 'object' || typeof s.title !== 'string') {
      return fail(t('sections 第 {0} 项缺少标题 title。', i + 1));
    }
    const itemHeadings = compile(s['item-headings'] ?? s.itemHeadings, `sections[${i}].item-headings`);
    if (!Array.isArray(itemHeadings)) return { error: itemHeadings };
    const itemsName = itemsNameOf(s['items-name'] ?? s.itemsName, (items, what) => compile(items, `sections[${i}].items-name ${what}`));
    if (!Array.isArray(itemsName)) return { error: itemsName };
    sections.push({
      id: typeof s.id === 'string' ? s.id : `section-${i + 1}`,
      title: s.title,
      variants: strings(s.variants),
      required: s.required !== false,
      hint: typeof s.hint === 'string' ? s.hint : undefined,
      phrases: strings(s.phrases),
      concepts: strings(s.concepts),
      absorbsThemes: s['absorbs-themes'] === true || s.absorbsThemes === true,
      itemsName,
      itemHeadings,
      speaksForItems: s['speaks-for-items'] === true || s.speaksForItems === true,
    });
  }
  const tables: TypeTable[] = (Array.isArray(raw.tables) ? raw.tables : []).map((t: any, i: number) => ({
    id: typeof t?.id === 'string' ? t.id : `table-${i + 1}`,
    required: t?.required !== false,
    columns: (Array.isArray(t?.columns) ? t.columns : []).map((c: any, j: number) => ({
      id: typeof c?.id === 'string' ? c.id : `column-${j + 1}`,
      title: String(c?.title ?? ''),
      variants: strings(c?.variants),
      required: c?.required !== false,
      kind: c?.kind === 'deadline' ? 'deadline' : undefined,
    })),
  }));
  const detect = (raw.detect ?? {}) as Record<string, unknown>;
  const patterns = (key: string): RegExp[] | TypeLoadError => compile(detect[key], `detect.${key}`);
  const titles = patterns('titles');
  if (!Array.isArray(titles)) return { error: titles };
  const openings = patterns('openings');
  if (!Array.isArray(openings)) return { error: openings };
  const closing = (raw.closing ?? {}) as Record<string, unknown>;
  const title = (raw.title ?? {}) as Record<string, unknown>;
  return {
    type: {
      id: raw.id,
      name: raw.name,
      aliases: strings(raw.aliases),
      description: typeof raw.description === 'string' ? raw.description : '',
      detect: {
        keywords: strings(detect.keywords),
        excludes: strings(detect.excludes),
        titles,
        openings,
        requires: strings(detect.requires),
        requiresInText: strings(detect['requires-in-text']),
        subheadingEndings: strings(detect['subheading-endings']),
        opensAsAPlan: detect['opens-as-a-plan'] === true,
      },
      sections,
      tables,
      deadlineTerms: strings(raw['deadline-terms']),
      title: { example: typeof title.example === 'string' ? title.example : undefined, suffixes: strings(title.suffixes) },
      closing: { phrases: strings(closing.phrases) },
      variables: (Array.isArray(raw.variables) ? raw.variables : [])
        .filter((v: any) => v && typeof v.name === 'string')
        .map((v: any) => ({ name: v.name, label: String(v.label ?? v.name), placeholder: String(v.placeholder ?? `【${v.label ?? v.name}】`) })),
      quorum: quorumOf(raw.quorum),
      skeleton,
      source: file,
    },
  };
}

/**
 * `extends: <built-in id>`: the built-in type with this definition's changes. Sections are matched
 * by id: a listed section changes the built-in one's fields (`remove: true` drops it); a new id is
 * added after the section named by `after`, or at the end.
 */
function extend(parent: ReportType, raw: Record<string, any>): Record<string, unknown> {
  const sections: Array<Record<string, unknown>> = parent.sections.map((s) => ({ ...s }));
  for (const change of Array.isArray(raw.sections) ? raw.sections : []) {
    if (!change || typeof change !== 'object') continue;
    const at = sections.findIndex((s) => s.id === change.id);
    if (at >= 0) {
      if (change.remove === true) sections.splice(at, 1);
      else sections[at] = { ...sections[at], ...change };
    } else {
      const after = sections.findIndex((s) => s.id === change.after);
      sections.splice(after >= 0 ? after + 1 : sections.length, 0, { ...change });
    }
  }
  return {
    id: raw.id ?? parent.id,
    name: raw.name ?? parent.name,
    aliases: raw.aliases ?? parent.aliases,
    description: raw.description ?? parent.description,
    detect: raw.detect ?? {
      ...parent.detect,
      titles: parent.detect.titles,
      openings: parent.detect.openings,
      'subheading-endings': parent.detect.subheadingEndings,
      'requires-in-text': parent.detect.requiresInText,
      'opens-as-a-plan': parent.detect.opensAsAPlan,
    },
    sections,
    tables: raw.tables ?? parent.tables,
    'deadline-terms': raw['deadline-terms'] ?? parent.deadlineTerms,
    title: raw.title ?? parent.title,
    closing: raw.closing ?? parent.closing,
    variables: raw.variables ?? parent.variables,
    quorum: raw.quorum ?? (parent.quorum ? { ...parent.quorum } : undefined),
  };
}

/** Built-ins plus a workspace's types; a workspace type with a built-in's id replaces it. */
export function mergeTypes(builtin: ReportType[], workspace: ReportType[]): ReportType[] {
  const ids = new Set(workspace.map((t) => t.id));
  return [...builtin.filter((t) => !ids.has(t.id)), ...workspace];
}

/**
 * `items-name: [{ what: 责任领导, words: [责任领导, 责任人], patterns: […], insert: …, kind: deadline }]`;
 * entries with neither words nor patterns are dropped.
 */
function itemsNameOf(raw: unknown, compile: (items: unknown, what: string) => RegExp[] | TypeLoadError): ItemDetail[] | TypeLoadError {
  if (!Array.isArray(raw)) return [];
  const out: ItemDetail[] = [];
  for (const x of raw) {
    if (!x || typeof x !== 'object') continue;
    const what = String(x.what ?? '');
    const patterns = compile(x.patterns, what);
    if (!Array.isArray(patterns)) return patterns;
    const words = Array.isArray(x.words) ? x.words.filter((w: unknown): w is string => typeof w === 'string' && w.length > 0) : [];
    if (what.length === 0 || words.length + patterns.length === 0) continue;
    out.push({
      what,
      words,
      patterns,
      insert: typeof x.insert === 'string' && x.insert.trim() ? x.insert.trim() : undefined,
      kind: x.kind === 'deadline' ? 'deadline' : undefined,
    });
  }
  return out;
}

/** `quorum: { ratio: 0.5, label: 半数, source: … }`; anything else means no quorum. */
function quorumOf(raw: unknown): ReportType['quorum'] {
  if (!raw || typeof raw !== 'object') return undefined;
  const q = raw as Record<string, unknown>;
  const ratio = Number(q.ratio);
  if (!(ratio > 0 && ratio <= 1)) return undefined;
  return { ratio, label: typeof q.label === 'string' ? q.label : String(ratio), source: typeof q.source === 'string' ? q.source : '' };
}
