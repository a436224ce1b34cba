/**
 * What the export needs beyond the body: title, addressee, signature, date, document number and
 * attachments — from front matter where present, else from the draft itself — and the other
 * elements of a GB/T 9704 document (版头, 附注, 版记), which only front matter gives. The keys are
 * the element names as the standard writes them; English aliases stay for the old ones.
 */
import type { ReportLine, ReportModel } from '../model/types';
import { readAttachmentNote } from './element-geometry';
import { writerLines } from './title-lines';
import { ELEMENT_KEYS } from '../model/element-keys';
import { BRACKETED_NOTE } from '../model/attachment-mark';

export interface ExportMetadata {
  /** The title, "\n" where the writer broke it. */
  title?: string;
  /** The draft line the title came from, if it came from the draft (the body skips it). */
  titleLine?: ReportLine;
  addressee?: string;
  signature?: string[];
  date?: string;
  number?: string;
  attachments: string[];
  /** The draft lines of its own attachment note (the body skips them): printed as the note, or left out when front matter gives one. */
  attachmentLines: ReportLine[];
  /** The names in the draft's own note when front matter gives 附件 as well (the front matter's is printed). */
  draftAttachments?: string[];
  /** 份号 (7.2.1): six digits. */
  copyNumber?: string;
  /** 密级 and 保密期限 (7.2.2). */
  secrecy?: string;
  secrecyPeriod?: string;
  /** 紧急程度 (7.2.3): 特急, 加急 (or 特提, 特急, 加急, 平急 for telegrams). */
  urgency?: string;
  /** 发文机关标志 (7.2.4). */
  issuer?: string;
  /** 签发人 (7.2.6): one or more names; set for an upward document (上行文). */
  signers?: string[];
  /** 附注 (7.3.6). */
  note?: string;
  /** The draft line the 附注 came from: a line in brackets right after the date (the body skips it). */
  noteLine?: ReportLine;
  /** The last line of the draft's own closing (its date, else its signature): the lines after it print after the closing. */
  closingLine?: ReportLine;
  /** 印章 (7.3.5.1): the document is sealed, so signature and date are placed around the seal. */
  seal: boolean;
  /** 抄送机关 (7.4.2). */
  copyTo?: string[];
  /** 印发机关 and 印发日期 (7.4.3). */
  printer?: string;
  printDate?: string;
}

export { ELEMENT_KEYS } from '../model/element-keys';
const KEYS = ELEMENT_KEYS;

/** Each element's front-matter keys, for pointing at where the draft says it (the preview's clicks). */
export const METADATA_KEY_NAMES: Readonly<Record<keyof typeof KEYS, readonly string[]>> = KEYS;

/** The metadata keys the export reads, for docs and completion. */
export const METADATA_KEYS: readonly string[] = Object.values(KEYS).flat();

function pick(data: Record<string, unknown>, keys: readonly string[]): unknown {
  for (const k of keys) if (data[k] !== undefined && data[k] !== null) return data[k];
  return undefined;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : typeof v === 'number' ? String(v) : undefined);

const list = (v: unknown): string[] | undefined =>
  Array.isArray(v) ? v.map(String).map((s) => s.trim()).filter(Boolean) : str(v) ? str(v)!.split(/[、，,]\s*/).filter(Boolean) : undefined;

/** One name, or a list: a name may itself hold 、 ("关于甲、乙的报告"), so a string is never split. */
const attachmentNames = (v: unknown): string[] => (Array.isArray(v) ? v.map(String).map((s) => s.trim()).filter(Boolean) : str(v) ? [str(v)!] : []);

/** 7.2.1: 份号 is six Arabic digits; "12" is printed 000012. */
function copyNumber(v: unknown): string | undefined {
  const s = str(v);
  return s && /^\d{1,6}$/.test(s) ? s.padStart(6, '0') : s;
}

/**
 * Words a document's name ends with. A bare first line ending in one of them (or in a report type's
 * name) is the title; the model only knows the endings of the report types it checks.
 */
const TITLE_ENDINGS = ['报告', '材料', '清单', '总结', '方案', '汇报', '发言', '情况', '发言提纲', '提纲', '通报', '工作要点', '要点', '意见', '计划', '纪要', '通知', '请示', '讲话'];

function bareTitle(model: ReportModel, extraEndings: string[]): ReportLine | undefined {
  if (model.title) return model.title;
  const first = model.lines.find((l) => l.block !== 'tableCell');
  if (!first || first.numbering || first.headingDepth > 0 || first.role !== 'body' || first.inList || first.inQuote) return undefined;
  const t = first.text.trim();
  if (t.length > 80 || /[。；！？，：:]$/.test(t) || /^根据/.test(t)) return undefined;
  return [...TITLE_ENDINGS, ...extraEndings].some((e) => e && t.endsWith(e)) ? first : undefined;
}

