// The language server measured as an editor uses it: an LSP client over stdio, with the flags the
// extension starts the server with. Typing: single-character edits spread over a draft, timed from
// didChange to the diagnostics of that version (debounce 0, so the check itself is measured).
// Requests: code actions (with and without `only`), completion and hover, sent right after a
// keystroke, as an editor sends them. Memory: peak RSS after 400 keystrokes typed in bursts.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { editSpot } from './drafts.mjs';

const ROOT = path.resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const rpc = require('vscode-languageserver-protocol/node');

// The flags the extension starts the server with (client/src/extension.ts, SERVER_EXEC_ARGV).
const SERVER_EXEC_ARGV = ['--max-semi-space-size=8'];

// What VS Code says it can do, as far as these measurements care: code actions resolved lazily.
const CAPABILITIES = {
  workspace: { configuration: true },
  textDocument: { codeAction: { resolveSupport: { properties: ['edit'] }, dataSupport: true } },
};

function startServer(settings) {
  const proc = spawn(process.execPath, [...SERVER_EXEC_ARGV, path.join(ROOT, 'dist', 'server.js'), '--stdio'], { stdio: 'pipe' });
  const conn = rpc.createProtocolConnection(new rpc.StreamMessageReader(proc.stdout), new rpc.StreamMessageWriter(proc.stdin));
  const waiters = [];
  const latest = new Map();
  conn.onNotification(rpc.PublishDiagnosticsNotification.type, (p) => {
    const now = performance.now();
    latest.set(p.uri, p);
    for (const w of waiters.splice(0)) w(p, now);
  });
  conn.onRequest(rpc.ConfigurationRequest.type, (p) => p.items.map(() => settings));
  // The workspace index says when it is built (server.ts, rebuildCopies).
  let indexed;
  const workspaceIndexed = new Promise((resolve) => (indexed = resolve));
  conn.onNotification(rpc.LogMessageNotification.type, (p) => {
    if (/copied-paragraph: indexed/.test(p.message)) indexed();
    const ms = /^checked .* v(\d+):.* ([\d.]+) ms$/.exec(p.message);
    if (ms && process.env.BENCH_TIMES) (globalThis.serverTimes ??= []).push(Math.round(Number(ms[2])));
  });
  conn.listen();
  const next = (uri, version) =>
    new Promise((resolve) => {
      const wait = (p, at) => (p.uri === uri && p.version === version ? resolve(at) : waiters.push(wait));
      waiters.push(wait);
    });
  return { proc, conn, next, latest, settings, workspaceIndexed };
}

/** Starts the session; with `folder`, as a workspace whose reports copied-paragraph compares with. */
async function init(server, folder) {
  const rootUri = folder ? pathToFileURL(folder).toString() : null;
  const workspaceFolders = folder ? [{ uri: rootUri, name: path.basename(folder) }] : null;
  await server.conn.sendRequest(rpc.InitializeRequest.type, { processId: process.pid, rootUri, workspaceFolders, capabilities: CAPABILITIES });
  await server.conn.sendNotification(rpc.InitializedNotification.type, {});
  if (folder) await server.workspaceIndexed;
}

async function stop(server) {
  await server.conn.sendRequest(rpc.ShutdownRequest.type);
  await server.conn.sendNotification(rpc.ExitNotification.type);
  server.conn.dispose();
}

/** How long after the draft's first diagnostics the typing starts (see measureEditing). */
export const SETTLE_MS = Number(process.env.BENCH_SETTLE_MS ?? 1500);

/**
 * Typing in a workspace: the draft is open in a folder with `others` reports, so every keystroke's
 * check also compares paragraphs with theirs (copied-paragraph over the workspace index).
 */
export async function measureEditingInWorkspace(text, others, edits) {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'party-report-bench-'));
  try {
    others.forEach((other, i) => fs.writeFileSync(path.join(folder, `report-${i}.md`), other));
    const m = await measureEditing(text, edits, { typingOnly: true, workspace: folder });
    if (process.env.BENCH_TIMES) console.error(m.times.map(Math.round).join(" "));
    return m.typing;
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

/** The first keystrokes typed the moment the draft's diagnostics arrive: before any warm-up. */
export async function measureFirstKeystrokes(text, edits = 10) {
  return (await measureEditing(text, edits, { settleMs: 0, typingOnly: true })).typing;
}

const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
const summary = (xs) => ({ p50: pct(xs, 50), p95: pct(xs, 95), n: xs.length });

async function open(server, uri, text) {
  const ready = server.next(uri, 1);
  await server.conn.sendNotification(rpc.DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text } });
  await ready;
}

/** Where the i-th of n edits goes: in the middle of a paragraph, spread over the draft. */
const typeAt = (server, uri, version, at) =>
  server.conn.sendNotification(rpc.DidChangeTextDocumentNotification.type, {
    textDocument: { uri, version },
    contentChanges: [{ range: { start: at, end: at }, text: '字' }],
  });

/**
 * Keystroke → diagnostics, and the editor's requests right after a keystroke, on one draft.
 * `edits` keystrokes; the requests are timed at each of them.
 */
