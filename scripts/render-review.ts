// Renders a review copy (生成审阅稿) for docs/word.md: LibreOffice lays out the commented copy of
// examples/draft-with-problems.md and marks each comment where it is anchored; beside the page, the
// comments' text is drawn at the height of their marks, as Word shows them in its margin (Chromium
// composes the picture). Needs LibreOffice, poppler-utils and Chromium; run after `npm run build`: npx tsx scripts/render-review.ts
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pdfNotes, pdfOf } from '../test/helpers/word';

const ROOT = path.resolve(__dirname, '..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'party-report-review-docs-'));
const draft = path.join(dir, 'draft.md');
fs.copyFileSync(path.join(ROOT, 'examples', 'draft-with-problems.md'), draft);
spawnSync(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), 'review', draft, '-o', path.join(dir, 'reviewed.docx')], { stdio: 'inherit', env: { ...process.env, LANG: 'zh_CN.UTF-8' } });
const pdf = pdfOf(fs.readFileSync(path.join(dir, 'reviewed.docx')), dir, 'page');
const DPI = 80;
spawnSync('pdftoppm', ['-png', '-r', String(DPI), '-f', '1', '-l', '1', '-singlefile', pdf, path.join(dir, 'page')], { stdio: 'inherit' });
const png = fs.readFileSync(path.join(dir, 'page.png'));
const width = png.readUInt32BE(16);
const height = png.readUInt32BE(20);
const scale = DPI / 72;
const notes = pdfNotes(pdf).filter((n) => n.page === 1).sort((a, b) => a.top - b.top || a.x - b.x);

// The page as LibreOffice rendered it, and beside it each comment at the height of its mark.
const PANEL = 460;
const esc = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const marks = notes.map((n, i) => `<div class="mark" style="left:${n.x * scale - 8}px;top:${n.top * scale - 14}px">${i + 1}</div>`).join('');
const cards = notes.map((n, i) => `<div class="card" data-y="${((n.top + n.bottom) / 2) * scale}"><b>${i + 1}</b> ${esc(n.contents).replace(/\n/g, '<br>')}</div>`).join('');
const html = `<!doctype html><meta charset="utf-8"><style>
body{margin:0;background:#e8e8e8;font-family:'Noto Sans CJK SC',sans-serif}
#wrap{position:relative;width:${width + PANEL}px}
#page{position:absolute;left:0;top:0;width:${width}px;height:${height}px;box-shadow:0 0 6px #999}
.mark{position:absolute;width:16px;height:16px;border-radius:8px;background:#c8102e;color:#fff;font-size:11px;line-height:16px;text-align:center}
#panel{position:absolute;left:${width + 12}px;top:0;width:${PANEL - 24}px}
.head{font-size:12px;color:#555;margin:8px 0}
.card{position:absolute;left:0;width:100%;box-sizing:border-box;background:#fff8e1;border:1px solid #e0b000;border-left:4px solid #c8102e;border-radius:3px;padding:4px 6px;font-size:12px;line-height:1.45;color:#222}
.card b{color:#c8102e}
</style><div id="wrap"><img id="page" src="data:image/png;base64,${png.toString('base64')}">${marks}<div id="panel"><div class="head">批注（作者：党建报告助手）</div>${cards}</div></div>
<script>
let y = 30;
for (const c of document.querySelectorAll('.card')) { const top = Math.max(y, Number(c.dataset.y) - 10); c.style.top = top + 'px'; y = top + c.offsetHeight + 4; }
document.getElementById('wrap').style.height = Math.max(${height}, y + 8) + 'px';
</script>`;
fs.writeFileSync(path.join(dir, 'review.html'), html);
(async () => {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
  const page = await browser.newPage({ viewport: { width: width + PANEL, height: height } });
  await page.goto('file://' + path.join(dir, 'review.html'));
  // Beside docs/word.md, not in docs/images/ (whose pictures the extension package carries).
  fs.mkdirSync(path.join(ROOT, 'docs', 'word'), { recursive: true });
  const out = path.join(ROOT, 'docs', 'word', 'review.png');
  await page.locator('#wrap').screenshot({ path: out });
  await browser.close();
  console.log(`wrote ${path.relative(ROOT, out)} (${notes.length} comments)`);
})();
