/**
 * The parts of a .docx package as XML documents: unzipped with fflate, parsed with @xmldom/xmldom
 * (the DOM parser mammoth itself uses). A damaged or foreign file gives a DocxError that says so.
 */
import { DOMParser, XMLSerializer } from '@xmldom/xmldom';
import { strFromU8, unzipSync } from 'fflate';
import { t } from './text';

export const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
export const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export class DocxError extends Error {}

export interface DocxPackage {
  files: Record<string, Uint8Array>;
  /** The main document part's name (word/document.xml in almost every file). */
  main: string;
}

export function openPackage(bytes: Uint8Array): DocxPackage {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes);
  } catch {
    throw new DocxError(t('不是有效的 Word 文档（.docx 应为 ZIP 压缩包；旧版 .doc 请先在 Word 或 WPS 中另存为 .docx）'));
  }
  const types = files['[Content_Types].xml'] ? strFromU8(files['[Content_Types].xml']) : '';
  const main = /PartName="\/([^"]+)"\s+ContentType="application\/vnd\.openxmlformats-officedocument\.wordprocessingml\.document\.main\+xml"/.exec(types)?.[1]
    ?? /PartName="\/([^"]+)"\s+ContentType="application\/vnd\.ms-word\.document\.macroEnabled\.main\+xml"/.exec(types)?.[1]
    ?? 'word/document.xml';
  if (!files[main]) throw new DocxError(t('不是有效的 Word 文档：缺少正文部分 {0}', main));
  return { files, main };
}

export function parseXml(pkg: DocxPackage, name: string): Document | undefined {
  const bytes = pkg.files[name];
  if (!bytes) return undefined;
  const errors: string[] = [];
  const doc = new DOMParser({
    errorHandler: { warning: () => undefined, error: (m: string) => errors.push(m), fatalError: (m: string) => errors.push(m) },
  }).parseFromString(strFromU8(bytes), 'text/xml');
  if (!doc.documentElement || errors.length > 0 && !doc.documentElement.firstChild) {
    throw new DocxError(t('Word 文档的 {0} 部分已损坏：{1}', name, errors[0] ?? ''));
  }
  return doc as unknown as Document;
}

export function serialize(doc: Document): string {
  return new XMLSerializer().serializeToString(doc as never);
}

/** The part a relationship of the main document points at (e.g. its footnotes or numbering). */
export function relatedPart(pkg: DocxPackage, typeSuffix: string): string | undefined {
  const rels = pkg.files[relsName(pkg.main)];
  if (!rels) return undefined;
  const xml = strFromU8(rels);
  for (const m of xml.matchAll(/<Relationship\b[^>]*>/g)) {
    const type = /Type="([^"]+)"/.exec(m[0])?.[1] ?? '';
    const target = /Target="([^"]+)"/.exec(m[0])?.[1];
    if (target && type.endsWith('/' + typeSuffix)) return resolveTarget(pkg.main, target);
  }
  return undefined;
}

/** Every part of this relationship type from the main document (its headers, its footers), in the order listed. */
export function relatedParts(pkg: DocxPackage, typeSuffix: string): string[] {
  const rels = pkg.files[relsName(pkg.main)];
  if (!rels) return [];
  const out: string[] = [];
  for (const m of strFromU8(rels).matchAll(/<Relationship\b[^>]*>/g)) {
    const type = /Type="([^"]+)"/.exec(m[0])?.[1] ?? '';
    const target = /Target="([^"]+)"/.exec(m[0])?.[1];
    const external = /TargetMode="External"/.test(m[0]);
    if (target && !external && type.endsWith('/' + typeSuffix)) out.push(resolveTarget(pkg.main, target));
  }
  return out;
}

/** The part a relationship id of `part` points at (a picture's r:embed), unless it is external. */
export function relationshipTarget(pkg: DocxPackage, part: string, id: string): string | undefined {
  const rels = pkg.files[relsName(part)];
  if (!rels) return undefined;
  for (const m of strFromU8(rels).matchAll(/<Relationship\b[^>]*>/g)) {
    if (/Id="([^"]+)"/.exec(m[0])?.[1] !== id || /TargetMode="External"/.test(m[0])) continue;
    const target = /Target="([^"]+)"/.exec(m[0])?.[1];
    return target ? resolveTarget(part, target) : undefined;
  }
  return undefined;
}

export function relsName(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

function resolveTarget(from: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = from.split('/').slice(0, -1);
  for (const p of target.split('/')) {
    if (p === '..') parts.pop();
    else if (p !== '.') parts.push(p);
  }
  return parts.join('/');
}

/** Element children in the w: namespace with this local name. */
export function kids(el: Element, local?: string): Element[] {
  const out: Element[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 1 && (!local || ((n as Element).localName === local && (n as Element).namespaceURI === W))) out.push(n as Element);
  }
  return out;
}

export function kid(el: Element | undefined, local: string): Element | undefined {
  if (!el) return undefined;
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 1 && (n as Element).localName === local && (n as Element).namespaceURI === W) return n as Element;
  }
  return undefined;
}

export function wAttr(el: Element | undefined, name: string): string | undefined {
  if (!el) return undefined;
  const v = el.getAttributeNS(W, name);
  return v === null || v === '' ? (el.getAttribute(`w:${name}`) || undefined) : v;
}

/** w:b, w:i and the like: present and not switched off with w:val="0"/"false"/"off". */
export function onOff(el: Element | undefined): boolean | undefined {
  if (!el) return undefined;
  const v = wAttr(el, 'val');
  return v === undefined || !/^(0|false|off)$/i.test(v);
}
