/** Reads roster, quotation and year-profile YAML into the unit data model, listing what is wrong. */
import YAML from 'yaml';
import { t } from '../i18n';
import type { MeetingProfile, Quotation, RosterMember, UnitProblem, YearProfile } from './types';

type Problems = UnitProblem[];

function parseYaml(text: string, file: string, problems: Problems): unknown {
  const doc = YAML.parseDocument(text);
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    problems.push({ file, message: t('格式错误：{0}', e.message.split('\n')[0]), line: e.linePos?.[0].line, column: e.linePos?.[0].col });
    return undefined;
  }
  return doc.toJS();
}

const texts = (v: unknown): string[] =>
  typeof v === 'string' ? [v] : Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x.trim().length > 0) : [];

/** `members: [{name, title}]`, or the list itself (as the project file's `roster:` may give it). */
export function parseRoster(raw: unknown, file: string, problems: Problems): RosterMember[] {
  const list = Array.isArray(raw) ? raw : raw && typeof raw === 'object' ? (raw as { members?: unknown }).members : undefined;
  if (!Array.isArray(list)) {
    problems.push({ file, message: t('名单应为 members: 列表，每项含 name（姓名）和 title（职务）。') });
    return [];
  }
  const members: RosterMember[] = [];
  list.forEach((m, i) => {
    const name = typeof m?.name === 'string' ? m.name.trim() : '';
    if (!/^[\u3400-\u9fff·]{2,6}$/.test(name)) {
      problems.push({ file, message: t('名单第 {0} 项的姓名 name 应为 2 至 6 个汉字。', i + 1) });
      return;
    }
    members.push({ name, titles: [...texts(m.title), ...texts(m.titles)].map((s) => s.trim()) });
  });
  return members;
}

export function parseRosterFile(text: string, file: string, problems: Problems): RosterMember[] | undefined {
  const raw = parseYaml(text, file, problems);
  return raw === undefined ? undefined : parseRoster(raw, file, problems);
}

/** `quotations: [{text, source, date}]`; an entry without text or source is refused. */
export function parseQuotationFile(text: string, file: string, problems: Problems): Quotation[] {
  const raw = parseYaml(text, file, problems) as { quotations?: unknown } | undefined;
  if (raw === undefined || raw === null) return [];
  const list = Array.isArray(raw) ? raw : raw.quotations;
  if (!Array.isArray(list)) {
    problems.push({ file, message: t('原文库应为 quotations: 列表，每项含 text（原文）和 source（出处）。') });
    return [];
  }
  const out: Quotation[] = [];
  list.forEach((q, i) => {
    if (typeof q?.text !== 'string' || typeof q?.source !== 'string' || !q.text.trim() || !q.source.trim()) {
      problems.push({ file, message: t('原文库第 {0} 项缺少 text（原文）或 source（出处）。', i + 1) });
      return;
    }
    const date = q.date instanceof Date ? q.date.toISOString().slice(0, 10) : typeof q.date === 'string' ? q.date : undefined;
    out.push({ text: q.text.trim(), source: q.source.trim(), date, file });
  });
  return out;
}

/** A year profile: `year`, then `meetings: [{meeting, theme, aspects, source}]`. */
export function parseYearFile(text: string, file: string, problems: Problems): YearProfile | undefined {
  const raw = parseYaml(text, file, problems) as Record<string, unknown> | undefined;
  if (!raw || typeof raw !== 'object') return undefined;
  const year = Number(raw.year);
  if (!Number.isInteger(year) || year < 1921 || year > 2200) {
    problems.push({ file, message: t('年度配置缺少 year（四位年份）。') });
    return undefined;
  }
  const meetings: MeetingProfile[] = [];
  const list = Array.isArray(raw.meetings) ? raw.meetings : [];
  list.forEach((m: any, i: number) => {
    if (typeof m?.meeting !== 'string' || typeof m?.theme !== 'string') {
      problems.push({ file, message: t('年度配置 meetings 第 {0} 项缺少 meeting（会议名称）或 theme（主题）。', i + 1) });
      return;
    }
    meetings.push({ meeting: m.meeting, theme: m.theme.trim(), aspects: texts(m.aspects), source: typeof m.source === 'string' ? m.source : '' });
  });
  if (meetings.length === 0) problems.push({ file, message: t('年度配置没有 meetings（各会议的主题和对照检查方面）。') });
  return { year, meetings, file };
}
