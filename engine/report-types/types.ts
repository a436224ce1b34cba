/** The shape of a report type definition (report-types/<id>.yaml). */
export interface TypeSection {
  id: string;
  title: string;
  variants: string[];
  required: boolean;
  hint?: string;
  phrases: string[];
}

export interface TypeColumn {
  id: string;
  title: string;
  variants: string[];
  required: boolean;
  kind?: 'deadline';
}

export interface TypeTable {
  id: string;
  required: boolean;
  columns: TypeColumn[];
}

export interface TypeVariable {
  name: string;
  label: string;
  placeholder: string;
}

export interface TypeQuorum {
  ratio: number;
  /** How the rule says it: 半数. */
  label: string;
  /** The clause that sets it. */
  source: string;
}

export interface ReportType {
  id: string;
  name: string;
  aliases: string[];
  description: string;
  detect: { keywords: string[]; excludes: string[] };
  sections: TypeSection[];
  tables: TypeTable[];
  deadlineTerms: string[];
  closing: { required: boolean; phrases: string[] };
  variables: TypeVariable[];
  /** The share of those expected who must attend, where a rule requires one (e.g. 半数以上). */
  quorum?: TypeQuorum;
  /** The Handlebars skeleton's source text. */
  skeleton: string;
  /** Where the definition came from (a file path), for messages. */
  source: string;
}

export interface TypeLoadError {
  file: string;
  message: string;
  /** 0-based line/column in the definition file where known. */
  line?: number;
  column?: number;
}
