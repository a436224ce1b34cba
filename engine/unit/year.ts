/** Which year profile and meeting a draft is about: front matter `year:`, else the title. */
import type { ReportModel } from '../model/types';
import type { ReportType } from '../report-types/types';
import type { MeetingProfile, UnitData, YearProfile } from './types';

export function yearOf(model: ReportModel): number | undefined {
  const raw = model.frontMatter?.data?.year ?? model.frontMatter?.data?.['年度'];
  const fromMatter = typeof raw === 'number' ? raw : typeof raw === 'string' ? Number(/\d{4}/.exec(raw)?.[0]) : NaN;
  if (Number.isInteger(fromMatter) && fromMatter > 1900) return fromMatter;
  const title = model.title?.text ?? (typeof model.frontMatter?.data?.title === 'string' ? model.frontMatter.data.title : '');
  const m = /(19|20)\d{2}(?=\s*年)/.exec(title);
  return m ? Number(m[0]) : undefined;
}

/** The meeting of the year's profile that the draft is about: named in the title or the type, else the only one. */
export function profileFor(model: ReportModel, type: ReportType, unit: UnitData): { year: YearProfile; meeting: MeetingProfile } | undefined {
  const y = yearOf(model);
  const year = y === undefined ? undefined : unit.years.get(y);
  if (!year || year.meetings.length === 0) return undefined;
  const names = `${model.title?.text ?? ''} ${type.name}`;
  const named = year.meetings.find((m) => names.includes(m.meeting));
  if (named) return { year, meeting: named };
  return year.meetings.length === 1 && model.text.includes(year.meetings[0].meeting) ? { year, meeting: year.meetings[0] } : undefined;
}
