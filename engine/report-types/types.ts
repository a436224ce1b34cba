/** The shape of a report type definition (report-types/<id>.yaml). */
export interface TypeSection {
  id: string;
  title: string;
  variants: string[];
  required: boolean;
  hint?: string;
  phrases: string[];
  /**
   * Words that say what the section is about (准备/学习/征求意见 for 会前准备): a heading that uses
   * them, or whose sub-headings and paragraphs do, stands for this section under another name.
   */
  concepts: string[];
  /**
   * Headings that stand for no section of the type count as this one: a 述职报告 or 工作总结 often
   * writes its main part as thematic headings ("一、完善制度规范，……") instead of "履职情况".
   */
  absorbsThemes: boolean;
  /**
   * What each item of the section must name (整改方案: every problem its 责任领导 and 整改时限): the
   * section's sub-headings, or its top headings when the section is made of them. Empty: no check.
   */
  itemsName: ItemDetail[];
  /** What this section says (整改目标: "6月底前全部完成，由班子成员按分工牵头") counts for every item of another's `items-name`. */
  speaksForItems: boolean;
  /**
   * Top headings that are items of this section whatever other section's name they contain
   * ("一、关于……工作要求不够有力的问题" is a problem, not the 组织保障 its words name).
   */
  itemHeadings: RegExp[];
}

/** One thing each item of a section must name (`items-name`): any of the words, or a match of a pattern. */
export interface ItemDetail {
  /** How messages name it: 责任领导（责任人）. */
  what: string;
  words: string[];
  patterns: RegExp[];
  /** The line the quick fix adds, with a placeholder: 责任领导：【责任领导】. */
  insert?: string;
  /** deadline: a value written after its label ("整改时限：尽快") must name a time. */
  kind?: 'deadline';
}

/** What tells a draft of this type from other Chinese documents (see docs/rules.md, 报告类型的识别). */
export interface TypeDetection {
  /** Words in the title or opening that lean towards this type. */
  keywords: string[];
  /** Words in the title or opening that rule this type out. */
  excludes: string[];
  /** Patterns (regular expressions) a title of this type matches: strong evidence. */
  titles: RegExp[];
  /** Patterns an opening paragraph of this type matches ("现将……情况报告如下"): strong evidence. */
  openings: RegExp[];
  /** At least one of these words must stand in the title, the opening or a heading (none: no condition). */
  requires: string[];
  /**
   * At least one of these words must stand somewhere in the draft's first REQUIRES_IN_TEXT_CHARS
   * characters (none: no condition): a Party 述职 mentions 党 or 廉 somewhere, a teacher's does not.
   */
  requiresInText: string[];
  /** Sub-headings ending in these words ("（一）……方面") are typical of the type. */
  subheadingEndings: string[];
  /**
   * The type is a plan, which says "特制定本方案": where its title or opening patterns match, the
   * opening that marks a plan or a regulation (detection.yaml, other-openings) counts nothing against it.
   */
  opensAsAPlan: boolean;
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
  detect: TypeDetection;
  sections: TypeSection[];
  tables: TypeTable[];
  deadlineTerms: string[];
  /** How titles of this type look: an example, and the endings that make a first line the title. */
  title: { example?: string; suffixes: string[] };
  /** Closing lines of this type (特此报告。). */
  closing: { phrases: string[] };
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
