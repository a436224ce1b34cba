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
      if (line.role === 'date') continue;
      // Kept per line with its dates (most lines have none: the 日 test runs once per line, not per keystroke).
      for (const d of ctx.lineFacts(line, dateOrder.id, datesOfLine)) {
        if (d.weekday) {
          const w = d.weekday;
          const span = spanOf(line, d.from, w.to);
          // Messages are made once per kept date (lineFacts keeps them with the line).
          w.message ??= t('星期有误：{0}是星期{1}，不是{2}。请核对日期或星期。', writeDate(d.date), WEEKDAY_NAMES[w.actual], w.wrote);
          w.fixTitle ??= t('改为{0}', q(w.replacement));
          ctx.report({ span, message: w.message, fix: { title: w.fixTitle, edits: [{ span, newText: w.replacement }], safe: false } });
        }
        if (!signed || compareDates(d.date, signed) <= 0 || looksAhead(line) || d.forward) continue;
        const signedText = writeDate(signed);
        if (d.late?.signed !== signedText) {
          const message = d.meeting
            ? t('日期先后有误：会议日期{0}晚于成文日期{1}。会议应在成文之前召开，请核对会议日期或成文日期。', writeDate(d.date), signedText)
            : t('日期先后有误：{0}晚于成文日期{1}，报告不能写成文之后才发生的事。请核对日期。', writeDate(d.date), signedText);
          d.late = { signed: signedText, message };
        }
        ctx.report({ span: spanOf(line, d.from, d.to), message: d.late.message });
      }
    }
  },
};

/** A date in a line's text, with what the words around it say (kept per line: see lineFacts). */
interface DateInLine {
  from: number;
  to: number;
  date: CalendarDate;
  /** A weekday named after the date that is not the date's: up to where, what was written, the fix. */
  weekday?: { to: number; actual: number; wrote: string; replacement: string; message?: string; fixTitle?: string };
  /** The message for a date after the signing, made for the signing date it was made for. */
  late?: { signed: string; message: string };
  /** The sentence looks ahead (a deadline, a plan): the date may lie after the signing. */
  forward: boolean;
  /** The sentence says a meeting was held on the date. */
  meeting: boolean;
}

const NO_DATES: DateInLine[] = [];

/** A module-level function, not a closure per line: lineFacts is asked on every line at every keystroke. */
const datesOfLine = (line: ReportLine): DateInLine[] => (line.text.includes('日') ? datesIn(line.text) : NO_DATES);

function datesIn(text: string): DateInLine[] {
  const found: DateInLine[] = [];
  SENTENCE.lastIndex = 0;
  for (let s = SENTENCE.exec(text); s; s = SENTENCE.exec(text)) {
    const sentence = s[0];
    DATE.lastIndex = 0;
    for (let m = DATE.exec(sentence); m; m = DATE.exec(sentence)) {
      const date = makeDate(Number(m[1]), Number(m[2]), Number(m[3]));
      if (!date) continue;
      const from = s.index + m.index;
      const to = from + m[0].length;
      const rest = sentence.slice(m.index + m[0].length);
      const before = sentence.slice(0, m.index);
      const found1: DateInLine = { from, to, date, forward: FORWARD.test(rest.slice(0, 6)) || FORWARD.test(before.slice(-4)), meeting: MEETING.test(rest.slice(0, 30)) };
      const named = WEEKDAY_AFTER.exec(rest);
      if (named) {
        const wrote = named[2] === '天' ? 0 : WEEKDAY_NAMES.indexOf(named[2]);
        const actual = weekday(date);
        if (wrote !== actual) {
          const right = named[0].replace(/[一二三四五六日天](?=[）)]?$)/, WEEKDAY_NAMES[actual]);
          found1.weekday = { to: to + named[0].length, actual, wrote: named[1] + named[2], replacement: m[0] + right };
        }
      }
      found.push(found1);
    }
  }
  return found.length > 0 ? found : NO_DATES;
}
