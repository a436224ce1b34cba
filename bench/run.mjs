// npm run bench: every figure of docs/benchmarks.md in one run, each next to its peer (markdownlint,
// markdownlint-cli2, pandoc, an empty Node process) measured on the same input in the same run, and
// next to its goal. Prints one table; docs/benchmarks.md records runs of it.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { variedReportOfSize, writeInputs } from './drafts.mjs';
import { measureEditing, measureEditingInWorkspace, measureFirstKeystrokes, measureMemory, measureStart, SETTLE_MS } from './keystroke.mjs';

const ROOT = path.resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const engine = require(path.join(ROOT, 'dist', 'engine.js'));
const exporter = require(path.join(ROOT, 'dist', 'export.js'));
const { lint: markdownlint } = await import('markdownlint/sync');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const MARKDOWNLINT_CLI = path.join(ROOT, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs');
// Only some figures, for a quick look: BENCH_ONLY=lint,lsp,cli,folder,export,memory
const only = process.env.BENCH_ONLY?.split(',');
const wanted = (part) => !only || only.includes(part);

const work = path.join(ROOT, 'bench', '.work');
const inputs = writeInputs(work);
const write = (name, text) => {
  const file = path.join(work, name);
  fs.writeFileSync(file, text);
  return file;
};

const rows = [];
const ms = (v) => (v === undefined ? '—' : v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${v.toFixed(1)} ms`);
const verdict = (ok) => (ok === undefined ? '' : ok ? 'met' : 'NOT MET');
/** One line of the table: what, ours, the peer's, the goal, and whether the goal is met. */
const row = (measure, ours, peer = '—', goal = '', ok = undefined) => {
  rows.push([measure, ours, peer, goal, verdict(ok)]);
  console.error(`  ${measure}: ${ours}${peer !== '—' ? ` (peer ${peer})` : ''}`);
};

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function timeInProcess(fn, runs) {
  fn(); // warm up: first call loads data and compiles regular expressions
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    fn();
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return median(times);
}

async function timeAsync(fn, runs) {
  await fn();
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    await fn();
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return median(times);
}

/**
 * Wall time of a whole process, and the CPU time (user + system) it used, both to the millisecond:
 * bash's `time` around the command (GNU time prints CPU time in hundredths of a second, too coarse
 * for a run of 50 ms). The command's own output goes to /dev/null, as a user's would to a terminal or file.
 * Without bash: wall time around the spawn, no CPU time.
 */
const BASH = ['/bin/bash', '/usr/bin/bash'].find((file) => fs.existsSync(file));
const TIMED = 'TIMEFORMAT="%3R %3U %3S"; { time "$@" >/dev/null 2>/dev/null; } 2>&1';
function runProcess(cmd, args, before, env = process.env) {
  before?.();
  if (BASH) {
    const r = spawnSync(BASH, ['-c', TIMED, 'bash', cmd, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'ignore'], encoding: 'utf8', env });
    if (r.error) throw r.error;
    const m = /(\d+\.\d+) (\d+\.\d+) (\d+\.\d+)\s*$/.exec(r.stdout ?? '');
    if (!m) throw new Error(`no timing from bash for ${cmd} ${args.join(' ')}: ${r.stdout}`);
    return { wall: Number(m[1]) * 1000, cpu: (Number(m[2]) + Number(m[3])) * 1000 };
  }
  const t = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'ignore', env });
  if (r.error) throw r.error;
  return { wall: Number(process.hrtime.bigint() - t) / 1e6, cpu: undefined };
}
/** Median wall and CPU time of runs of one command. */
const medians = (runs) => ({ wall: median(runs.map((r) => r.wall)), cpu: BASH ? median(runs.map((r) => r.cpu)) : undefined });
function timeProcess(cmd, args, runs, before, env) {
  return medians(Array.from({ length: runs }, () => runProcess(cmd, args, before, env)));
}
/**
 * Several commands run in turn, `runs` rounds, after one round not counted (it writes the code cache):
 * a change in the machine's load falls on all of them alike. Median wall and CPU time of each.
 */
function timeProcessesAlternating(commands, runs) {
  for (const [cmd, args, env] of commands) runProcess(cmd, args, undefined, env);
  const results = commands.map(() => []);
  for (let i = 0; i < runs; i++) commands.forEach(([cmd, args, env], k) => results[k].push(runProcess(cmd, args, undefined, env)));
  return results.map(medians);
}

const node = (args) => [process.execPath, args];

/**
 * NODE_EXTRA_CA_CERTS, where it is set, makes every Node process read and parse the certificates it
 * names when it starts, before any of our code: on the machine these figures were first taken on it
 * names the system's whole bundle (144 certificates), which took 35–45 ms of every start, more than
 * pandoc's whole run. A usual desktop does not set it. The start-up rows (node -e 0, lint seed, export
 * seed) are shown both ways: as the machine is set up, and with the variable removed for the child.
 */
const extraCaCerts = process.env.NODE_EXTRA_CA_CERTS;
const withoutExtraCa = extraCaCerts === undefined ? undefined : Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'NODE_EXTRA_CA_CERTS'));
const certificatesIn = (file) => {
  try {
    return (fs.readFileSync(file, 'latin1').match(/-----BEGIN CERTIFICATE-----/g) ?? []).length;
  } catch {
    return 0;
  }
};
if (extraCaCerts !== undefined) row(`NODE_EXTRA_CA_CERTS is set here (${extraCaCerts}, ${certificatesIn(extraCaCerts)} certificates): every Node start reads it`, 'see rows "without NODE_EXTRA_CA_CERTS"');
const pandoc = spawnSync('pandoc', ['--version']).status === 0;

// ---------------------------------------------------------------- checking, in-process and whole process
if (wanted('lint')) {
  console.error('checking…');
  const seed = fs.readFileSync(inputs.seed, 'utf8');
  const mb1 = variedReportOfSize(1_000_000);
  for (const [name, text, runs] of [['seed', seed, 50], ['1 MB varied draft', mb1, 5]]) {
    const ours = timeInProcess(() => engine.lint(text), runs);
    const peer = timeInProcess(() => markdownlint({ strings: { doc: text } }), runs);
    row(`lint ${name}, in-process (median of ${runs})`, ms(ours), ms(peer), '≤ markdownlint', ours <= peer);
  }
  // Linear up to 20 MB: time per MB at 20 MB against 5 MB (the draft limit is lifted for this).
  const perMb = {};
  for (const size of [5, 20]) {
    const text = variedReportOfSize(size * 1_000_000);
    const t = timeInProcess(() => engine.lint(text, { maxLength: Infinity }), size === 5 ? 3 : 1);
    perMb[size] = t / size;
    row(`lint ${size} MB varied draft, in-process`, ms(t), '—', size === 20 ? 'linear' : '');
  }
  const bend = perMb[20] / perMb[5];
  row('  time per MB at 20 MB ÷ at 5 MB', `${bend.toFixed(2)}×`, '—', '≤ 1.3× (linear)', bend <= 1.3);

  // node -e 0 and lint seed in turn, 10 rounds (as the machine is set up, and without NODE_EXTRA_CA_CERTS where it is set).
  const startRows = [node(['-e', '0']), node([CLI, 'lint', inputs.seed]), ...(withoutExtraCa ? [[...node(['-e', '0']), withoutExtraCa], [...node([CLI, 'lint', inputs.seed]), withoutExtraCa]] : [])];
  const [empty, seedCli, emptyUsual, seedUsual] = timeProcessesAlternating(startRows, 10);
  // The CLI loads its bundle through V8's code cache (engine/io/code-cache.ts); the first run after a
  // build writes it, so the median of 10 is the warm figure. The cold one (cache off) is shown too.
  const seedCold = timeProcess(...node([CLI, 'lint', inputs.seed]), 5, undefined, { ...process.env, PARTY_REPORT_CACHE_DIR: 'off' });
  const peerCli = timeProcess(...node([MARKDOWNLINT_CLI, inputs.seed]), 5);
  row('node -e 0 (median of 10)', ms(empty.wall));
  row('lint seed, whole process (median of 10, in turn with node -e 0)', ms(seedCli.wall), ms(peerCli.wall), `≤ 1.5 × node -e 0 = ${ms(1.5 * empty.wall)}`, seedCli.wall <= 1.5 * empty.wall);
  if (emptyUsual) {
    row('node -e 0, without NODE_EXTRA_CA_CERTS', ms(emptyUsual.wall));
    row('lint seed, whole process, without NODE_EXTRA_CA_CERTS', ms(seedUsual.wall), '—', `≤ 1.5 × node -e 0 = ${ms(1.5 * emptyUsual.wall)} (ratio ${(seedUsual.wall / emptyUsual.wall).toFixed(2)})`, seedUsual.wall <= 1.5 * emptyUsual.wall);
  }
  row('  the same without the code cache (median of 5)', ms(seedCold.wall));
  // On a machine others are loading, wall times swing; CPU time (user + sys) shows the same comparison steadier.
  if (seedCli.cpu !== undefined) row('  lint seed, whole process, CPU time', ms(seedCli.cpu), ms(peerCli.cpu), `node -e 0: ${ms(empty.cpu)}, ratio ${(seedCli.cpu / empty.cpu).toFixed(2)}`);
  const mbFile = write('varied-1mb.md', mb1);
  const mbCli = timeProcess(...node([CLI, 'lint', mbFile]), 5);
  const mbPeer = timeProcess(...node([MARKDOWNLINT_CLI, mbFile]), 5);
  row('lint 1 MB varied draft, whole process (median of 5)', ms(mbCli.wall), ms(mbPeer.wall), '≤ markdownlint-cli2', mbCli.wall <= mbPeer.wall);
}

// ---------------------------------------------------------------- CLI --fix and folders
if (wanted('cli')) {
  console.error('CLI --fix and a folder…');
  // --fix on 10k and 40k lines: linear in the number of edits (4× the text, about 4× the time).
  const fixTimes = {};
  for (const [lines, bytes] of [[10_000, 500_000], [40_000, 2_000_000]]) {
    const text = variedReportOfSize(bytes);
    const file = path.join(work, `fix-${lines}.md`);
    const edits = engine.fixAllEdits(engine.lint(text, { maxLength: Infinity }).diagnostics).length;
    const r = timeProcess(...node([CLI, 'lint', '--fix', file]), 3, () => fs.writeFileSync(file, text));
    const lintOnly = timeProcess(...node([CLI, 'lint', file]), 3, () => fs.writeFileSync(file, text));
    fixTimes[lines] = r.wall;
    row(`lint --fix, ${(bytes / 1e6).toFixed(1)} MB, ${text.split('\n').length} lines (${edits} safe edits; lint alone ${ms(lintOnly.wall)})`, ms(r.wall), '—', lines === 40_000 ? 'linear' : '');
  }
  const ratio = fixTimes[40_000] / fixTimes[10_000];
  row('  --fix time at 2 MB ÷ at 0.5 MB', `${ratio.toFixed(2)}×`, '—', '≤ 5× for 4× the text', ratio <= 5);
}

// ---------------------------------------------------------------- a folder of 1,000 reports
// BENCH_ONLY=folder runs just these rows (cli runs them too).
if (wanted('cli') || wanted('folder')) {
  console.error('a folder of 1,000 reports…');
  // Every core, against markdownlint-cli2 on the same folder. The three commands take turns, run by
  // run, so that on a shared machine each sees the same load; CPU time (user + system) is what the
  // load changes least, so it is shown for both.
  const folder = path.join(work, 'folder');
  fs.rmSync(folder, { recursive: true, force: true });
  fs.mkdirSync(folder);
  for (let i = 0; i < 1000; i++) fs.writeFileSync(path.join(folder, `r${String(i).padStart(4, '0')}.md`), variedReportOfSize(4000 + (i % 7) * 2000, i + 1));
  const runs = { ours: [], one: [], peer: [] };
  for (let k = 0; k < 3; k++) {
    runs.ours.push(runProcess(...node([CLI, 'lint', folder])));
    runs.one.push(runProcess(...node([CLI, 'lint', '--jobs', '1', folder])));
    runs.peer.push(runProcess(...node([MARKDOWNLINT_CLI, path.join(folder, '*.md')])));
  }
  const med = (xs, key) => (xs[0][key] === undefined ? undefined : median(xs.map((r) => r[key])));
  const [ours, one, peer] = [runs.ours, runs.one, runs.peer].map((xs) => ({ wall: med(xs, 'wall'), cpu: med(xs, 'cpu') }));
  const cores = os.availableParallelism?.() ?? os.cpus().length;
  row(`lint folder of 1,000 reports, --jobs ${cores} (default)`, ms(ours.wall), ms(peer.wall), '≤ markdownlint-cli2', ours.wall <= peer.wall);
  row('  wall time ÷ markdownlint-cli2\'s, same run', `${(ours.wall / peer.wall).toFixed(2)}×`, '—', '≤ 1×', ours.wall <= peer.wall);
  row('lint folder of 1,000 reports, --jobs 1', ms(one.wall));
  if (ours.cpu !== undefined) {
    const use = ours.cpu / ours.wall;
    row('  CPU time ÷ wall time, default jobs', `${use.toFixed(2)}`, '—', cores >= 2 ? '≥ 1.7 on 2 cores' : '', cores >= 2 ? use >= 1.7 : undefined);
    // The same with one thread: on a machine others are loading, the two together show what --jobs adds.
    row('  CPU time ÷ wall time, --jobs 1', `${(one.cpu / one.wall).toFixed(2)}`);
    row('  CPU time, default jobs (peer: markdownlint-cli2\'s)', ms(ours.cpu), ms(peer.cpu));
    row('  CPU time, --jobs 1', ms(one.cpu));
  }
}

// ---------------------------------------------------------------- export, against pandoc
if (wanted('export')) {
  console.error('export…');
  for (const [name, file] of [['seed', inputs.seed], ['60-page draft', inputs.pages60]]) {
    const text = fs.readFileSync(file, 'utf8');
    row(`export ${name} to DOCX, in-process (median of 10)`, ms(await timeAsync(() => exporter.exportDocx(text), 10)));
    const out = path.join(work, 'out.docx');
    // Ours and pandoc in turn, 15 rounds: one-off runs of each, one after the other, met different loads.
    const exportRun = node([CLI, 'export', file, '-o', out, '--force']);
    const pandocRun = pandoc ? [['pandoc', [file, '-f', 'markdown', '-o', path.join(work, 'pandoc.docx')]]] : [];
    const usualRun = withoutExtraCa ? [[...exportRun, withoutExtraCa]] : [];
    const [ours, ...others] = timeProcessesAlternating([exportRun, ...pandocRun, ...usualRun], 15);
    const peerRun = pandoc ? others[0] : undefined;
    const usual = withoutExtraCa ? others.at(-1) : undefined;
    const peer = peerRun?.wall;
    const ratio = (wall) => (pandoc ? ` (ratio ${(wall / peer).toFixed(2)})` : '');
    row(`export ${name} to DOCX, whole process (median of 15, in turn with pandoc)`, ms(ours.wall), pandoc ? ms(peer) : 'pandoc not installed', `≤ 2 × pandoc${ratio(ours.wall)}`, pandoc ? ours.wall <= 2 * peer : undefined);
    if (usual) row(`export ${name}, whole process, without NODE_EXTRA_CA_CERTS`, ms(usual.wall), pandoc ? ms(peer) : '—', `≤ 2 × pandoc${ratio(usual.wall)}`, pandoc ? usual.wall <= 2 * peer : undefined);
    if (ours.cpu !== undefined && peerRun) row(`  export ${name}, whole process, CPU time`, ms(ours.cpu), ms(peerRun.cpu), `ratio ${(ours.cpu / peerRun.cpu).toFixed(2)}`);
  }
  // A folder of 100 drafts (4–16 KB) in one `party-report export`, against pandoc run once per draft.
  const drafts = path.join(work, 'export-folder');
  const outDir = path.join(work, 'export-out');
  fs.rmSync(drafts, { recursive: true, force: true });
  fs.mkdirSync(drafts);
  const names = Array.from({ length: 100 }, (_, i) => `d${String(i).padStart(3, '0')}.md`);
  names.forEach((name, i) => fs.writeFileSync(path.join(drafts, name), variedReportOfSize(4000 + (i % 7) * 2000, i + 1)));
  const folder = timeProcess(...node([CLI, 'export', drafts, '-o', outDir, '--force']), 3);
  const pandocOut = path.join(work, 'pandoc-out');
  fs.mkdirSync(pandocOut, { recursive: true });
  const peer = pandoc
    ? median(
        Array.from({ length: 2 }, () => {
          const t = process.hrtime.bigint();
          for (const name of names) runProcess('pandoc', [path.join(drafts, name), '-f', 'markdown', '-o', path.join(pandocOut, name.replace(/\.md$/, '.docx'))]);
          return Number(process.hrtime.bigint() - t) / 1e6;
        }),
      )
    : undefined;
  row('export folder of 100 drafts to DOCX, one process (median of 3)', ms(folder.wall), pandoc ? `${ms(peer)} (100 runs)` : 'pandoc not installed', '< 100 pandoc runs', pandoc ? folder.wall < peer : undefined);
}

// ---------------------------------------------------------------- the language server
if (wanted('lsp')) {
  const workspaceReports = fs.readdirSync(path.join(ROOT, 'examples')).filter((f) => f.endsWith('.md')).map((f) => fs.readFileSync(path.join(ROOT, 'examples', f), 'utf8'));
  row('server start → first diagnostics, seed', ms(await measureStart(inputs.seed)));
  // Enough keystrokes for a p95 that is not simply the slowest one (of 15, p95 was the maximum; of 40,
  // the second slowest): 100 at 1 MB, 40 at 5 MB. The first keystrokes after opening have their own row.
  for (const [size, goals, edits] of [[1, { typing: 30, request: 50 }, 100], [5, { typing: 100, request: 150 }, 40]]) {
    console.error(`language server, ${size} MB…`);
    const text = variedReportOfSize(size * 1_000_000);
    const m = await measureEditing(text, edits);
    const p = (s) => `${s.p50.toFixed(1)} / ${s.p95.toFixed(1)} ms`;
    const what = `${size} MB varied draft, p50 / p95 of ${edits}`;
    row(`keystroke → diagnostics (debounce 0, typing from ${SETTLE_MS / 1000} s after opening), ${what}`, p(m.typing), '—', `p95 < ${goals.typing} ms`, m.typing.p95 < goals.typing);
    // The same, typed the moment the draft's diagnostics arrive (the rows above start ${SETTLE_MS} ms later).
    const first = await measureFirstKeystrokes(text, 10);
    row(`  the same, the first 10 keystrokes typed the moment the ${size} MB draft opens`, p(first), '—', '');
    // In a workspace: every check also compares the draft's paragraphs with the other reports' (the
    // bundled examples: reports of every type, as a branch's folder holds them).
    const inWorkspace = await measureEditingInWorkspace(text, workspaceReports, edits);
    row(`  the same, in a workspace of the ${workspaceReports.length} example reports (copied-paragraph)`, p(inWorkspace), '—', `p95 < ${goals.typing} ms`, inWorkspace.p95 < goals.typing);
    row(`code actions without only (light bulb), ${what}`, p(m.actions), '—', `p95 < ${goals.request} ms`, m.actions.p95 < goals.request);
    row(`code actions, only source.fixAll, ${what}`, p(m.fixAllOnly), '—', `p95 < ${goals.request} ms`, m.fixAllOnly.p95 < goals.request);
    row(`completion right after a keystroke, ${what}`, p(m.completion), '—', `p95 < ${goals.request} ms`, m.completion.p95 < goals.request);
    row(`hover right after a keystroke, ${what}`, p(m.hover), '—', `p95 < ${goals.request} ms`, m.hover.p95 < goals.request);
    if (m.resolve) row(`fix-all resolved (codeAction/resolve), ${size} MB`, ms(m.resolve.ms), '—', 'on request only');
    // The cap: with more findings than 2,000, the published ones are chosen by severity.
    const all = engine.lint(text).diagnostics;
    if (all.length > 2000) {
      const rank = { error: 0, warning: 1, information: 2, hint: 3 };
      const shown = m.published.filter((d) => d.code !== 'too-many');
      const worstShown = Math.max(...shown.map((d) => d.severity - 1));
      const betterLeftOut = all.filter((d) => rank[d.severity] < worstShown).length > shown.filter((d) => d.severity - 1 < worstShown).length;
      row(`diagnostics published of ${all.length} findings, ${size} MB`, `${shown.length} + note`, '—', 'by severity, note', !betterLeftOut && m.published.some((d) => d.code === 'too-many'));
    }
  }
}

if (wanted('memory')) {
  for (const [size, goal] of [[1, 150], [5, 400]]) {
    console.error(`memory, ${size} MB…`);
    const peak = await measureMemory(variedReportOfSize(size * 1_000_000), 400);
    row(`server peak RSS, ${size} MB varied draft after 400 keystrokes`, `${peak.toFixed(0)} MB`, '—', `< ${goal} MB`, peak < goal);
  }
}

const load = os.loadavg().map((x) => x.toFixed(1)).join(' ');
console.log(`machine: ${os.cpus()[0]?.model ?? 'unknown'} × ${os.cpus().length}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; load average at the end ${load}`);
const version = (pkg) => JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', pkg, 'package.json'), 'utf8')).version;
console.log(`peers: markdownlint ${version('markdownlint')}, markdownlint-cli2 ${version('markdownlint-cli2')}, pandoc ${pandoc ? spawnSync('pandoc', ['--version'], { encoding: 'utf8' }).stdout.split('\n')[0].replace('pandoc ', '') : 'not installed'}`);
const widths = [Math.max(...rows.map((r) => r[0].length)), 18, 20, 26, 7];
const line = (cells) => cells.map((c, i) => String(c).padEnd(widths[i])).join(' | ');
console.log(line(['measure', 'party-report', 'peer', 'goal', '']));
console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
for (const r of rows) console.log(line(r));
