/** Reads roster, quotation and year-profile YAML into the unit data model, listing what is wrong. */
import YAML, { LineCounter, isMap, isSeq, type Document } from 'yaml';
import { t } from '../i18n';
import type { MeetingProfile, Quotation, RosterMember, UnitProblem, YearProfile } from './types';
import { yamlErrorAt, yamlProblem } from '../text/yaml-problem';

type Problems = UnitProblem[];

interface Parsed {
  value: unknown;
  /** Where the n-th item of a list (under `key`, or the top-level list) starts, 1-based. */
  itemAt(key: string | undefined, n: number): { line?: number; column?: number };
}

function parseYaml(text: string, file: string, problems: Problems): Parsed | undefined {
  const lineCounter = new LineCounter();
  const doc = YAML.parseDocument(text, { lineCounter });
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    problems.push({ file, message: t('格式错误：{0}', yamlProblem(e)), ...yamlErrorAt(e) });
    return undefined;
  }
  return { value: doc.toJS(), itemAt: (key, n) => itemPosition(doc, lineCounter, key, n) };
}

function itemPosition(doc: Document, lines: LineCounter, key: string | undefined, n: number): { line?: number; column?: number } {
  const list = key === undefined || isSeq(doc.contents) ? doc.contents : isMap(doc.contents) ? doc.contents.get(key, true) : undefined;
  const item = isSeq(list) ? list.items[n] : undefined;
  const start = (item as { range?: [number, number, number] } | undefined)?.range?.[0];
  if (start === undefined) return {};
  const pos = lines.linePos(start);
  return { line: pos.line, column: pos.col };
}

const NO_POSITION = (): { line?: number; column?: number } => ({});

const texts = (v: unknown): string[] =>
  typeof v === 'string' ? [v] : Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x.trim().length > 0) : [];

/** `members: [{name, title}]`, or the list itself (as the project file's `roster:` may give it). */
export function parseRoster(raw: unknown, file: string, problems: Problems, at: Parsed['itemAt'] = NO_POSITION): RosterMember[] {
  const list = Array.isArray(raw) ? raw : raw && typeof raw === 'object' ? (raw as { members?: unknown }).members : undefined;
  if (!Array.isArray(list)) {
    problems.push({ file, message: t('名单应为 members: 列表，每项含 name（姓名）和 title（职务）。') });
    return [];
  }
  const members: RosterMember[] = [];
  list.forEach((m, i) => {
    const name = typeof m?.name === 'string' ? m.name.trim() : '';
    if (!/^[\u3400-\u9fff·]{2,6}$/.test(name)) {
      problems.push({ file, message: t('名单第 {0} 项的姓名 name 应为 2 至 6 个汉字。', i + 1), ...at('members', i) });
      return;
    }
    members.push({ name, titles: [...texts(m.title), ...texts(m.titles)].map((s) => s.trim()) });
  });
  return members;
}

export function parseRosterFile(text: string, file: string, problems: Problems): RosterMember[] | undefined {
  const parsed = parseYaml(text, file, problems);
  return parsed === undefined ? undefined : parseRoster(parsed.value, file, problems, parsed.itemAt);
}

/** `quotations: [{text, source, date}]`; an entry without text or source is refused. */
export function parseQuotationFile(text: string, file: string, problems: Problems): Quotation[] {
  const parsed = parseYaml(text, file, problems);
  const raw = parsed?.value as { quotations?: unknown } | undefined | null;
  if (!parsed || raw === undefined || raw === null) return [];
  const list = Array.isArray(raw) ? raw : raw.quotations;
  if (!Array.isArray(list)) {
    problems.push({ file, message: t('原文库应为 quotations: 列表，每项含 text（原文）和 source（出处）。') });
    return [];
  }
  const out: Quotation[] = [];
  list.forEach((q, i) => {
    if (typeof q?.text !== 'string' || typeof q?.source !== 'string' || !q.text.trim() || !q.source.trim()) {
      problems.push({ file, message: t('原文库第 {0} 项缺少 text（原文）或 source（出处）。', i + 1), ...parsed.itemAt('quotations', i) });
      return;
    }
    const date = q.date instanceof Date ? q.date.toISOString().slice(0, 10) : typeof q.date === 'string' ? q.date : undefined;
    out.push({ text: q.text.trim(), source: q.source.trim(), date, file });
  });
  return out;
}

/** A year profile: `year`, then `meetings: [{meeting, theme, aspects, source}]`. */
export function parseYearFile(text: string, file: string, problems: Problems): YearProfile | undefined {
  const parsed = parseYaml(text, file, problems);
  const raw = parsed?.value as Record<string, unknown> | undefined;
  if (!parsed || !raw || typeof raw !== 'object') return undefined;
  const year = Number(raw.year);
  if (!Number.isInteger(year) || year < 1921 || year > 2200) {
    problems.push({ file, message: t('年度配置缺少 year（四位年份）。') });
    return undefined;
  }
  const meetings: MeetingProfile[] = [];
  const list = Array.isArray(raw.meetings) ? raw.meetings : [];
  list.forEach((m: any, i: number) => {
    if (typeof m?.meeting !== 'string' || typeof m?.theme !== 'string') {
      problems.push({ file, message: t('年度配置 meetings 第 {0} 项缺少 meeting（会议名称）或 theme（主题）。', i + 1), ...parsed.itemAt('meetings', i) });
      return;
    }
    meetings.push({ meeting: m.meeting, theme: m.theme.trim(), aspects: texts(m.aspects), source: typeof m.source === 'string' ? m.source : '' });
  });
  if (meetings.length === 0) problems.push({ file, message: t('年度配置没有 meetings（各会议的主题和对照检查方面）。') });
  return { year, meetings, file };
}
