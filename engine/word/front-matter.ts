/**
 * Front matter of an imported draft: which key each element gets and in what order, and the YAML
 * written without a YAML library (the Word bundle stays small): plain scalars where YAML reads
 * them back as the same string, lists in flow style, anything else as JSON (which is YAML).
 */
import type { DraftMarker } from '../export/marker';
import { ELEMENT_KEYS } from '../export/metadata';
import type { ElementValue } from './elements';

export type Element = keyof typeof ELEMENT_KEYS;
/** The key a draft from elsewhere gets for each element: the standard's name ("title" as drafts write it). */
export const DEFAULT_KEY: Record<Element, string> = {
  copyNumber: '份号',
  secrecy: '密级',
  secrecyPeriod: '保密期限',
  urgency: '紧急程度',
  issuer: '发文机关标志',
  number: '发文字号',
  signers: '签发人',
  title: 'title',
  addressee: '主送',
  attachments: '附件',
  signature: '署名',
  date: '成文日期',
  note: '附注',
  seal: '印章',
  copyTo: '抄送',
  printer: '印发机关',
  printDate: '印发日期',
};
const ORDER = Object.keys(DEFAULT_KEY) as Element[];
/** Elements the export reads from the draft's own lines as well as from front matter. */
export const DRAFT_LINE_ELEMENTS = ['title', 'addressee', 'signature', 'date'] as const;

/**
 * The draft's front matter: for our export, the marker's keys in its order (values read from the
 * page, lists as the draft had them, the values the page does not show as the marker kept them);
 * for a document from elsewhere, what was recognised under the standard's names. `read` says which
 * keys were read from the page (their values can point back to it).
 */
export function frontMatter(values: Map<Element, ElementValue>, marker: DraftMarker | undefined, keyOf: (e: Element) => string | undefined): { front: Record<string, unknown>; read: Map<string, Element> } {
  const front: Record<string, unknown> = {};
  /** Which element each key's value is (the key's value was read from the page, not kept by the marker). */
  const read = new Map<string, Element>();
  if (marker) {
    const elementOf = new Map<string, Element>();
    for (const e of ORDER) for (const k of ELEMENT_KEYS[e]) elementOf.set(k, e);
    for (const key of marker.keys) {
      const e = elementOf.get(key);
      const value = e && keyOf(e) === key ? values.get(e) : undefined;
      if (value !== undefined) read.set(key, e!);
      if (value !== undefined) front[key] = Array.isArray(value) && value.length === 1 && !marker.lists.includes(key) ? value[0] : typeof value === 'string' && marker.lists.includes(key) ? [value] : value;
      else if (Object.prototype.hasOwnProperty.call(marker.hidden, key)) front[key] = marker.hidden[key];
    }
  } else {
    for (const e of ORDER) {
      const value = values.get(e);
      if (value !== undefined) read.set(DEFAULT_KEY[e], e);
      if (value !== undefined) front[DEFAULT_KEY[e]] = Array.isArray(value) && value.length === 1 ? value[0] : value;
    }
  }
  return { front, read };
}

/** A key as YAML reads it back. */
export const yamlKey = (k: string) => (/^[^\s"'#&*!|>%@`{}[\],:?\-][^:#]*$/.test(k) && !/\s$/.test(k) ? k : JSON.stringify(k));

/** A value as YAML reads it back the same: scalars plain where safe, lists in flow style, anything else as JSON (valid YAML). */
export function yamlValue(v: unknown): string {
  if (typeof v === 'string') return scalar(v);
  if (typeof v === 'number' || typeof v === 'boolean' || v === null) return String(v);
  if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return `[${v.map((x) => (/[,[\]{}]/.test(x) ? JSON.stringify(x) : scalar(x))).join(', ')}]`;
  return JSON.stringify(v);
}

/** A YAML scalar: plain where YAML reads it back as the same string, else double-quoted (JSON is valid YAML). */
function scalar(v: string): string {
  const plain = /^[^\s"'#&*!|>%@`{}[\],:?\-][^#:]*$/.test(v) && !/\s$/.test(v);
  const typed = /^(?:[-+]?(?:\d[\d_]*(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?|0x[0-9a-fA-F]+|0o[0-7]+|true|false|null|~|\.inf|\.nan)$/i.test(v);
  return plain && !typed ? v : JSON.stringify(v);
}
