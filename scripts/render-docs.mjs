// Renders exports to PNG pictures for docs/: the seed (or the bundled example) and a document with
// every GB/T 9704 element (its 版头 page and its 版记 page). Needs LibreOffice and poppler-utils;
// run after `npm run build`.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const { exportDocx } = require(path.join(ROOT, 'dist', 'export.js'));
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'party-report-docs-'));
const env = { ...process.env, FONTCONFIG_FILE: path.join(ROOT, 'test', 'render', 'fonts.conf') };
const images = path.join(ROOT, 'docs', 'images');
fs.mkdirSync(images, { recursive: true });

/** Exports `source` and renders it to PDF (blank pages kept, as printed); returns the PDF's path. */
async function render(source, name) {
  const docx = path.join(dir, `${name}.docx`);
  fs.writeFileSync(docx, await exportDocx(fs.readFileSync(source, 'utf8')));
  const filter = 'pdf:writer_pdf_Export:{"IsSkipEmptyPages":{"type":"boolean","value":"false"}}';
  spawnSync('soffice', ['--headless', '--norestore', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', filter, '--outdir', dir, docx], { env, stdio: 'inherit' });
  return path.join(dir, `${name}.pdf`);
}

/** Page `page` of the PDF as docs/images/<name>.png. */
function picture(pdf, page, name) {
  spawnSync('pdftoppm', ['-png', '-r', '60', '-singlefile', '-f', String(page), '-l', String(page), pdf, path.join(images, name)], { stdio: 'inherit' });
  console.log(`wrote docs/images/${name}.png`);
}

const seed = path.resolve(ROOT, '..', 'shared', 'seed', '000_65e39421ef2fe7a0.txt');
const seedPdf = await render(fs.existsSync(seed) ? seed : path.join(ROOT, 'examples', 'org-life-meeting-report.md'), 'seed');
picture(seedPdf, 1, 'export-seed-1');
picture(seedPdf, 2, 'export-seed-2');

const official = await render(path.join(ROOT, 'examples', 'official-document.md'), 'official');
const pages = Number(/Pages:\s+(\d+)/.exec(spawnSync('pdfinfo', [official], { encoding: 'utf8' }).stdout)[1]);
picture(official, 1, 'export-head');
picture(official, 2, 'export-closing');
picture(official, 3, 'export-attachment');
picture(official, pages, 'export-imprint');
