/**
 * A unit's own reference data, read from `.party-report/` (or the project file) on top of what ships
 * in data/: its roster of leaders and members, its quotation library and its year profiles.
 */

export interface RosterMember {
  name: string;
  /** One or more titles as the unit writes them, e.g. 机关党委副书记. */
  titles: string[];
}

export interface Quotation {
  text: string;
  /** The speech or article, e.g. 在庆祝中国共产党成立100周年大会上的讲话. */
  source: string;
  /** YYYY-MM-DD where known. */
  date?: string;
  /** Where the entry was read from: a file path. */
  file: string;
}

export interface MeetingProfile {
  /** 民主生活会 / 组织生活会 … as the title names the meeting. */
  meeting: string;
  theme: string;
  /** What the 对照检查材料 must cover, in order. */
  aspects: string[];
  source: string;
}

export interface YearProfile {
  year: number;
  meetings: MeetingProfile[];
  file: string;
}

export interface UnitData {
  /** Undefined when the unit keeps no roster: the roster rules are then silent. */
  roster?: RosterMember[];
  quotations: Quotation[];
  years: Map<number, YearProfile>;
}

export interface UnitProblem {
  file: string;
  message: string;
  line?: number;
  column?: number;
}
