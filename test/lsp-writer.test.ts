/**
 * The writer's day over a real LSP connection: completions that replace what was typed, hovers
 * that say things once, Chinese labels, placeholder hints and actions, and settings and trust
 * that apply without a restart.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CodeActionRequest,
  CompletionRequest,
  DidChangeConfigurationNotification,
  HoverRequest,
  type CodeAction,
  type CompletionItem,
  type Diagnostic,
  type Hover,
  type MarkupContent,
  type TextEdit,
} from 'vscode-languageserver-protocol/node';
import { builtinFormulations, builtinTypes, lint, ruleRegistry, ruleTitle } from '../engine';
import { standardMarker } from '../engine/model/numbering';
import { LspClient } from './helpers/lsp-client';
import { REPO } from './helpers/shared';

/** The text a snippet inserts when its tab stops are left as they are. */
const snippetText = (s: string) => s.replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\\([\\$}])/g, '$1');

/** The line after accepting the item: its text edit applied, snippet syntax resolved. */
function accept(text: string, item: CompletionItem, line: number): string {
  const edit = item.textEdit as TextEdit;
  assert.ok(edit && 'range' in edit, `"${item.label}" carries a text edit`);
  const after = TextDocument.applyEdits(TextDocument.create('x', 'markdown', 1, text), [{ range: edit.range, newText: item.insertTextFormat === 2 ? snippetText(edit.newText) : edit.newText }]);
  return after.split('\n')[line];
}

