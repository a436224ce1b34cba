/** The built-in report types (every file in report-types/): they load, detect, and their skeletons make valid drafts. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { builtinTypes, lint, parseDefinition, renderDraft } from '../engine';
import { BUILTIN_TYPE_IDS, REPO } from './helpers/shared';

// Every definition shipped in report-types/, each with an example draft in examples/<id>.md.
const IDS = BUILTIN_TYPE_IDS;

describe('report types', () => {
  it('ships a type for each definition in report-types/, without load errors', () => {
    assert.ok(IDS.length >= 6);
    const { types, errors } = builtinTypes();
    assert.deepEqual(errors, []);
    assert.deepEqual(types.map((t) => t.id).sort(), IDS);
    for (const t of types) assert.ok(t.skeleton.includes('template: ' + t.id), `${t.id} skeleton names its type`);
  });

  for (const id of IDS) {
    it(`detects examples/${id}.md as ${id} and finds nothing at warning level in it`, () => {
      const text = fs.readFileSync(path.join(REPO, 'examples', `${id}.md`), 'utf8');
      const result = lint(text);
      assert.equal(result.type?.id, id);
      assert.deepEqual(
        result.diagnostics.filter((d) => d.severity === 'error' || d.severity === 'warning').map((d) => `${d.rule}: ${d.message}`),
        [],
      );
    });

    it(`renders a new ${id} draft that is detected as its type, without missing or empty sections`, () => {
      const type = builtinTypes().types.find((t) => t.id === id)!;
      const draft = renderDraft(type);
      const result = lint(draft);
      assert.equal(result.type?.id, id);
      // Only what the writer has yet to fill in is reported: nothing about the skeleton's own structure.
      assert.deepEqual(result.diagnostics.filter((d) => d.rule === 'missing-section' || d.rule === 'empty-section').map((d) => d.message), []);
      // Unanswered variables stay visible as placeholders.
      assert.ok(result.diagnostics.some((d) => d.rule === 'unfilled-placeholder'));
      // Also detected from its content alone, without the front matter.
      const body = draft.replace(/^---[\s\S]*?---\n/, '');
      assert.equal(lint(body).type?.id, id);
    });
  }

  it('finds titles and closings by the words in the types\' data (title.suffixes, closing.phrases)', () => {
    const base = builtinTypes().types;
    const minutes = parseDefinition(
      'id: group-minutes\nname: 党小组会议记录\ntitle:\n  suffixes: [记录]\nclosing:\n  phrases: [以上记录属实。]\nsections:\n  - id: basics\n    title: 会议基本情况\n',
      'group-minutes.yaml',
      '',
    );
    assert.ok('type' in minutes);
    const body = '第一党小组会议记录\n一、会议基本情况\n内容。\n以上记录属实。\n';
    const withType = lint(body, { types: [...base, minutes.type], template: 'group-minutes' }).model!;
    assert.equal(withType.title?.text, '第一党小组会议记录');
    assert.equal(withType.lines.find((l) => l.text === '以上记录属实。')?.role, 'closing');
    // Without that type's data neither is recognised: the words are data, not code.
    const without = lint(body, { types: base, template: 'org-life-meeting-report' }).model!;
    assert.equal(without.title, undefined);
    assert.equal(without.lines.find((l) => l.text === '以上记录属实。')?.role, 'body');
    // Each built-in type's example title is a title by its own endings, and its closings are closings.
    for (const type of base) {
      assert.ok(type.title.suffixes.length > 0, `${type.id}: title.suffixes`);
      if (type.title.example) {
        const model = lint(`${type.title.example}\n一、情况\n内容。\n${type.closing.phrases[0] ?? ''}\n`, { types: [type] }).model!;
        assert.equal(model.title?.text, type.title.example, `${type.id}: example title recognised`);
        if (type.closing.phrases[0]) assert.equal(model.lines.at(-1)?.role, 'closing', `${type.id}: closing recognised`);
      }
    }
  });

  it('gives ordinary Markdown no type and no diagnostics', () => {
    for (const text of [
      fs.readFileSync(path.join(REPO, 'examples', 'meeting-notes.md'), 'utf8'),
      fs.readFileSync(path.join(REPO, 'README.md'), 'utf8'),
      '# 读书笔记\n\n一、第一章\n\n内容,XX。\n',
    ]) {
      const result = lint(text);
      assert.equal(result.type, undefined);
      assert.deepEqual(result.diagnostics, []);
    }
  });

  it('honours template in front matter by id or by Chinese name', () => {
    assert.equal(lint('---\ntemplate: 述职报告\n---\n正文。').type?.id, 'duty-report');
    assert.equal(lint('---\ntemplate: self-examination\n---\n正文。').type?.id, 'self-examination');
    const text = '---\ntitle: 会议\ntemplate: 会议纪要\n---\n正文。';
    const unknown = lint(text);
    assert.equal(unknown.type, undefined);
    assert.equal(unknown.diagnostics[0].rule, 'front-matter');
    assert.match(unknown.diagnostics[0].message, /未知的报告类型/);
    // On the name, not on the whole block; quoted or not, with CRLF too.
    const at = (t: string) => { const d = lint(t).diagnostics[0]; return t.slice(d.span.start, d.span.end); };
    assert.equal(at(text), '会议纪要');
    assert.equal(at('---\r\ntemplate: "会议纪要"\r\n---\r\n正文。'), '会议纪要');
    assert.equal(at("---\n模板：x\n---\n正文。".replace('：', ': ')), 'x');
    // In an untrusted workspace its own types are not loaded: sure when the name is a withheld file's, a maybe otherwise.
    const untrusted = (name: string) => lint(`---\ntemplate: ${name}\n---\n正文。`, { withheldTypes: ['party-group-minutes'] }).diagnostics[0].message;
    assert.match(untrusted('party-group-minutes'), /本工作区未受信任，工作区自己定义的报告类型（party-group-minutes）没有加载。信任此工作区后即按它检查/);
    assert.match(untrusted('党小组会议记录'), /template 应为以下之一：.*如果"党小组会议记录"是其中之一，信任此工作区后即按它检查/);
  });

  it('says so when front matter that names the type cannot be read, in the writer\'s words; not for other Markdown', () => {
    const text = '---\ntemplate: duty-report\ntitle: "2025年度述职报告\n---\n今年以来，我认真履行职责。\n';
    const broken = lint(text);
    assert.equal(broken.type, undefined);
    assert.deepEqual(
      broken.diagnostics.map((d) => [d.rule, d.severity, d.range.start.line, d.message]),
      [['front-matter', 'error', 2, '文首 YAML 元数据有误：引号没有闭合（只写了前引号）。其中的 template 因此读不出来，本文稿没有按报告检查。请按“键: 值”的格式修改。']],
    );
    assert.equal(lint(text.replace('"2025', '2025')).type?.id, 'duty-report', 'checked once the quote is gone');
    // A blog post's broken front matter is not ours to report.
    assert.deepEqual(lint('---\ntitle: "博客\n---\n正文。\n').diagnostics, []);
    // A report's broken front matter, in the same words.
    const tabbed = lint('---\ntemplate: duty-report\n\ttitle: x\n---\n正文。\n');
    assert.match(tabbed.diagnostics[0]?.message ?? '', /文首 YAML 元数据有误：用了 Tab 缩进：只能用空格缩进/);
    // One error code, several mistakes: the advice follows the mistake.
    const said = (yaml: string) => lint(`---\ntemplate: duty-report\n${yaml}\n---\n正文。\n`).diagnostics[0]?.message ?? '';
    assert.match(said('title 2025年度'), /有一行不是“键: 值”的写法（少了冒号，或冒号后少了空格）/);
    assert.match(said('tags: [a, b'), /方括号或花括号没有闭合/);
    assert.match(said('  year: 2025'), /一行里有两个冒号，或一行多缩进了/);
    // A key named template inside another key is not the draft's type: other Markdown stays silent.
    assert.deepEqual(lint('---\nmeta:\n  template: post\ntitle: "abc\n---\n正文。\n').diagnostics, []);
  });

  it('extends: a built-in type, its detection patterns and its skeleton with the sections added, and only those', () => {
    const base = builtinTypes().types;
    // branch-work-summary's openings use lookaheads, which a workspace's own patterns may not: taken over, they load.
    const summary = parseDefinition('id: my-summary\nextends: branch-work-summary\nname: 本单位党支部工作总结\nsections:\n  - id: extra\n    title: 特色工作\n    hint: "写明{{#if x}}特色与{{name}}"\n    after: work\n', 'my-summary.yaml', '', base);
    assert.ok('type' in summary, JSON.stringify(summary));
    const draft = renderDraft(summary.type);
    assert.match(draft, /^---\ntemplate: my-summary\n/);
    // The hint as text, braces and all (full-width: never read as Handlebars), after the section it follows.
    assert.match(draft, /## 一、主要工作\n[\s\S]*\n## 二、特色工作\n\n【写明｛｛#if x｝｝特色与｛｛name｝｝】\n\n## 三、存在的问题\n/);
    assert.deepEqual(lint(draft, { types: [...base, summary.type] }).diagnostics.filter((d) => d.rule === 'missing-section'), []);
    // A section the parent's skeleton leaves out on purpose stays out of the child's new draft.
    const parent = base.find((x) => x.id === 'self-examination')!;
    const left = parent.sections.filter((x) => !new RegExp(`\\{\\{#section\\s+"${x.id}"`).test(parent.skeleton)).map((x) => x.title);
    const child = parseDefinition('id: my-exam\nextends: self-examination\nname: 本单位对照检查\nsections:\n  - id: added\n    title: 新增一节\n', 'my-exam.yaml', '', base);
    assert.ok('type' in child);
    const childDraft = renderDraft(child.type);
    assert.match(childDraft, /新增一节\n\n【写明本节内容】/);
    for (const title of left) assert.ok(!childDraft.includes(title) || renderDraft(parent).includes(title), `${title} is not added`);
  });

  it('reports a malformed definition instead of failing', () => {
    const bad = parseDefinition('id: [unclosed', 'bad.yaml', '');
    assert.ok('error' in bad && /YAML/.test(bad.error.message));
    const noName = parseDefinition('id: my-type\nsections: []', 'x.yaml', '');
    assert.ok('error' in noName && /name/.test(noName.error.message));
  });

  it('renders skeletons without HTML escaping or prototype access', () => {
    const type = builtinTypes().types.find((t) => t.id === 'duty-report')!;
    const draft = renderDraft(type, { values: { name: '张三 & <李四>', year: '2025' } });
    assert.ok(draft.includes('张三 & <李四>'));
    const evil = { ...type, skeleton: '{{constructor.constructor}}{{#with __proto__}}{{polluted}}{{/with}}' };
    assert.equal(renderDraft(evil).trim(), '');
  });
});