export async function measureEditing(text, edits = 50, { settleMs = SETTLE_MS, typingOnly = false, workspace } = {}) {
  const server = startServer({ debounceMs: 0 });
  await init(server, workspace);
  const uri = workspace ? pathToFileURL(path.join(workspace, 'draft.md')).toString() : 'file:///bench/draft.md';
  await open(server, uri, text);
  // A writer starts typing a moment after the draft opens; in that moment the server gets its
  // incremental path compiled (server/src/warm-up.ts). measureFirstKeystrokes types with no pause.
  await new Promise((r) => setTimeout(r, settleMs));
  const lines = text.split('\n');
  const typing = [];
  const actions = [];
  const fixAllOnly = [];
  const completion = [];
  const hover = [];
  let version = 1;
  for (let i = 0; i < edits; i++) {
    const at = editSpot(lines, i, edits);
    version++;
    const ready = server.next(uri, version);
    const sent = performance.now();
    await typeAt(server, uri, version, at);
    const after = { line: at.line, character: at.character + 1 };
    typing.push((await ready) - sent);
    if (typingOnly) continue;
    // The light bulb: code actions for the cursor's line, without `only`, then fix-all asked for.
    const range = { start: { line: at.line, character: 0 }, end: after };
    const diagnostics = (server.latest.get(uri)?.diagnostics ?? []).filter((d) => d.range.start.line === at.line);
    let t = performance.now();
    await server.conn.sendRequest(rpc.CodeActionRequest.type, { textDocument: { uri }, range, context: { diagnostics } });
    actions.push(performance.now() - t);
    t = performance.now();
    await server.conn.sendRequest(rpc.CodeActionRequest.type, { textDocument: { uri }, range, context: { diagnostics, only: ['source.fixAll'] } });
    fixAllOnly.push(performance.now() - t);
  }
  if (typingOnly) {
    await stop(server);
    return { typing: summary(typing), times: typing };
  }
  // Completion and hover as an editor sends them while typing: right after a keystroke, with the
  // default debounce (with debounce 0 they would queue behind the check the keystroke started).
  server.settings.debounceMs = 200;
  const rechecked = server.next(uri, version);
  await server.conn.sendNotification(rpc.DidChangeConfigurationNotification.type, { settings: {} });
  await rechecked;
  for (let i = 0; i < edits; i++) {
    const at = editSpot(lines, i, edits);
    version++;
    const ready = server.next(uri, version);
    await typeAt(server, uri, version, at);
    const after = { line: at.line, character: at.character + 1 };
    let t = performance.now();
    await server.conn.sendRequest(rpc.CompletionRequest.type, { textDocument: { uri }, position: after });
    completion.push(performance.now() - t);
    t = performance.now();
    await server.conn.sendRequest(rpc.HoverRequest.type, { textDocument: { uri }, position: after });
    hover.push(performance.now() - t);
    await ready;
  }
  // Fix-all chosen: its edit computed on codeAction/resolve.
  const offered = await server.conn.sendRequest(rpc.CodeActionRequest.type, {
    textDocument: { uri },
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    context: { diagnostics: [], only: ['source.fixAll'] },
  });
  let resolve;
  if (offered[0]) {
    const t = performance.now();
    const resolved = await server.conn.sendRequest(rpc.CodeActionResolveRequest.type, offered[0]);
    resolve = { ms: performance.now() - t, bytes: resolved.edit?.changes?.[uri]?.[0]?.newText.length ?? 0 };
  }
  const published = server.latest.get(uri)?.diagnostics ?? [];
  await stop(server);
  return {
    typing: summary(typing),
    actions: summary(actions),
    fixAllOnly: summary(fixAllOnly),
    completion: summary(completion),
    hover: summary(hover),
    resolve,
    published,
  };
}

export async function measureStart(seedFile) {
  const t0 = performance.now();
  const server = startServer({});
  await init(server);
  const uri = 'file:///bench/seed.md';
  const ready = server.next(uri, 1);
  await server.conn.sendNotification(rpc.DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text: fs.readFileSync(seedFile, 'utf8') } });
  const at = await ready;
  await stop(server);
  return at - t0;
}

/**
 * Peak RSS (VmHWM) of the server with `text` open after `keystrokes` keystrokes, typed in bursts as
 * a writer types: one every 30 ms with the default debounce, and a pause that lets a check run
 * after every 20.
 */
export async function measureMemory(text, keystrokes = 400) {
  const server = startServer({});
  await init(server);
  const uri = 'file:///bench/memory.md';
  await open(server, uri, text);
  const lines = text.split('\n');
  let version = 1;
  for (let i = 0; i < keystrokes; i++) {
    version++;
    const at = editSpot(lines, Math.floor(i / 20), Math.ceil(keystrokes / 20));
    const ready = server.next(uri, version);
    await typeAt(server, uri, version, { line: at.line, character: at.character + (i % 20) });
    if (i % 20 === 19) await ready;
    else await new Promise((r) => setTimeout(r, 30));
  }
  const status = fs.readFileSync(`/proc/${server.proc.pid}/status`, 'utf8');
  const peakKb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1]);
  await stop(server);
  return peakKb / 1024;
}
