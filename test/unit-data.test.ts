/**
 * A unit's own data — roster, quotation library, year profile — through the CLI and over LSP
 * (diagnostic, hover, quick fix), and the loader's clear errors for bad data files.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeActionRequest, HoverRequest, type CodeAction, type MarkupContent } from 'vscode-languageserver-protocol/node';
import { configIn, lint, loadProject, parseProjectConfig, projectLintOptions } from '../engine';
import { builtinReference, loadUnitData } from '../engine/unit/load';
import { LspClient } from './helpers/lsp-client';
import { CLI_ENV, REPO } from './helpers/shared';

const WS = path.join(REPO, 'test', 'fixtures', 'unit-workspace');
const DRAFT = path.join(WS, 'report.md');
const text = fs.readFileSync(DRAFT, 'utf8');
const lines = text.split('\n');
/** 1-based line and column of the first occurrence of `s` (the way the CLI counts). */
function where(s: string): { line: number; column: number } {
  const i = lines.findIndex((l) => l.includes(s));
  assert.ok(i >= 0, `${s} in the draft`);
  return { line: i + 1, column: lines[i].indexOf(s) + 1 };
}

function cli(args: string[]) {
  const r = spawnSync(process.execPath, [path.join(REPO, 'dist', 'cli.js'), ...args], { cwd: REPO, encoding: 'utf8', env: CLI_ENV, timeout: 60000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("a unit's roster, quotations and year profile", function () {
  this.timeout(60000);

  it('ships only quotation and year data that loads without problems, each quotation with a source and date', () => {
    const b = builtinReference();
    assert.deepEqual(b.problems, []);
    assert.ok(b.quotations.length >= 10);
    for (const q of b.quotations) assert.match(q.date ?? '', /^\d{4}-\d{2}-\d{2}$/, q.text);
    assert.ok(b.years.some((y) => y.year === 2025));
  });

  describe('through the CLI', () => {
    it('reports a wrong title, the 班子 order, an altered quotation and the year theme and aspects at their places', () => {
      const r = cli(['lint', '--format', 'json', path.relative(REPO, DRAFT)]);
      assert.equal(r.code, 0, r.stderr);
      const got = JSON.parse(r.stdout)[0].diagnostics as Array<{ line: number; column: number; code: string; message: string }>;
      const at = (code: string, s: string) => got.find((d) => d.code === code && d.line === where(s).line && d.column === where(s).column);
      assert.ok(at('roster', '王明、张强、李华'), 'order');
      assert.match(at('roster', '王明、张强、李华')!.message, /王明、李华、张强/);
      assert.ok(at('roster', '党支部书记王明'), 'title');
      assert.match(at('roster', '党支部书记王明')!.message, /机关党委书记/);
      const quote = at('quotation', '人民对美好生活的向往，就是我们的奋斗方向');
      assert.ok(quote, 'quotation');
      assert.match(quote.message, /奋斗目标.*2012-11-15/);
      assert.ok(at('yearly-theme', '锲而不舍落实中央八项规定精神'), 'theme');
      assert.ok(at('yearly-theme', '一、存在的问题'), 'aspect missing');
      assert.match(at('yearly-theme', '一、存在的问题')!.message, /固本培元/);
      // The unit's own quotation is quoted exactly: nothing on it.
      assert.ok(!got.some((d) => d.line === where('支部建在连上').line && d.column === where('支部建在连上').column && d.code.startsWith('quotation')));
    });

    it('is silent about names without a roster, and hints at quotations it cannot find without the unit library', () => {
      const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'party-report-unit-'));
      try {
        fs.writeFileSync(path.join(tmp, 'report.md'), text);
        const r = cli(['lint', '--format', 'json', path.join(tmp, 'report.md')]);
        const got = JSON.parse(r.stdout)[0].diagnostics as Array<{ code: string; severity: string; line: number }>;
        assert.deepEqual(got.filter((d) => d.code.startsWith('roster')), []);
        const unverified = got.filter((d) => d.code === 'quotation-unverified');
        assert.deepEqual(unverified.map((d) => [d.line, d.severity]), [[where('支部建在连上').line, 'information']]);
        // The shipped 2025 profile has the theme but no aspects: the theme is still checked.
        assert.ok(got.some((d) => d.code === 'yearly-theme' && d.line === where('锲而不舍').line));
        assert.ok(!got.some((d) => d.code === 'yearly-theme' && d.line === where('一、存在的问题').line));
      } finally {
        fs.rmSync(tmp, { recursive: true, force: true });
      }
    });
  });

  describe('over LSP', () => {
    let client: LspClient;
    const uri = pathToFileURL(DRAFT).toString();
    beforeEach(async () => {
      client = new LspClient();
      await client.initialize(false, WS, { trusted: true, editorCommands: true }); // a unit's data applies in a trusted workspace only (docs/security.md)
      await client.open(uri, text);
    });
    afterEach(async () => client.stop());

    const actionsAt = async (line: number, character: number) =>
      (await client.connection.sendRequest(CodeActionRequest.type, {
        textDocument: { uri },
        range: { start: { line, character }, end: { line, character } },
        context: { diagnostics: [] },
      })) as CodeAction[];
    const apply = (action: CodeAction) => TextDocument.applyEdits(TextDocument.create(uri, 'markdown', 1, text), action.edit!.changes![uri]);

    it('publishes the roster, quotation and year findings, with the rule and its source in the hover', async () => {
      const p = await client.diagnostics(uri, (x) => x.diagnostics.length > 0);
      const codes = new Set(p.diagnostics.map((d) => d.code));
      for (const c of ['roster', 'quotation', 'yearly-theme']) assert.ok(codes.has(c), c);
      const order = where('王明、张强、李华');
      const d = p.diagnostics.find((x) => x.code === 'roster' && x.range.start.line === order.line - 1)!;
      assert.equal(d.range.start.character, order.column - 1);
      assert.equal(d.range.end.character, order.column - 1 + '王明、张强、李华'.length);
      const h = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: order.line - 1, character: order.column } });
      const value = (h!.contents as MarkupContent).value;
      // The rule by its title, linking to its description (the message itself VS Code shows above the hover).
      assert.match(value, /\*\*\[班子名单\]\(command:partyReport\.showRuleDocs\?%5B%22roster%22%5D/);
      assert.match(value, /依据：本单位名单（\.party-report\/roster\.yaml）/);
      const q = where('人民对美好生活的向往');
      const qh = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: q.line - 1, character: q.column + 2 } });
      const qv = (qh!.contents as MarkupContent).value;
      assert.match(qv, /\*\*\[引文\]\(command:partyReport\.showRuleDocs\?%5B%22quotation%22%5D/);
      const quoted = p.diagnostics.find((x) => x.code === 'quotation' && x.range.start.line === q.line - 1)!;
      assert.match(String(quoted.message), /原文为“人民对美好生活的向往，就是我们的奋斗目标。”/);
      assert.match(qv, /依据：原文库/);
    });

    it('restores a quotation and the 班子 order with quick fixes', async () => {
      await client.diagnostics(uri, (x) => x.diagnostics.length > 0);
      const q = where('人民对美好生活的向往');
      const restore = (await actionsAt(q.line - 1, q.column)).find((a) => a.title.startsWith('恢复原文'))!;
      assert.ok(restore, 'a quick fix restores the original');
      const fixed = apply(restore);
      assert.ok(fixed.includes('“人民对美好生活的向往，就是我们的奋斗目标。”总书记强调'), fixed.split('\n')[4]);
      assert.deepEqual(lint(fixed, projectLintOptions(loadProject(configIn(WS), WS))).diagnostics.filter((x) => x.rule === 'quotation'), []);

      const o = where('王明、张强、李华');
      const reorder = (await actionsAt(o.line - 1, o.column)).find((a) => a.title.startsWith('按名单排序'))!;
      assert.ok(reorder);
      assert.ok(apply(reorder).includes('班子成员王明、李华、张强逐一作对照检查'));

      const th = where('锲而不舍');
      const theme = (await actionsAt(th.line - 1, th.column)).find((a) => a.diagnostics?.[0]?.code === 'yearly-theme' && a.edit)!;
      assert.ok(apply(theme).includes('推进作风建设常态化长效化，以优良作风'));
    });
  });

  it('shows a problem in a unit data file in that file, over LSP', async function () {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'party-report-unit-'));
    const client = new LspClient();
    try {
      fs.mkdirSync(path.join(tmp, '.party-report'));
      const roster = path.join(tmp, '.party-report', 'roster.yaml');
      fs.writeFileSync(roster, 'members:\n  - name: 王明\n    title: 书记\n  - name: W\n');
      await client.initialize(false, tmp, { trusted: true });
      const p = await client.diagnostics(pathToFileURL(roster).toString());
      assert.equal(p.diagnostics.length, 1);
      assert.match(String(p.diagnostics[0].message), /名单第 2 项的姓名 name 应为 2 至 6 个汉字/);
      // On the entry itself: line 4 of the file, where "- name: W" starts.
      assert.deepEqual(p.diagnostics[0].range.start, { line: 3, character: 4 });
    } finally {
      await client.stop();
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });

  describe('data files', () => {
    it('says what is wrong with a bad roster, quotation library or year profile, and keeps the good entries', () => {
      const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'party-report-unit-'));
      try {
        fs.mkdirSync(path.join(tmp, '.party-report', 'years'), { recursive: true });
        fs.writeFileSync(path.join(tmp, '.party-report', 'roster.yaml'), 'members:\n  - name: 王明\n    title: 书记\n  - name: W\n');
        fs.writeFileSync(path.join(tmp, '.party-report', 'quotations.yaml'), 'quotations:\n  - text: 只有原文没有出处\n');
        fs.writeFileSync(path.join(tmp, '.party-report', 'years', '2030.yaml'), 'year: 2030\nmeetings: [\n');
        const { unit, problems } = loadUnitData(tmp);
        assert.deepEqual(unit.roster?.map((m) => m.name), ['王明']);
        const messages = problems.map((p) => `${path.basename(p.file)}: ${p.message}`);
        assert.ok(messages.some((m) => /^roster\.yaml: 名单第 2 项的姓名/.test(m)), messages.join('\n'));
        assert.deepEqual(problems.filter((p) => p.file.endsWith('roster.yaml')).map((p) => [p.line, p.column]), [[4, 5]]);
        assert.ok(messages.some((m) => /^quotations\.yaml: 原文库第 1 项缺少/.test(m)), messages.join('\n'));
        assert.ok(messages.some((m) => /^2030\.yaml: 格式错误/.test(m)), messages.join('\n'));
        assert.ok(unit.quotations.length >= 10, 'the shipped library stays');
      } finally {
        fs.rmSync(tmp, { recursive: true, force: true });
      }
    });

    it('accepts the roster in the project file for a small unit, and the roster file wins over it', () => {
      const parsed = parseProjectConfig('roster:\n  members:\n    - name: 赵敏\n      title: 党支部书记\n', 'x.yaml');
      assert.deepEqual(parsed.problems, []);
      const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'party-report-unit-'));
      try {
        fs.writeFileSync(path.join(tmp, '.party-report.yaml'), 'roster:\n  members:\n    - name: 赵敏\n      title: 党支部书记\n');
        const project = loadProject(configIn(tmp), tmp);
        assert.deepEqual(project.problems, []);
        assert.deepEqual(project.unit.roster?.map((m) => m.name), ['赵敏']);
        const draft = '---\ntemplate: org-life-meeting-report\n---\n一、会前准备情况\n党委副书记赵敏同志主持。\n二、组织生活会召开情况\n会议召开。\n三、制定整改措施等情况\n制定整改清单。\n';
        assert.deepEqual(lint(draft, projectLintOptions(project)).diagnostics.filter((d) => d.rule === 'roster').map((d) => draft.slice(d.span.start, d.span.end)), ['党委副书记赵敏']);
        fs.mkdirSync(path.join(tmp, '.party-report'));
        fs.writeFileSync(path.join(tmp, '.party-report', 'roster.yaml'), 'members:\n  - name: 钱进\n    title: 党支部书记\n');
        assert.deepEqual(loadProject(configIn(tmp), tmp).unit.roster?.map((m) => m.name), ['钱进']);
      } finally {
        fs.rmSync(tmp, { recursive: true, force: true });
      }
    });
  });
});
