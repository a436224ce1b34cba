/**
 * Builds the report model from a draft: one Markdown parse, then lines, roles, sections,
 * enumerations, counted lists, tables and placeholders. Pure: no editor, no file system
 * beyond the shipped data.
 */
import YAML from 'yaml';
import { t } from '../i18n';
import { parseProse, type ProseCache } from '../parse/parse-prose';
import type { ProseResult } from '../parse/prose-lines';
import { LineIndex } from '../text/line-index';
import { groupOrdinals, groupRuns, hasEnumerationMarkers, hasOrdinals } from './enumerations';
import { parseNumbering } from './numbering';
import { findPlaceholders, hasPlaceholders } from './placeholders';
import { findCountedLists, hasCountPhrases } from './counted-lists';
import { LINE_COUNTS, LINE_MARKERS, LINE_ORDINALS, LINE_PLACEHOLDERS, LINE_STRUCTURE } from './line-flags';
import { lineMemo } from './line-memo';
import { BRACKETED_NOTE, isAttachmentMark } from './attachment-mark';
import type { DocumentWords, FrontMatter, Numbering, ProseLine, ReportLine, ReportModel, Section, NumberLevel, TableModel } from './types';
import { yamlProblem } from '../text/yaml-problem';

export interface BuildOptions {
  extraPlaceholders?: string[];
  /** Parse results kept between versions of one document (the language server keeps one per file). */
  cache?: ProseCache;
  /** Title endings and closing phrases (report-types/*.yaml via documentWords); without them only a `#` title is found. */
  words?: DocumentWords;
  /** performance.now() past which the rest of the draft is read as plain lines (the server's time budget). */
  deadline?: number;
}

const BOM = 0xfeff;
const SENTENCE_END = /[。！？!?]/;
/** Trailing marks a heading may end with, which are not part of its title. */
const TRAILING_PUNCT = /[。，；：、,.;:！？!?\s\u3000]+$/;

export function buildModel(text: string, options: BuildOptions = {}): ReportModel {
  // With a document's cache, the index is made from the previous version's (only lines near the edit are read).
  const lineIndex = options.cache ? options.cache.lineIndexFor(text) : new LineIndex(text);
  const base = text.charCodeAt(0) === BOM ? 1 : 0;
  const source = base ? text.slice(1) : text;

  let prose: ProseResult;
  let parseFallback: string | undefined = tooDeep(source);
  if (parseFallback) prose = plainLines(text, base, lineIndex);
  else {
    try {
      prose = parseProse(source, base, lineIndex, undefined, options.cache, options.deadline);
    } catch (err) {
      parseFallback = err instanceof Error ? err.message : String(err);
      prose = plainLines(text, base, lineIndex);
    }
  }

  const frontMatter = readFrontMatter(prose);
  // A document's own cache (shiftInPlace) holds one model at a time: its report lines are reused too.
  const reuse = options.cache?.shiftInPlace === true;
  const flags = new Uint8Array(prose.lines.length);
  const lines: ReportLine[] = prose.lines.map((l, n) => {
    const line = reportLine(l, reuse);
    flags[n] = lineFlags(line);
    return line;
  });

  // Lines outside tables: most drafts have no table, and then no copy is made (a 5 MB draft has 70 000 lines).
  const flow = lines.some((l) => l.block === 'tableCell') ? lines.filter((l) => l.block !== 'tableCell') : lines;
  const title = assignRoles(flow, options.words ?? NO_WORDS);
  const sections = buildSections(lines, title);
  const enumerations = groupRuns(lines, flags);
  const tables: TableModel[] = prose.tables.map((t) => ({
    span: t.span,
    header: t.rows[0] ?? [],
    rows: t.rows.slice(1),
    align: t.align,
  }));

  return {
    text,
    lineIndex,
    frontMatter,
    lines,
    flow,
    title,
    sections,
    enumerations,
    ordinals: groupOrdinals(lines, flags),
    countedLists: findCountedLists(lines, enumerations, flags),
    tables,
    placeholders: findPlaceholders(lines, options.extraPlaceholders, text, flags),
    comments: prose.comments,
    markdownHeadings: sections.some((s) => s.line.headingDepth > 0),
    parseFallback,
    parseNote: prose.note,
  };
}

/**
 * Section numbers by line: a line parsed once keeps its offset arrays from version to version (the
 * parse cache), so its number is read once too, not on every keystroke.
 */
function numberingOf(l: ProseLine): Numbering | undefined {
  if (l.block === 'tableCell') return undefined;
  const memo = lineMemo(l);
  if (memo.numbering === undefined) memo.numbering = parseNumbering(l.text) ?? null;
  return (memo.numbering as Numbering | null) ?? undefined;
}

