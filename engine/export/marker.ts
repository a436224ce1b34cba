/**
 * What an import needs to give the draft back exactly, and cannot read from the page: which keys the
 * draft's front matter had (the page shows the same title whether it came from front matter or from
 * the draft's first line), which of them were lists, the values the page does not show (template,
 * 印章, keys of the project's own), and which of title, 主送, 署名 and 成文日期 the draft also had as
 * lines of its own. Written as one custom document property, and only for a draft with front matter:
 * the export of any other draft is unchanged. The values the page shows are not stored: the import
 * reads them from the page, so that an edit made in Word is what comes back.
 */
import type { ReportModel } from '../model/types';
import { ELEMENT_KEYS, type ExportMetadata } from './metadata';

/** The custom property's name (docProps/custom.xml); the Word reader looks for the same name. */
export const DRAFT_PROPERTY = 'party-report.front-matter';

export interface DraftMarker {
  v: 1;
  keys: string[];
  lists: string[];
  hidden: Record<string, unknown>;
  body: string[];
}

const printable = (v: unknown) => (typeof v === 'string' ? v.trim() !== '' : typeof v === 'number' || (Array.isArray(v) && v.length > 0));

export function draftMarker(model: ReportModel, meta: ExportMetadata): { name: string; value: string } | undefined {
  const data = model.frontMatter?.data;
  if (!data || Object.keys(data).length === 0) return undefined;
  const keys = Object.keys(data);
  // The key the export read of each element (the first present of its names); 印章 only places the closing.
  const shown = new Set<string>();
  for (const [element, names] of Object.entries(ELEMENT_KEYS)) {
    if (element === 'seal') continue;
    const used = names.find((k) => data[k] !== undefined && data[k] !== null);
    if (used && printable(data[used]) && (element !== 'secrecyPeriod' || meta.secrecy)) shown.add(used);
  }
  const hidden: Record<string, unknown> = {};
  for (const k of keys) if (!shown.has(k)) hidden[k] = data[k];
  const has = (element: keyof typeof ELEMENT_KEYS) => ELEMENT_KEYS[element].some((k) => shown.has(k));
  const role = (r: string) => model.lines.some((l) => l.role === r && l.block !== 'tableCell');
  const body: string[] = [];
  if (has('title') && meta.titleLine) body.push('title');
  if (has('addressee') && role('addressee')) body.push('addressee');
  if (has('signature') && role('signature')) body.push('signature');
  if (has('date') && role('date')) body.push('date');
  const marker: DraftMarker = { v: 1, keys, lists: keys.filter((k) => Array.isArray(data[k])), hidden, body };
  return { name: DRAFT_PROPERTY, value: JSON.stringify(marker) };
}
