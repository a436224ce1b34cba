import type { Formulation } from '../formulations/load';
import { formulationsIn } from '../formulations/words';
import type { ReportLine } from '../model/types';
import { t } from '../i18n';
import type { RuleContext, ParagraphRule } from './rule';
import { q, quotedList, spanOf } from './util';

const SENTENCE = /[^。；！？!?;]+/g;
// What may stand between the members of a series: separators and a few linking words.
const JOINERS = /^[、，,和及与以及\s\u3000]*$/;

/** Fixed political formulations quoted with a member missing, reordered or a word swapped. */
export const standardFormulation: ParagraphRule = {
  id: 'standard-formulation',
  defaultSeverity: 'error',
  summary: '规范表述有误（成员缺漏、顺序颠倒或用词错误）',
  fixable: true,
  source: '规范表述（data/formulations.yaml）',
  scope: 'paragraph',
  readsAcrossLineBreaks: true,
  checkLine(line, ctx) {
    // One walk along each line finds the formulations whose words are in it; only those are tried.
    for (const f of formulationsIn(line.text, ctx.formulations)) {
      if (f.kind === 'phrase') checkPhrase(ctx, line, f);
      else if (f.kind === 'series') checkSeries(ctx, line, f);
      else checkPair(ctx, line, f);
    }
  },
};

function checkPhrase(ctx: RuleContext, line: ReportLine, f: Formulation) {
  for (const wrong of f.wrong) {
    for (let at = line.text.indexOf(wrong); at >= 0; at = line.text.indexOf(wrong, at + wrong.length)) {
      if (at > 0 && f.notAfter.includes(line.text[at - 1])) continue;
      const span = spanOf(line, at, at + wrong.length);
      ctx.report({
        span,
        message: t('规范表述有误：{0}应为{1}。', q(wrong), q(f.text)),
        fix: { title: t('改为{0}', q(f.text)), edits: [{ span, newText: f.text }], safe: true },
      });
    }
  }
}

function checkSeries(ctx: RuleContext, line: ReportLine, f: Formulation) {
  const members = f.members;
  // Most lines mention no series at all: two members present is the least a finding needs.
  let present = 0;
  for (const m of members) if ((line.text.includes(m) || f.forms[m]?.some((x) => line.text.includes(x))) && ++present >= 2) break;
  if (present < 2 && !Object.keys(f.outdated).some((o) => line.text.includes(o))) return;
  const outdated = Object.keys(f.outdated);
  SENTENCE.lastIndex = 0;
  for (let s = SENTENCE.exec(line.text); s; s = SENTENCE.exec(line.text)) {
    const sentence = s[0];
    // Each member's first occurrence, or an outdated form standing in for it.
    const found: Array<{ member: number; at: number; len: number; outdated?: string }> = [];
    members.forEach((m, i) => {
      let at = sentence.indexOf(m);
      let len = m.length;
      // Or another accepted form of it (马列主义).
      const forms = at < 0 ? f.forms[m] : undefined;
      if (forms) {
        for (const form of forms) {
          at = sentence.indexOf(form);
          len = form.length;
          if (at >= 0) break;
        }
      }
      if (at >= 0) found.push({ member: i, at, len });
    });
    for (const old of outdated) {
      const at = sentence.indexOf(old);
      const stands = members.indexOf(f.outdated[old]);
      if (at >= 0 && !found.some((x) => x.member === stands)) found.push({ member: stands, at, len: old.length, outdated: old });
    }
    const most = Math.floor(members.length / 2) + 1;
    if (found.length < Math.max(2, most)) continue;
    found.sort((a, b) => a.at - b.at);
    const from = found[0].at;
    const to = found[found.length - 1].at + found[found.length - 1].len;
    // Close together: what stands between the members is short (separators, a verb like 坚定).
    const gaps = found.slice(1).map((x, i) => sentence.slice(found[i].at + found[i].len, x.at));
    if (gaps.some((g) => g.length > 6)) continue;
    const inOrder = found.every((x, i) => i === 0 || x.member > found[i - 1].member);
    const missing = members.filter((_, i) => !found.some((x) => x.member === i));
    // A member added later (习近平新时代中国特色社会主义思想, 2017) is rightly absent from a draft
    // written before: the series as it stood then.
    const lacking = missing.filter((m) => !(ctx.documentYear !== undefined && f.added[m] !== undefined && ctx.documentYear < f.added[m]));
    // An undated draft (党的xx届……) that gives the series in order as it stood before its later
    // members: the version of its time, which cannot be told from an outdated one.
    const olderVersion = ctx.documentYear === undefined && inOrder && missing.length > 0 && missing.every((m) => f.added[m] !== undefined && members.indexOf(m) >= found.length);
    if (olderVersion) continue;
    const complete = lacking.length === 0;
    const old = found.find((x) => x.outdated);
    if (inOrder && complete && !old) continue;
    const problem = old
      ? t('{0}已更新为{1}', q(old.outdated!), q(f.outdated[old.outdated!]))
      : !complete
        ? t('缺少{0}', quotedList(lacking))
        : t('顺序有误');
    const span = spanOf(line, s.index + from, s.index + to);
    const safe = gaps.every((g) => JOINERS.test(g));
    ctx.report({
      span,
      message: t('{0}表述有误：{1}。规范表述为{2}。', q(f.name), problem, q(f.text)),
      fix: safe ? { title: t('改为{0}', q(f.text)), edits: [{ span, newText: f.text }], safe: true } : undefined,
    });
  }
}

function checkPair(ctx: RuleContext, line: ReportLine, f: Formulation) {
  const [first, second] = f.keys;
  if (!first || !second || !line.text.includes(first) || !line.text.includes(second)) return;
  SENTENCE.lastIndex = 0;
  for (let s = SENTENCE.exec(line.text); s; s = SENTENCE.exec(line.text)) {
    const a = s[0].indexOf(first);
    const b = s[0].indexOf(second);
    if (a < 0 || b < 0 || b > a) continue;
    ctx.report({
      span: spanOf(line, s.index + b, s.index + a + first.length),
      message: t('{0}表述有误：前后两句顺序颠倒。规范表述为{1}。', q(f.name), q(f.text)),
    });
  }
}
