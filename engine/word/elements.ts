/**
 * The elements of a GB/T 9704 document that a draft keeps in front matter (份号, 密级和保密期限,
 * 紧急程度, 发文机关标志, 发文字号, 签发人, 附件说明, 附注, 抄送, 印发机关和印发日期), recognised in a
 * Word document by their place and form: the 版头 lines above the title, the 附件 note before the
 * signature, the bracketed 附注 after the date, the 版记 at the end (paragraphs, a table, or the last
 * page's footer as our export writes it). A document from our export also says which keys its draft
 * had (the marker); then only those are looked for, so a body line is never taken for one by mistake.
 */
import { readAttachmentNote } from '../export/element-geometry';
import type { WordDocument, WordParagraph } from './read-docx';

/** A paragraph (trimmed text, and where it starts in the paragraph) or a table of the body, in order. */
export interface Line {
  para?: WordParagraph;
  text: string;
  offset: number;
  table?: WordParagraph[][][];
}

/** The elements by the export's names for them (ELEMENT_KEYS in engine/export/metadata.ts). */
export type ElementName =
  | 'copyNumber'
  | 'secrecy'
  | 'secrecyPeriod'
  | 'urgency'
  | 'issuer'
  | 'number'
  | 'signers'
  | 'attachments'
  | 'note'
  | 'copyTo'
  | 'printer'
  | 'printDate';

export type ElementValue = string | number | string[];

export interface Recognised {
  values: Map<ElementName, ElementValue>;
  /** The body paragraphs each value was read from (none for a header or footer). */
  sources: Map<ElementName, WordParagraph[]>;
  /** The body without the lines that were elements. */
  flow: Line[];
  /** Header and footer text that is neither a page number nor an element, by kind. */
  marginal: Array<{ kind: 'header' | 'footer'; text: string }>;
}

/** 机党发〔2025〕12号, with the brackets writers actually type. */
export const DOC_NUMBER = /^[\u4e00-\u9fa5A-Za-zＸX]{2,20}[〔［\[【(（]\s*(\d{4}|[XＸ]{2,4})\s*[〕］\]】)）]\s*[\dXＸ]{1,4}\s*号$/;
const SPACE = '[\\s\\u3000\\u00a0]*';
const COPY_NUMBER = /^(?:份号[：:][\s\u3000]*(\d{1,6})|(\d{6}))$/;
const SECRECY = new RegExp(`^(绝密|机密|秘密)(?:${SPACE}[★☆]${SPACE}(.+))?$`);
const URGENCY = /^(特急|加急|特提|平急)$/;
/** 中共某局机关委员会文件; not a title ("关于……文件"). */
const ISSUER = /^(?!关于)[^，。；：:,;《》]{2,30}文件$/;
const SIGNERS = new RegExp(`^(.*?)${SPACE}签发人[：:]${SPACE}(.+)$`);
/** "附件1" opening an attachment's own page (as the export writes it, engine/export/elements.ts). */
const ATTACHMENT_MARK = /^附件\s*(\d*)$/;
const NOTE = /^[（(](.+)[）)]$/;
const DATE = /^(\d{4}|[XＸ]{2,4}|[一二三四五六七八九〇零○]{4})年[\dXＸ一二三四五六七八九十]{1,2}月[\dXＸ一二三四五六七八九十]{1,3}日$/;
const COPY_TO = new RegExp(`^抄送(?:机关)?[：:]${SPACE}(.+?)${SPACE}[。.]?$`);
const PRINTED = new RegExp(`^(?:(.*?)${SPACE})?((?:\\d{4}|[XＸ]{4})年[\\dXＸ]{1,2}月[\\dXＸ]{1,2}日)${SPACE}印发$`);
/** What a page-number footer holds besides the number: dashes, 第…页, 共…页, "Page … of …". */
const isPageNumber = (t: string) => /^[\s\u3000\d—–\-－/／|]*$/.test(t.replace(/page|of|第|页|共/gi, ''));

