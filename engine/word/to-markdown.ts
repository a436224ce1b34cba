/**
 * A Word document as a Markdown draft in the form the checks read: every Word paragraph one line,
 * headings as Markdown headings (by Word's outline level, or by their 一、（一）1.（1） numbering),
 * bulleted paragraphs as list items, tables as Markdown tables, footnotes as [^n], bold as **…**,
 * pictures as images, and front matter with what was recognised: title, 主送, 署名, 成文日期 and the
 * 公文 elements (elements.ts). Every character of the draft that came from the document remembers
 * its paragraph and character, so findings can be placed back in Word.
 */
import { ELEMENT_KEYS } from '../export/metadata';
import type { ReportModel } from '../model/types';
import { attachmentsStart, recogniseElements, type ElementName, type ElementValue, type Line } from './elements';
import { DEFAULT_KEY, DRAFT_LINE_ELEMENTS, frontMatter, yamlKey, yamlValue, type Element } from './front-matter';
import type { WordDocument, WordParagraph } from './read-docx';

export interface WordPosition {
  /** 0-based paragraph index (WordParagraph.index). */
  paragraph: number;
  /** 0-based UTF-16 offset in the paragraph's text. */
  character: number;
}

export interface DocxDraft {
  markdown: string;
  /** The front matter written, by key, in order (strings, lists, 份号 as a number, values the marker kept). */
  frontMatter: Record<string, unknown>;
  /** Where a character of `markdown` came from; -1 for markup the import added. */
  paragraphAt: Int32Array;
  characterAt: Int32Array;
  paragraphs: WordParagraph[];
  /** Pictures to write beside the draft (ImportOptions.assets), by the name the draft uses. */
  media: Array<{ name: string; part: string; data: Uint8Array }>;
}

export interface ImportOptions {
  /**
   * The folder the draft will point its pictures to, relative to the draft (e.g. "草稿.assets"); the
   * caller writes `media` there. Without it, each picture is a comment in the draft saying it was left out.
   */
  assets?: string;
}

const LEAD = /^[\s\u3000\u00a0]+/;
const TRAIL = /[\s\u3000\u00a0]+$/;

/** Builds the report model of a plain draft (the engine's buildModel with the types' words). */
export type ModelBuilder = (text: string) => ReportModel;

