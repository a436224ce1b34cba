import { placeholderHint } from '../model/placeholders';
import type { Placeholder, ReportLine } from '../model/types';
import { getLocale, t } from '../i18n';
import type { DocumentRule, RuleContext } from './rule';
import { quoteOrMark } from './util';
import { firstIndexOf } from '../text/sorted';

/**
 * What a placeholder stands for, read from the words around it: X月 is a month, XX同志 a name,
 * 〔XXXX〕 a year. Each entry: the text just before and just after the placeholder, and the answer.
 * The first that matches wins, so the narrower contexts come first.
 */
const CONTEXTS: Array<{ before?: RegExp; after?: RegExp; what: string }> = [
  { before: /〔$/, after: /^〕/, what: '年份（如 2024）' },
  { before: /〕$/, after: /^号/, what: '文号的序号（如 3）' },
  // "20XX年": the digits before it are part of the year; replacing XX with 2024 would give 202024.
  { before: /[0-9０-９]$/, after: /^年/, what: '年份的后几位（与前面已写的数字合起来是完整年份，如 2024）' },
  { after: /^年/, what: '年份（如 2024）' },
  { after: /^月/, what: '月份（如 3）' },
  { after: /^[日号]/, what: '日期（如 15）' },
  { after: /^周年/, what: '周年数' },
  { after: /^(?:同志|书记|主任|局长|部长|委员|副书记|主席)/, what: '姓名' },
  { before: /(?:书记|局长|部长|主任|委员|组长|主席|同志)[、，,]?$/, what: '姓名' },
  { before: /(?:^|[。；！？\s])$/, after: /^(?:指出|强调|要求|表示|认为|主持|作|讲话|发言)/, what: '姓名' },
  { after: /^(?:条|个|项|次|人|名|本|篇|场|份|余|家|期|天|小时|万|千|百|%|％)/, what: '数量' },
  { after: /^(?:湖|省|市|县|区|镇|乡|村|流域|州|盟|旗)/, what: '地名' },
  { before: /(?:考察|视察|调研|到|赴|在)$/, what: '地名' },
  { after: /^(?:党支部|党委|党组|支部|单位|公司|部门|委员会)/, what: '单位名称' },
];

const SPEAKING_KINDS = new Set(['fill-hint', 'fill-note', 'template-field', 'custom']);

/** “此处应填月份（如 3）” — or undefined when the surroundings say nothing. */
export function placeholderContext(p: Placeholder): string | undefined {
  const line = p.line;
  const from = firstIndexOf(line.starts, p.span.start);
  if (from < 0) return undefined;
  const to = from + p.text.length;
  const before = line.text.slice(Math.max(0, from - 6), from);
  const after = line.text.slice(to, to + 6);
  const hit = CONTEXTS.find((c) => (!c.before || c.before.test(before)) && (!c.after || c.after.test(after)));
  return hit ? t(hit.what) : undefined;
}

/** The fill-in hint for one placeholder, from its context first, else from its kind. */
export function placeholderAdvice(p: Placeholder): string {
  // Marks that say nothing themselves (X, ×, ＊…); 【…】, （此处填写…） and {{…}} carry their own hint.
  const what = SPEAKING_KINDS.has(p.kind) ? undefined : placeholderContext(p);
  return what ? t('此处应填{0}。', what) : placeholderHint(p.kind);
}

/**
 * X, XX, ××, 【…】, {{…}} left in the text. Information, not a warning: a fresh draft has dozens of
 * them, and as warnings they buried the few real problems in the Problems panel. The status bar
 * counts them and export asks before writing a draft that still has any.
 */
export const unfilledPlaceholder: DocumentRule = {
  id: 'unfilled-placeholder',
  defaultSeverity: 'information',
  summary: '未填写的占位符（X、XX、××、【…】等）',
  source: '模板占位符（data/placeholders.yaml）',
  check(ctx) {
    for (const p of ctx.model.placeholders) ctx.report({ span: p.span, message: messageFor(p) });
  },
};

/** The message reads the placeholder alone: made once while the line is kept (Placeholder.kept). */
function messageFor(p: Placeholder): string {
  const kept = p.kept;
  const locale = getLocale();
  if (kept?.message !== undefined && kept.locale === locale) return kept.message;
  const message = t('{0}待填写：{1}', quoteOrMark(p.text), placeholderAdvice(p));
  if (kept) {
    kept.message = message;
    kept.locale = locale;
  }
  return message;
}