const names = (s: string) => s.split(/[\s\u3000、，,]+/).filter(Boolean);
const list = (s: string) => s.split(/[，,、]\s*/).map((x) => x.trim()).filter(Boolean);

/**
 * Finds the elements in `flow`; `allowed(name)` says which to look for (all for a document from
 * elsewhere, the marker's keys for one from our export).
 */
export function recogniseElements(flow: Line[], doc: WordDocument, allowed: (name: ElementName) => boolean): Recognised {
  const values = new Map<ElementName, ElementValue>();
  const sources = new Map<ElementName, WordParagraph[]>();
  // The paragraphs being read: where the value of the element set next stands.
  let from: WordParagraph[] = [];
  const set = (name: ElementName, value: ElementValue | undefined) => {
    if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0) || values.has(name) || !allowed(name)) return false;
    values.set(name, value);
    sources.set(name, from);
    return true;
  };
  const drop = new Set<Line>();
  const hasAfter = (i: number) => flow.slice(i + 1).some((l) => l.para && !drop.has(l));

  // The 版头: lines above the title, each one element, stacked in the standard's order.
  for (let i = 0; i < flow.length && i < 8; i++) {
    const line = flow[i];
    if (!line.para || line.para.inTable || !hasAfter(i)) break;
    from = [line.para];
    if (!headLine(line, set)) break;
    drop.add(line);
  }
  // A 发文字号 a little lower (under a title some writers put first).
  if (!values.has('number')) {
    const at = flow.slice(0, 3).findIndex((l) => l.para && !drop.has(l) && DOC_NUMBER.test(l.text));
    from = at >= 0 ? [flow[at].para!] : [];
    if (at >= 0 && hasAfter(at) && set('number', flow[at].text)) drop.add(flow[at]);
  }

  let body = flow.filter((l) => !drop.has(l));
  let attachmentsAt = attachmentsStart(body);

  // 附件说明: "附件：1.名称" and the names under it, before the signature (among the last lines of the main text).
  for (let i = attachmentsAt - 1; i >= 0 && i >= attachmentsAt - 12; i--) {
    const candidates: Line[] = [];
    for (let k = i; k < attachmentsAt && body[k].para && !body[k].para!.inTable; k++) candidates.push(body[k]);
    const note = readAttachmentNote(candidates.map((l) => l.text));
    if (!note) continue;
    const items = note.names;
    const taken = candidates.slice(0, note.lines);
    from = taken.map((l) => l.para!);
    if (set('attachments', items.length > 1 ? items : items[0])) taken.forEach((l) => drop.add(l));
    break;
  }
  body = body.filter((l) => !drop.has(l));
  attachmentsAt = attachmentsStart(body);

  // 附注: the bracketed line right after the date, the last of the main text.
  const mainParas = body.slice(0, attachmentsAt).filter((l) => l.para && !l.para.inTable);
  const last = mainParas[mainParas.length - 1];
  const beforeLast = mainParas[mainParas.length - 2];
  if (last && beforeLast && DATE.test(beforeLast.text)) {
    const m = NOTE.exec(last.text);
    from = [last.para!];
    if (m && set('note', m[1].trim())) drop.add(last);
  }

  // The attachments' pages: a title under "附件N" that the export prints from the 附件 names.
  const attachmentNames = ([] as string[]).concat(values.get('attachments') as string | string[] ?? []);
  if (attachmentNames.length > 0) {
    for (let i = attachmentsAt; i < body.length - 1; i++) {
      const line = body[i];
      if (!line.para || line.para.inTable || !ATTACHMENT_MARK.test(line.text)) continue;
      const next = body[i + 1];
      if (next.para && !next.para.inTable && (attachmentNames.includes(next.text) || (doc.ours && next.para.titleStyle))) drop.add(next);
    }
  }

  // The 版记 at the end of the body: its paragraphs, or a table of them.
  for (let i = body.length - 1; i >= 0 && i >= body.length - 4; i--) {
    const line = body[i];
    if (drop.has(line)) continue;
    const texts = line.table ? line.table.map((row) => row.map((cell) => cell.map((p) => p.text.trim()).join('')).join('').trim()).filter(Boolean) : [line.text];
    if (texts.length === 0 || !texts.every((t) => COPY_TO.test(t) || PRINTED.test(t))) break;
    from = line.table ? line.table.flat(2) : [line.para!];
    const taken = texts.map((t) => imprintLine(t, set));
    if (!taken.every(Boolean)) break;
    drop.add(line);
  }

  // Headers and footers: the 版记 as our export writes it; page numbers left out; the rest kept.
  const marginal: Recognised['marginal'] = [];
  // A header's or footer's paragraph is in another part: a finding cannot be anchored there.
  from = [];
  for (const part of doc.marginal) {
    for (const p of part.paragraphs) {
      const t = p.text.trim();
      if (!t || isPageNumber(t)) continue;
      if ((COPY_TO.test(t) || PRINTED.test(t)) && (imprintLine(t, set) || alreadyRead(t, values))) continue;
      if (!marginal.some((m) => m.kind === part.kind && m.text === t)) marginal.push({ kind: part.kind, text: t.replace(/[\s\u3000]+/g, ' ') });
    }
  }

  const rest = flow.filter((l) => !drop.has(l));
  return { values, sources, flow: rest, marginal };
}

