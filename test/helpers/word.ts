/**
 * Real .docx files from three producers — our export, LibreOffice (a text draft opened and saved
 * as Word) and pandoc (Markdown) — and LibreOffice's own reading of a review copy's comments.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { exportDocx } from '../../engine/export';
import { REPO } from './shared';
import { soffice, which } from './render';

export type Producer = 'export' | 'libreoffice' | 'pandoc';
export const PRODUCERS: Producer[] = ['export', 'libreoffice', 'pandoc'];

export function producerMissing(p: Producer): string | undefined {
  if (p === 'libreoffice' && !soffice()) return 'LibreOffice (soffice)';
  if (p === 'pandoc' && !which('pandoc')) return 'pandoc';
  return undefined;
}

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'party-report-word-'));

function sofficeConvert(input: string, to: string, dir: string): string {
  const r = spawnSync(
    soffice()!,
    ['--headless', '--norestore', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', to, '--outdir', dir, input],
    { encoding: 'utf8', timeout: 180000, env: { ...process.env, FONTCONFIG_FILE: path.join(REPO, 'test', 'render', 'fonts.conf') } },
  );
  const ext = to.split(':')[0];
  const out = path.join(dir, path.basename(input).replace(/\.[^.]+$/, '') + '.' + ext);
  if (!fs.existsSync(out)) throw new Error(`LibreOffice did not convert ${input} to ${to}: ${r.stderr || r.stdout}`);
  return out;
}

/** A .docx of `markdown` made by `producer`. */
export async function produce(producer: Producer, markdown: string, name = 'draft'): Promise<Uint8Array> {
  if (producer === 'export') return exportDocx(markdown);
  const dir = tmp();
  try {
    const input = path.join(dir, `${name}.md`);
    fs.writeFileSync(input, markdown);
    if (producer === 'libreoffice') return fs.readFileSync(sofficeConvert(input, 'docx:MS Word 2007 XML', dir));
    const out = path.join(dir, `${name}.docx`);
    const r = spawnSync('pandoc', ['-f', 'markdown', '-t', 'docx', '-o', out, input], { encoding: 'utf8', timeout: 60000 });
    if (r.status !== 0) throw new Error(`pandoc failed: ${r.stderr}`);
    return fs.readFileSync(out);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The document opened in LibreOffice and saved again as .docx (as a colleague without Word would). */
export function resavedByLibreOffice(docx: Uint8Array): Uint8Array {
  const dir = tmp();
  try {
    const input = path.join(dir, 'original.docx');
    fs.writeFileSync(input, docx);
    const outDir = path.join(dir, 'saved');
    fs.mkdirSync(outDir);
    const r = spawnSync(
      soffice()!,
      ['--headless', '--norestore', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'docx:MS Word 2007 XML', '--outdir', outDir, input],
      { encoding: 'utf8', timeout: 180000, env: { ...process.env, FONTCONFIG_FILE: path.join(REPO, 'test', 'render', 'fonts.conf') } },
    );
    const out = path.join(outDir, 'original.docx');
    if (!fs.existsSync(out)) throw new Error(`LibreOffice did not save ${input} again: ${r.stderr || r.stdout}`);
    return fs.readFileSync(out);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export interface Annotation {
  author: string;
  text: string;
  /** The words LibreOffice shows the comment attached to. */
  anchored: string;
}

/** The comments of a .docx as LibreOffice reads them (via its flat ODT), with their anchored words. */
export function libreOfficeComments(docx: Uint8Array): Annotation[] {
  const dir = tmp();
  try {
    const input = path.join(dir, 'review.docx');
    fs.writeFileSync(input, docx);
    const xml = fs.readFileSync(sofficeConvert(input, 'fodt', dir), 'utf8');
    const plain = (s: string) => s.replace(/<office:annotation(?:\s[^>]*)?>[\s\S]*?<\/office:annotation>/g, '').replace(/<text:s\/>/g, ' ').replace(/<[^>]+>/g, '').replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
    const out: Annotation[] = [];
    for (const m of xml.matchAll(/<office:annotation((?:\s[^>]*)?)>([\s\S]*?)<\/office:annotation>/g)) {
      const name = /office:name="([^"]+)"/.exec(m[1])?.[1];
      const author = /<dc:creator>([^<]*)<\/dc:creator>/.exec(m[2])?.[1] ?? '';
      const text = [...m[2].matchAll(/<text:p\b[^>]*>([\s\S]*?)<\/text:p>/g)].map((p) => plain(p[1])).join('\n');
      let anchored = '';
      if (name) {
        const end = xml.indexOf(`<office:annotation-end office:name="${name}"`, m.index! + m[0].length);
        if (end > 0) anchored = plain(xml.slice(m.index! + m[0].length, end)).replace(/\s*\n\s*/g, '');
      }
      out.push({ author, text, anchored });
    }
    return out;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** A PDF of the document with its comments printed in the page margin (LibreOffice 7.x). */
export function pdfWithComments(docx: Uint8Array, dir: string, name = 'review'): string {
  const input = path.join(dir, `${name}.docx`);
  fs.writeFileSync(input, docx);
  return sofficeConvert(input, 'pdf:writer_pdf_Export:{"ExportNotesInMargin":{"type":"boolean","value":"true"}}', dir);
}

/** A PDF of the document (LibreOffice exports each comment as a PDF text annotation at its anchor). */
export function pdfOf(docx: Uint8Array, dir: string, name = 'review'): string {
  const input = path.join(dir, `${name}.docx`);
  fs.writeFileSync(input, docx);
  return sofficeConvert(input, 'pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"}}', dir);
}

export interface PdfNote {
  contents: string;
  page: number;
  /** The annotation's place, in points from the page's top-left corner. */
  x: number;
  top: number;
  bottom: number;
}

/** The text annotations of a PDF as LibreOffice writes them (uncompressed dictionaries). */
export function pdfNotes(pdf: string): PdfNote[] {
  const raw = fs.readFileSync(pdf).toString('latin1');
  const pages = [...raw.matchAll(/\/Type\s*\/Page\b[^s][\s\S]*?\/Annots\s*\[([^\]]*)\]/g)];
  const pageOf = new Map<string, number>();
  pages.forEach((m, i) => {
    for (const ref of m[1].matchAll(/(\d+)\s+0\s+R/g)) pageOf.set(ref[1], i + 1);
  });
  const height = 841.89;
  const out: PdfNote[] = [];
  for (const m of raw.matchAll(/(\d+)\s+0\s+obj\s*<<([\s\S]*?)>>\s*endobj/g)) {
    const body = m[2];
    if (!/\/Subtype\s*\/Text\b/.test(body)) continue;
    const rect = /\/Rect\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(body);
    const hex = /\/Contents\s*<([0-9A-Fa-f]+)>/.exec(body);
    if (!rect || !hex) continue;
    const bytes = Buffer.from(hex[1], 'hex');
    const utf16 = bytes[0] === 0xfe && bytes[1] === 0xff ? bytes.subarray(2) : bytes;
    let contents = '';
    for (let i = 0; i + 1 < utf16.length; i += 2) contents += String.fromCharCode((utf16[i] << 8) | utf16[i + 1]);
    out.push({ contents, page: pageOf.get(m[1]) ?? 1, x: Number(rect[1]), top: height - Number(rect[4]), bottom: height - Number(rect[2]) });
  }
  return out;
}

/** The text printed in a box of a page (pdftotext -x -y -W -H), in points. */
export function textIn(pdf: string, page: number, x: number, y: number, w: number, h: number): string {
  const r = spawnSync(
    'pdftotext',
    ['-f', String(page), '-l', String(page), '-r', '72', '-x', String(Math.round(x)), '-y', String(Math.round(y)), '-W', String(Math.round(w)), '-H', String(Math.round(h)), pdf, '-'],
    { encoding: 'utf8' },
  );
  return r.stdout.replace(/[\s\f]+/g, '');
}
