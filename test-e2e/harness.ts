/**
 * A real VS Code for the end-to-end tests: code-server (installed by scripts/e2e/setup.sh into
 * .tools/) with the freshly packed .vsix, driven through Debian's Chromium with playwright-core.
 * Every wait is bounded and says what it waited for; every process started here is stopped.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

export const REPO = path.resolve(__dirname, '..');
export const RESULTS = path.join(REPO, 'test-results');
const ENTRY = path.join(REPO, '.tools', 'node_modules', 'code-server', 'out', 'node', 'entry.js');

export function vsixPath(): string {
  const version = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')).version;
  return path.join(REPO, `party-report-${version}.vsix`);
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

export interface Session {
  page: Page;
  workspace: string;
  server: ChildProcess;
  browser: Browser;
  dirs: string[];
  log: string[];
}

export async function start(options: { trust: boolean; settings?: Record<string, unknown>; files: Record<string, string> }): Promise<Session> {
  if (!fs.existsSync(ENTRY)) throw new Error(`code-server is not installed: run scripts/e2e/setup.sh (${ENTRY} is missing)`);
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'party-report-e2e-'));
  const userData = path.join(base, 'user-data');
  const extensions = path.join(base, 'extensions');
  const workspace = path.join(base, 'workspace');
  fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
  fs.mkdirSync(workspace, { recursive: true });
  for (const [name, text] of Object.entries(options.files)) {
    fs.mkdirSync(path.dirname(path.join(workspace, name)), { recursive: true });
    fs.writeFileSync(path.join(workspace, name), text);
  }
  fs.writeFileSync(
    path.join(userData, 'User', 'settings.json'),
    JSON.stringify({
      'security.workspace.trust.enabled': !options.trust ? true : false,
      'security.workspace.trust.startupPrompt': 'never',
      'security.workspace.trust.banner': 'never',
      'workbench.startupEditor': 'none',
      'workbench.tips.enabled': false,
      'workbench.enableExperiments': false,
      'telemetry.telemetryLevel': 'off',
      'extensions.autoCheckUpdates': false,
      'extensions.autoUpdate': false,
      'update.mode': 'none',
      'editor.quickSuggestionsDelay': 10,
      'partyReport.locale': 'zh-CN',
      ...options.settings,
    }),
  );
  const install = spawnSync(process.execPath, [ENTRY, '--user-data-dir', userData, '--extensions-dir', extensions, '--install-extension', vsixPath()], {
    encoding: 'utf8',
    timeout: 120000,
  });
  if (install.status !== 0) throw new Error(`installing the .vsix into code-server failed: ${install.stderr || install.stdout}`);

  const port = await freePort();
  const log: string[] = [];
  const server = spawn(
    process.execPath,
    [ENTRY, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry', '--disable-update-check', '--user-data-dir', userData, '--extensions-dir', extensions, workspace],
    { stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  server.stdout!.on('data', (d) => log.push(String(d)));
  server.stderr!.on('data', (d) => log.push(String(d)));
  await waitFor(async () => {
    try {
      const r = await fetch(`http://127.0.0.1:${port}/healthz`);
      return r.ok;
    } catch {
      return false;
    }
  }, 60000, 'code-server to answer on /healthz');

  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`);
  await page.waitForSelector('.monaco-workbench', { timeout: 90000 });
  await page.waitForTimeout(3000);
  return { page, workspace, server, browser, dirs: [base], log };
}

export async function stop(s: Session | undefined): Promise<void> {
  if (!s) return;
  await s.browser.close().catch(() => undefined);
  try {
    process.kill(-s.server.pid!, 'SIGTERM');
  } catch {
    // already gone
  }
  await new Promise((r) => setTimeout(r, 500));
  try {
    process.kill(-s.server.pid!, 'SIGKILL');
  } catch {
    // already gone
  }
  for (const d of s.dirs) fs.rmSync(d, { recursive: true, force: true });
}

export async function waitFor<T>(probe: () => Promise<T | false | undefined | null> | T | false | undefined | null, ms: number, what: string): Promise<T> {
  const deadline = Date.now() + ms;
  let last: unknown;
  for (;;) {
    try {
      const v = await probe();
      if (v) return v as T;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}${last ? `: ${last}` : ''}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

export async function shot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(RESULTS, { recursive: true });
  const file = path.join(RESULTS, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

/** Runs a command from the command palette by its title. */
export async function command(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 15000 });
  await input.fill('>' + title);
  await page.waitForTimeout(700);
  await page.keyboard.press('Enter');
}

/**
 * Types a path into VS Code's simple file dialog (a quick input) and accepts it. The dialog fills in
 * its folder itself, a moment after it shows: on a loaded machine that came after our text, which it
 * then carried as "<folder>/<our path>". So the path is typed again until the input holds it alone.
 */
export async function enterPath(page: Page, target: string): Promise<void> {
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 20000 });
  await waitFor(async () => {
    await input.fill(target);
    await page.waitForTimeout(400);
    return (await input.inputValue()) === target;
  }, 20000, `the file dialog to hold ${target}`);
  await page.keyboard.press('Enter');
}

/** Opens a workspace file through Quick Open. */
export async function openFile(page: Page, name: string): Promise<void> {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 15000 });
  await input.fill(name);
  // The first file search of a window (more so in Restricted Mode) can take a few seconds.
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: name }).first().waitFor({ state: 'visible', timeout: 20000 }).catch(() => undefined);
  await page.waitForTimeout(300);
  await page.keyboard.press('Enter');
  await page.waitForSelector(`.tab.active[aria-label*="${name}"], .tab.active[title*="${name}"]`, { timeout: 20000 }).catch(() => undefined);
  await page.waitForTimeout(500);
}

export async function problemsText(page: Page): Promise<string> {
  return (await page.locator('.markers-panel').innerText({ timeout: 5000 }).catch(() => '')) ?? '';
}

export async function editorText(page: Page): Promise<string> {
  const text = await page.locator('.editor-group-container.active .monaco-editor .view-lines').first().innerText({ timeout: 5000 });
  return text.replace(/\u00a0/g, ' ');
}

/** Chooses the entry with this text in an open list (quick fix menu, suggestions) by keyboard. */
export async function chooseRow(page: Page, container: string, text: string): Promise<void> {
  const rows = page.locator(`${container} .monaco-list-row`);
  await rows.filter({ hasText: text }).first().waitFor({ state: 'visible', timeout: 20000 });
  const all = await rows.allInnerTexts();
  const at = all.findIndex((t) => t.includes(text));
  const focused = await rows.evaluateAll((els) => els.findIndex((e) => e.classList.contains('focused')));
  const from = Math.max(0, focused);
  for (let i = from; i < at; i++) await page.keyboard.press('ArrowDown');
  for (let i = from; i > at; i--) await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Enter');
}
