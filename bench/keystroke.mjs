// Typing in a long draft, measured as an editor sees it: an LSP client over stdio sends 50
// single-character edits into a 100 KB draft and times didChange → the diagnostics of that version.
// The server's debounce is set to 0 for the measurement and reported separately. Also: server start
// to first diagnostics for the seed, and the server's peak memory with a 1 MB draft open.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { reportOfSize } from './drafts.mjs';

const ROOT = path.resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const rpc = require('vscode-languageserver-protocol/node');

// The flags the extension starts the server with (client/src/extension.ts, SERVER_EXEC_ARGV).
const SERVER_EXEC_ARGV = ['--max-semi-space-size=4'];

function startServer(settings) {
  const proc = spawn(process.execPath, [...SERVER_EXEC_ARGV, path.join(ROOT, 'dist', 'server.js'), '--stdio'], { stdio: 'pipe' });
  const conn = rpc.createProtocolConnection(new rpc.StreamMessageReader(proc.stdout), new rpc.StreamMessageWriter(proc.stdin));
  const waiters = [];
  conn.onNotification(rpc.PublishDiagnosticsNotification.type, (p) => {
    const now = performance.now();
    for (const w of waiters.splice(0)) w(p, now);
  });
  conn.onRequest(rpc.ConfigurationRequest.type, (p) => p.items.map(() => settings));
  conn.listen();
  const next = (uri, version) =>
    new Promise((resolve) => {
      const wait = (p, at) => (p.uri === uri && p.version === version ? resolve(at) : waiters.push(wait));
      waiters.push(wait);
    });
  return { proc, conn, next };
}

async function init(server) {
  await server.conn.sendRequest(rpc.InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: { workspace: { configuration: true } } });
  await server.conn.sendNotification(rpc.InitializedNotification.type, {});
}

async function stop(server) {
  await server.conn.sendRequest(rpc.ShutdownRequest.type);
  await server.conn.sendNotification(rpc.ExitNotification.type);
  server.conn.dispose();
}

const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

export async function measureTyping(bytes = 100_000) {
  const server = startServer({ debounceMs: 0 });
  await init(server);
  const uri = 'file:///bench/draft.md';
  const text = reportOfSize(bytes);
  let version = 1;
  let ready = server.next(uri, version);
  await server.conn.sendNotification(rpc.DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version, text } });
  await ready;
  const lines = text.split('\n');
  const times = [];
  for (let i = 0; i < 50; i++) {
    // Type one character somewhere in the middle of a paragraph, spread over the draft.
    const line = Math.floor(((i + 1) * lines.length) / 52);
    const character = Math.min(5, lines[line].length);
    version++;
    ready = server.next(uri, version);
    const sent = performance.now();
    await server.conn.sendNotification(rpc.DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: { line, character }, end: { line, character } }, text: '字' }],
    });
    times.push((await ready) - sent);
  }
  await stop(server);
  return { p50: pct(times, 50), p95: pct(times, 95), size: Buffer.byteLength(text) };
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

export async function measureMemory() {
  const server = startServer({});
  await init(server);
  const uri = 'file:///bench/draft-1mb.md';
  const text = reportOfSize(1_000_000);
  let ready = server.next(uri, 1);
  await server.conn.sendNotification(rpc.DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text } });
  await ready;
  // A few edits too: memory while working, not just after opening.
  for (let v = 2; v <= 5; v++) {
    ready = server.next(uri, v);
    await server.conn.sendNotification(rpc.DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: v },
      contentChanges: [{ range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, text: '字' }],
    });
    await ready;
  }
  const status = fs.readFileSync(`/proc/${server.proc.pid}/status`, 'utf8');
  const peakKb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1]);
  await stop(server);
  return peakKb / 1024;
}
