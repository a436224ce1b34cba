/** A project's own config and report types, from the CLI and over LSP (issue: configuration). */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DidChangeWatchedFilesNotification } from 'vscode-languageserver-protocol/node';
import { loadProject, parseProjectConfig } from '../engine';
import { LspClient } from './helpers/lsp-client';
import { CLI_ENV, REPO } from './helpers/shared';

const WS = path.join(REPO, 'examples', 'workspace');
const cli = (args: string[], cwd = REPO) => spawnSync(process.execPath, [path.join(REPO, 'dist', 'cli.js'), ...args], { cwd, encoding: 'utf8', env: CLI_ENV });

function tmpProject(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'party-report-project-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const ORG_LIFE_DRAFT = '---\ntemplate: my-org-life\n---\n一、会前准备工作\n一是学习。\n二、组织生活会召开情况\n会议召开。\n三、制定整改措施等情况\n会后整改。\n';

describe('project config and workspace report types', function () {
  this.timeout(30000);

  it('the CLI uses the project file and the workspace types found from the linted file upwards', () => {
    const r = cli(['lint', '--format', 'json', 'examples/workspace/minutes.md']);
    const [report] = JSON.parse(r.stdout);
    assert.equal(report.template, 'party-group-minutes');
    const by = (code: string) => report.diagnostics.filter((d: { code: string }) => d.code === code);
    assert.equal(by('missing-section').length, 1);
    assert.match(by('missing-section')[0].message, /会议议题/);
    assert.equal(by('half-width-punctuation')[0].severity, 'error', 'the project file raises it to error');
    assert.equal(r.status, 1);
  });

  it('extends a built-in type: renamed and added sections', () => {
    const dir = tmpProject({ 'draft.md': ORG_LIFE_DRAFT });
    fs.cpSync(path.join(WS, '.party-report'), path.join(dir, '.party-report'), { recursive: true });
    const [report] = JSON.parse(cli(['lint', '--format', 'json', path.join(dir, 'draft.md')]).stdout);
    assert.equal(report.template, 'my-org-life');
    const missing = report.diagnostics.filter((d: { code: string }) => d.code === 'missing-section');
    assert.deepEqual(missing.map((d: { message: string }) => /缺少“([^”]+)”/.exec(d.message)![1]), ['上次组织生活会整改落实情况']);
  });

  it('reports a malformed definition and keeps the other types working', () => {
    const dir = tmpProject({
      '.party-report/templates/broken.yaml': 'id: broken\nname: [unclosed\n',
      '.party-report/templates/no-name.yaml': 'id: no-name\n',
      '.party-report/templates/bad-base.yaml': 'id: x\nextends: no-such-type\n',
      '.party-report.yaml': 'rules:\n  unfilled-placeholder: off\nbogus: 1\n',
      'draft.md': fs.readFileSync(path.join(REPO, 'examples', 'draft-with-problems.md'), 'utf8'),
    });
    const r = cli(['lint', '--format', 'json', path.join(dir, 'draft.md')]);
    assert.match(r.stderr, /broken\.yaml:\d+:\d+: YAML 格式错误/);
    assert.match(r.stderr, /no-name\.yaml: 类型 no-name 缺少中文名称 name/);
    assert.match(r.stderr, /bad-base\.yaml: extends: no-such-type 不是内置的报告类型/);
    assert.match(r.stderr, /\.party-report\.yaml: 未知的配置项 bogus/);
    const [report] = JSON.parse(r.stdout);
    assert.equal(report.template, 'org-life-meeting-report');
    assert.ok(!report.diagnostics.some((d: { code: string }) => d.code === 'unfilled-placeholder'), 'the valid part of the config still applies');
  });

  it('refuses a templates folder outside the project', () => {
    const dir = tmpProject({ '.party-report.yaml': 'templates: ../../etc\n' });
    const project = loadProject(path.join(dir, '.party-report.yaml'), dir);
    assert.ok(project.problems.some((p) => /不在工作区/.test(p.message)));
    assert.equal(project.templatesDir, undefined);
  });

  it('checks config values and says what is expected', () => {
    const { config, problems } = parseProjectConfig('rules:\n  date-format: loud\nplaceholders: ["(unclosed"]\nvalidate: onSave\n', 'x.yaml');
    assert.deepEqual(config, { rules: {}, validate: 'onSave' });
    assert.equal(problems.length, 2);
    assert.equal(problems[0].message, 'rules 中 date-format 的级别 "loud" 无效，这一项不起作用：级别应为 error、warning、information、hint、off 之一。');
  });

  it('keeps the valid entries of rules: when one level or rule id is misspelt, and names each wrong one', () => {
    const { config, problems } = parseProjectConfig('rules:\n  stray-space: warn\n  half-width-punctuation: error\n  unfiled-placeholder: off\n', 'x.yaml');
    assert.deepEqual(config, { rules: { 'half-width-punctuation': 'error' } });
    assert.deepEqual(
      problems.map((p) => p.message),
      [
        'rules 中 stray-space 的级别 "warn" 无效，这一项不起作用：级别应为 error、warning、information、hint、off 之一。',
        'rules 中的 unfiled-placeholder 不是规则的代码，这一项不起作用。规则代码见 party-report rules 或 docs/rules.md。',
      ],
    );
    // Codes the engine reports beside the rules can be set too (front-matter); too-many cannot.
    assert.deepEqual(parseProjectConfig('rules:\n  front-matter: warning\n  too-many: off\n', 'x.yaml').config, { rules: { 'front-matter': 'warning' } });
  });

  describe('over LSP', () => {
    let client: LspClient;
    afterEach(async () => client.stop());

    it('validates with the workspace types and shows definition problems in the definition file', async () => {
      const dir = tmpProject({
        '.party-report/templates/broken.yaml': 'id: broken\nname: [unclosed\n',
        'minutes.md': fs.readFileSync(path.join(WS, 'minutes.md'), 'utf8'),
      });
      fs.copyFileSync(path.join(WS, '.party-report/templates/party-group-minutes.yaml'), path.join(dir, '.party-report/templates/party-group-minutes.yaml'));
      client = new LspClient();
      await client.initialize(false, dir, { trusted: true });
      const broken = pathToFileURL(path.join(dir, '.party-report/templates/broken.yaml')).toString();
      const problems = await client.diagnostics(broken);
      assert.match(String(problems.diagnostics[0].message), /YAML 格式错误/);
      const uri = pathToFileURL(path.join(dir, 'minutes.md')).toString();
      await client.open(uri, fs.readFileSync(path.join(dir, 'minutes.md'), 'utf8'));
      const p = await client.diagnostics(uri);
      assert.ok(p.diagnostics.some((d) => d.code === 'missing-section' && /会议议题/.test(String(d.message))));

      // Editing a definition takes effect at once: make 会议议题 optional.
      const def = path.join(dir, '.party-report/templates/party-group-minutes.yaml');
      fs.writeFileSync(def, fs.readFileSync(def, 'utf8').replace(/title: 会议议题\n(\s+)variants: \[议题\]\n\s+required: true/, 'title: 会议议题\n$1variants: [议题]\n$1required: false'));
      await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: pathToFileURL(def).toString(), type: 2 }] });
      const after = await client.diagnostics(uri, (x) => !x.diagnostics.some((d) => d.code === 'missing-section'));
      assert.ok(after);
    });

    it('in an untrusted workspace ignores workspace types and still checks with the built-ins', async () => {
      client = new LspClient();
      await client.initialize(false, WS, { trusted: false });
      const uri = pathToFileURL(path.join(WS, 'minutes.md')).toString();
      await client.open(uri, fs.readFileSync(path.join(WS, 'minutes.md'), 'utf8'));
      const p = await client.diagnostics(uri);
      assert.equal(p.diagnostics[0].code, 'front-matter');
      assert.match(String(p.diagnostics[0].message), /未知的报告类型"党小组会议记录"/);
      const draft = pathToFileURL(path.join(WS, 'draft.md')).toString();
      await client.open(draft, fs.readFileSync(path.join(REPO, 'examples', 'draft-with-problems.md'), 'utf8'));
      const q = await client.diagnostics(draft);
      assert.ok(q.diagnostics.some((d) => d.code === 'missing-section'));
      assert.equal(q.diagnostics.find((d) => d.code === 'half-width-punctuation')!.severity, 2, 'the project file does not apply either');
    });
  });
});
