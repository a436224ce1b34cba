import { lint, ProseCache } from '../engine/index';
// @ts-ignore
import { variedReportOfSize } from './drafts.mjs';
const mb = Number(process.argv[2] ?? 1);
const n = Number(process.argv[3] ?? 40);
let text: string = variedReportOfSize(mb * 1_000_000);
const cache = new ProseCache({ shiftInPlace: true });
let t0 = performance.now();
lint(text, { cache });
console.log('first', (performance.now() - t0).toFixed(1));
const times: number[] = [];
const cpu: number[] = [];
for (let i = 0; i < n; i++) {
  const lines = text.split('\n');
  const line = Math.floor(((i + 1) * lines.length) / (n + 2));
  let off = 0;
  for (let k = 0; k < line; k++) off += lines[k].length + 1;
  off += Math.min(5, lines[line].length);
  text = text.slice(0, off) + '字' + text.slice(off);
  t0 = performance.now();
  const c0 = process.cpuUsage();
  lint(text, { cache });
  times.push(performance.now() - t0);
  const c = process.cpuUsage(c0);
  cpu.push((c.user + c.system) / 1000);
}
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))].toFixed(1);
console.log(`wall p50 ${pct(times, 0.5)} p95 ${pct(times, 0.95)} ms; CPU p50 ${pct(cpu, 0.5)} p95 ${pct(cpu, 0.95)} ms`);
