/**
 * A Word document as a Markdown draft in the form the checks read: every Word paragraph one line,
 * headings as Markdown headings (by Word's outline level, or by their 一、（一）1.（1） numbering),
 * tables as Markdown tables, footnotes as [^n], bold as **…**, and front matter with what was
 * recognised (标题, 发文字号, 主送, 署名, 成文日期). Every character of the draft that came from the
 * document remembers its paragraph and character, so findings can be placed back in Word.
 */
import type { ReportModel } from '../model/types';
import type { WordDocument, WordParagraph } from './read-docx';

export interface WordPosition {
  /** 0-based paragraph index (WordParagraph.index). */
  paragraph: number;
  /** 0-based UTF-16 offset in the paragraph's text. */
  character: number;
}

export interface DocxDraft {
  markdown: string;
  frontMatter: Record<string, string | string[]>;
  /** Where a character of `markdown` came from; -1 for markup the import added. */
  paragraphAt: Int32Array;
  characterAt: Int32Array;
  paragraphs: WordParagraph[];
}

/** 机党发〔2025〕12号, with the brackets writers actually type. */
const DOC_NUMBER = /^[\u4e00-\u9fa5A-Za-zＸX]{2,20}[〔［\[【(（]\s*(\d{4}|[XＸ]{2,4})\s*[〕］\]】)）]\s*[\dXＸ]{1,4}\s*号$/;
const LEAD = /^[\s\u3000\u00a0]+/;
const TRAIL = /[\s\u3000\u00a0]+$/;

interface Line {
  para?: WordParagraph;
  /** Plain text of the paragraph (trimmed), and where it starts in the paragraph's text. */
  text: string;
  offset: number;
  table?: WordParagraph[][][];
}

/** Builds the report model of a plain draft (the engine's buildModel with the types' words). */
export type ModelBuilder = (text: string) => ReportModel;