export function toMarkdown(doc: WordDocument, buildModel: ModelBuilder, options: ImportOptions = {}): DocxDraft {
  const all: Line[] = [];
  for (const block of doc.blocks) {
    if (block.kind === 'table') {
      if (block.rows.some((r) => r.some((c) => c.some((p) => p.text.trim() || p.images.length > 0)))) all.push({ text: '', offset: 0, table: block.rows });
      continue;
    }
    const p = block.paragraph;
    const lead = LEAD.exec(p.text)?.[0].length ?? 0;
    const text = p.text.slice(lead).replace(TRAIL, '');
    if (text || p.images.length > 0) all.push({ para: p, text, offset: lead });
  }

  // Our export says which keys its draft had; a document from elsewhere is read by form alone.
  const marker = doc.marker;
  const keyOf = (e: Element): string | undefined => (marker ? ELEMENT_KEYS[e].find((k) => marker.keys.includes(k)) : DEFAULT_KEY[e]);
  // Our export prints the elements only from front matter: without a marker its draft had none,
  // unless the marker was lost on the way (the 发文机关标志's own style or a 版记 footer shows it had).
  const printed = !marker && doc.ours && (doc.paragraphs.some((p) => p.styleName === 'Issuer Mark') || doc.marginal.some((m) => m.paragraphs.some((p) => /^抄送|印发$/.test(p.text.trim()))));
  const recognised = recogniseElements(all, doc, (e) => (marker ? keyOf(e) !== undefined : !doc.ours || printed));
  const flow = recognised.flow;

  // pandoc writes a draft's front-matter title as a Title paragraph and then its `# 标题` again.
  if (flow[0]?.para?.titleStyle && flow[1]?.para && flow[1].text === flow[0].text && flow[1].para.outlineLevel !== undefined) flow.splice(1, 1);

  // Roles and numbering as the checks see them: a model of the plain lines.
  const prose = flow.filter((l) => l.para);
  const model = buildModel(prose.map((l) => escapeLine(l.text).text).join('\n'));
  const modelLine = new Map<Line, ReportModel['lines'][number]>();
  const bySource = new Map(model.lines.map((m) => [m.sourceLine, m]));
  prose.forEach((l, i) => {
    const ml = bySource.get(i);
    if (ml) modelLine.set(l, ml);
  });
  // Signature and date close the main text: read roles without the attachments' pages after it.
  const main = flow.slice(0, attachmentsStart(flow)).filter((l) => l.para);
  const roleOf = new Map<Line, string>();
  if (main.length === prose.length) for (const [l, ml] of modelLine) roleOf.set(l, ml.role);
  else {
    const mainModel = buildModel(main.map((l) => escapeLine(l.text).text).join('\n'));
    const mainBySource = new Map(mainModel.lines.map((m) => [m.sourceLine, m]));
    main.forEach((l, i) => {
      const ml = mainBySource.get(i);
      if (ml) roleOf.set(l, ml.role);
    });
  }
  const withRole = (r: string) => main.filter((l) => roleOf.get(l) === r);

  const values = new Map<Element, ElementValue>(recognised.values as Map<ElementName, ElementValue>);
  const sources = new Map<Element, WordParagraph[]>(recognised.sources as Map<ElementName, WordParagraph[]>);
  const lines = new Map<Element, Line[]>();
  const title = withRole('title')[0] ?? (flow[0]?.para?.titleStyle ? flow[0] : undefined);
  if (title) lines.set('title', [title]);
  // A title the model does not know by its ending (a Title paragraph): the addressee is the line under it, in the model's form.
  const underTitle = title && !withRole('title').length ? main[main.indexOf(title) + 1] : undefined;
  const addressee = withRole('addressee')[0] ?? (underTitle && isAddressee(underTitle.text) ? underTitle : undefined);
  if (addressee) lines.set('addressee', [addressee]);
  const signature = withRole('signature');
  if (signature.length) lines.set('signature', signature);
  const date = withRole('date')[0];
  if (date) lines.set('date', [date]);
  const drop = new Set<Line>();
  let duplicated = false;
  for (const e of DRAFT_LINE_ELEMENTS) {
    const found = lines.get(e);
    if (!found) continue;
    // From elsewhere: in front matter and in the text. From our export: where the draft had it.
    const inFront = marker ? keyOf(e) !== undefined : !doc.ours;
    const inBody = !marker || !inFront || marker.body.includes(e);
    if (inFront) {
      const texts = found.map((l) => (e === 'addressee' ? l.text.replace(/[：:]$/, '') : l.text));
      values.set(e, texts.length > 1 ? texts : texts[0]);
      sources.set(e, found.map((l) => l.para!));
    }
    if (!inBody) found.forEach((l) => drop.add(l));
    duplicated ||= inFront && inBody;
  }

  const { front, read } = frontMatter(values, marker, keyOf);
  const out = new Emitter();
  if (Object.keys(front).length > 0) {
    // The draft is a Chinese document: what the import writes into it is Chinese whatever the editor's language.
    const comment = duplicated ? '# 以下取自 Word 原文；导出时以此为准，改动正文中对应的行时请一并修改或删去。\n' : '';
    out.markup(`---\n${comment}`);
    for (const [k, v] of Object.entries(front)) {
      out.markup(`${yamlKey(k)}: `);
      const e = read.get(k);
      emitValue(v, e ? (sources.get(e) ?? []).filter((p) => doc.paragraphs[p.index] === p) : [], out);
      out.markup('\n');
    }
    out.markup('---\n');
  }
  for (const kind of ['header', 'footer'] as const) {
    const texts = recognised.marginal.filter((m) => m.kind === kind).map((m) => m.text);
    if (texts.length > 0) out.markup(`<!-- Word ${kind === 'header' ? '页眉' : '页脚'}（导出时不带）：${commentText(texts.join('；'))} -->\n`);
  }
  const notes: Array<{ label: string; text: string }> = [];
  const pictures: Pictures = { assets: options.assets, media: [], count: 0, doc };
  let first = true;
  let inList = false;
  for (const line of flow) {
    if (drop.has(line)) continue;
    if (line.table) {
      if (!first) out.markup('\n');
      emitTable(line.table, out, pictures);
      out.markup('\n');
      first = false;
      inList = false;
      continue;
    }
    const p = line.para!;
    const ml = modelLine.get(line);
    let depth = 0;
    if (ml?.role === 'title' || (first && p.titleStyle)) depth = 1;
    else if (ml?.role === 'heading' && ml.section && !ml.section.runIn) depth = ml.section.level + 1;
    else if (p.outlineLevel !== undefined && !p.inTable && line.text.length <= 80 && !(ml?.section?.runIn && ml.role === 'heading')) depth = first ? 1 : Math.min(6, p.outlineLevel + 2);
    // Word's bullets as Markdown list items, a blank line around the list (so the next paragraph
    // does not run into the last item).
    const bullet = depth === 0 && p.bullet !== undefined && !p.inTable;
    if (bullet && !inList && !first) out.markup('\n');
    if (!bullet && inList) out.markup('\n');
    inList = bullet;
    if (bullet) out.markup('  '.repeat(Math.min(p.bullet!, 4)) + '- ');
    if (depth) out.markup('#'.repeat(depth) + ' ');
    emitInline(p, line.offset, line.offset + line.text.length, out, notes, doc.footnotes, pictures);
    out.markup('\n');
    first = false;
  }
  if (notes.length > 0) {
    out.markup('\n');
    for (const n of notes) out.markup(`[^${n.label}]: ${escapeLine(n.text).text}\n`);
  }
  return { markdown: out.text, frontMatter: front, paragraphAt: Int32Array.from(out.paras), characterAt: Int32Array.from(out.chars), paragraphs: doc.paragraphs, media: pictures.media };
}

