import { t } from '../i18n';
import { sourceLineOf } from '../model/build';
import type { ReportLine, ReportModel, Section } from '../model/types';
import { nameScore, normalizeTitle, type SectionMatch } from '../report-types/match';
import type { ItemDetail, TypeSection } from '../report-types/types';
import type { DocumentRule, Fix, RuleContext } from './rule';
import { namesATime, vagueDeadline } from './deadline';
import { q, spanOf, trimmedSpan } from './util';

/**
 * Each item of a section must name certain things (report-types/<id>.yaml, `items-name`): every
 * problem of a 整改方案 its 责任领导 and its 整改时限, or the plan cannot be followed up.
 *
 * The items are the sub-headings ("（一）在……方面") of the heading that names the section, or that
 * heading itself when it has none, and the top headings that are items by the section's
 * `item-headings` ("一、关于……的问题"). Headings the section takes in only as themes ("二、成立整改
 * 工作领导小组", "四、方法步骤") are no problems. A section that holds a table leaves its rows to
 * table-structure. Named once for all — in the section's own lines before its items, in a line
 * "以上问题由……" after them, or in a section marked `speaks-for-items` (整改目标) — a detail counts
 * for every item.
 *
 * Linear in the draft: the shared text is read once a section, the labels in use once, each item's
 * lines once (a 5 MB plan has tens of thousands of items).
 */
export const itemDetails: DocumentRule = {
  id: 'item-details',
  defaultSeverity: 'warning',
  summary: '整改方案的问题没有写明责任和时限',
  fixable: true,
  source: '报告类型定义（report-types/ 的 items-name）',
  check(ctx) {
    const { type, match, model } = ctx;
    for (const typeSection of type.sections) {
      if (typeSection.itemsName.length === 0) continue;
      const named = match.roots.filter((r) => r.typeSection === typeSection && r.how === 'name');
      // A sub-heading that names another section of the type ("（四）加强组织领导" at the end of the
      // measures is the 组织保障) is not a problem.
      const others = type.sections.filter((s) => s !== typeSection);
      const namesAnother = (s: Section) => others.some((o) => nameScore(normalizeTitle(s.title), o) > 0);
      const items: Section[] = [
        ...named.flatMap((r) => (r.section.children.length > 0 ? r.section.children.filter((c) => !namesAnother(c)) : [r.section])),
        ...match.roots.filter((r) => r.typeSection === typeSection && r.how === 'item').map((r) => r.section),
      ].sort((a, b) => a.line.index - b.line.index);
      if (items.length === 0) continue;
      const shared = textOf(sharedLines(model, match, typeSection, named.map((r) => r.section)));
      const coveredForAll = new Set(typeSection.itemsName.filter((need) => names(shared, need)));
      // Even with every detail named for all, an item's own "整改时限：尽快" is still read below.
      const needs = typeSection.itemsName.filter((need) => !coveredForAll.has(need));
      // Table cells are outside the sections' line ranges: each knows its section.
      const withTable = new Set<Section | undefined>();
      if (model.tables.length > 0) for (const l of model.lines) if (l.block === 'tableCell') withTable.add(l.section);
      const holdsTable = (s: Section): boolean => withTable.has(s) || s.children.some(holdsTable);
      let inUse: Map<ItemDetail, string> | undefined;
      const labels = () => (inUse ??= labelsInUse(model, items, typeSection.itemsName));
      // A deadline word of the data ("即知即改") names a time as well as the type's deadline terms do.
      const deadlines = typeSection.itemsName.filter((n) => n.kind === 'deadline');
      const timeTerms = deadlines.length > 0 ? [...type.deadlineTerms, ...deadlines.flatMap((n) => n.words)] : undefined;
      for (const item of items) {
        if (holdsTable(item)) continue;
        const lines = linesOf(model, item);
        const text = textOf(lines);
        const missing = needs.filter((need) => !names(text, need));
        if (missing.length > 0) {
          ctx.report({
            span: trimmedSpan(item.line),
            message: t(
              '{0}没有写明{1}：{2}的每个问题都要写明{3}（也可以在各项之前统一写明）。请在这一项里补上，如{4}。',
              q(item.title),
              missing.map((m) => m.what).join(t('和')),
              type.name,
              typeSection.itemsName.map((m) => m.what).join(t('和')),
              missing.map((m) => q(`${labelOf(m, labels())}：……`)).join(''),
            ),
            fix: insertFix(ctx, item, lines, missing, labels()),
          });
        }
        if (timeTerms) reportVagueDeadlines(ctx, lines, timeTerms);
      }
    }
  },
};

/** The lines of a section and its sub-sections, without the closing that may follow the last one. */
function linesOf(model: ReportModel, section: Section): ReportLine[] {
  return model.lines.slice(section.line.index, section.lastLine + 1).filter((l) => l.role !== 'closing' && l.role !== 'signature' && l.role !== 'date');
}

/** "以上问题由……牵头", "上述问题……6月底前完成": a line after the items that speaks for all of them. */
const FOR_ALL = /^[\s\u3000]*(以上|上述)/;

function sharedLines(model: ReportModel, match: SectionMatch, section: TypeSection, named: Section[]): ReportLine[] {
  const out: ReportLine[] = [];
  // The named heading's own lines, before its first sub-heading.
  for (const s of named) if (s.children.length > 0) out.push(...s.body);
  // A line for all of them, wherever it stands among the items.
  for (const s of named) for (const l of linesOf(model, s)) if (FOR_ALL.test(l.text)) out.push(l);
  for (const r of match.roots) {
    if (r.typeSection === section && r.how === 'item') for (const l of linesOf(model, r.section)) if (FOR_ALL.test(l.text)) out.push(l);
    // 整改目标 (and 整改目标和时限) may set one deadline and one owner for the whole plan.
    if (r.typeSection?.speaksForItems) out.push(...linesOf(model, r.section));
  }
  return out;
}