describe('the writer over LSP', function () {
  this.timeout(60000);
  let client: LspClient;
  let n = 0;
  before(async () => {
    client = new LspClient();
    await client.initialize(false, undefined, { editorCommands: true });
  });
  after(async () => client.stop());

  async function openDoc(text: string) {
    const uri = `file:///work/writer-${++n}.md`;
    await client.open(uri, text);
    const p = await client.diagnostics(uri);
    return { uri, diagnostics: p.diagnostics };
  }
  const complete = (uri: string, line: number, character: number) =>
    client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line, character } }) as Promise<CompletionItem[]>;
  const hoverAt = async (uri: string, line: number, character: number) => {
    const h = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line, character } });
    return (h?.contents as MarkupContent | undefined)?.value ?? '';
  };
  const actionsFor = (uri: string, d: Diagnostic) =>
    client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } }) as Promise<CodeAction[]>;

  it('every formulation: typing its name (or its start) and accepting replaces what was typed', async () => {
    const lines: Array<{ typed: string; want: string; text: string }> = [];
    for (const f of builtinFormulations()) {
      if (f.name !== f.text) lines.push({ typed: '增强' + f.name, want: '增强' + f.text, text: f.text });
      lines.push({ typed: '增强' + f.text.slice(0, 2), want: '增强' + f.text, text: f.text });
      for (const w of f.wrong) lines.push({ typed: '学习' + w, want: '学习' + f.text, text: f.text });
    }
    const head = '---\ntemplate: org-life-meeting-report\n---\n一、会前准备情况\n';
    const text = head + lines.map((l) => l.typed).join('\n') + '\n';
    const { uri } = await openDoc(text);
    const offset = head.split('\n').length - 1;
    for (const [i, l] of lines.entries()) {
      const items = await complete(uri, offset + i, l.typed.length);
      const item = items.find((x) => x.label === l.text);
      assert.ok(item, `a completion for “${l.typed}”: ${items.map((x) => x.label).join(' | ')}`);
      assert.equal(accept(text, item, offset + i), l.want, `accepting after “${l.typed}”`);
    }
  });

  it('the bug of issue 18: 增强四个意识 + accept gives 增强政治意识、大局意识、核心意识、看齐意识', async () => {
    const text = '---\ntemplate: org-life-meeting-report\n---\n一、会前准备情况\n增强四个意识\n';
    const { uri } = await openDoc(text);
    const items = await complete(uri, 4, '增强四个意识'.length);
    assert.equal(accept(text, items[0], 4), '增强政治意识、大局意识、核心意识、看齐意识');
  });

  for (const type of builtinTypes().types) {
    it(`${type.id}: every section phrase replaces the start already typed, keeping the text before it`, async () => {
      const rows: Array<{ line: number; typed: string; phrase: string }> = [];
      const out = ['---', `template: ${type.id}`, '---'];
      type.sections.forEach((s, i) => {
        out.push(`${standardMarker(1, i + 1)}${s.title}`);
        for (const phrase of s.phrases) {
          // A clause already written, then the first two characters of the phrase.
          const typed = `会议认为，${phrase.slice(0, 2)}`;
          rows.push({ line: out.length, typed, phrase });
          out.push(typed);
        }
      });
      if (rows.length === 0) return;
      const text = out.join('\n') + '\n';
      const { uri } = await openDoc(text);
      for (const r of rows) {
        const items = await complete(uri, r.line, r.typed.length);
        const item = items.find((x) => x.label === r.phrase);
        assert.ok(item, `${type.id}: “${r.phrase}” offered after “${r.typed}”`);
        assert.equal(accept(text, item, r.line), `会议认为，${r.phrase}`);
      }
    });
  }

  it('hovers: the rule by its Chinese name linking to its description, and the fix; the message only where the editor shows it', async () => {
    const text = '---\ntemplate: org-life-meeting-report\n---\n一、会前准备情况\n于X月召开,大家发言。\n二、组织生活会召开情况\n会议召开。\n三、制定整改措施等情况\n会后整改。\n';
    const { uri } = await openDoc(text);
    const onComma = await hoverAt(uri, 4, '于X月召开'.length);
    assert.equal(onComma, '**[半角标点](command:partyReport.showRuleDocs?%5B%22half-width-punctuation%22%5D "打开规则说明")**：改为「，」（按 Ctrl+. 应用快速修复）\n\n依据：GB/T 15834—2011');
    // VS Code shows each diagnostic's message above the hover: the hover does not repeat it.
    const onX = await hoverAt(uri, 4, 1);
    assert.match(onX, /^\*\*\[待填项\]\(command:partyReport\.showRuleDocs\?%5B%22unfilled-placeholder%22%5D/);
    assert.doesNotMatch(onX, /月份|unfilled-placeholder\*\*|docs\/rules\.md|<!--/);
    assert.match(onX, /Ctrl\+Alt\+N/);
  });

  it('in another editor (Neovim, Helix…): no command links, no VS Code keys, no action that runs a command it lacks', async () => {
    const other = new LspClient();
    try {
      await other.initialize();
      const uri = 'file:///tmp/other-editor.md';
      const text = '---\ntemplate: org-life-meeting-report\n---\n一、会前准备情况\n于X月召开,大家发言。\n二、组织生活会召开情况\n会议召开。\n三、制定整改措施等情况\n会后整改。\n';
      await other.open(uri, text);
      const { diagnostics } = await other.diagnostics(uri);
      const hoverText = async (line: number, character: number) =>
        ((await other.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line, character } })) as Hover | null)?.contents as MarkupContent;
      assert.equal((await hoverText(4, '于X月召开'.length)).value, '**半角标点**：改为「，」（可用快速修复）\n\n依据：GB/T 15834—2011');
      assert.doesNotMatch((await hoverText(4, 1)).value, /command:|Ctrl/);
      const placeholder = diagnostics.find((d) => d.code === 'unfilled-placeholder')!;
      const actions = (await other.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: placeholder.range, context: { diagnostics: [placeholder] } })) as CodeAction[];
      assert.ok(actions.length > 0 && actions.every((a) => !a.command), actions.map((a) => a.title).join(' | '));
    } finally {
      await other.stop();
    }
  });

  it('hovers on a placeholder whose rule is off: what belongs there, from the context', async () => {
    const other = new LspClient();
    try {
      other.settings = { rules: { 'unfilled-placeholder': 'off' } };
      // Turning a rule off is for trusted workspaces only (docs/security.md).
      await other.initialize(true, undefined, { trusted: true });
      const uri = 'file:///work/writer-off.md';
      await other.open(uri, '---\ntemplate: org-life-meeting-report\n---\n一、会前准备情况\n于X月召开，XX同志主持。\n二、组织生活会召开情况\n会议召开。\n三、制定整改措施等情况\n会后整改。\n');
      await other.diagnostics(uri);
      const h = await other.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 4, character: '于X月召开，X'.length } });
      assert.equal((h?.contents as MarkupContent).value, '**待填项** `XX`：此处应填姓名。');
    } finally {
      await other.stop();
    }
  });

  it('placeholders: information, a hint from the context, and 下一个待填项 before 忽略', async () => {
    const text = '---\ntemplate: org-life-meeting-report\n---\n一、会前准备情况\n于XXXX年X月召开，XX同志主持，文号〔XXXX〕X号，征求意见X条。\n二、组织生活会召开情况\n会议召开。\n三、制定整改措施等情况\n会后整改。\n';
    const { uri, diagnostics } = await openDoc(text);
    const ph = diagnostics.filter((d) => d.code === 'unfilled-placeholder');
    assert.deepEqual(
      ph.map((d) => /应填([^（。]+)/.exec(String(d.message))?.[1]),
      ['年份', '月份', '姓名', '年份', '文号的序号', '数量'],
    );
    assert.ok(ph.every((d) => d.severity === 3), 'information');
    const actions = await actionsFor(uri, ph[1]);
    assert.match(actions[0].title, /^下一个待填项（共 6 项/);
    assert.equal(actions[0].command?.command, 'partyReport.nextPlaceholder');
    assert.ok(actions.findIndex((a) => a.title.startsWith('在此行忽略')) > 0);
  });

  it('every rule and engine code has a title, and docs/rules.md a heading that the hover link opens', () => {
    const docs = fs.readFileSync(path.join(REPO, 'docs', 'rules.md'), 'utf8');
    for (const r of ruleRegistry()) {
      assert.notEqual(ruleTitle(r.id), r.id, `${r.id} has a title`);
      if (r.kind === 'rule') assert.match(docs, new RegExp(`^## ${r.id}：`, 'm'), `docs/rules.md has “## ${r.id}：”`);
    }
  });

  it('placeholder hints from the context for every kind of mark (×, ＊, xx), and the mark\'s own words for 【…】', () => {
    const text = '---\ntemplate: org-life-meeting-report\n---\n一、会前准备情况\n于×月×日召开，＊＊同志主持，征求意见xx条，【填写地点】。\n二、组织生活会召开情况\n会议召开。\n三、制定整改措施等情况\n会后整改。\n';
    const said = lint(text).diagnostics.filter((d) => d.rule === 'unfilled-placeholder').map((d) => `${text.slice(d.span.start, d.span.end)} ${d.message}`);
    assert.deepEqual(
      said.map((m) => m.split(' ')[0] + ' ' + (/应填([^（。]+)/.exec(m)?.[1] ?? /按方括号/.exec(m)?.[0])),
      ['× 月份', '× 日期', '＊＊ 姓名', 'xx 数量', '【填写地点】 按方括号'],
    );
  });

  it('labels are all Chinese: fix-all and ignore name the rule by its title, not its id', async () => {
    const text = '---\ntemplate: org-life-meeting-report\n---\n一、会前准备情况\n学习,研讨,交流。\n二、组织生活会召开情况\n会议召开。\n三、制定整改措施等情况\n会后整改。\n';
    const { uri, diagnostics } = await openDoc(text);
    const titles = (await actionsFor(uri, diagnostics.find((d) => d.code === 'half-width-punctuation')!)).map((a) => a.title);
    assert.ok(titles.includes('修复本文件中所有此类问题（半角标点，2 处）'), titles.join(' | '));
    assert.ok(titles.includes('在此行忽略“半角标点”'), titles.join(' | '));
    assert.ok(titles.every((x) => !/[a-z]{3}/.test(x)), titles.join(' | '));
  });
});