/** "机关党委：" — the model's addressee form (engine/model/build.ts). */
const isAddressee = (text: string) => text.length <= 40 && /[：:]$/.test(text) && !/[，。；]/.test(text);

interface Pictures {
  assets?: string;
  media: DocxDraft['media'];
  count: number;
  doc: WordDocument;
}

/** A picture: an image pointing into the assets folder, or a comment saying it was left out. */
function picture(image: WordParagraph['images'][number], pictures: Pictures): string {
  pictures.count++;
  const alt = image.alt.replace(/[\r\n]+/g, ' ');
  if (!pictures.assets) return `<!-- 图片：${commentText(alt || '无说明')}（Word 原文第 ${pictures.count} 张图片，未导入；用命令行 party-report import 导入到文件时会取出图片） -->`;
  const name = image.part.slice(image.part.lastIndexOf('/') + 1);
  if (!pictures.media.some((m) => m.part === image.part)) pictures.media.push({ name, part: image.part, data: pictures.doc.pkg.files[image.part] });
  const url = `${pictures.assets}/${name}`.replace(/[ %()<>]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0'));
  return `![${alt.replace(/[\\[\]|]/g, (c) => '\\' + c)}](${url})`;
}

/**
 * A front-matter value; a string written as it stands in a paragraph keeps its way back to that
 * paragraph, so that a finding on it (a date, a 发文字号) is placed on those words in Word.
 */
function emitValue(v: unknown, paras: WordParagraph[], out: Emitter): void {
  const yaml = yamlValue(v);
  const located = (s: string) => {
    for (const p of paras) {
      const at = p.text.indexOf(s);
      if (at >= 0) return { p, at };
    }
    return undefined;
  };
  const plain = (s: string) => {
    const hit = located(s);
    if (hit) out.source(s, hit.p.index, Array.from({ length: s.length }, (_, i) => hit.at + i));
    else out.markup(s);
  };
  if (typeof v === 'string' && yaml === v) return plain(v);
  if (Array.isArray(v) && v.length > 0 && yaml === `[${v.join(', ')}]`) {
    out.markup('[');
    v.forEach((item: string, i) => {
      if (i > 0) out.markup(', ');
      plain(item);
    });
    out.markup(']');
    return;
  }
  out.markup(yaml);
}

/** Text inside an HTML comment: "--" would end it early. */
const commentText = (s: string) => s.replace(/-{2,}/g, (m) => '－'.repeat(m.length));

class Emitter {
  text = '';
  paras: number[] = [];
  chars: number[] = [];
  markup(s: string): void {
    this.text += s;
    for (let i = 0; i < s.length; i++) {
      this.paras.push(-1);
      this.chars.push(-1);
    }
  }
  /** Text from the document, escaped for Markdown; `map[i]` is the paragraph offset of out[i]. */
  source(s: string, para: number, map: number[]): void {
    this.text += s;
    for (let i = 0; i < s.length; i++) {
      this.paras.push(map[i] < 0 ? -1 : para);
      this.chars.push(map[i]);
    }
  }
}

/**
 * Escapes what Markdown would read as markup; `map[i]` is the index in `text` of out[i] (a
 * backslash maps to the character it escapes, as the checks' own span does).
 */
export function escapeLine(text: string, inTable = false): { text: string; map: number[] } {
  let out = '';
  const map: number[] = [];
  const push = (s: string, at: number) => {
    out += s;
    for (let k = 0; k < s.length; k++) map.push(at);
  };
  // Brackets only matter where they could make a link, a reference or a footnote.
  const links = /\]\(|\]\[|\]:|\[\^/.test(text);
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    const atStart = out.length === 0;
    const markup =
      '\\`*_~'.includes(c) ||
      ((c === '[' || c === ']') && links) ||
      (c === '<' && /^<[A-Za-z/!?]/.test(text.slice(i, i + 2))) ||
      (c === '|' && inTable) ||
      (c === '&' && /^&(#?\w+);/.test(text.slice(i)));
    if (markup) push('\\' + c, i);
    else if (atStart && c === '>') push('\\' + c, i);
    else if (atStart && (c === '#' || c === '+' || c === '-' || c === '=') ) push('\\' + c, i);
    else if (c === '\t') push(' ', i);
    else push(c, i);
  }
  // "1. 文字" would open a Markdown list and lose its number: escape the dot.
  const list = /^(\d{1,9})([.)])[ \t]/.exec(out);
  if (list) {
    const at = list[1].length;
    out = out.slice(0, at) + '\\' + out.slice(at);
    map.splice(at, 0, map[at]);
  }
  return { text: out, map };
}

function emitInline(
  p: WordParagraph,
  from: number,
  to: number,
  out: Emitter,
  notes: Array<{ label: string; text: string }>,
  footnotes: Map<string, string>,
  pictures: Pictures,
): void {
  // Cut points: bold edges, footnote references and pictures inside [from, to).
  const notesHere = p.footnotes.filter((n) => n.at >= from && n.at <= to && footnotes.has(n.id));
  // A picture among the spaces trimmed off the line's ends stands at the line's start or end.
  const images = p.images.map((im) => ({ ...im, at: Math.min(to, Math.max(from, im.at)) }));
  const bold = p.bold.map(([a, b]) => [Math.max(a, from), Math.min(b, to)] as [number, number]).filter(([a, b]) => b > a && p.text.slice(a, b).trim());
  const cuts = new Set<number>([from, to, ...bold.flat(), ...notesHere.map((n) => n.at), ...images.map((im) => im.at)]);
  const points = [...cuts].sort((a, b) => a - b);
  for (let k = 0; k < points.length; k++) {
    const at = points[k];
    for (const im of images.filter((im) => im.at === at)) out.markup(picture(im, pictures));
    for (const n of notesHere.filter((n) => n.at === at)) {
      const label = String(notes.length + 1);
      notes.push({ label, text: footnotes.get(n.id)! });
      out.markup(`[^${label}]`);
    }
    const next = points[k + 1];
    if (next === undefined) break;
    const isBold = bold.some(([a, b]) => a <= at && next <= b);
    const piece = p.text.slice(at, next);
    const escaped = escapeLine(piece, p.inTable);
    // Only a line's first piece can be read as a block marker.
    const e = at === from ? escaped : escapeInner(piece, p.inTable);
    if (isBold) out.markup('**');
    out.source(e.text, p.index, e.map.map((m) => at + m));
    if (isBold) out.markup('**');
  }
}

function escapeInner(text: string, inTable: boolean): { text: string; map: number[] } {
  const e = escapeLine('x' + text, inTable);
  return { text: e.text.slice(1), map: e.map.slice(1).map((m) => m - 1) };
}

function emitTable(rows: WordParagraph[][][], out: Emitter, pictures: Pictures): void {
  const width = Math.max(...rows.map((r) => r.length));
  const emitRow = (cells: WordParagraph[][]) => {
    out.markup('|');
    for (let c = 0; c < width; c++) {
      out.markup(' ');
      const paras = (cells[c] ?? []).filter((p) => p.text.trim() || p.images.length > 0);
      paras.forEach((p, i) => {
        if (i > 0) out.markup('<br>');
        const lead = LEAD.exec(p.text)?.[0].length ?? 0;
        const text = p.text.slice(lead).replace(TRAIL, '');
        const e = escapeInner(text, true);
        out.source(e.text, p.index, e.map.map((m) => lead + m));
        // A picture in a cell: after the cell's words (a table cell is one line).
        for (const image of p.images) out.markup(picture(image, pictures));
      });
      out.markup(' |');
    }
    out.markup('\n');
  };
  emitRow(rows[0]);
  out.markup('|' + ' --- |'.repeat(width) + '\n');
  for (const r of rows.slice(1)) emitRow(r);
}
