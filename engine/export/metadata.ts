/**
 * What the export needs beyond the body: title, addressee, signature, date, document number and
 * attachments — from front matter where present, else from the draft itself.
 */
import type { ReportLine, ReportModel } from '../model/types';

export interface ExportMetadata {
  title?: string;
  addressee?: string;
  signature?: string[];
  date?: string;
  number?: string;
  attachments: string[];
}

const KEYS = {
  title: ['title', '标题'],
  addressee: ['addressee', '主送', '主送机关'],
  signature: ['signature', '署名', '发文机关署名'],
  date: ['date', '成文日期', '日期'],
  number: ['number', 'docNumber', '发文字号', '文号'],
  attachments: ['attachments', '附件'],
} as const;

function pick(data: Record<string, unknown>, keys: readonly string[]): unknown {
  for (const k of keys) if (data[k] !== undefined && data[k] !== null) return data[k];
  return undefined;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : typeof v === 'number' ? String(v) : undefined);

export function metadata(model: ReportModel): ExportMetadata {
  const data = model.frontMatter?.data ?? {};
  const role = (r: ReportLine['role']) => model.lines.filter((l) => l.role === r).map((l) => l.text.trim());
  const sig = pick(data, KEYS.signature);
  const att = pick(data, KEYS.attachments);
  return {
    title: str(pick(data, KEYS.title)) ?? model.title?.text.trim(),
    addressee: (str(pick(data, KEYS.addressee)) ?? role('addressee')[0])?.replace(/[：:]$/, ''),
    signature: Array.isArray(sig) ? sig.map(String) : str(sig) ? [str(sig)!] : role('signature').length ? role('signature') : undefined,
    date: str(pick(data, KEYS.date)) ?? role('date')[0],
    number: str(pick(data, KEYS.number)),
    attachments: Array.isArray(att) ? att.map(String) : str(att) ? [str(att)!] : [],
  };
}