/** The draft's own "附件：1.整改清单" line and the numbered names right under it ("2.党员名单"). */
function draftAttachmentNote(model: ReportModel): { names: string[]; lines: ReportLine[] } | undefined {
  const flow = model.flow;
  const at = flow.findIndex((l) => l.role === 'attachment');
  if (at < 0) return undefined;
  // The note and the plain lines right under it: a Markdown heading or list item is no name of it.
  const candidates = [flow[at]];
  for (let i = at + 1; i < flow.length; i++) {
    const line = flow[i];
    if (line.sourceLine !== flow[i - 1].sourceLine + 1 || line.headingDepth > 0 || line.inList) break;
    candidates.push(line);
  }
  const note = readAttachmentNote(candidates.map((l) => l.text.trim()));
  return note ? { names: note.names, lines: candidates.slice(0, note.lines) } : undefined;
}

/**
 * The attachment note (7.3.4): from front matter, else from the draft's own note, which the export
 * then sets as the note instead of as body text. A draft that has both prints one, the front
 * matter's: all lines of its own note are left out (its first line alone was, and the names under
 * it stayed as body text), and the export says so.
 */
function attachmentsOf(model: ReportModel, fromFrontMatter: unknown): Pick<ExportMetadata, 'attachments' | 'attachmentLines' | 'draftAttachments'> {
  const own = draftAttachmentNote(model);
  if (fromFrontMatter !== undefined) {
    return { attachments: attachmentNames(fromFrontMatter), attachmentLines: own?.lines ?? [], draftAttachments: own?.names };
  }
  return own ? { attachments: own.names, attachmentLines: own.lines } : { attachments: [], attachmentLines: [] };
}

/**
 * The title with the writer's line breaks as "\n": in front matter a line break or `<br>`; in a title
 * line of the draft, a `<br>` between its words (inline HTML, which the model's text leaves out).
 */
function titleOf(fromFrontMatter: string | undefined, line: ReportLine | undefined, model: ReportModel): string | undefined {
  if (fromFrontMatter !== undefined) return writerLines(fromFrontMatter).join('\n');
  if (!line) return undefined;
  let out = '';
  for (let i = 0; i < line.text.length; i++) {
    if (i > 0 && /<br\s*\/?>/i.test(model.text.slice(line.ends[i - 1], line.starts[i]))) out += '\n';
    out += line.text[i];
  }
  return writerLines(out.trim()).join('\n');
}

/**
 * The draft's own closing: its last line (the date, else the signature), after which lines print
 * after the closing in the writer's order, and the 附注 on the line after its date (7.3.6).
 */
function draftClosing(model: ReportModel, noteInFrontMatter: boolean): { closingLine?: ReportLine; noteLine?: ReportLine; note?: string } {
  const flow = model.flow;
  let at = -1;
  for (let i = flow.length - 1; i >= 0 && at < 0; i--) if (flow[i].role === 'date' || flow[i].role === 'signature') at = i;
  if (at < 0) return {};
  const closingLine = flow[at];
  const next = flow[at + 1];
  const note = closingLine.role === 'date' && !noteInFrontMatter && next ? BRACKETED_NOTE.exec(next.text.trim()) : null;
  return note ? { closingLine, noteLine: next, note: note[1].trim() } : { closingLine };
}

export function metadata(model: ReportModel, titleEndings: string[] = []): ExportMetadata {
  const data = model.frontMatter?.data ?? {};
  const role = (r: ReportLine['role']) => model.lines.filter((l) => l.role === r).map((l) => l.text.trim());
  const sig = pick(data, KEYS.signature);
  const titleLine = bareTitle(model, titleEndings);
  const seal = pick(data, KEYS.seal);
  const secrecy = str(pick(data, KEYS.secrecy));
  const note = str(pick(data, KEYS.note))?.replace(/^[（(]|[）)]$/g, '');
  const closing = draftClosing(model, note !== undefined);
  return {
    title: titleOf(str(pick(data, KEYS.title)), titleLine, model),
    titleLine,
    addressee: (str(pick(data, KEYS.addressee)) ?? role('addressee')[0])?.replace(/[：:]$/, ''),
    signature: Array.isArray(sig) ? sig.map(String) : str(sig) ? [str(sig)!] : role('signature').length ? role('signature') : undefined,
    date: str(pick(data, KEYS.date)) ?? role('date')[0],
    number: str(pick(data, KEYS.number)),
    ...attachmentsOf(model, pick(data, KEYS.attachments)),
    copyNumber: copyNumber(pick(data, KEYS.copyNumber)),
    secrecy,
    secrecyPeriod: secrecy ? str(pick(data, KEYS.secrecyPeriod)) : undefined,
    urgency: str(pick(data, KEYS.urgency)),
    issuer: str(pick(data, KEYS.issuer)),
    signers: list(pick(data, KEYS.signers)),
    note: note ?? closing.note,
    noteLine: closing.noteLine,
    closingLine: closing.closingLine,
    seal: seal === true || seal === '是' || seal === 'true',
    copyTo: list(pick(data, KEYS.copyTo)),
    printer: str(pick(data, KEYS.printer)),
    printDate: str(pick(data, KEYS.printDate)),
  };
}
