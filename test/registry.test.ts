/**
 * One registry of rules and engine codes (engine/registry.ts): every rule file is in it, what it
 * says about each rule is true, and every list derived from it (manifest, schemas, docs/rules.md,
 * `party-report rules`, SARIF) agrees with it.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyEdits, CONFIGURABLE, ENGINE_CODES, LineIndex, lint, RULE_LEVELS, RULES, ruleRegistry, type Rule } from '../engine';
import { fixtureOptions } from './helpers/fixture-options';
import { parseMarked } from './helpers/marked';
import { REPO } from './helpers/shared';

const FIXTURES = path.join(REPO, 'test', 'fixtures', 'rules');
const cli = (args: string[]) => spawnSync(process.execPath, [path.join(REPO, 'dist', 'cli.js'), ...args], { cwd: REPO, encoding: 'utf8' });
const json = (file: string) => JSON.parse(fs.readFileSync(path.join(REPO, file), 'utf8'));

describe('the rule registry', () => {
  it('holds every rule file under engine/rules/, each once, with a kebab-case id', async () => {
    const dir = path.join(REPO, 'engine', 'rules');
    const exported: Rule[] = [];
    for (const f of fs.readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
      const mod = (await import(path.join(dir, f))) as Record<string, unknown>;
      for (const v of Object.values(mod)) if (v && typeof v === 'object' && 'id' in v && ('check' in v || 'checkLine' in v)) exported.push(v as Rule);
    }
    assert.deepEqual(exported.filter((r) => !RULES.includes(r)).map((r) => r.id), [], 'rule files missing from engine/rules/index.ts');
    const ids = ruleRegistry().map((r) => r.id);
    assert.deepEqual(ids.filter((id, i) => ids.indexOf(id) !== i), [], 'duplicate ids');
    for (const id of ids) assert.match(id, /^[a-z]+(-[a-z]+)*$/);
  });

  it('says fixable exactly for the rules whose failing fixtures offer a fix', () => {
    for (const rule of RULES) {
      const folder = path.join(FIXTURES, rule.id);
      const offered = fs
        .readdirSync(folder)
        .filter((f) => f.startsWith('fail'))
        .some((f) => lint(parseMarked(fs.readFileSync(path.join(folder, f), 'utf8')).text, fixtureOptions(folder)).diagnostics.some((d) => d.rule === rule.id && d.fix));
      assert.equal(rule.fixable === true, offered, `${rule.id}: fixable is ${rule.fixable === true}, its fixtures ${offered ? 'offer' : 'offer no'} fix`);
    }
  });

  it('gives every rule a summary, a source and a section in docs/rules.md', () => {
    const doc = fs.readFileSync(path.join(REPO, 'docs', 'rules.md'), 'utf8');
    for (const rule of RULES) {
      assert.ok(rule.summary && rule.source, `${rule.id}: summary and source`);
      assert.match(doc, new RegExp(`^## ${rule.id}：`, 'm'), `docs/rules.md has no "## ${rule.id}：" section`);
    }
  });

  it('has the engine codes at the severities the engine reports them', () => {
    const severity = (id: string) => ENGINE_CODES.find((c) => c.id === id)!.defaultSeverity;
    const head = '---\ntemplate: duty-report\n---\n';
    const seen = [
      lint('---\ntemplate: 不存在的类型\n---\n正文。').diagnostics.find((d) => d.rule === 'front-matter'),
      lint(head + '正文。', { maxLength: 10 }).diagnostics.find((d) => d.rule === 'size-limit'),
      lint('> '.repeat(100) + '正文。\n', { template: 'duty-report' }).diagnostics.find((d) => d.rule === 'parse-fallback'),
      lint(head + '内容,内容,内容,内容。\n', { maxFindings: 1 }).diagnostics.find((d) => d.rule === 'too-many'),
      // A table longer than the parser's run cap, and a budget already spent (docs/security.md).
      lint(head + '| 甲 | 乙 |\n| --- | --- |\n' + '| 1 | 2 |\n'.repeat(2100)).diagnostics.find((d) => d.rule === 'parse-capped'),
      lint(head + '正文。\n', { budgetMs: -1 }).diagnostics.find((d) => d.rule === 'time-budget'),
    ];
    assert.deepEqual(
      seen.map((d) => d && `${d.rule} ${d.severity}`),
      ENGINE_CODES.map((c) => `${c.id} ${severity(c.id)}`),
    );
    // A configurable code can be turned off like a rule.
    assert.deepEqual(lint(head + '正文。', { maxLength: 10, rules: { 'size-limit': 'off' } }).diagnostics, []);
  });

  it('is what the generated lists say (scripts/generate.mjs --check)', () => {
    const r = spawnSync(process.execPath, [path.join(REPO, 'scripts', 'generate.mjs'), '--check'], { cwd: REPO, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    // And, read back, the lists name exactly the configurable codes.
    const configurable = ruleRegistry().filter((r) => CONFIGURABLE(r.id)).map((r) => r.id);
    const manifest = json('package.json').contributes.configuration.properties['partyReport.rules'];
    assert.deepEqual(Object.keys(manifest.properties), configurable);
    assert.deepEqual(manifest.additionalProperties.enum, [...RULE_LEVELS]);
    assert.deepEqual(json('schemas/party-report-config.schema.json').properties.rules.propertyNames.enum, configurable);
    const table = fs.readFileSync(path.join(REPO, 'docs', 'rules.md'), 'utf8').match(/^\| `([a-z-]+)` \|/gm)!.map((l) => l.slice(3, -3));
    assert.deepEqual(table, ruleRegistry().map((r) => r.id));
  });

  it('is listed by party-report rules, as text and as JSON, in either language', () => {
    const listed = JSON.parse(cli(['rules', '--format', 'json']).stdout) as Array<{ id: string; defaultSeverity: string; fixable: boolean; summary: string; source: string }>;
    assert.deepEqual(listed, ruleRegistry());
    const text = cli(['rules']);
    assert.equal(text.status, 0);
    assert.deepEqual(text.stdout.trim().split('\n').map((l) => l.split('\t')[0]), listed.map((r) => r.id));
    assert.match(text.stdout, /^date-format\twarning\t有快速修复\t日期写法不规范（应为2021年7月1日）\tGB\/T 15835—2011$/m);
    assert.match(cli(['rules', '--locale', 'en']).stdout, /^count-mismatch\twarning\t-\tA stated count disagrees with the items listed after it\t/m);
    assert.equal(cli(['rules', '--format', 'xml']).status, 2);
  });
});

describe('lint --format sarif', () => {
  it('writes SARIF 2.1.0 with the registry as rule descriptors and a located result per finding', () => {
    const file = 'examples/draft-with-problems.md';
    const r = cli(['lint', '--format', 'sarif', file, 'examples/meeting-notes.md']);
    assert.equal(r.status, 1, r.stderr);
    const sarif = JSON.parse(r.stdout);
    const plain = JSON.parse(cli(['lint', '--format', 'json', file]).stdout)[0].diagnostics;
    assert.equal(sarif.version, '2.1.0');
    assert.match(sarif.$schema, /sarif-2\.1\.0/);
    assert.equal(sarif.runs.length, 1);
    const run = sarif.runs[0];
    assert.equal(run.tool.driver.name, 'party-report');
    assert.equal(run.columnKind, 'utf16CodeUnits');
    const rules = run.tool.driver.rules as Array<{ id: string; shortDescription: { text: string }; help: { text: string }; defaultConfiguration: { level: string } }>;
    assert.deepEqual(rules.map((d) => d.id), ruleRegistry().map((x) => x.id));
    for (const d of rules) {
      assert.ok(d.shortDescription.text && d.help.text.includes(d.id));
      assert.ok(['error', 'warning', 'note', 'none'].includes(d.defaultConfiguration.level));
    }
    assert.deepEqual(run.artifacts.map((a: { location: { uri: string } }) => a.location.uri), [file, 'examples/meeting-notes.md']);
    assert.equal(run.originalUriBaseIds.SRCROOT.uri, `file://${REPO}/`);
    assert.equal(run.results.length, plain.length);
    run.results.forEach((res: any, i: number) => {
      const d = plain[i];
      assert.equal(res.ruleId, d.code);
      assert.equal(rules[res.ruleIndex].id, res.ruleId);
      assert.equal(res.level, d.severity === 'error' ? 'error' : d.severity === 'warning' ? 'warning' : 'note');
      assert.equal(res.message.text, d.message);
      const loc = res.locations[0].physicalLocation;
      assert.deepEqual(loc.artifactLocation, { uri: file, uriBaseId: 'SRCROOT', index: 0 });
      assert.deepEqual(loc.region, { startLine: d.line, startColumn: d.column, endLine: d.endLine, endColumn: d.endColumn });
      assert.ok(loc.region.startLine >= 1 && loc.region.startColumn >= 1);
    });
    // Fixes: each result with one carries it as replacements that, applied, give the engine's fix.
    const text = fs.readFileSync(path.join(REPO, file), 'utf8');
    const engineFixes = lint(text).diagnostics.map((d) => d.fix);
    const withFix = run.results.filter((res: any) => res.fixes);
    assert.equal(withFix.length, engineFixes.filter(Boolean).length);
    const index = new LineIndex(text);
    run.results.forEach((res: any, i: number) => {
      const fix = engineFixes[i];
      if (!fix) return assert.equal(res.fixes, undefined);
      const [change] = res.fixes[0].artifactChanges;
      assert.equal(res.fixes[0].description.text, fix.title);
      const edits = change.replacements.map((x: any) => ({
        span: {
          start: index.offsetAt({ line: x.deletedRegion.startLine - 1, character: x.deletedRegion.startColumn - 1 }),
          end: index.offsetAt({ line: x.deletedRegion.endLine - 1, character: x.deletedRegion.endColumn - 1 }),
        },
        newText: x.insertedContent.text,
      }));
      assert.equal(applyEdits(text, edits), applyEdits(text, fix.edits), `fix of result ${i} (${res.ruleId})`);
    });
  });
});
