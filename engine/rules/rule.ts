/** What every rule is: an id, a default severity, a check over the report model, and fixes. */
import type { ReportLine, ReportModel, Severity, Span } from '../model/types';
import type { SectionMatch } from '../report-types/match';
import type { ReportType } from '../report-types/types';
import type { Formulation } from '../formulations/load';
import type { CopyFinder, Location } from '../copies/paragraph-index';
import type { UnitData } from '../unit/types';

export interface TextEdit {
  span: Span;
  newText: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
  /** Safe fixes are applied by "fix all"; the rest only when chosen one by one. */
  safe: boolean;
}

export interface Finding {
  rule: string;
  severity: Severity;
  message: string;
  span: Span;
  fix?: Fix;
  /** Other places the finding concerns (another file's paragraph, for copied-paragraph). */
  related?: Array<Location & { message: string }>;
}

/** The paragraphs of the other reports of the workspace and archive, and which file is this one. */
export interface Corpus {
  index: CopyFinder;
  self: string;
  /** Related files are named relative to this folder. */
  root?: string;
}

export interface RuleContext {
  model: ReportModel;
  type: ReportType;
  match: SectionMatch;
  formulations: Formulation[];
  /** The unit's roster, quotation library and year profiles (with the shipped ones). */
  unit: UnitData;
  /**
   * The year the draft was written in, as far as it says (its title, opening or date line: the
   * latest year named there), for formulations that changed over the years. Undefined when it says none.
   */
  documentYear?: number;
  /** Builds the full text of a missing section, for fixes that insert one. */
  renderSection?: (sectionId: string, number: number) => string;
  corpus?: Corpus;
  /**
   * What a document rule reads from one line alone, worked out once per line and kept with it
   * between versions of a document (a check from scratch computes it every time). Must depend on the
   * line's text and parse only, and hold offsets into line.text, never spans or the line itself.
   * `key` tells one rule's facts from another's: the rule's id. `compute` gets the line: pass a
   * module-level function, not a closure made per line (this is asked of every line at every keystroke).
   */
  lineFacts<T>(line: ReportLine, key: string, compute: (line: ReportLine) => T): T;
  report(finding: { span: Span; message: string; fix?: Fix; related?: Finding['related'] }): void;
}

/**
 * What a rule's findings can depend on, so that the engine knows what an edit can change:
 * - 'paragraph': one line at a time — its text, parse (block, heading depth, list, quote, bold),
 *   positions, role and numbering — and the check's data (report type, formulations, unit data,
 *   message language). Never the line's index, section or neighbours. The engine keeps each line's
 *   findings between versions of a document and runs the rule only on lines that changed.
 * - 'document': anything in the model; run on every check, so it must stay cheap on large drafts
 *   (work over the model's summaries: sections, enumerations, counted lists, placeholders).
 */
export type RuleScope = 'paragraph' | 'document';

interface RuleBase {
  id: string;
  defaultSeverity: Severity;
  /** One line for docs, hovers and `party-report rules`. */
  summary: string;
  /** Some findings come with a fix (test/rules.test.ts holds this against the fixtures). */
  fixable?: boolean;
  /** What the rule enforces: a standard's clause or the data it reads, e.g. 'GB/T 9704—2012 7.2.5'. */
  source?: string;
  /**
   * A paragraph rule that reads phrases which a page layout may have broken over two lines (a
   * series of four members, a quotation): on the printed lines of a wrapped paragraph (which
   * hard-wrapped-lines reports) its findings are left out until the lines are joined.
   */
  readsAcrossLineBreaks?: boolean;
  /**
   * Rules that say the same thing more precisely: where one of them reports a span that overlaps a
   * finding of this rule, this rule's finding is left out (one mistake, one message and one fix).
   */
  yieldsTo?: string[];
  /**
   * A paragraph rule that also reads the front matter's 成文日期 and 发文字号 values, which the
   * export prints as written (model/front-matter-values.ts).
   */
  readsFrontMatterValues?: boolean;
}

export interface DocumentRule extends RuleBase {
  scope?: 'document';
  check(ctx: RuleContext): void;
}

export interface ParagraphRule extends RuleBase {
  scope: 'paragraph';
  /** Reports this line's findings through ctx.report; ctx.model is there for its text and line index only. */
  checkLine(line: ReportLine, ctx: RuleContext): void;
}

export type Rule = DocumentRule | ParagraphRule;

/**
 * At most this many findings of one rule on one line. A pasted line of 500,000 half-width commas
 * made 500,000 findings, each with its message and fix, on every keystroke: the server took seconds
 * per edit to publish the first 2,000 of them. Past the limit the rule stops on that line and a note
 * says so; fix-all mends what was found, and the next check finds the rest.
 */
export const MAX_PER_LINE = 200;