/** What the line holds (line-flags.ts): read once per parsed line. */
function lineFlags(line: ReportLine): number {
  const memo = lineMemo(line);
  if (memo.flags !== undefined) return memo.flags;
  let flags = 0;
  if (hasEnumerationMarkers(line)) flags |= LINE_MARKERS;
  if (hasOrdinals(line)) flags |= LINE_ORDINALS;
  if (hasCountPhrases(line)) flags |= LINE_COUNTS;
  if (hasPlaceholders(line)) flags |= LINE_PLACEHOLDERS;
  if (line.numbering || line.headingDepth > 0 || line.block === 'tableCell') flags |= LINE_STRUCTURE;
  memo.flags = flags;
  return flags;
}

/**
 * The parsed line as a report line: a new object (the parsed one may be shared with another text's
 * model, fix-all's rounds), or with `reuse` the one this parsed line had in the previous version of
 * the document, set afresh (a 5 MB draft has 70 000 lines, and a new object for each at every
 * keystroke was a tenth of what a keystroke allocated).
 */
function reportLine(l: ProseLine, reuse: boolean): ReportLine {
  const memo = lineMemo(l);
  const previous = reuse ? (memo.report as ReportLine | undefined) : undefined;
  if (previous) {
    previous.index = l.index;
    previous.sourceLine = l.sourceLine;
    previous.role = 'body';
    previous.numbering = numberingOf(l);
    previous.section = undefined;
    previous.cell = l.cell;
    return previous;
  }
  const line: ReportLine = {
    index: l.index,
    text: l.text,
    starts: l.starts,
    ends: l.ends,
    block: l.block,
    headingDepth: l.headingDepth,
    bold: l.bold,
    sourceLine: l.sourceLine,
    inList: l.inList,
    inQuote: l.inQuote,
    role: 'body',
    numbering: numberingOf(l),
    // Present on every line (undefined on most): one shape for all report lines, which every pass
    // over the lines reads at every keystroke.
    cell: l.cell,
    section: undefined,
    // The parsed line's memo, shared: what is read through the report line stays with the parsed one.
    memo: lineMemo(l),
  };
  if (reuse) memo.report = line;
  return line;
}

/** The line whose text holds `offset` (from its first character to just past its last), if any. */
export function lineAt(model: Pick<ReportModel, 'lines'>, offset: number): ReportLine | undefined {
  return model.lines.find((l) => l.starts.length > 0 && l.starts[0] <= offset && offset <= l.ends[l.ends.length - 1]);
}

/** The draft's text on the source line where `line` begins, marks and indentation included ("**一、……**", "3. ……"). */
export function sourceLineOf(model: Pick<ReportModel, 'text' | 'lineIndex'>, line: ProseLine): string {
  const { lineIndex } = model;
  const at = lineIndex.positionAt(line.starts[0]).line;
  return model.text.slice(lineIndex.lineStart(at), lineIndex.lineEnd(at));
}

/** The words of a heading: without its number, markup or closing punctuation. */
export function headingTitle(line: ProseLine & { numbering?: ReportLine['numbering'] }): string {
  let t = line.numbering ? line.text.slice(line.numbering.to) : line.text;
  t = t.replace(/^[\s\u3000]+/, '');
  return t.replace(TRAILING_PUNCT, '');
}

/** Characters of front matter parsed as YAML. */
export const MAX_FRONT_MATTER = 20_000;

function readFrontMatter(prose: ProseResult): FrontMatter | null {
  if (!prose.yaml) return null;
  const { span, value, valueStart } = prose.yaml;
  // A report's metadata is a handful of keys; a huge block is not parsed (YAML's duplicate-key
  // check grows with the square of the keys: 50 000 keys took 37 s).
  if (value.length > MAX_FRONT_MATTER) {
    return { span, data: null, error: { message: t('文首元数据过长（{0} 个字符，上限 {1}），未解析', value.length, MAX_FRONT_MATTER), span: { start: span.start, end: span.start + 3 } } };
  }
  try {
    const doc = YAML.parseDocument(value, { prettyErrors: false });
    if (doc.errors.length > 0) {
      const e = doc.errors[0];
      const [a, b] = e.pos;
      return {
        span,
        data: null,
        error: {
          message: yamlProblem(e),
          span: { start: valueStart + a, end: valueStart + Math.max(b, a + 1) },
        },
      };
    }
    const data = doc.toJS();
    return { span, data: data && typeof data === 'object' && !Array.isArray(data) ? data : null };
  } catch (err) {
    return { span, data: null, error: { message: String(err), span } };
  }
}

const NO_WORDS: DocumentWords = { titleSuffixes: [], closings: [] };
/** 特此报告。 and 特此报告 alike. */
const closingKey = (s: string) => s.trim().replace(/[。！]$/, '');

