// Writes the lists that follow from the engine's registry of rules (engine/registry.ts) and from the
// report types in report-types/, so that none is kept by hand:
//   package.json            partyReport.rules: a property per configurable rule, with its description
//   package.nls*.json       those descriptions in English and Chinese (config.rules.<id>)
//   schemas/party-report-config.schema.json   rules: the ids and levels
//   schemas/report-type.schema.json           extends: the built-in type ids
//   docs/rules.md           the index table between the "generated" comments
// Run by scripts/build.mjs after bundling (it reads dist/engine.js). `--check` writes nothing and
// exits 1 naming the files that are out of date (test/registry.test.ts runs it).
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const engine = require(path.join(ROOT, 'dist', 'engine.js'));
const check = process.argv.includes('--check');

const registryIn = (locale) => {
  engine.setLocale(locale);
  const list = engine.ruleRegistry();
  engine.setLocale('zh-CN');
  return list;
};
const zh = registryIn('zh-CN');
const en = new Map(registryIn('en').map((r) => [r.id, r]));
const configurable = zh.filter((r) => engine.CONFIGURABLE(r.id));
const levels = [...engine.RULE_LEVELS];

const read = (file) => fs.readFileSync(path.join(ROOT, file), 'utf8');
const json = (value) => JSON.stringify(value, null, 2) + '\n';
const stale = [];
function write(file, text) {
  if (read(file) === text) return;
  stale.push(file);
  if (!check) fs.writeFileSync(path.join(ROOT, file), text);
}

// package.json: partyReport.rules.
{
  const manifest = JSON.parse(read('package.json'));
  const setting = manifest.contributes.configuration.properties['partyReport.rules'];
  setting.properties = Object.fromEntries(
    configurable.map((r) => [r.id, { type: 'string', enum: levels, default: r.defaultSeverity, description: `%config.rules.${r.id}%` }]),
  );
  setting.additionalProperties = { type: 'string', enum: levels };
  write('package.json', json(manifest));
}

// package.nls.json, package.nls.zh-cn.json: the rule descriptions, right after config.rules.
for (const [file, describe] of [
  ['package.nls.json', (r) => `${en.get(r.id).summary}. Source: ${en.get(r.id).source}.`],
  ['package.nls.zh-cn.json', (r) => `${r.summary}。依据：${r.source}。`],
]) {
  const nls = JSON.parse(read(file));
  const out = {};
  for (const [k, v] of Object.entries(nls)) {
    if (k.startsWith('config.rules.')) continue;
    out[k] = v;
    if (k === 'config.rules') for (const r of configurable) out[`config.rules.${r.id}`] = describe(r);
  }
  write(file, json(out));
}

// The project file's schema: the rule ids and their levels.
{
  const schema = JSON.parse(read('schemas/party-report-config.schema.json'));
  schema.properties.rules.additionalProperties = { enum: levels };
  schema.properties.rules.propertyNames = { enum: configurable.map((r) => r.id) };
  write('schemas/party-report-config.schema.json', json(schema));
}

// The report type schema: what `extends:` may name (one line, kept in the file's compact style).
{
  const ids = engine.builtinTypes().types.map((t) => t.id);
  const text = read('schemas/report-type.schema.json');
  write('schemas/report-type.schema.json', text.replace(/("extends": \{ "enum": )\[[^\]]*\]/, `$1${JSON.stringify(ids).replace(/","/g, '", "')}`));
}

// docs/rules.md: the index table.
{
  const LEVEL = { error: '错误', warning: '警告', information: '信息', hint: '提示' };
  const cell = (s) => s.replace(/\|/g, '\\|');
  const table = [
    '| id | 默认级别 | 快速修复 | 检查什么 | 依据 |',
    '| --- | --- | --- | --- | --- |',
    ...zh.map((r) => `| \`${r.id}\` | ${LEVEL[r.defaultSeverity]} | ${r.fixable ? '有' : ''} | ${cell(r.summary)} | ${cell(r.source)} |`),
  ].join('\n');
  const begin = '<!-- generated from engine/registry.ts by scripts/generate.mjs: do not edit -->';
  const end = '<!-- end of generated table -->';
  const doc = read('docs/rules.md');
  const at = doc.indexOf(begin);
  const stop = doc.indexOf(end);
  if (at < 0 || stop < at) throw new Error(`docs/rules.md: the markers ${begin} … ${end} are missing`);
  write('docs/rules.md', doc.slice(0, at + begin.length) + '\n' + table + '\n' + doc.slice(stop));
}

if (check && stale.length > 0) {
  console.error(`out of date (run npm run build): ${stale.join(', ')}`);
  process.exit(1);
}
if (!check && stale.length > 0) console.log(`generated ${stale.join(', ')}`);
