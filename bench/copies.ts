// copied-paragraph: the paragraph index next to the obvious peer — comparing every paragraph with
// every other one (exact Jaccard over the same shingles) — on the same generated reports, in the
// same run. Run after nothing: npx tsx bench/copies.ts. docs/benchmarks.md records a run.
import { buildModel, builtinFormulations, builtinTypes } from '../engine';
import { newIndex } from '../engine/copies/corpus';
import { COPY_THRESHOLD, jaccard, paragraphsOf, shinglesOf } from '../engine/copies/paragraph-index';
import { generateReports } from '../test/helpers/generate-reports';

// CPU time of this process (user + system): the machine is shared, and wall time mostly measures the neighbours.
const now = () => process.cpuUsage();
const ms = (t: NodeJS.CpuUsage) => {
  const d = process.cpuUsage(t);
  return (d.user + d.system) / 1000;
};
console.log('| reports | paragraphs | index: build + all queries (CPU) | found | all pairs, peer (CPU) | found |');
console.log('| ---: | ---: | ---: | ---: | ---: | ---: |');
for (const n of [250, 500, 1000, 2000, 4000]) {
  const reports = generateReports(n).map((r) => ({ name: r.name, paragraphs: paragraphsOf(buildModel(r.text)) }));
  const count = reports.reduce((a, r) => a + r.paragraphs.length, 0);
  let t = now();
  const index = newIndex(builtinFormulations(), builtinTypes().types);
  for (const r of reports) index.setFile(r.name, r.paragraphs);
  let found = 0;
  for (const r of reports) for (const p of r.paragraphs) if (index.best(r.name, p.text)) found++;
  const ours = ms(t);
  let peer = '—';
  let peerFound = '—';
  if (n <= 1000) {
    t = now();
    const all = reports.flatMap((r) => r.paragraphs.map((p) => ({ name: r.name, shingles: shinglesOf(index.masker.ownText(p.text)) })));
    let hits = 0;
    for (let i = 0; i < all.length; i++) {
      for (let j = 0; j < all.length; j++) {
        if (all[i].name !== all[j].name && all[i].shingles.length && jaccard(all[i].shingles, all[j].shingles) >= COPY_THRESHOLD) {
          hits++;
          break;
        }
      }
    }
    peer = `${ms(t).toFixed(0)} ms`;
    peerFound = String(hits);
  }
  console.log(`| ${n} | ${count} | ${ours.toFixed(0)} ms | ${found} | ${peer} | ${peerFound} |`);
}
