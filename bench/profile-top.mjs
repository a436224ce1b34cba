// Prints the top entries of a V8 CPU profile (node --cpu-prof): self time by function, for the
// "profile tops" recorded in docs/benchmarks.md. Usage: node bench/profile-top.mjs file.cpuprofile [n]
import * as fs from 'node:fs';

const [file, n = '15'] = process.argv.slice(2);
const profile = JSON.parse(fs.readFileSync(file, 'utf8'));
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const self = new Map();
// Samples are node ids; timeDeltas the time since the previous sample.
profile.samples.forEach((id, i) => {
  const node = byId.get(id);
  const where = node.callFrame.url ? `${node.callFrame.url.split('/').slice(-2).join('/')}:${node.callFrame.lineNumber + 1}` : '';
  const key = `${node.callFrame.functionName || '(anonymous)'} ${where}`.trim();
  self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0));
});
const total = [...self.values()].reduce((a, b) => a + b, 0);
console.log(`total ${(total / 1000).toFixed(1)} ms`);
for (const [key, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, Number(n))) {
  console.log(`${(us / 1000).toFixed(1).padStart(8)} ms ${((100 * us) / total).toFixed(1).padStart(5)} %  ${key}`);
}
