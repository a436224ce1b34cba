// What each rule costs over a whole draft after a keystroke — every rule on every line, as a check
// from scratch runs them (the model is built with the parse cache): which rules matter when many
// lines change. node --import tsx bench/phases.mts [MB] [keystrokes]
import { buildModel, builtinTypes, documentWords, detectType, matchSections, builtinFormulations, ProseCache, RULES } from '../engine/index';
import { builtinUnitData } from '../engine/unit/load';
// @ts-ignore
import { typeAtSpot, variedReportOfSize } from './drafts.mjs';
const mb = Number(process.argv[2] ?? 1);
const n = Number(process.argv[3] ?? 20);
let text: string = variedReportOfSize(mb * 1_000_000);
const cache = new ProseCache({ shiftInPlace: true });
const types = builtinTypes().types;
const words = documentWords(types);
const acc = new Map<string, number>();
const add = (k: string, ms: number) => acc.set(k, (acc.get(k) ?? 0) + ms);
function once(record: boolean) {
  let t = performance.now();
  const model = buildModel(text, { cache, words });
  const now = () => { const x = performance.now(); const d = x - t; t = x; return d; };
  const m = now();
  const detection = detectType(model, types);
  const match = detection.match ?? matchSections(model, detection.type!);
  const d = now();
  if (record) { add('buildModel', m); add('detect+match', d); }
  for (const rule of RULES) {
    const ctx = { model, type: detection.type!, match, formulations: builtinFormulations(), unit: builtinUnitData(), lineFacts: <T,>(l: unknown, _k: string, f: (line: any) => T) => f(l), report: () => {} };
    if (rule.scope === 'paragraph') for (const line of model.lines) rule.checkLine(line, ctx);
    else rule.check(ctx);
    const r = now();
    if (record) add(rule.id, r);
  }
}
once(false);
for (let i = 0; i < n; i++) {
  text = typeAtSpot(text, i, n);
  once(true);
}
for (const [k, v] of [...acc].sort((a, b) => b[1] - a[1])) console.log(`${(v / n).toFixed(2).padStart(8)} ms  ${k}`);