export function toMarkdown(doc: WordDocument, buildModel: ModelBuilder): DocxDraft {
  const flow: Line[] = [];
  for (const block of doc.blocks) {
    if (block.kind === 'table') {
      if (block.rows.some((r) => r.some((c) => c.some((p) => p.text.trim())))) flow.push({ text: '', offset: 0, table: block.rows });
      continue;
    }
    const p = block.paragraph;
    const lead = LEAD.exec(p.text)?.[0].length ?? 0;
    const text = p.text.slice(lead).replace(TRAIL, '');
    if (text) flow.push({ para: p, text, offset: lead });
  }

  const front: Record<string, string | string[]> = {};
  // The document number stands above the title; the draft keeps it in front matter, where the export reads it.
  const numberAt = flow.slice(0, 3).findIndex((l) => l.para && DOC_NUMBER.test(l.text));
  if (numberAt >= 0 && flow.slice(numberAt + 1).some((l) => l.para)) {
    front['发文字号'] = flow[numberAt].text;
    flow.splice(numberAt, 1);
  }

  // pandoc writes a draft's front-matter title as a Title paragraph and then its `# 标题` again.
  if (flow[0]?.para?.titleStyle && flow[1]?.para && flow[1].text === flow[0].text && flow[1].para.outlineLevel !== undefined) flow.splice(1, 1);

  // Roles and numbering as the checks see them: a model of the plain lines.
  const prose = flow.filter((l) => l.para);
  const model = buildModel(prose.map((l) => escapeLine(l.text).text).join('\n'));
  const modelLine = new Map<Line, ReportModel['lines'][number]>();
  prose.forEach((l, i) => {
    const ml = model.lines.find((m) => m.sourceLine === i);
    if (ml) modelLine.set(l, ml);
  });

  if (model.title) front['title'] = model.title.text.trim();
  const role = (r: string) => model.lines.filter((l) => l.role === r).map((l) => l.text.trim());
  if (role('addressee')[0]) front['主送'] = role('addressee')[0].replace(/[：:]$/, '');
  const signature = role('signature');
  if (signature.length === 1) front['署名'] = signature[0];
  else if (signature.length > 1) front['署名'] = signature;
  if (role('date')[0]) front['成文日期'] = role('date')[0];

  const out = new Emitter();
  if (Object.keys(front).length > 0) {
    const yaml = Object.entries(front).map(([k, v]) => `${k}: ${Array.isArray(v) ? `[${v.map(scalar).join(', ')}]` : scalar(v)}`).join('\n');
    out.markup(`---\n# 以下取自 Word 原文；导出时以此为准，改动正文中对应的行时请一并修改或删去。\n${yaml}\n---\n`);
  }
  const notes: Array<{ label: string; text: string }> = [];
  let first = true;
  for (const line of flow) {
    if (line.table) {
      if (!first) out.markup('\n');
      emitTable(line.table, out);
      out.markup('\n');
      first = false;
      continue;
    }
    const p = line.para!;
    const ml = modelLine.get(line);
    let depth = 0;
    if (ml?.role === 'title' || (first && p.titleStyle)) depth = 1;
    else if (ml?.role === 'heading' && ml.section && !ml.section.runIn) depth = ml.section.level + 1;
    else if (p.outlineLevel !== undefined && !p.inTable && line.text.length <= 80 && !(ml?.section?.runIn && ml.role === 'heading')) depth = first ? 1 : Math.min(6, p.outlineLevel + 2);
    if (depth) out.markup('#'.repeat(depth) + ' ');
    emitInline(p, line.offset, line.offset + line.text.length, out, notes, doc.footnotes);
    out.markup('\n');
    first = false;
  }
  if (notes.length > 0) {
    out.markup('\n');
    for (const n of notes) out.markup(`[^${n.label}]: ${escapeLine(n.text).text}\n`);
  }
  return { markdown: out.text, frontMatter: front, paragraphAt: Int32Array.from(out.paras), characterAt: Int32Array.from(out.chars), paragraphs: doc.paragraphs };
}

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
): void {
  // Cut points: bold edges and footnote references inside [from, to).
  const notesHere = p.footnotes.filter((n) => n.at >= from && n.at <= to && footnotes.has(n.id));
  const bold = p.bold.map(([a, b]) => [Math.max(a, from), Math.min(b, to)] as [number, number]).filter(([a, b]) => b > a && p.text.slice(a, b).trim());
  const cuts = new Set<number>([from, to, ...bold.flat(), ...notesHere.map((n) => n.at)]);
  const points = [...cuts].sort((a, b) => a - b);
  for (let k = 0; k < points.length; k++) {
    const at = points[k];
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

function emitTable(rows: WordParagraph[][][], out: Emitter): void {
  const width = Math.max(...rows.map((r) => r.length));
  const emitRow = (cells: WordParagraph[][]) => {
    out.markup('|');
    for (let c = 0; c < width; c++) {
      out.markup(' ');
      const paras = (cells[c] ?? []).filter((p) => p.text.trim());
      paras.forEach((p, i) => {
        if (i > 0) out.markup('<br>');
        const lead = LEAD.exec(p.text)?.[0].length ?? 0;
        const text = p.text.slice(lead).replace(TRAIL, '');
        const e = escapeInner(text, true);
        out.source(e.text, p.index, e.map.map((m) => lead + m));
      });
      out.markup(' |');
    }
    out.markup('\n');
  };
  emitRow(rows[0]);
  out.markup('|' + ' --- |'.repeat(width) + '\n');
  for (const r of rows.slice(1)) emitRow(r);
}

/** A YAML scalar: plain where YAML reads it back as the same string, else double-quoted (JSON is valid YAML). */
function scalar(v: string): string {
  return /^[^\s"'#&*!|>%@`{}[\],:?\-][^#:]*$/.test(v) && !/\s$/.test(v) ? v : JSON.stringify(v);
}
