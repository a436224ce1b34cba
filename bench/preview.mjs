// 版面预览, edit to repaint: the preview's host side (parse, lay out with the export's line model,
// send only the changed pages) and its webview (media/preview in Chromium, the browser VS Code's
// webviews run in) timed together, from an edit of the text to the frame after the pages are redrawn.
// Peers in the same run: redrawing every page on every edit (no page diff), and exporting the DOCX,
// which is what a writer does today to see the pages. Run: node bench/preview.mjs
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { reportOfSize } from './drafts.mjs';

const ROOT = path.resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'party-report-bench-preview-'));
const EDITS = Number(process.env.EDITS ?? 60);

// The host side exactly as the extension bundles it, without the editor API.
const bundle = path.join(work, 'page-state.js');
await esbuild.build({ entryPoints: [path.join(ROOT, 'engine/layout/page-updates.ts')], outfile: bundle, bundle: true, platform: 'node', format: 'cjs', minify: true, logLevel: 'warning' });
// Data files are found from the bundle's folder upwards; run it from inside the repository.
const local = path.join(ROOT, 'bench', '.work', 'page-state.js');
fs.mkdirSync(path.dirname(local), { recursive: true });
fs.copyFileSync(bundle, local);
const { PageState } = require(local);

const seedFile = path.resolve(ROOT, '..', 'shared', 'seed', '000_65e39421ef2fe7a0.txt');
const drafts = [
  ['seed', fs.existsSync(seedFile) ? fs.readFileSync(seedFile, 'utf8') : fs.readFileSync(path.join(ROOT, 'examples', 'org-life-meeting-report.md'), 'utf8')],
  ['60-page draft', reportOfSize(111_000)],
];

/** Where the typing happens: a full stop in the first third of the draft (the pages after it reflow). */
function editPoint(text) {
  const at = text.indexOf('。', Math.floor(text.length / 3));
  return at < 0 ? Math.floor(text.length / 3) : at;
}

/** Typing: one character inserted after another at the edit point. */
function* typing(text, n) {
  let at = editPoint(text);
  for (let i = 0; i < n; i++) {
    text = text.slice(0, at) + '学' + text.slice(at);
    at++;
    yield text;
  }
}

const percentile = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const fmt = (xs) => `${percentile(xs, 50).toFixed(1)} / ${percentile(xs, 95).toFixed(1)} ms`;

// The webview: Debian's Chromium (as the end-to-end tests use) with playwright-core, when present.
let browser;
const chromiumPath = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => fs.existsSync(p));
if (chromiumPath) {
  const { chromium } = await import('playwright-core');
  browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox', '--disable-gpu'] });
}

/** The webview in Chromium, talking to `state` as the extension does (visible pages, pages asked for). */
async function webview(state) {
  for (const f of ['preview.js', 'preview.css']) fs.copyFileSync(path.join(ROOT, 'media', 'preview', f), path.join(work, f));
  fs.writeFileSync(
    path.join(work, 'stub.js'),
    // Times each update from its arrival in the webview to the frame after it is drawn.
    `window.__painted = []; window.__arrived = {}; window.__took = {};` +
      `window.addEventListener('message', (e) => { if (e.data.type === 'update') window.__arrived[e.data.version] = performance.now(); });` +
      `window.acquireVsCodeApi = () => ({ postMessage: (m) => { if (m.type === 'painted') { window.__painted.push(m.version); window.__took[m.version] = performance.now() - window.__arrived[m.version]; } else window.__toHost(m); }, getState: () => undefined, setState: () => {} });`,
  );
  fs.writeFileSync(
    path.join(work, 'index.html'),
    `<!DOCTYPE html><html><head><meta charset="utf-8"><link rel="stylesheet" href="preview.css"></head><body data-labels="{}" data-fonts="{}">` +
      `<div id="toolbar"><input type="checkbox" id="show-marks"><input type="checkbox" id="show-errors"><span id="count"></span></div><div id="pages"></div>` +
      `<script src="stub.js"></script><script src="preview.js"></script></body></html>`,
  );
  const page = await browser.newPage({ viewport: { width: 900, height: 1000 } });
  let asked = 0;
  await page.exposeFunction('__toHost', async (m) => {
    if (m.type === 'visible') state.setVisible(m.first, m.last);
    if (m.type === 'need') {
      asked++;
      const update = state.pages(m.pages);
      await page.evaluate((u) => window.postMessage(u, '*'), update);
    }
  });
  await page.goto(pathToFileURL(path.join(work, 'index.html')).href);
  /** Posts an update and returns the webview's time from its arrival to the painted frame. */
  const send = async (update) => {
    await page.evaluate((m) => window.postMessage(m, '*'), update);
    await page.waitForFunction((v) => window.__painted.includes(v), update.version, { polling: 'raf' });
    return page.evaluate((v) => window.__took[v], update.version);
  };
  return {
    page,
    send,
    asked: () => asked,
    /** Scrolls the preview to a draft offset, as the editor's scrolling does, and lets the pages arrive. */
    async reveal(offset) {
      await page.evaluate((o) => window.postMessage({ type: 'reveal', offset: o }, '*'), offset);
      await page.waitForTimeout(500);
    },
  };
}

const rows = [];
for (const [name, text] of drafts) {
  for (const [label, diff] of [['preview', true], ['peer: every page sent on each edit (no page diff)', false]]) {
    const state = new PageState();
    const view = browser ? await webview(state) : undefined;
    let version = 1;
    const first = state.update(text, version);
    await view?.send(first);
    const edits = [...typing(text, EDITS)];
    await view?.reveal(editPoint(text));
    const host = [];
    const inView = [];
    const total = [];
    for (const t of edits) {
      version++;
      const t0 = performance.now();
      if (!diff) {
        state.reset();
        state.setVisible(0, first.pageCount - 1);
      }
      const update = state.update(t, version);
      JSON.stringify(update); // what postMessage serialises
      const t1 = performance.now();
      host.push(t1 - t0);
      if (view) {
        const drawn = await view.send(update);
        inView.push(drawn);
        total.push(t1 - t0 + drawn);
      }
    }
    const pages = first.pageCount;
    rows.push([`${name} (${pages} pages): ${label}, host (parse, layout, diff)`, fmt(host)]);
    if (view) {
      rows.push([`${name} (${pages} pages): ${label}, webview (message → painted frame)`, fmt(inView)]);
      rows.push([`${name} (${pages} pages): ${label}, edit → repaint (host + webview)`, fmt(total)]);
      await view.page.close();
    }
  }
  // The peer: what a writer does today to see the pages.
  const exporter = require(path.join(ROOT, 'dist', 'export.js'));
  const times = [];
  await exporter.exportDocx(text);
  for (let i = 0; i < 10; i++) {
    const t0 = performance.now();
    await exporter.exportDocx(text);
    times.push(performance.now() - t0);
  }
  rows.push([`${name}: peer: export to DOCX (10 runs)`, fmt(times)]);
}
await browser?.close();
fs.rmSync(work, { recursive: true, force: true });

const chromiumVersion = chromiumPath ? spawnSync(chromiumPath, ['--version'], { encoding: 'utf8' }).stdout.trim() : 'no Chromium: webview not measured';
console.log(`${EDITS} single-character edits, p50 / p95; Node ${process.version}; ${chromiumVersion}; load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
const width = Math.max(...rows.map((r) => r[0].length));
for (const [what, value] of rows) console.log(`${what.padEnd(width)} | ${value}`);
