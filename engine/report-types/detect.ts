/**
 * Which report type a draft is. Front matter decides when it names one (`template: <id>` or the
 * type's Chinese name); otherwise title, opening and headings are scored, and a draft that matches
 * no type with confidence (a README, notes) gets no type — and so no report diagnostics.
 */
import type { ReportModel } from '../model/types';
import { matchSections } from './match';
import type { ReportType } from './types';

export interface Detection {
  type?: ReportType;
  /** How the type was chosen. */
  by: 'front-matter' | 'content' | 'option' | 'none';
  /** Front matter named a type that does not exist. */
  unknown?: string;
}

const TYPE_KEYS = ['template', 'type', '报告类型', '模板'];

export function findType(types: ReportType[], name: string): ReportType | undefined {
  const n = name.trim();
  return types.find((t) => t.id === n || t.name === n || t.aliases.includes(n));
}

export function declaredType(model: ReportModel): string | undefined {
  const data = model.frontMatter?.data;
  if (!data) return undefined;
  for (const key of TYPE_KEYS) {
    const v = data[key];
    if (typeof v === 'string' && v.trim()) return v.trim();
  }
  return undefined;
}

export function detectType(model: ReportModel, types: ReportType[], forced?: string): Detection {
  if (forced) {
    const type = findType(types, forced);
    return type ? { type, by: 'option' } : { by: 'none', unknown: forced };
  }
  const declared = declaredType(model);
  if (declared) {
    const type = findType(types, declared);
    return type ? { type, by: 'front-matter' } : { by: 'none', unknown: declared };
  }

  // The words that say what a document is: its title, its opening lines and its top headings.
  const flow = model.lines.filter((l) => l.block !== 'tableCell');
  const fmTitle = typeof model.frontMatter?.data?.title === 'string' ? (model.frontMatter.data.title as string) : '';
  const head = [fmTitle, model.title?.text ?? '', ...flow.slice(0, 3).map((l) => l.text)].join('\n');

  let best: { type: ReportType; score: number } | undefined;
  for (const type of types) {
    const match = matchSections(model, type);
    const matched = new Set([...match.byId.keys()]);
    const required = type.sections.filter((s) => s.required && matched.has(s.id)).length;
    const optional = matched.size - required;
    const keyword = type.detect.keywords.some((k) => head.includes(k));
    const excluded = type.detect.excludes.some((k) => head.includes(k));
    const hasTable = type.tables.length > 0 && model.tables.length > 0;
    const confident = matched.size >= 2 || (keyword && (matched.size >= 1 || hasTable));
    if (!confident) continue;
    const score = required * 2 + optional + (keyword ? 3 : 0) + (hasTable && keyword ? 3 : 0) - (excluded ? 6 : 0);
    if (score > 0 && (!best || score > best.score)) best = { type, score };
  }
  return best ? { type: best.type, by: 'content' } : { by: 'none' };
}
