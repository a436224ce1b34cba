// Renders the exported seed (or the bundled example) to PNG pictures for docs/: what users get.
// Needs LibreOffice and poppler-utils; run after `npm run build`.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const { exportDocx } = require(path.join(ROOT, 'dist', 'export.js'));

const seed = path.resolve(ROOT, '..', 'shared', 'seed', '000_65e39421ef2fe7a0.txt');
const source = fs.existsSync(seed) ? seed : path.join(ROOT, 'examples', 'org-life-meeting-report.md');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'party-report-docs-'));
const docx = path.join(dir, 'seed.docx');
fs.writeFileSync(docx, await exportDocx(fs.readFileSync(source, 'utf8')));
const env = { ...process.env, FONTCONFIG_FILE: path.join(ROOT, 'test', 'render', 'fonts.conf') };
spawnSync('soffice', ['--headless', '--norestore', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'pdf', '--outdir', dir, docx], { env, stdio: 'inherit' });
fs.mkdirSync(path.join(ROOT, 'docs', 'images'), { recursive: true });
const out = path.join(ROOT, 'docs', 'images', 'export-seed');
spawnSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '2', path.join(dir, 'seed.pdf'), out], { stdio: 'inherit' });
console.log(`wrote ${out}-1.png and ${out}-2.png from ${path.relative(ROOT, source)}`);
