import { t } from '../i18n';
import { compareDates, makeDate, parseDateValue, parseWrittenDate, weekday, WEEKDAY_NAMES, writeDate, type CalendarDate } from '../model/calendar';
import type { ReportLine, ReportModel, Section } from '../model/types';
import type { DocumentRule } from './rule';
import { q, spanOf } from './util';

const DATE = /(?<!\d)(\d{4})年(\d{1,2})月(\d{1,2})日/g;
// What may follow a date to name its weekday: （星期一） (周一) 星期一 周一, 星期日/天.
const WEEKDAY_AFTER = /^[（(]?(星期|周|礼拜)([一二三四五六日天])[）)]?/;
const MEETING = /召开|举行|举办|开展了|组织召开/;
// Dates a report looks forward to: deadlines and plans may lie after the day it is signed.
const FORWARD = /前|底|之前|以前|为止|计划|拟|将|预计|力争|确保|截至|期限|时限|完成|月内|年内|下一步|持续|长期|至|到/;
const SENTENCE = /[^。；！？]+/g;
const FRONT_MATTER_DATE = ['date', '成文日期', '日期'];

/** The 成文日期: front matter `date:` (or 成文日期/日期), else the closing date line. */
function signedOn(model: ReportModel): CalendarDate | undefined {
  const data = model.frontMatter?.data ?? {};
  for (const k of FRONT_MATTER_DATE) {
    const d = parseDateValue(data[k]);
    if (d) return d;
  }
  const line = model.lines.find((l) => l.role === 'date');
  return line ? parseWrittenDate(line.text) : undefined;
}

// Sections and tables that plan ahead: a deadline there lies after the signing by nature.
const PLANNING = /整改|下一步|打算|计划|措施|努力方向|时限|期限/;

function looksAhead(line: ReportLine): boolean {
  if (line.block === 'tableCell') return true;
  for (let s: Section | undefined = line.section; s; s = s.parent) if (PLANNING.test(s.title)) return true;
  return false;
}

/** The meeting was held before the report was signed; weekdays match their dates. */
export const dateOrder: DocumentRule = {
  id: 'date-order',
  fixable: true,
  defaultSeverity: 'warning',
  summary: '日期先后或星期有误：会议日期晚于成文日期，或星期与日期不符',
  source: '会议事实；成文日期见 GB/T 9704—2012 7.3.5',
  check(ctx) {
    const signed = signedOn(ctx.model);
    for (const line of ctx.model.lines) {
      if (line.role === 'date' || !line.text.includes('日')) continue;
      SENTENCE.lastIndex = 0;
      for (let s = SENTENCE.exec(line.text); s; s = SENTENCE.exec(line.text)) {
        const sentence = s[0];
        DATE.lastIndex = 0;
        for (let m = DATE.exec(sentence); m; m = DATE.exec(sentence)) {
          const date = makeDate(Number(m[1]), Number(m[2]), Number(m[3]));
          if (!date) continue;
          const from = s.index + m.index;
          const to = from + m[0].length;
          const named = WEEKDAY_AFTER.exec(sentence.slice(m.index + m[0].length));
          if (named) {
            const wrote = named[2] === '天' ? 0 : WEEKDAY_NAMES.indexOf(named[2]);
            const actual = weekday(date);
            if (wrote !== actual) {
              const span = spanOf(line, from, to + named[0].length);
              const right = named[0].replace(/[一二三四五六日天](?=[）)]?$)/, WEEKDAY_NAMES[actual]);
              ctx.report({
                span,
                message: t('星期有误：{0}是星期{1}，不是{2}。请核对日期或星期。', writeDate(date), WEEKDAY_NAMES[actual], named[1] + named[2]),
                fix: { title: t('改为{0}', q(m[0] + right)), edits: [{ span, newText: m[0] + right }], safe: false },
              });
            }
          }
          if (!signed || compareDates(date, signed) <= 0 || looksAhead(line)) continue;
          const rest = sentence.slice(m.index + m[0].length);
          const before = sentence.slice(0, m.index);
          if (FORWARD.test(rest.slice(0, 6)) || FORWARD.test(before.slice(-4))) continue;
          const meeting = MEETING.test(rest.slice(0, 30));
          ctx.report({
            span: spanOf(line, from, to),
            message: meeting
              ? t('日期先后有误：会议日期{0}晚于成文日期{1}。会议应在成文之前召开，请核对会议日期或成文日期。', writeDate(date), writeDate(signed))
              : t('日期先后有误：{0}晚于成文日期{1}，报告不能写成文之后才发生的事。请核对日期。', writeDate(date), writeDate(signed)),
          });
        }
      }
    }
  },
};