/** Roles of the lines outside tables (`flow`): title, addressee, closing, attachment, date, signature. */
function assignRoles(flow: ReportLine[], words: DocumentWords): ReportLine | undefined {
  let title: ReportLine | undefined;
  const first = flow[0];
  if (first && !first.numbering) {
    const t = first.text.trim();
    const markdownTitle = first.headingDepth === 1;
    const bareTitle =
      first.headingDepth === 0 &&
      t.length <= 80 &&
      !/[。；！？]$/.test(t) &&
      !/^根据/.test(t) &&
      words.titleSuffixes.some((s) => t.endsWith(s));
    if (markdownTitle || bareTitle) {
      first.role = 'title';
      title = first;
    }
  }
  const afterTitle = title ? flow[1] : flow[0];
  if (afterTitle && !afterTitle.numbering && afterTitle.headingDepth === 0) {
    const t = afterTitle.text.trim();
    if (t.length <= 40 && /[：:]$/.test(t) && !/[，。；]/.test(t)) afterTitle.role = 'addressee';
  }
  const closings = new Set(words.closings.map(closingKey));
  // Closing phrases are short: a longer line with nothing to trim is no closing, and is looked at
  // further only if it could be an attachment line or the date.
  const longest = Math.max(0, ...words.closings.map((c) => c.length));
  const end = closingEnd(flow);
  for (let i = 0; i < flow.length; i++) {
    const line = flow[i];
    if (line.role !== 'body' || line.numbering || line.headingDepth > 0) continue;
    const nearEnd = i >= end - 3 && i < end;
    const x = line.text;
    if (x.length > longest && !nearEnd && !isWhiteSpace(x.charCodeAt(0)) && !isWhiteSpace(x.charCodeAt(x.length - 1)) && !x.includes('附件')) continue;
    const t = line.text.trim();
    if (closings.has(closingKey(t))) line.role = 'closing';
    else if (/^附件[：:]/.test(t)) line.role = 'attachment';
    else if (nearEnd && isDateLine(t)) line.role = 'date';
  }
  // The signature: short lines between the closing (or the body) and the date.
  const dateAt = flow.findIndex((l) => l.role === 'date');
  if (dateAt > 0) {
    for (let i = dateAt - 1; i >= 0 && i >= dateAt - 2; i--) {
      const l = flow[i];
      const t = l.text.trim();
      if (l.role !== 'body' || l.numbering || t.length > 30 || /[。，；：！？,;:]/.test(t)) break;
      l.role = 'signature';
    }
  }
  return title;
}

/**
 * Where the main text's closing ends among the flow lines: before the first line that opens an
 * attachment's own text ("附件1", 7.3.7; the signature and date come before the attachments), and
 * before a 附注 in brackets on the line after the date (7.3.6); else at the last line.
 */
function closingEnd(flow: ReportLine[]): number {
  let end = flow.findIndex((l, i) => i > 0 && isAttachmentMark(l));
  if (end < 0) end = flow.length;
  if (end > 1 && BRACKETED_NOTE.test(flow[end - 1].text.trim())) end--;
  return end;
}

/**
 * What String.prototype.trim removes, by code unit: asked of the first and last character of every
 * line at every keystroke, where `x[0].trim()` made a string for each (a CJK character is no shared one).
 */
