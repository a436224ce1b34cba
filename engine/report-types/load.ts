/**
 * Reads report type definitions: a YAML (or JSON) file per type and a Handlebars skeleton beside
 * it. A malformed definition is reported and skipped; the other types keep working.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import YAML from 'yaml';
import { assetRoot } from '../data';
import type { ReportType, TypeLoadError, TypeSection, TypeTable } from './types';

export interface LoadedTypes {
  types: ReportType[];
  errors: TypeLoadError[];
}

let builtins: LoadedTypes | undefined;

export function builtinTypes(): LoadedTypes {
  builtins ??= loadTypesFrom(path.join(assetRoot(), 'report-types'));
  return builtins;
}

export function loadTypesFrom(dir: string): LoadedTypes {
  const result: LoadedTypes = { types: [], errors: [] };
  let names: string[];
  try {
    names = fs.readdirSync(dir).filter((n) => /\.(ya?ml|json)$/i.test(n)).sort();
  } catch (err) {
    result.errors.push({ file: dir, message: `无法读取报告类型目录：${(err as Error).message}` });
    return result;
  }
  for (const name of names) {
    const file = path.join(dir, name);
    try {
      const text = fs.readFileSync(file, 'utf8');
      const skeletonFile = file.replace(/\.(ya?ml|json)$/i, '.hbs');
      const skeleton = fs.existsSync(skeletonFile) ? fs.readFileSync(skeletonFile, 'utf8') : '';
      const parsed = parseDefinition(text, file, skeleton);
      if ('error' in parsed) result.errors.push(parsed.error);
      else result.types.push(parsed.type);
    } catch (err) {
      result.errors.push({ file, message: `无法读取：${(err as Error).message}` });
    }
  }
  return result;
}

export function parseDefinition(
  text: string,
  file: string,
  skeleton: string,
): { type: ReportType } | { error: TypeLoadError } {
  const doc = YAML.parseDocument(text);
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    return {
      error: { file, message: `YAML 格式错误：${e.message.split('\n')[0]}`, line: e.linePos?.[0].line, column: e.linePos?.[0].col },
    };
  }
  const raw = doc.toJS() as Record<string, unknown> | null;
  const fail = (message: string) => ({ error: { file, message } });
  if (!raw || typeof raw !== 'object') return fail('定义应是一个对象（含 id、name、sections 等字段）。');
  if (typeof raw.id !== 'string' || !/^[a-z0-9][a-z0-9-]*$/.test(raw.id)) {
    return fail('缺少 id，或 id 不是小写字母、数字和连字符组成的标识（如 org-life-meeting-report）。');
  }
  if (typeof raw.name !== 'string' || raw.name.length === 0) return fail(`类型 ${raw.id} 缺少中文名称 name。`);
  const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
  const rawSections = Array.isArray(raw.sections) ? raw.sections : [];
  const sections: TypeSection[] = [];
  for (const [i, s] of rawSections.entries()) {
    if (!s || typeof s !== 'object' || typeof s.title !== 'string') {
      return fail(`sections 第 ${i + 1} 项缺少标题 title。`);
    }
    sections.push({
      id: typeof s.id === 'string' ? s.id : `section-${i + 1}`,
      title: s.title,
      variants: strings(s.variants),
      required: s.required !== false,
      hint: typeof s.hint === 'string' ? s.hint : undefined,
      phrases: strings(s.phrases),
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
  const closing = (raw.closing ?? {}) as Record<string, unknown>;
  return {
    type: {
      id: raw.id,
      name: raw.name,
      aliases: strings(raw.aliases),
      description: typeof raw.description === 'string' ? raw.description : '',
      detect: { keywords: strings(detect.keywords), excludes: strings(detect.excludes) },
      sections,
      tables,
      deadlineTerms: strings(raw['deadline-terms']),
      closing: { required: closing.required === true, phrases: strings(closing.phrases) },
      variables: (Array.isArray(raw.variables) ? raw.variables : [])
        .filter((v: any) => v && typeof v.name === 'string')
        .map((v: any) => ({ name: v.name, label: String(v.label ?? v.name), placeholder: String(v.placeholder ?? `【${v.label ?? v.name}】`) })),
      skeleton,
      source: file,
    },
  };
}
