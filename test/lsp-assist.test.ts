/** Quick fixes, fix-all, completions and hovers, over the real server connection. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CodeActionRequest,
  CompletionRequest,
  HoverRequest,
  type CodeAction,
  type CompletionItem,
  type Diagnostic,
  type MarkupContent,
} from 'vscode-languageserver-protocol/node';
import { lint, RULES } from '../engine';
import { LspClient } from './helpers/lsp-client';
import { parseMarked } from './helpers/marked';
import { REPO } from './helpers/shared';

const FIXTURES = path.join(REPO, 'test', 'fixtures', 'rules');
// The registry says which rules offer fixes (test/registry.test.ts holds it to the fixtures).
// The roster rules need the unit's roster (a workspace with .party-report/roster.yaml): their fixes
// are exercised over LSP in test/unit-data.test.ts, with that workspace open.
const NEEDS_WORKSPACE = ['roster', 'roster-name'];
const FIXABLE = RULES.filter((r) => r.fixable && !NEEDS_WORKSPACE.includes(r.id)).map((r) => r.id);

function apply(text: string, action: CodeAction, uri: string): string {
  const edits = action.edit?.changes?.[uri];
  assert.ok(edits && edits.length > 0, `action "${action.title}" has edits`);
  return TextDocument.applyEdits(TextDocument.create(uri, 'markdown', 1, text), edits);
}

describe('writing assistance over LSP', function () {
  this.timeout(60000);
  let client: LspClient;
  let n = 0;
  const actionsFor = (uri: string, d: Diagnostic, only?: string[]) =>
    client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: d.range,
      context: { diagnostics: [d], only },
    }) as Promise<CodeAction[]>;

  before(async () => {
    client = new LspClient();
    await client.initialize(false, undefined, { editorCommands: true });
  });
  after(async () => client.stop());

  async function openDoc(text: string) {
    const uri = `file:///work/assist-${++n}.md`;
    await client.open(uri, text);
    const p = await client.diagnostics(uri);
    return { uri, diagnostics: p.diagnostics };
  }

  for (const rule of FIXABLE) {
    it(`${rule}: every quick fix removes its finding and changes nothing outside its range`, async () => {
      let fixed = 0;
      for (const file of fs.readdirSync(path.join(FIXTURES, rule)).filter((f) => f.startsWith('fail'))) {
        const { text } = parseMarked(fs.readFileSync(path.join(FIXTURES, rule, file), 'utf8'));
        const { uri, diagnostics } = await openDoc(text);
        const mine = diagnostics.filter((d) => d.code === rule);
        for (const d of mine) {
          const actions = await actionsFor(uri, d);
          const fix = actions.find((a) => a.kind === 'quickfix' && !a.title.startsWith('在此行忽略') && !a.title.startsWith('修复本文件中所有'));
          if (!fix) continue;
          fixed++;
          const after = apply(text, fix, uri);
          const edits = fix.edit!.changes![uri];
          const doc = TextDocument.create(uri, 'markdown', 1, text);
          const first = Math.min(...edits.map((e) => doc.offsetAt(e.range.start)));
          const last = Math.max(...edits.map((e) => doc.offsetAt(e.range.end)));
          assert.equal(after.slice(0, first), text.slice(0, first), 'text before the fix is unchanged');
          assert.equal(after.slice(after.length - (text.length - last)), text.slice(last), 'text after the fix is unchanged');
          const start = doc.offsetAt(d.range.start);
          const still = lint(after).diagnostics.filter((x) => x.rule === rule && x.span.start === start && x.message === d.message);
          assert.deepEqual(still, [], `${file}: "${fix.title}" leaves "${d.message}"`);
        }
      }
      // Not every finding of a rule need have a fix (an unpaired quote has none; a wrong closer has).
      assert.ok(fixed > 0, `at least one ${rule} finding in the failing fixtures offers a fix`);
    });
  }

  it('inserts a missing section at its place, numbered to fit, in the document\'s heading style', async () => {
    const text = fs.readFileSync(path.join(REPO, 'examples', 'draft-with-problems.md'), 'utf8');
    const { uri, diagnostics } = await openDoc(text);
    const d = diagnostics.find((x) => x.code === 'missing-section')!;
    const fix = (await actionsFor(uri, d)).find((a) => a.title.startsWith('插入'))!;
    const after = apply(text, fix, uri);
    const lines = after.split('\n');
    const at = lines.indexOf('二、组织生活会召开情况');
    assert.ok(at > 0, 'bare heading, numbered 二');
    assert.match(lines[at - 1], /^四是/, 'after the preceding section\'s content');
    assert.equal(lines[at + 1].startsWith('#'), false);
    assert.ok(lines.includes('三、制定整改措施等情况。'), 'the next section is renumbered');
    const result = lint(after);
    assert.deepEqual(result.diagnostics.filter((x) => x.rule === 'missing-section'), []);
    assert.deepEqual(result.diagnostics.filter((x) => x.rule === 'heading-numbering'), []);
  });

  it('fix-all applies every safe fix, one edit per changed line, and a second fix-all changes nothing', async () => {
    const text = fs.readFileSync(path.join(REPO, 'examples', 'draft-with-problems.md'), 'utf8');
    const { uri, diagnostics } = await openDoc(text);
    const actions = await actionsFor(uri, diagnostics[0], ['source.fixAll']);
    assert.equal(actions.length, 1);
    // One edit per changed line (one edit over lines 1–11 lost the editor's cursor and marks in between).
    const edits = actions[0].edit!.changes![uri];
    assert.ok(edits.length > 1, `${edits.length} edits`);
    assert.ok(edits.every((e) => e.range.start.line === e.range.end.line), JSON.stringify(edits.map((e) => e.range)));
    const lines = edits.map((e) => e.range.start.line);
    assert.deepEqual(lines, [...new Set(lines)].sort((a, b) => a - b), 'in order, one a line');
    const after = apply(text, actions[0], uri);
    const left = lint(after).diagnostics.filter((d) => d.fix?.safe);
    assert.deepEqual(left.map((d) => d.rule), []);
    const uri2 = `file:///work/assist-${++n}.md`;
    await client.open(uri2, after);
    const p = await client.diagnostics(uri2);
    const again = await actionsFor(uri2, p.diagnostics[0], ['source.fixAll']);
    assert.equal(again.length, 0, 'nothing left to fix');
    // The unsafe or unfixable findings are still there for the writer to decide.
    assert.ok(lint(after).diagnostics.some((d) => d.rule === 'unfilled-placeholder'));
  });

  it('offers "fix all of this kind" and "ignore on this line"', async () => {
    const text = '---\ntemplate: org-life-meeting-report\n---\n一、会前准备情况\n学习,研讨,交流。\n二、组织生活会召开情况\n会议召开,大家发言。\n三、制定整改措施等情况\n会后整改。\n';
    const { uri, diagnostics } = await openDoc(text);
    const d = diagnostics.find((x) => x.code === 'half-width-punctuation')!;
    const actions = await actionsFor(uri, d);
    const all = actions.find((a) => a.title.startsWith('修复本文件中所有此类问题'))!;
    assert.equal(apply(text, all, uri), text.replace(/,/g, '，'));
    const ignore = actions.find((a) => a.title.startsWith('在此行忽略'))!;
    const ignored = apply(text, ignore, uri);
    assert.ok(ignored.includes('<!-- party-report-disable-next-line half-width-punctuation -->\n学习,研讨'));
    const left = lint(ignored).diagnostics.filter((x) => x.rule === 'half-width-punctuation');
    assert.equal(left.length, 1, 'only the other line is still reported');
    assert.equal(left[0].range.start.line, 7);
  });

  it('does not offer "ignore on this line" where a comment line would change the draft: front matter, tables, lists', async () => {
    const text = [
      '---',
      'template: org-life-meeting-report',
      '---',
      '一、会前准备情况',
      '',
      '| 问题 | 措施 |',
      '| --- | --- |',
      '| 学习,不够 | 加强学习 |',
      '',
      '- 交流,研讨',
      '',
      '会前开展谈心谈话，',
      '征求意见,建议。',
      '',
      '会议召开,大家发言。',
      '',
    ].join('\n');
    const { uri, diagnostics } = await openDoc(text);
    const offered = async (line: number, rule: string) => {
      const d = diagnostics.find((x) => x.code === rule && x.range.start.line === line);
      assert.ok(d, `a ${rule} finding on line ${line}: ${JSON.stringify(diagnostics.map((x) => [x.code, x.range.start.line]))}`);
      return (await actionsFor(uri, d)).some((a) => a.title.startsWith('在此行忽略'));
    };
    assert.equal(await offered(7, 'half-width-punctuation'), false, 'table row');
    assert.equal(await offered(9, 'half-width-punctuation'), false, 'list item');
    assert.equal(await offered(12, 'half-width-punctuation'), true, 'the second line of a paragraph: each line is read as one');
    assert.equal(await offered(14, 'half-width-punctuation'), true, 'a paragraph of its own');
    // An unknown type in the front matter: a comment above the "---" would end the front matter.
    const unknown = await openDoc('---\ntemplate: 组织生活会报告\n---\n一、会前准备情况\n');
    const d = unknown.diagnostics.find((x) => x.code === 'front-matter')!;
    assert.ok(!(await actionsFor(unknown.uri, d)).some((a) => a.title.startsWith('在此行忽略')));
  });

  it('completes the next expected section at a line start, phrases inside a section, and formulations', async () => {
    const text = '一、会前准备情况\n一是深入学习。\n\n坚决做到四个意识\n';
    const { uri } = await openDoc('---\ntemplate: org-life-meeting-report\n---\n' + text);
    const complete = (line: number, character: number) =>
      client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line, character } }) as Promise<CompletionItem[]>;
    const atStart = await complete(6, 0);
    const labels = atStart.map((i) => i.label);
    assert.ok(labels.includes('二、组织生活会召开情况'), labels.join(' | '));
    assert.ok(labels.includes('三、制定整改措施等情况'));
    assert.ok(labels.includes('二是广泛征求意见建议。'), 'phrases of 会前准备情况');
    const afterName = await complete(6, '坚决做到四个意识'.length);
    assert.equal(afterName[0].label, '政治意识、大局意识、核心意识、看齐意识');
    // After "一是" (line 4 starts "一是深入学习"), a phrase of 二是 replaces the 一是: it gave 一是二是…….
    const afterOrdinal = (await complete(4, 2)).find((i) => i.label === '二是广泛征求意见建议。')!;
    assert.deepEqual((afterOrdinal.textEdit as { range: unknown }).range, { start: { line: 4, character: 0 }, end: { line: 4, character: 2 } });
    assert.equal(afterOrdinal.filterText, '一是二是广泛征求意见建议。');
    // On the heading's own line the section is being named: no phrases of its text.
    const onHeading = (await complete(3, '一、会前准备'.length)).map((i) => i.label);
    assert.ok(!onHeading.includes('二是广泛征求意见建议。'), onHeading.join(' | '));
  });

  it('offers the type\'s example title on the first line of a draft without one', async () => {
    const { uri } = await openDoc('---\ntemplate: org-life-meeting-report\n---\n\n一、会前准备情况\n内容。\n');
    const items = (await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line: 3, character: 0 } })) as CompletionItem[];
    const title = items.find((i) => i.label === '关于召开XX党支部XX专题组织生活会情况的报告');
    assert.ok(title, items.map((i) => i.label).join(' | '));
    assert.deepEqual(title.textEdit, { range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, newText: '# 关于召开XX党支部XX专题组织生活会情况的报告' });
    const later = (await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line: 6, character: 0 } })) as CompletionItem[];
    assert.equal(later.some((i) => i.label === title.label), false, 'not after the text has begun');
  });

  it('completes a heading after a "#" typed without its space, and over an indent in a draft of Markdown headings', async () => {
    const text = '---\ntemplate: org-life-meeting-report\n---\n# 关于召开第三党支部专题组织生活会情况的报告\n\n## 一、会前准备情况\n\n内容。\n\n#\n\n\u3000\u3000\n';
    const { uri } = await openDoc(text);
    const itemAt = async (line: number, character: number) => {
      const items = (await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line, character } })) as CompletionItem[];
      return items.find((i) => i.label === '二、组织生活会召开情况')?.textEdit;
    };
    assert.deepEqual(await itemAt(9, 1), { range: { start: { line: 9, character: 0 }, end: { line: 9, character: 1 } }, newText: '# 二、组织生活会召开情况' });
    assert.deepEqual(await itemAt(11, 2), { range: { start: { line: 11, character: 0 }, end: { line: 11, character: 2 } }, newText: '## 二、组织生活会召开情况' });
  });

  it('hovers on placeholders, formulations and findings', async () => {
    const text = '---\ntemplate: org-life-meeting-report\n---\n一、会前准备情况\n于XX月召开，增强四个意识。\n二、组织生活会召开情况\n会议召开。\n三、制定整改措施等情况\n会后整改。\n';
    const { uri } = await openDoc(text);
    const hoverAt = async (character: number) => {
      const h = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 4, character } });
      return (h?.contents as MarkupContent | undefined)?.value ?? '';
    };
    const onPlaceholder = await hoverAt(1);
    assert.match(onPlaceholder, /待填项/);
    assert.match(onPlaceholder, /showRuleDocs/);
    const onFormulation = await hoverAt('于XX月召开，增强四'.length);
    assert.match(onFormulation, /政治意识、大局意识、核心意识、看齐意识/);
  });
});

describe('completion and hover with the formulations a project and a user add', function () {
  this.timeout(60000);
  let client: LspClient;
  let dir: string;

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'party-report-formulations-'));
    fs.writeFileSync(
      path.join(dir, '.party-report.yaml'),
      'formulations:\n  - name: 两学一做\n    kind: series\n    text: 学党章党规、学系列讲话，做合格党员\n    members: [学党章党规, 学系列讲话, 做合格党员]\n',
    );
    client = new LspClient();
    client.settings = { formulations: [{ name: '三严三实', kind: 'series', text: '严以修身、严以用权、严以律己', members: ['严以修身', '严以用权', '严以律己'] }] };
    // The project file's formulations apply only in a trusted workspace (docs/security.md).
    await client.initialize(true, dir, { trusted: true });
  });
  after(async () => {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('completes and explains the project\'s and the user\'s formulations, not only the built-in ones', async () => {
    const uri = pathToFileURL(path.join(dir, 'draft.md')).toString();
    const text = '---\ntemplate: org-life-meeting-report\n---\n一、会前准备情况\n开展两学一做\n践行三严三实\n';
    await client.open(uri, text);
    await client.diagnostics(uri);
    const complete = async (line: number, character: number) =>
      ((await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line, character } })) as CompletionItem[]).map((i) => i.label);
    assert.ok((await complete(4, '开展两学一做'.length)).includes('学党章党规、学系列讲话，做合格党员'), 'the project file\'s formulation');
    assert.ok((await complete(5, '践行三严三实'.length)).includes('严以修身、严以用权、严以律己'), 'the user setting\'s formulation');
    const hoverAt = async (line: number, character: number) => {
      const h = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line, character } });
      return (h?.contents as MarkupContent | undefined)?.value ?? '';
    };
    assert.match(await hoverAt(4, 3), /规范表述：两学一做[\s\S]*学党章党规、学系列讲话，做合格党员/);
    assert.match(await hoverAt(5, 3), /规范表述：三严三实[\s\S]*严以修身、严以用权、严以律己/);
  });
});