function isWhiteSpace(c: number): boolean {
  return (
    (c >= 9 && c <= 13) || c === 32 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

export function isDateLine(t: string): boolean {
  return /^(\d{4}|[XＸ]{2,4}|[一二三四五六七八九〇零○]{4})年[\dXＸ一二三四五六七八九十]{1,2}月[\dXＸ一二三四五六七八九十]{1,3}日$/.test(t);
}

function buildSections(lines: ReportLine[], title: ReportLine | undefined): Section[] {
  const sections: Section[] = [];
  const open: Section[] = [];
  let lastIndex = -1;
  for (const line of lines) {
    if (line.block === 'tableCell' || line === title) continue;
    lastIndex = line.index;
    const level = sectionLevel(line);
    if (level) {
      while (open.length > 0 && open[open.length - 1].level >= level) open.pop();
      const parent = open[open.length - 1];
      // The title is read once per parsed line (line-memo.ts): sections are built anew at every keystroke.
      const memo = lineMemo(line);
      const heading = (memo.heading ??= headingOf(line)) as { title: string; runIn: boolean };
      const runIn = heading.runIn;
      const section: Section = {
        id: sections.length,
        level,
        numbering: line.numbering,
        title: heading.title,
        line,
        runIn,
        parent,
        children: [],
        body: [],
        lastLine: line.index,
      };
      parent?.children.push(section);
      sections.push(section);
      open.push(section);
      line.role = 'heading';
      line.section = section;
    } else {
      const current = open[open.length - 1];
      if (current) {
        current.body.push(line);
        line.section = current;
      }
    }
    for (const s of open) s.lastLine = lastIndex;
  }
  // Tables belong to the section they sit in: the last one whose heading comes before the cell.
  let owner = -1;
  for (const line of lines) {
    while (owner + 1 < sections.length && sections[owner + 1].line.index < line.index) owner++;
    if (line.block === 'tableCell' && owner >= 0) line.section = sections[owner];
  }
  return sections;
}

function headingOf(line: ReportLine): { title: string; runIn: boolean } {
  const titleText = headingTitle(line);
  const runIn = line.headingDepth === 0 && isRunIn(line);
  return { title: runIn ? titleText.split(SENTENCE_END)[0] : titleText, runIn };
}

function sectionLevel(line: ReportLine): NumberLevel | undefined {
  if (line.numbering && !line.inList) return line.numbering.level;
  if (line.numbering && line.inList && /^\d/.test(line.numbering.marker)) return line.numbering.level;
  if (line.headingDepth >= 2) return Math.min(4, line.headingDepth - 1) as NumberLevel;
  if (line.headingDepth === 1) return 1;
  return undefined;
}

/** "（一）加强学习。具体是……" runs into its paragraph; "一、会前准备情况" stands alone. */
function isRunIn(line: ReportLine): boolean {
  const body = line.text.slice(line.numbering?.to ?? 0).trim();
  const m = SENTENCE_END.exec(body);
  return m !== null && m.index < body.length - 1;
}

/** Deeper than any report: nesting like this only comes from generated or damaged text. */
export const MAX_NESTING = 64;

/**
 * Lists and quotes nested thousands deep make the Markdown parser slow (seconds) or overflow its
 * stack; such text is read line by line instead. A linear scan of the containers at line starts.
 */
function tooDeep(source: string): string | undefined {
  let depth = 0;
  // Nesting across lines shows as indentation: a list item indented 2 columns per level.
  let indent = 0;
  let atStart = true;
  let nextLf = -2;
  let nextCr = -2;
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c === 10 || c === 13) {
      depth = 0;
      indent = 0;
      atStart = true;
      continue;
    }
    if (!atStart) {
      // Only line starts matter: go straight to the next line break.
      // Each search starts past the last one's answer, so the whole scan stays linear.
      if (nextLf !== -1 && nextLf < i) nextLf = source.indexOf('\n', i);
      if (nextCr !== -1 && nextCr < i) nextCr = source.indexOf('\r', i);
      const next = nextLf < 0 ? nextCr : nextCr < 0 ? nextLf : Math.min(nextLf, nextCr);
      if (next < 0) break;
      i = next - 1;
      continue;
    }
    if (c === 32 || c === 9) {
      indent += c === 9 ? 4 : 1;
      continue;
    }
    // > quote, - + * bullets, and "1." "1)" ordered markers each open a container.
    if (c === 62 || ((c === 45 || c === 43 || c === 42) && (source.charCodeAt(i + 1) === 32 || source.charCodeAt(i + 1) === 9))) {
      if (++depth + (indent >> 1) > MAX_NESTING) return `嵌套层级超过 ${MAX_NESTING} 层`;
      continue;
    }
    if (c >= 48 && c <= 57) {
      let j = i;
      while (j < source.length && j - i < 9 && source.charCodeAt(j) >= 48 && source.charCodeAt(j) <= 57) j++;
      const d = source.charCodeAt(j);
      if ((d === 46 || d === 41) && (source.charCodeAt(j + 1) === 32 || source.charCodeAt(j + 1) === 9)) {
        if (++depth + (indent >> 1) > MAX_NESTING) return `嵌套层级超过 ${MAX_NESTING} 层`;
        i = j;
        continue;
      }
    }
    atStart = false;
  }
  return undefined;
}

/** Fallback when the Markdown parser fails: every source line is a paragraph. */
function plainLines(text: string, base: number, index: LineIndex): ProseResult {
  const lines: ProseLine[] = [];
  for (let n = 0; n < index.lineCount; n++) {
    const start = Math.max(index.lineStart(n), base);
    const end = index.lineEnd(n);
    const t = text.slice(start, end);
    if (t.trim().length === 0) continue;
    const starts: number[] = [];
    const ends: number[] = [];
    for (let i = 0; i < t.length; i++) {
      starts.push(start + i);
      ends.push(start + i + 1);
    }
    lines.push({
      index: lines.length,
      text: t,
      starts: Int32Array.from(starts),
      ends: Int32Array.from(ends),
      block: 'paragraph',
      headingDepth: 0,
      bold: [],
      sourceLine: n,
      inList: false,
      inQuote: false,
    });
  }
  return { lines, tables: [], comments: [] };
}
