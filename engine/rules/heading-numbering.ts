import { t } from '../i18n';
import { isMalformed, standardMarker } from '../model/numbering';
import type { ReportLine, Section } from '../model/types';
import type { Fix, DocumentRule, RuleContext, TextEdit } from './rule';
import { q, spanOf } from './util';

const LEVEL_NAME = () => ['', t('一级标题'), t('二级标题'), t('三级标题'), t('四级标题')];

/** Section numbers with gaps, repeats, or in a non-standard form (1、 一. （一）、). */
export const headingNumbering: DocumentRule = {
  id: 'heading-numbering',
  defaultSeverity: 'warning',
  summary: '标题序号不连续、重复或写法不规范',
  fixable: true,
  source: 'GB/T 9704—2012 7.3.3',
  check(ctx) {
    const { model } = ctx;
    const rootIndex = new Map(ctx.match.roots.map((r) => [r.section, r.index]));
    // Siblings: numbered sections of one level under the same parent.
    const groups = new Map<string, Section[]>();
    for (const s of model.sections) {
      if (!s.numbering) continue;
      const key = `${s.parent?.id ?? 'root'}:${s.level}`;
      const list = groups.get(key) ?? [];
      list.push(s);
      groups.set(key, list);
    }
    for (const group of groups.values()) {
      const first = firstNumberOf(model.lines, group[0]);
      const renumber = renumberFix(group, first);
      // When the sequence itself is broken, renumbering the level also mends any odd marker in it.
      const broken = group.some((s, i) => s.numbering!.value !== i + first);
      let expected = first;
      // Indexed, and roots looked up in a map: 100 000 headings must not cost 100 000² steps.
      for (let i = 0; i < group.length; i++) {
        const s = group[i];
        const n = s.numbering!;
        const line = s.line;
        const span = spanOf(line, n.from, n.to);
        if (n.value !== expected && !gapIsMissingSections(ctx, rootIndex, s, group[i - 1], n.value - expected)) {
          const prev = group[i - 1];
          const what = prev
            ? n.value === prev.numbering!.value
              ? t('与上一个序号重复')
              : t('不连续（上一个是{0}）', q(prev.numbering!.marker))
            : t('不是从{0}开始', q(standardMarker(n.level, 1)));
          // What the fix writes here: the level numbered in order (一、三、二、 becomes 一、二、三、, so the
          // last one is to be 三、, not the 四、 that follows the 三、 before it).
          const target = standardMarker(n.level, i + first);
          ctx.report({
            span,
            message:
              target !== n.marker
                ? t('{0}序号{1}{2}，此处应为{3}。请按顺序重新编号。', LEVEL_NAME()[n.level], q(n.marker), what, q(target))
                : t('{0}序号{1}{2}。请按顺序重新编号（快速修复把本级标题依次编号）。', LEVEL_NAME()[n.level], q(n.marker), what),
            fix: renumber,
          });
        } else if (isMalformed(n)) {
          ctx.report({
            span,
            message: t('序号{0}写法不规范：{1}应写作{2}（GB/T 9704：一、（一）1.（1））。', q(n.marker), LEVEL_NAME()[n.level], q(n.standard)),
            fix: broken ? renumber : { title: t('改为{0}', q(n.standard)), edits: [{ span, newText: n.standard }], safe: true },
          });
        }
        expected = n.value + 1;
      }
    }
  },
};

/**
 * "一、会前准备情况 … 三、制定整改措施等情况": the number is right once the missing section is
 * inserted — missing-section reports the gap and its fix fills it; renumbering would hide it.
 */
function gapIsMissingSections(ctx: RuleContext, rootIndex: Map<Section, number>, section: Section, prev: Section | undefined, gap: number): boolean {
  if (gap <= 0) return false;
  const at = rootIndex.get(section);
  if (at === undefined || at < 0) return false;
  const from = prev ? (rootIndex.get(prev) ?? -2) : -1;
  if (from === -2 || from >= at) return false;
  const missing = ctx.type.sections.slice(from + 1, at).filter((s) => !ctx.match.present.has(s.id) && s.required).length;
  return missing === gap;
}

/**
 * The number the level starts at: 1, or the heading's own number when the line before it ends the
 * items before it inline ("法律分析：1、组织生活会每年……" then "2、……" on lines of their own). Read
 * as starting at 1, the level was "not from 1" and its fix made two items 1.
 */
function firstNumberOf(lines: ReportLine[], heading: Section): number {
  const value = heading.numbering!.value;
  if (value <= 1) return 1;
  const before = lines[heading.line.index - 1];
  if (!before) return 1;
  const k = value - 1;
  const forms = [standardMarker(heading.numbering!.level, k)];
  if (heading.numbering!.level >= 3) forms.push(`${k}、`, `${k}．`, `(${k})`);
  return forms.some((form) => inlineMarkerIn(before.text, form)) ? value : 1;
}

/** `marker` inside a line (not at its start: that is a heading of its own), after a clause mark or a space. */
function inlineMarkerIn(text: string, marker: string): boolean {
  for (let at = text.indexOf(marker, 1); at > 0; at = text.indexOf(marker, at + 1)) {
    if (/[：:。；;，,\s]/.test(text[at - 1])) return true;
  }
  return false;
}

function renumberFix(group: Section[], first: number): Fix {
  const edits: TextEdit[] = [];
  group.forEach((s, i) => {
    const n = s.numbering!;
    const marker = standardMarker(n.level, i + first);
    if (marker !== n.marker) edits.push({ span: spanOf(s.line, n.from, n.to), newText: marker });
  });
  return { title: t('重新编号本级标题（{0} 个）', group.length), edits, safe: true };
}
