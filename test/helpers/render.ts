/** Renders a DOCX to PDF with LibreOffice and reads it back with poppler, as a printer would see it. */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO } from './shared';

export function which(cmd: string): string | undefined {
  const r = spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

export const soffice = () => which('soffice') ?? which('libreoffice');

const PDF_FILTER = 'pdf:writer_pdf_Export:{"IsSkipEmptyPages":{"type":"boolean","value":"false"}}';

/** Converts `docx` to PDF in a fresh LibreOffice profile, with the test font mapping. */
export function toPdf(docx: Uint8Array, name = 'draft'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'party-report-render-'));
  const input = path.join(dir, `${name}.docx`);
  fs.writeFileSync(input, docx);
  const r = spawnSync(
    soffice()!,
    // Blank pages a section inserts (the one before an even 版记 page) are printed, as a printer would.
    ['--headless', '--norestore', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', PDF_FILTER, '--outdir', dir, input],
    { encoding: 'utf8', timeout: 180000, env: { ...process.env, FONTCONFIG_FILE: path.join(REPO, 'test', 'render', 'fonts.conf') } },
  );
  const pdf = path.join(dir, `${name}.pdf`);
  if (!fs.existsSync(pdf)) throw new Error(`LibreOffice did not convert ${input}: ${r.stderr || r.stdout || r.error}`);
  return pdf;
}

export function pageCount(pdf: string): number {
  const info = spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout;
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
}

/** The page's lines as laid out (pdftotext -layout), without empty ones. */
export function pageLines(pdf: string, page: number): string[] {
  const out = spawnSync('pdftotext', ['-layout', '-f', String(page), '-l', String(page), pdf, '-'], { encoding: 'utf8' }).stdout;
  return out.split('\n').filter((l) => l.replace(/\f/g, '').trim().length > 0).map((l) => l.replace(/\f/g, ''));
}

/** The page number's words and their left edge (points) on a page, from pdftotext -bbox. */
export function pageNumberBox(pdf: string, page: number): { text: string; xMin: number; mmBelowText: number } | undefined {
  const html = spawnSync('pdftotext', ['-bbox', '-f', String(page), '-l', String(page), pdf, '-'], { encoding: 'utf8' }).stdout;
  const words = [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="[\d.]+">([^<]*)<\/word>/g)].map((m) => ({
    xMin: Number(m[1]),
    yMin: Number(m[2]),
    text: m[3],
  }));
  // Below the text block: A4 is 841.89 pt high and the bottom margin is 35 mm.
  const footer = words.filter((w) => w.yMin > 841.89 - 35 * 2.8346);
  if (footer.length === 0) return undefined;
  return {
    text: footer.map((w) => w.text).join(' '),
    xMin: Math.min(...footer.map((w) => w.xMin)),
    mmBelowText: (Math.min(...footer.map((w) => w.yMin)) - (841.89 - 35 * 2.8346)) / 2.8346,
  };
}

export interface Word {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** Every word on a page with its box in points (origin top left), from pdftotext -bbox. */
export function pageWords(pdf: string, page: number): Word[] {
  const html = spawnSync('pdftotext', ['-bbox', '-f', String(page), '-l', String(page), pdf, '-'], { encoding: 'utf8' }).stdout;
  return [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
    xMin: Number(m[1]),
    yMin: Number(m[2]),
    xMax: Number(m[3]),
    yMax: Number(m[4]),
    text: m[5].replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"'),
  }));
}

export interface TextLine {
  text: string;
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
}

/** The page's printed lines: words whose boxes share a baseline, left to right. */
export function printedLines(pdf: string, page: number): TextLine[] {
  const lines: TextLine[] = [];
  const words = pageWords(pdf, page).sort((a, b) => a.yMax - b.yMax || a.xMin - b.xMin);
  for (const w of words) {
    const line = lines.find((l) => Math.abs(l.yMax - w.yMax) < 2);
    if (line) {
      line.text += w.text;
      line.xMin = Math.min(line.xMin, w.xMin);
      line.xMax = Math.max(line.xMax, w.xMax);
      line.yMin = Math.min(line.yMin, w.yMin);
    } else lines.push({ ...w });
  }
  return lines.sort((a, b) => a.yMax - b.yMax);
}

/** Every line of every page, with its page number. */
export function allPrintedLines(pdf: string): Array<TextLine & { page: number }> {
  const out: Array<TextLine & { page: number }> = [];
  for (let p = 1; p <= pageCount(pdf); p++) for (const l of printedLines(pdf, p)) out.push({ ...l, page: p });
  return out;
}

export const PT_PER_MM = 72 / 25.4;