/** Where the attachments' own pages start ("附件1" on a line of its own), or the flow's length. */
export function attachmentsStart(flow: Line[]): number {
  const at = flow.findIndex((l, i) => i > 0 && l.para && !l.para.inTable && ATTACHMENT_MARK.test(l.text));
  return at < 0 ? flow.length : at;
}

/** One line of the 版头; false if it is none of them (or not looked for). */
function headLine(line: Line, set: (name: ElementName, value: ElementValue | undefined) => boolean): boolean {
  const t = line.text;
  const copy = COPY_NUMBER.exec(t);
  if (copy) return set('copyNumber', Number(copy[1] ?? copy[2]));
  const secret = SECRECY.exec(t);
  if (secret) {
    if (!set('secrecy', secret[1])) return false;
    if (secret[2]) set('secrecyPeriod', secret[2].trim());
    return true;
  }
  if (URGENCY.test(t)) return set('urgency', t);
  if (line.para?.styleName === 'Issuer Mark' || ISSUER.test(t)) return set('issuer', t);
  const signed = SIGNERS.exec(t);
  if (signed && (!signed[1] || DOC_NUMBER.test(signed[1].trim()))) {
    if (!set('signers', names(signed[2]))) return false;
    if (signed[1]) set('number', signed[1].trim());
    return true;
  }
  if (DOC_NUMBER.test(t)) return set('number', t);
  return false;
}

/** 抄送：甲，乙。 or 某机关　2025年12月23日印发; true if it was taken as an element. */
function imprintLine(t: string, set: (name: ElementName, value: ElementValue | undefined) => boolean): boolean {
  const copy = COPY_TO.exec(t);
  if (copy) return set('copyTo', list(copy[1]));
  const printed = PRINTED.exec(t);
  if (!printed) return false;
  const date = set('printDate', printed[2]);
  const printer = printed[1]?.trim() ? set('printer', printed[1].trim()) : true;
  return date && printer;
}

/** The same 版记 line again (our export writes it in two footers: odd and even pages). */
function alreadyRead(t: string, values: Map<ElementName, ElementValue>): boolean {
  const copy = COPY_TO.exec(t);
  if (copy) return JSON.stringify(values.get('copyTo')) === JSON.stringify(list(copy[1]));
  const printed = PRINTED.exec(t);
  return Boolean(printed && values.get('printDate') === printed[2]);
}
