// npm run bench: the engine next to markdownlint on the same text in the same run, in-process and
// as whole processes. Prints one table; docs/benchmarks.md records a run.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { writeInputs } from './drafts.mjs';
import { measureMemory, measureStart, measureTyping } from './keystroke.mjs';

const ROOT = path.resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const engine = require(path.join(ROOT, 'dist', 'engine.js'));
const { lint: markdownlint } = await import('markdownlint/sync');

const work = path.join(ROOT, 'bench', '.work');
const inputs = writeInputs(work);

function timeInProcess(fn, runs) {
  fn(); // warm up: first call loads data and compiles regular expressions
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    fn();
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

function timeProcess(cmd, args, runs) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'ignore' });
    if (r.error) throw r.error;
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

const exporter = require(path.join(ROOT, 'dist', 'export.js'));
const rows = [];
const fmt = (ms) => `${ms.toFixed(1)} ms`;
for (const [name, file] of [['seed', inputs.seed], ['1 MB draft', inputs.mb1]]) {
  const text = fs.readFileSync(file, 'utf8');
  const runs = text.length > 100000 ? 10 : 50;
  const ours = timeInProcess(() => engine.lint(text), runs);
  const peer = timeInProcess(() => markdownlint({ strings: { doc: text } }), runs);
  rows.push([`lint ${name}, in-process (median of ${runs})`, fmt(ours), fmt(peer)]);
  const ourCli = timeProcess(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), 'lint', file], 5);
  const peerCli = timeProcess(process.execPath, [path.join(ROOT, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs'), file], 5);
  rows.push([`lint ${name}, whole process (median of 5)`, fmt(ourCli), fmt(peerCli)]);
}

// Export: the engine's DOCX next to pandoc converting the same Markdown to DOCX.
const pandoc = spawnSync('pandoc', ['--version']).status === 0;
for (const [name, file] of [['seed', inputs.seed], ['60-page draft', inputs.pages60]]) {
  const text = fs.readFileSync(file, 'utf8');
  const ours = await timeAsync(() => exporter.exportDocx(text), 10);
  rows.push([`export ${name} to DOCX, in-process (median of 10)`, fmt(ours), '—']);
  const out = path.join(work, 'out.docx');
  const ourCli = timeProcess(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), 'export', file, '-o', out, '--force'], 5);
  const peer = pandoc ? fmt(timeProcess('pandoc', [file, '-f', 'markdown', '-o', path.join(work, 'pandoc.docx')], 5)) : 'not installed';
  rows.push([`export ${name} to DOCX, whole process (median of 5)`, fmt(ourCli), peer]);
}

// The language server as an editor uses it (bench/keystroke.mjs).
const typing = await measureTyping(100_000);
rows.push([`keystroke → diagnostics, 100 KB draft, p50 / p95 (50 edits)`, `${typing.p50.toFixed(1)} / ${typing.p95.toFixed(1)} ms`, '—']);
const typingBig = await measureTyping(1_000_000);
rows.push([`keystroke → diagnostics, 1 MB draft, p50 / p95 (50 edits)`, `${typingBig.p50.toFixed(1)} / ${typingBig.p95.toFixed(1)} ms`, '—']);
rows.push(['debounce before checking while typing (setting)', '200 ms', '—']);
rows.push(['server start → first diagnostics, seed', fmt(await measureStart(inputs.seed)), '—']);
rows.push(['server peak memory (VmHWM), 1 MB draft open + 4 edits', `${(await measureMemory()).toFixed(0)} MB`, '—']);

async function timeAsync(fn, runs) {
  await fn();
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    await fn();
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

const size = (f) => `${(fs.statSync(f).size / 1024).toFixed(0)} KiB`;
console.log(`machine: ${os.cpus()[0]?.model ?? 'unknown'} × ${os.cpus().length}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`);
console.log(`inputs: seed ${size(inputs.seed)}, 1 MB draft ${size(inputs.mb1)}, 60-page draft ${size(inputs.pages60)}`);
const widths = [58, 16, 26];
const line = (cells) => cells.map((c, i) => String(c).padEnd(widths[i])).join(' | ');
console.log(line(['measure', 'party-report', 'peer (markdownlint / pandoc)']));
console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
for (const r of rows) console.log(line(r));