describe('settings and trust apply without a restart', function () {
  this.timeout(60000);
  const draft = fs.readFileSync(path.join(REPO, 'examples', 'draft-with-problems.md'), 'utf8');

  it('partyReport.locale: a change re-checks open drafts in the new language', async () => {
    const client = new LspClient();
    try {
      client.settings = { locale: 'zh-CN' };
      await client.initialize(true, undefined, { locale: 'zh-CN' });
      const uri = 'file:///work/locale.md';
      await client.open(uri, draft);
      await client.diagnostics(uri, (p) => p.diagnostics.some((d) => String(d.message).startsWith('缺少')));
      client.settings = { locale: 'en' };
      await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
      const english = await client.diagnostics(uri, (p) => p.diagnostics.some((d) => String(d.message).startsWith('Missing section')));
      assert.ok(english.diagnostics.every((d) => /[A-Za-z]{3}/.test(String(d.message))));
      // And back, from the settings the client pushes with the notification.
      const seen = new Set((client as unknown as { published: unknown[] }).published);
      await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { partyReport: { locale: 'zh-CN' } } });
      const chinese = await client.diagnostics(uri, (p) => !seen.has(p) && p.diagnostics.some((d) => String(d.message).startsWith('缺少')));
      assert.ok(chinese.diagnostics.every((d) => /[\u4e00-\u9fff]/.test(String(d.message))));
    } finally {
      await client.stop();
    }
  });

  it('workspace trust granted: the project file applies at once', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'party-report-trust-'));
    fs.writeFileSync(path.join(dir, '.party-report.yaml'), 'rules:\n  half-width-punctuation: off\n');
    fs.writeFileSync(path.join(dir, 'draft.md'), draft);
    const client = new LspClient();
    try {
      await client.initialize(false, dir, { trusted: false });
      const uri = 'file://' + path.join(dir, 'draft.md');
      await client.open(uri, draft);
      await client.diagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'half-width-punctuation'));
      await client.connection.sendNotification('partyReport/trust', { trusted: true });
      await client.diagnostics(uri, (p) => p.diagnostics.length > 0 && !p.diagnostics.some((d) => d.code === 'half-width-punctuation'));
    } finally {
      await client.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
