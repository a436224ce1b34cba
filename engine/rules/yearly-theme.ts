import { t } from '../i18n';
import type { Section } from '../model/types';
import { bestMatch, closeEnough, letters } from '../unit/similar';
import { profileFor } from '../unit/year';
import type { DocumentRule, RuleContext } from './rule';
import { q, quotedList, spanOf, trimmedSpan } from './util';

/** 在带头强化政治忠诚、提高政治能力方面 → 带头强化政治忠诚提高政治能力: the words that identify an aspect. */
const core = (s: string) => letters(s.replace(/^[（(]?[一二三四五六七八九十\d]+[）)、.．]?/, '')).text.replace(/^(在|对照|关于)/, '').replace(/(方面|情况)(存在的问题|的问题|问题)?$/, '');

function bigrams(s: string): Map<string, number> {
  const m = new Map<string, number>();
  for (let i = 0; i + 1 < s.length; i++) m.set(s.slice(i, i + 2), (m.get(s.slice(i, i + 2)) ?? 0) + 1);
  return m;
}

/** Dice similarity of character pairs: 1 for the same words, about 0.5 for half of them. */
function similarity(a: string, b: string): number {
  if (a === b) return 1;
  const x = bigrams(a);
  const y = bigrams(b);
  let both = 0;
  for (const [k, n] of x) both += Math.min(n, y.get(k) ?? 0);
  const total = Math.max(1, a.length - 1 + b.length - 1);
  return (2 * both) / total;
}

/** The year's theme quoted with changed words; the year's aspects missing or out of order in a 对照检查材料. */
export const yearlyTheme: DocumentRule = {
  id: 'yearly-theme',
  fixable: true,
  defaultSeverity: 'warning',
  summary: '当年民主（组织）生活会主题表述有误，或对照检查未按当年要求的方面逐项查摆',
  source: '年度配置（data/years/<年份>.yaml 与 .party-report/years/），依据当年上级通知',
  check(ctx) {
    const found = profileFor(ctx.model, ctx.type, ctx.unit);
    if (!found) return;
    checkTheme(ctx, found.meeting.theme, found.meeting.meeting, found.year.year);
    if (found.meeting.aspects.length > 0) checkAspects(ctx, found.meeting.aspects, found.year.year);
  },
};

function checkTheme(ctx: RuleContext, theme: string, meeting: string, year: number) {
  const want = letters(theme);
  if (want.text.length < 4) return;
  for (const line of ctx.model.lines) {
    if (!line.text.includes('主题')) continue;
    const have = letters(line.text);
    const m = bestMatch(want.text, have.text);
    if (m.distance === 0 || !closeEnough(want.text.length, m.distance)) continue;
    const from = have.at[m.start];
    const to = have.at[m.end - 1] + 1;
    const span = spanOf(line, from, to);
    ctx.report({
      span,
      message: t('{0}年度{1}的主题表述有误：应为{2}。主题须按上级通知原文表述。', year, meeting, q(theme)),
      fix: { title: t('改为{0}', q(theme)), edits: [{ span, newText: theme }], safe: false },
    });
  }
}

function checkAspects(ctx: RuleContext, aspects: string[], year: number) {
  const problems = ctx.match.byId.get('problems');
  if (!problems) return;
  const headings: Section[] = problems.children;
  const wanted = aspects.map(core);
  // Each aspect's heading: the most similar one, if similar enough.
  const at = wanted.map((w) => {
    let best = -1;
    let score = 0.5;
    headings.forEach((h, i) => {
      const s = similarity(w, core(h.title));
      if (s >= score) {
        score = s;
        best = i;
      }
    });
    return best;
  });
  const matched = at.filter((i) => i >= 0).length;
  // A draft that follows another year's aspects (or none) is not this profile's to judge.
  if (matched < Math.max(1, Math.ceil(aspects.length / 2))) return;
  const missing = aspects.filter((_, i) => at[i] < 0);
  if (missing.length > 0) {
    ctx.report({
      span: trimmedSpan(problems.line),
      message: t('{0}年度对照检查应逐项查摆{1}个方面，缺少：{2}。请按当年通知要求补写。', year, aspects.length, quotedList(missing)),
    });
  }
  let last = -1;
  at.forEach((i, k) => {
    if (i < 0) return;
    if (i < last) {
      ctx.report({
        span: headingSpan(headings[i]),
        message: t('{0}年度对照检查的方面顺序有误：{1}应排在第 {2} 个方面。请按当年通知的顺序排列。', year, q(aspects[k]), k + 1),
      });
    }
    last = Math.max(last, i);
  });
}

/** The heading words of a section, without the body text that may follow on the same line. */
function headingSpan(section: Section) {
  const line = section.line;
  if (!section.runIn) return trimmedSpan(line);
  const at = line.text.indexOf(section.title);
  const lead = line.text.length - line.text.replace(/^[\s\u3000]+/, '').length;
  return at < 0 ? trimmedSpan(line) : spanOf(line, lead, at + section.title.length);
}
