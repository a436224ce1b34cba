/** The built server over a real stdio connection, as any LSP client would use it. */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CodeActionRequest, DocumentSymbolRequest, type CodeAction, type DocumentSymbol } from 'vscode-languageserver-protocol/node';
import { LspClient } from './helpers/lsp-client';
import { REPO } from './helpers/shared';

const example = (name: string) => fs.readFileSync(path.join(REPO, 'examples', name), 'utf8');

describe('language server over stdio', function () {
  this.timeout(30000);
  let client: LspClient;

  beforeEach(async () => {
    client = new LspClient();
    await client.initialize();
  });
  afterEach(async () => client.stop());

  it('publishes Chinese diagnostics for a report draft with exact ranges', async () => {
    const uri = 'file:///work/draft.md';
    const text = example('draft-with-problems.md');
    await client.open(uri, text);
    const p = await client.diagnostics(uri);
    assert.equal(p.version, 1);
    const codes = p.diagnostics.map((d) => d.code);
    assert.ok(codes.includes('missing-section'));
    const comma = p.diagnostics.find((d) => d.code === 'half-width-punctuation')!;
    // Line 4 is "一是深入学习理论知识。党支部组织党员集中学习3次,个人自学不少于20学时。"
    const line = text.split('\n')[3];
    assert.equal(comma.range.start.line, 3);
    assert.equal(comma.range.start.character, line.indexOf(','));
    assert.equal(comma.range.end.character, line.indexOf(',') + 1);
    assert.equal(comma.source, '党建报告');
    assert.match(String(comma.message), /全角/);
  });

  it('publishes nothing for ordinary Markdown', async () => {
    const uri = 'file:///work/notes.md';
    await client.open(uri, example('meeting-notes.md'));
    const p = await client.diagnostics(uri);
    assert.deepEqual(p.diagnostics, []);
  });

  it('re-validates on change and never lets an older version win', async () => {
    // A long debounce, so that a loaded machine cannot let version 2 or 3 through on its own.
    await client.stop();
    client = new LspClient();
    client.settings = { debounceMs: 1000 };
    await client.initialize(true);
    const uri = 'file:///work/typing.md';
    const text = example('org-life-meeting-report.md');
    await client.open(uri, text);
    await client.diagnostics(uri, (p) => p.version === 1);
    // Three quick edits: only the last one's diagnostics matter.
    await client.change(uri, 2, text.replace('召开了', '召开了,'));
    await client.change(uri, 3, text.replace('召开了', '召开了,,'));
    await client.change(uri, 4, text.replace('召开了', '召开了XX'));
    const last = await client.diagnostics(uri, (p) => p.version === 4);
    assert.deepEqual(
      last.diagnostics.map((d) => d.code),
      ['unfilled-placeholder'],
    );
    await new Promise((r) => setTimeout(r, 1200));
    const stale = (client as unknown as { published: Array<{ uri: string; version?: number }> }).published.filter(
      (p) => p.uri === uri && (p.version ?? 0) > 1 && p.version !== 4,
    );
    assert.deepEqual(stale, [], 'debounced edits 2 and 3 publish nothing');
  });

  it("tells the client's status bar the report type and what is left: placeholders, missing sections, errors", async () => {
    const statuses: Array<{ uri: string; version: number; type: { id: string } | null; placeholders: number; missingSections: number; errors: number }> = [];
    client.connection.onNotification('partyReport/status', (s: (typeof statuses)[number]) => void statuses.push(s));
    const uri = 'file:///work/status.md';
    await client.open(uri, example('draft-with-problems.md'));
    const p = await client.diagnostics(uri);
    // The status follows the diagnostics of the same check: wait for it a moment.
    for (let i = 0; i < 50 && !statuses.some((s) => s.uri === uri); i++) await new Promise((r) => setTimeout(r, 20));
    const status = statuses.find((s) => s.uri === uri && s.version === 1)!;
    assert.ok(status, 'a status for version 1');
    const count = (f: (d: (typeof p.diagnostics)[number]) => boolean) => p.diagnostics.filter(f).length;
    assert.equal(status.type?.id, 'org-life-meeting-report');
    assert.equal(status.placeholders, count((d) => d.code === 'unfilled-placeholder'));
    assert.equal(status.missingSections, count((d) => d.code === 'missing-section'));
    assert.equal(status.errors, count((d) => d.severity === 1));
    assert.ok(status.placeholders > 0 && status.missingSections > 0 && status.errors > status.missingSections, 'the example has each kind');
  });

  it('offers to check a draft that came close to a type as that type: the status names it, the first line has the action', async () => {
    const statuses: Array<{ uri: string; version: number; type: { id: string } | null; nearest?: { id: string; name: string } | null }> = [];
    client.connection.onNotification('partyReport/status', (s: (typeof statuses)[number]) => void statuses.push(s));
    const uri = 'file:///work/near.md';
    // 组织生活会 in the opening (3 points), no headings: under the threshold of 4, so nothing is checked.
    const text = '第二党支部按照上级要求召开了组织生活会，支部书记主持会议。\n党员逐一发言，开展批评和自我批评。\n';
    await client.open(uri, text);
    const p = await client.diagnostics(uri);
    assert.deepEqual(p.diagnostics, []);
    for (let i = 0; i < 50 && !statuses.some((s) => s.uri === uri); i++) await new Promise((r) => setTimeout(r, 20));
    const status = statuses.find((s) => s.uri === uri)!;
    assert.equal(status.type, null);
    assert.deepEqual(status.nearest, { id: 'org-life-meeting-report', name: '专题组织生活会召开情况报告' });
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range, context: { diagnostics: [] } })) as CodeAction[];
    const declare = actions.find((a) => a.kind === 'refactor.rewrite');
    assert.equal(declare?.title, '按“专题组织生活会召开情况报告”检查：在文首写明 template: org-life-meeting-report');
    assert.deepEqual(declare?.edit?.changes?.[uri], [{ range, newText: '---\ntemplate: org-life-meeting-report\n---\n' }]);
    // The extension's command asks for the same edit, for the type the writer picks.
    assert.deepEqual(await client.connection.sendRequest('partyReport/declareType', { uri, id: 'org-life-meeting-report' }), { range, newText: '---\ntemplate: org-life-meeting-report\n---\n' });
    assert.equal(await client.connection.sendRequest('partyReport/declareType', { uri, id: 'no-such-type' }), null);
    // Not on other lines (the light bulb would follow the writer everywhere), and not for a recognised draft.
    const elsewhere = (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, context: { diagnostics: [] } })) as CodeAction[];
    assert.equal(elsewhere.filter((a) => a.kind === 'refactor.rewrite').length, 0);
    await client.change(uri, 2, '---\ntemplate: org-life-meeting-report\n---\n' + text);
    const checked = await client.diagnostics(uri, (x) => x.version === 2);
    // Checked as that type now: told in paragraphs, it never speaks of the preparation or the rectification.
    assert.deepEqual(
      checked.diagnostics.map((d) => d.message),
      ['缺少“会前准备情况”一节。', '缺少“制定整改措施等情况”一节。'],
    );
    for (let i = 0; i < 50 && !statuses.some((s) => s.uri === uri && s.version === 2); i++) await new Promise((r) => setTimeout(r, 20));
    const after = statuses.find((s) => s.uri === uri && s.version === 2)!;
    assert.equal(after.type?.id, 'org-life-meeting-report');
    assert.equal(after.nearest, null);
  });

  it('checks an opened draft once, not once for the open and again for the change the open also reports', async () => {
    await client.stop();
    client = new LspClient();
    // Debounce 0: a second check of version 1 would run at once, before version 2's.
    client.settings = { debounceMs: 0 };
    await client.initialize(true);
    const uri = 'file:///work/opened-once.md';
    const text = example('org-life-meeting-report.md');
    await client.open(uri, text);
    await client.diagnostics(uri, (p) => p.version === 1);
    // Messages are handled in order: by the time version 2 is published, any second check of 1 was.
    await client.change(uri, 2, text.replace('召开了', '召开了XX'));
    await client.diagnostics(uri, (p) => p.version === 2);
    const published = (client as unknown as { published: Array<{ uri: string; version?: number }> }).published;
    assert.equal(published.filter((p) => p.uri === uri && p.version === 1).length, 1);
    assert.equal(published.filter((p) => p.uri === uri && p.version === 2).length, 1);
  });

  it('serves the outline as nested document symbols', async () => {
    const uri = 'file:///work/self.md';
    await client.open(uri, example('self-examination.md'));
    await client.diagnostics(uri);
    const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, {
      textDocument: { uri },
    })) as DocumentSymbol[];
    assert.deepEqual(
      symbols.map((s) => s.name),
      ['局领导班子2025年度民主生活会对照检查材料', '一、存在的问题', '二、原因分析', '三、整改措施'],
    );
    assert.deepEqual(
      symbols[1].children!.map((s) => s.name),
      ['（一）在带头强化政治忠诚、提高政治能力方面', '（二）在带头干事创业、担当作为方面'],
    );
  });

  it('keeps serving other documents whatever one contains', async () => {
    const hostile = '\u0000'.repeat(10) + '>'.repeat(5000) + ' ' + '*'.repeat(20000) + '\n' + '- '.repeat(3000) + 'x';
    await client.open('file:///work/hostile.md', hostile);
    await client.diagnostics('file:///work/hostile.md');
    const uri = 'file:///work/after.md';
    await client.open(uri, example('draft-with-problems.md'));
    const p = await client.diagnostics(uri);
    assert.ok(p.diagnostics.length > 5);
  });

  it('checks the formulations the user adds in the settings', async () => {
    await client.stop();
    client = new LspClient();
    client.settings = { formulations: [{ name: '三严三实', kind: 'series', text: '严以修身、严以用权、严以律己', members: ['严以修身', '严以用权', '严以律己'] }] };
    // Settings that add or silence checks apply only in a trusted workspace (docs/security.md).
    await client.initialize(true, undefined, { trusted: true });
    const uri = 'file:///work/formulations.md';
    await client.open(uri, '---\ntemplate: org-life-meeting-report\n---\n一、会前准备情况\n做到严以用权、严以修身、严以律己。\n');
    const p = await client.diagnostics(uri);
    assert.ok(p.diagnostics.some((d) => d.code === 'standard-formulation' && /三严三实/.test(String(d.message))));
  });

  it('reads per-rule severity from the client settings', async () => {
    await client.stop();
    client = new LspClient();
    client.settings = { rules: { 'unfilled-placeholder': 'off', 'half-width-punctuation': 'error' } };
    // Settings that add or silence checks apply only in a trusted workspace (docs/security.md).
    await client.initialize(true, undefined, { trusted: true });
    const uri = 'file:///work/settings.md';
    await client.open(uri, example('draft-with-problems.md'));
    const p = await client.diagnostics(uri);
    assert.ok(!p.diagnostics.some((d) => d.code === 'unfilled-placeholder'));
    assert.equal(p.diagnostics.find((d) => d.code === 'half-width-punctuation')!.severity, 1);
  });
});

describe('party-report-lsp on the command line', () => {
  const run = (args: string[], env: Record<string, string>) =>
    spawnSync(process.execPath, [path.join(REPO, 'dist', 'server.js'), ...args], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', ...env } });

  it('--help speaks the environment language and exits 0; no transport is a usage error (exit 2)', () => {
    const zh = run(['--help'], { LANG: 'zh_CN.UTF-8' });
    assert.equal(zh.status, 0);
    assert.equal(zh.stderr, '用法：party-report-lsp --stdio\n党建报告语言服务器，经标准输入输出与编辑器通信（LSP）。\n');
    const en = run(['--help'], { LANG: 'en_US.UTF-8' });
    assert.equal(en.status, 0);
    assert.equal(en.stderr, 'Usage: party-report-lsp --stdio\nLanguage server for Party reports; talks to the editor over standard input and output (LSP).\n');
    const posix = run(['--help'], { LANG: 'C' });
    assert.match(posix.stderr, /^用法：/);
    assert.equal(run([], { LANG: 'en_US.UTF-8' }).status, 2);
  });
});
