import { t } from '../i18n';
import { hanRunBefore, nameLists, namesIn, titleBefore, titleFits } from '../unit/names';
import type { ParagraphRule } from './rule';
import { q, quotedList, spanOf } from './util';

/** A roster name next to a title that is not theirs; roster names listed out of the 班子 order. */
export const roster: ParagraphRule = {
  id: 'roster',
  fixable: true,
  defaultSeverity: 'warning',
  summary: '领导班子成员职务或排序与本单位名单不符',
  source: '本单位名单（.party-report/roster.yaml）',
  scope: 'paragraph',
  checkLine(line, ctx) {
    const members = ctx.unit.roster;
    if (!members || members.length === 0) return;
    const names = namesIn(line.text, members);
    if (names.length === 0) return;
    for (const n of names) {
      const written = titleBefore(line.text, n.at);
      if (!written || titleFits(n.member, written)) continue;
      const right = n.member.titles[0];
      const from = n.at - titleLength(hanRunBefore(line.text, n.at), written.text, right);
      const titleSpan = spanOf(line, from, n.at);
      ctx.report({
        span: spanOf(line, from, n.end),
        message: t('职务与名单不符：{0}的职务是{1}，此处写作{2}。请按本单位名单核对职务。', n.member.name, quotedList(n.member.titles), q(line.text.slice(from, n.at))),
        fix: { title: t('改为{0}', q(right + n.member.name)), edits: [{ span: titleSpan, newText: right }], safe: false },
      });
    }
    for (const list of nameLists(line.text, names)) {
      const distinct = new Set(list.map((n) => n.index));
      if (distinct.size !== list.length) continue;
      if (list.every((n, i) => i === 0 || n.index > list[i - 1].index)) continue;
      // Each item is the name with what follows it up to the separator (同志), kept as written.
      const last = list[list.length - 1];
      const end = last.end + (line.text.startsWith('同志', last.end) ? 2 : 0);
      const items = list.map((n, i) => line.text.slice(n.at, i + 1 < list.length ? list[i + 1].at - 1 : end));
      const seps = list.slice(1).map((n) => line.text[n.at - 1]);
      // "张强、王明、李华同志": a 同志 after the last name only belongs to the whole list.
      const listSuffix = items.slice(0, -1).every((x) => !x.endsWith('同志')) && items[items.length - 1].endsWith('同志') ? '同志' : '';
      const bare = listSuffix ? items.map((x, i) => (i === items.length - 1 ? x.slice(0, -2) : x)) : items;
      const sorted = list.map((n, i) => ({ n, item: bare[i] })).sort((a, b) => a.n.index - b.n.index);
      const newText = sorted.map((x, i) => x.item + (seps[i] ?? '')).join('') + listSuffix;
      const span = spanOf(line, list[0].at, end);
      ctx.report({
        span,
        message: t('排序与名单不符：{0}应按班子排序写作{1}。', q(line.text.slice(list[0].at, end)), q(newText)),
        fix: { title: t('按名单排序为{0}', q(newText)), edits: [{ span, newText }], safe: false },
      });
    }
  },
};

/**
 * How much of the words before a name is the title, so that the fix replaces all of it: in
 * "由机关党委书记" the title starts where the roster title starts (机关…), not at 由; where nothing
 * lines up, the organisation and role words that were read (党委书记).
 */
function titleLength(run: string, read: string, right: string): number {
  for (let p = 0; p + read.length <= run.length; p++) {
    if (right.startsWith(run.slice(p, p + 2))) return run.length - p;
  }
  return read.length;
}
