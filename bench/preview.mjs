// 版面预览, edit to repaint, measured the way the editor drives it: the language server (dist/server.js
// over stdio, started as the extension starts it) receives a one-character edit and the preview's
// request (partyReport/preview: parse, lay out with the export's line model, send the changed pages in
// view), and the webview (media/preview in Chromium, the browser VS Code's webviews run in) draws
// them; timed from sending the edit to the frame after the pages are drawn.
// Peers in the same run: asking for every page on every edit (no page diff), and exporting the DOCX,
// which is what a writer does today to see the pages. Run: npm run build && node bench/preview.mjs
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { reportOfSize } from './drafts.mjs';

const ROOT = path.resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const rpc = require('vscode-languageserver-protocol/node');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'party-report-bench-preview-'));
const EDITS = Number(process.env.EDITS ?? 60);

const seedFile = path.resolve(ROOT, '..', 'shared', 'seed', '000_65e39421ef2fe7a0.txt');
const drafts = [
  ['seed', fs.existsSync(seedFile) ? fs.readFileSync(seedFile, 'utf8') : fs.readFileSync(path.join(ROOT, 'examples', 'org-life-meeting-report.md'), 'utf8')],
  ['60-page draft', reportOfSize(111_000)],
];

/** The server as the extension starts it (client/src/extension.ts, SERVER_EXEC_ARGV), over stdio. */
async function startServer() {
  const proc = spawn(process.execPath, ['--max-semi-space-size=8', path.join(ROOT, 'dist', 'server.js'), '--stdio'], { stdio: 'pipe' });
  const conn = rpc.createProtocolConnection(new rpc.StreamMessageReader(proc.stdout), new rpc.StreamMessageWriter(proc.stdin));
  conn.onRequest(rpc.ConfigurationRequest.type, (p) => p.items.map(() => ({})));
  conn.listen();
  await conn.sendRequest(rpc.InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: { workspace: { configuration: true } } });
  await conn.sendNotification(rpc.InitializedNotification.type, {});
  return {
    conn,
    async stop() {
      await conn.sendRequest(rpc.ShutdownRequest.type);
      await conn.sendNotification(rpc.ExitNotification.type);
      conn.dispose();
    },
  };
}

/** Where the typing happens: a full stop in the first third of the draft (the pages after it reflow). */
function editPoint(text) {
  const at = text.indexOf('。', Math.floor(text.length / 3));
  return at < 0 ? Math.floor(text.length / 3) : at;
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

/** The webview in Chromium, talking to the server as the extension does (pages in view, pages asked for). */
async function webview(ask) {
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
    `<!DOCTYPE html><html><head><meta charset="utf-8"><link rel="stylesheet" href="preview.css"></head><body data-labels="{}">` +
      `<div id="toolbar"><input type="checkbox" id="show-marks"><input type="checkbox" id="show-errors"><span id="count"></span></div><div id="pages"></div>` +
      `<script src="stub.js"></script><script src="preview.js"></script></body></html>`,
  );
  const page = await browser.newPage({ viewport: { width: 900, height: 1000 } });
  let visible;
  await page.exposeFunction('__toHost', async (m) => {
    if (m.type === 'visible') visible = [m.first, m.last];
    if (m.type === 'need') {
      const update = await ask({ need: m.pages, visible });
      if (update) await page.evaluate((u) => window.postMessage(u, '*'), update);
    }
  });
  await page.goto(pathToFileURL(path.join(work, 'index.html')).href);
  return {
    page,
    visible: () => visible,
    /** Posts an update and returns the webview's time from its arrival to the painted frame. */
    async send(update) {
      await page.evaluate((m) => window.postMessage(m, '*'), update);
      await page.waitForFunction((v) => window.__painted.includes(v), update.version, { polling: 'raf' });
      return page.evaluate((v) => window.__took[v], update.version);
    },
    /** Scrolls the preview to a draft offset, as the editor's scrolling does, and lets the pages arrive. */
    async reveal(offset) {
      await page.evaluate((o) => window.postMessage({ type: 'reveal', offset: o }, '*'), offset);
      await page.waitForTimeout(800);
    },
  };
}

const rows = [];
for (const [name, text] of drafts) {
  for (const [label, diff] of [['preview', true], ['peer: every page asked for on each edit (no page diff)', false]]) {
    const server = await startServer();
    const uri = `file:///bench/${name.replace(/\W+/g, '-')}.md`;
    await server.conn.sendNotification(rpc.DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    const ask = (extra) => server.conn.sendRequest('partyReport/preview', { uri, ...extra });
    const view = browser ? await webview(ask) : undefined;
    const first = await ask({ reset: true, visible: [0, 1] });
    await view?.send(first);
    const at = editPoint(text);
    await view?.reveal(at);
    const before = text.slice(0, at).split('\n');
    const line = before.length - 1;
    let character = before[before.length - 1].length;
    const host = [];
    const inView = [];
    const total = [];
    for (let i = 0; i < EDITS; i++) {
      const version = i + 2;
      const t0 = performance.now();
      await server.conn.sendNotification(rpc.DidChangeTextDocumentNotification.type, {
        textDocument: { uri, version },
        contentChanges: [{ range: { start: { line, character }, end: { line, character } }, text: '学' }],
      });
      character++;
      const update = await ask(diff ? { visible: view?.visible() ?? [0, 1] } : { reset: true, visible: [0, first.pageCount - 1] });
      const t1 = performance.now();
      host.push(t1 - t0);
      if (view) {
        const drawn = await view.send(update);
        inView.push(drawn);
        total.push(t1 - t0 + drawn);
      }
    }
    const pages = first.pageCount;
    rows.push([`${name} (${pages} pages): ${label}, edit → server's answer`, fmt(host)]);
    if (view) {
      rows.push([`${name} (${pages} pages): ${label}, webview (message → painted frame)`, fmt(inView)]);
      rows.push([`${name} (${pages} pages): ${label}, edit → repaint`, fmt(total)]);
      await view.page.close();
    }
    await server.stop();
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
