// Keystrokes on a varied draft, checked in-process with a document cache as the language server
// keeps one: wall and CPU time per check. With PROFILE=<file>, a CPU profile of the keystrokes alone
// (not the first check), for bench/profile-top.mjs.
//   node --import tsx bench/typing.mts [MB] [keystrokes]
import * as fs from 'node:fs';
import { Session } from 'node:inspector/promises';
import { lint, ProseCache } from '../engine/index';
// @ts-ignore: plain JavaScript module
import { typeAtSpot, variedReportOfSize } from './drafts.mjs';

const mb = Number(process.argv[2] ?? 1);
const n = Number(process.argv[3] ?? 40);
let text: string = variedReportOfSize(mb * 1_000_000);
const cache = new ProseCache({ shiftInPlace: true });
let t0 = performance.now();
lint(text, { cache });
console.log(`first check ${(performance.now() - t0).toFixed(1)} ms`);
const session = process.env.PROFILE ? new Session() : undefined;
if (session) {
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
}
const times: number[] = [];
const cpu: number[] = [];
for (let i = 0; i < n; i++) {
  // The same spots as bench/keystroke.mjs (drafts.mjs's editSpot).
  text = typeAtSpot(text, i, n);
  t0 = performance.now();
  const c0 = process.cpuUsage();
  lint(text, { cache });
  times.push(performance.now() - t0);
  const c = process.cpuUsage(c0);
  cpu.push((c.user + c.system) / 1000);
}
if (session) {
  const { profile } = await session.post('Profiler.stop');
  fs.writeFileSync(process.env.PROFILE!, JSON.stringify(profile));
}
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))].toFixed(1);
console.log(`${mb} MB, ${n} keystrokes: wall p50 ${pct(times, 0.5)} p95 ${pct(times, 0.95)} ms; CPU p50 ${pct(cpu, 0.5)} p95 ${pct(cpu, 0.95)} ms`);