/** A label and nothing after it ("责任领导："), unless the value stands on the next line. */
const LABEL_ALONE = /^[\s\u3000]*[^\s\u3000：:，。；]{1,8}[：:][\s\u3000]*$/;

/** The lines' text, without labels left empty: "责任领导：" with nothing after it names nobody. */
function textOf(lines: ReportLine[]): string {
  const kept: string[] = [];
  lines.forEach((line, i) => {
    if (!LABEL_ALONE.test(line.text)) return void kept.push(line.text);
    const next = lines[i + 1];
    // "责任领导：" then "局党组副书记" on the next line: the value is there.
    if (next && next.role === 'body' && !LABEL_ALONE.test(next.text)) kept.push(line.text);
  });
  return kept.join('\n');
}

/** "每年年底前开展一次检查", "每月底前报送": how often something is done, not by when the problem is mended. */
const RECURRING = /每(?:年|月|季度|季|周|学期)(?:年底|月底|底)?前?/g;

function names(text: string, need: ItemDetail): boolean {
  const read = need.kind === 'deadline' && text.includes('每') ? text.replace(RECURRING, '') : text;
  return need.words.some((w) => read.includes(w)) || need.patterns.some((r) => r.test(read));
}

/** "整改时限：尽快": the label is there, the time is not. */
const DEADLINE_LABEL = /(时限|期限|完成时间)[：:][ \t\u3000]*([^；;。，,\n]+)/g;

/** `terms`: the words that name a time besides dates (the type's deadline terms and the data's deadline words). */
function reportVagueDeadlines(ctx: RuleContext, lines: ReportLine[], terms: readonly string[]) {
  for (const line of lines) {
    if (line.block === 'tableCell' || !line.text.includes('：') && !line.text.includes(':')) continue;
    for (const m of line.text.matchAll(DEADLINE_LABEL)) {
      const value = m[2].trim();
      if (!value || namesATime(value, terms)) continue;
      const from = m.index! + m[0].length - m[2].length + (m[2].length - m[2].trimStart().length);
      ctx.report({ span: spanOf(line, from, from + value.length), message: vagueDeadline(value, ctx.type.deadlineTerms, ctx.documentYear) });
    }
  }
}

/** What an `insert` line is made of: its label and its placeholder value ("整改时限" and "XXXX年X月底前"). */
function insertParts(need: ItemDetail): { label: string; value: string } {
  const line = need.insert ?? need.what;
  const colon = line.search(/[：:]/);
  return colon < 0 ? { label: line, value: '' } : { label: line.slice(0, colon), value: line.slice(colon + 1).trim() };
}

/** The label the message and the fix use: the one the draft's other items use (完成时限 rather than 整改时限), else the data's. */
function labelOf(need: ItemDetail, inUse: Map<ItemDetail, string>): string {
  return inUse.get(need) ?? insertParts(need).label;
}

/** "完成时限：", "（责任人：": a label at a line's start or after an opening bracket or a separator. */
const LABEL = /(?:^|[（(；;，,\s\u3000])([^\s\u3000：:，,。；;（()）]{1,8})[：:]/gu;

function labelsInUse(model: ReportModel, items: Section[], needs: ItemDetail[]): Map<ItemDetail, string> {
  const used = new Map<ItemDetail, string>();
  for (const item of items) {
    for (const line of linesOf(model, item)) {
      if (used.size === needs.length) return used;
      if (!line.text.includes('：') && !line.text.includes(':')) continue;
      for (const m of line.text.matchAll(LABEL)) {
        const need = needs.find((n) => !used.has(n) && n.words.some((w) => m[1].includes(w)));
        if (need) used.set(need, m[1]);
      }
    }
  }
  return used;
}

/** Adds the missing lines, with placeholders, after the item's last line: the writer fills them in. */
function insertFix(ctx: RuleContext, item: Section, lines: ReportLine[], missing: ItemDetail[], inUse: Map<ItemDetail, string>): Fix | undefined {
  const last = lines[lines.length - 1];
  if (!last || missing.some((m) => !m.insert)) return undefined;
  const { lineIndex } = ctx.model;
  // In a Markdown list ("3. ……" with "4. ……" next) a new line would run into the item or break the
  // list: the writer places it there.
  if (last.inList || /^[ \t]{0,3}(\d{1,9}[.)]|[-*+])[ \t]/.test(sourceLineOf(ctx.model, last))) return undefined;
  const inserts = missing.map((m) => `${labelOf(m, inUse)}：${insertParts(m).value}`);
  const title = t('补上{0}', inserts.map((x) => q(x.replace(/：.*$/, ''))).join(t('和')));
  let edits: Fix['edits'] | undefined;
  // Worked out when the fix is asked for: the line ends are read off the whole text.
  return {
    title,
    safe: false,
    get edits() {
      if (edits) return edits;
      const lineOf = (l: ReportLine) => lineIndex.positionAt(l.starts[0]).line;
      // Paragraphs apart by a blank line (Markdown) or one a line (pasted from Word), as the draft has
      // them where the item starts: its heading and the line after it.
      const next = ctx.model.lines[item.line.index + 1];
      const blank = next ? lineOf(next) - lineOf(item.line) > 1 : Boolean(ctx.model.markdownHeadings);
      const eol = lineIndex.eol();
      const at = lineIndex.lineEnd(lineIndex.positionAt(last.ends[last.ends.length - 1] - 1).line);
      const gap = blank ? eol + eol : eol;
      return (edits = [{ span: { start: at, end: at }, newText: inserts.map((x) => gap + x).join('') }]);
    },
  };
}
