import { NUMBER_CHARS, parseAmount } from '../model/amounts';
import { t } from '../i18n';
import type { ReportLine } from '../model/types';
import type { ParagraphRule, RuleContext } from './rule';
import { spanOf } from './util';

const N = `([${NUMBER_CHARS}]+)`;
const WHO = '(?:正式|预备)?(?:党员|人员|同志|成员|班子成员)?';
const EXPECTED = new RegExp(`应(?:到|参会|出席)(?:会)?${WHO}(?:人数)?(?:为|有)?${N}(?:名|人|位)`);
const PRESENT = new RegExp(`(?:实到|实际到会|实际参会|实际出席)(?:会)?${WHO}(?:人数)?(?:为|有)?${N}(?:名|人|位)`);
const AWAY = [
  new RegExp(`${N}(?:名|人|位)${WHO}(?:同志)?(?:因[^，。；、]{0,16}?)?(?:请假|缺席|未到会|未参会)`, 'g'),
  new RegExp(`(?:请假|缺席|未到会|未参会)${WHO}${N}(?:名|人|位)`, 'g'),
];
const SENTENCE = /[^。；！？]+/g;

interface Found {
  value: number;
  from: number;
  to: number;
}

function find(re: RegExp, sentence: string): Found | undefined {
  const m = re.exec(sentence);
  if (!m) return undefined;
  const value = parseAmount(m[1]);
  return value === null ? undefined : { value, from: m.index, to: m.index + m[0].length };
}

/** "应到党员25名，实到22名，3名请假": the figures agree, 实到 ≤ 应到, and a quorum where the type has one. */
export const attendance: ParagraphRule = {
  id: 'attendance',
  defaultSeverity: 'warning',
  summary: '到会人数不合：应到、实到、请假人数对不上，或实到超过应到、不足法定人数',
  source: '会议事实（人数须相符）；法定到会人数见报告类型的 quorum，如《中国共产党支部工作条例（试行）》第十一条',
  scope: 'paragraph',
  checkLine(line, ctx) {
    if (!line.text.includes('到')) return;
    SENTENCE.lastIndex = 0;
    for (let s = SENTENCE.exec(line.text); s; s = SENTENCE.exec(line.text)) checkSentence(ctx, line, s[0], s.index);
  },
};

function checkSentence(ctx: RuleContext, line: ReportLine, sentence: string, offset: number) {
  const expected = find(EXPECTED, sentence);
  const present = find(PRESENT, sentence);
  if (!expected || !present) return;
  const away: Found[] = [];
  for (const re of AWAY) {
    re.lastIndex = 0;
    for (let m = re.exec(sentence); m; m = re.exec(sentence)) {
      const value = parseAmount(m[1]);
      // "实到22名，3名请假": the 请假 count must not be the 实到 one read again.
      if (value !== null && m.index >= present.to - 1) away.push({ value, from: m.index, to: m.index + m[0].length });
    }
  }
  const span = (a: Found, b: Found) => spanOf(line, offset + Math.min(a.from, b.from), offset + Math.max(a.to, b.to));
  if (present.value > expected.value) {
    ctx.report({
      span: span(expected, present),
      message: t('到会人数有误：实到 {0} 人多于应到 {1} 人。实到人数不能超过应到人数，请核对会议记录。', present.value, expected.value),
    });
    return;
  }
  if (away.length > 0) {
    const absent = away.reduce((n, a) => n + a.value, 0);
    if (present.value + absent !== expected.value) {
      const last = away.reduce((a, b) => (b.to > a.to ? b : a));
      ctx.report({
        span: span(expected, last),
        message: t('到会人数对不上：应到 {0} 人，实到 {1} 人加请假（缺席）{2} 人共 {3} 人。应满足“应到 = 实到 + 请假（缺席）”，请核对人数。', expected.value, present.value, absent, present.value + absent),
      });
      return;
    }
  }
  const quorum = ctx.type.quorum;
  if (quorum && expected.value > 0 && present.value < expected.value * quorum.ratio) {
    ctx.report({
      span: span(expected, present),
      message: t('到会人数不足：实到 {0} 人，不足应到 {1} 人的 {2}（{3}）。请核对人数，或说明会议是否有效。', present.value, expected.value, quorum.label, quorum.source),
    });
  }
}
