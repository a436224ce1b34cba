/** The report model: one parse, lines as paragraphs, sections, and positions exactly as LSP counts. */
import * as assert from 'node:assert/strict';
import { buildModel, lint, LineIndex } from '../engine';

const HEAD = '---\ntemplate: org-life-meeting-report\n---\n';
const BODY = '一、会前准备情况\n一是学习。\n二、组织生活会召开情况\n会议召开。\n三、制定整改措施等情况\n会后整改。\n';

describe('report model', () => {
  it('splits a paragraph without blank lines into one paragraph per line', () => {
    const model = buildModel('第一段。\n第二段。\n一、标题\n第三段。');
    assert.deepEqual(model.lines.map((l) => l.text), ['第一段。', '第二段。', '一、标题', '第三段。']);
    assert.equal(model.sections.length, 1);
    assert.deepEqual(model.sections[0].body.map((l) => l.text), ['第三段。']);
  });

  it('reads the same structure from blank-line paragraphs and Markdown headings', () => {
    const bare = buildModel('一、会前准备情况\n学习。\n（一）集中学习\n内容。');
    const md = buildModel('## 一、会前准备情况\n\n学习。\n\n### （一）集中学习\n\n内容。');
    const shape = (m: ReturnType<typeof buildModel>) => m.sections.map((s) => [s.level, s.title, s.parent?.title]);
    assert.deepEqual(shape(md), shape(bare));
    assert.equal(md.markdownHeadings, true);
    assert.equal(bare.markdownHeadings, false);
  });

  it('treats CJK emphasis as bold (CJK-friendly emphasis)', () => {
    const model = buildModel('**一是深入学习。**X月以来，党支部组织学习。');
    const line = model.lines[0];
    assert.equal(line.text, '一是深入学习。X月以来，党支部组织学习。');
    assert.deepEqual(line.bold, [[0, 7]]);
    assert.equal(model.enumerations[0][0].text, '一是');
  });

  it('never checks code, inline code, HTML comments or link targets as prose', () => {
    const text = HEAD + BODY + '\n`XX,YY`与<!-- XX, -->[链接](http://x.cn/XX,a)\n\n```\nXX，,\n```\n';
    const found = lint(text).diagnostics.map((d) => d.rule);
    assert.deepEqual(found, []);
  });

  it('reads numbered list items as level-3 sections', () => {
    const model = buildModel('一、措施\n\n1. 加强学习\n2. 改进作风\n');
    assert.deepEqual(model.sections.map((s) => `${s.level}${s.numbering?.marker}${s.title}`), ['1一、措施', '31.加强学习', '32.改进作风']);
  });

  it('records tables with header and rows', () => {
    const model = buildModel('| 序号 | 问题 |\n| --- | --- |\n| 1 | 学习不够 |\n');
    assert.deepEqual(model.tables[0].header.map((c) => c.text), ['序号', '问题']);
    assert.deepEqual(model.tables[0].rows[0].map((c) => c.text), ['1', '学习不够']);
  });

  it('falls back to line-by-line reading instead of failing on pathological input', () => {
    const text = '>'.repeat(20000) + ' 内容\n' + '['.repeat(50000);
    const model = buildModel(text);
    assert.ok(Array.isArray(model.lines));
  });
});

describe('positions (UTF-16, as LSP counts)', () => {
  const comma = (text: string) => lint(text).diagnostics.filter((d) => d.rule === 'half-width-punctuation').map((d) => d.range);

  it('counts LF and CRLF files alike', () => {
    const lf = HEAD + BODY.replace('会议召开。', '会议召开,大家发言。');
    const crlf = lf.replace(/\n/g, '\r\n');
    const expected = [{ start: { line: 6, character: 4 }, end: { line: 6, character: 5 } }];
    assert.deepEqual(comma(lf), expected);
    assert.deepEqual(comma(crlf), expected);
  });

  it('counts a BOM as the editor does when it is in the text', () => {
    const text = '\ufeff' + HEAD + BODY.replace('会议召开。', '会议召开,大家发言。');
    const result = lint(text);
    assert.equal(result.type?.id, 'org-life-meeting-report');
    // The BOM is character 0 of line 0 only; line 6 is unaffected.
    assert.deepEqual(comma(text), [{ start: { line: 6, character: 4 }, end: { line: 6, character: 5 } }]);
  });

  it('counts emoji as two code units and full-width spaces as one', () => {
    const text = HEAD + BODY.replace('会议召开。', '\u3000\u3000会议😀召开,大家发言。');
    // "　　会议😀召开" is 2 + 2 + 2 + 2 = 8 code units before the comma.
    assert.deepEqual(comma(text), [{ start: { line: 6, character: 8 }, end: { line: 6, character: 9 } }]);
  });

  it('maps offsets and positions both ways', () => {
    const text = 'a\r\nb😀c\rd\ne';
    const index = new LineIndex(text);
    assert.deepEqual(index.positionAt(text.indexOf('c')), { line: 1, character: 3 });
    assert.deepEqual(index.positionAt(text.indexOf('d')), { line: 2, character: 0 });
    assert.equal(index.offsetAt({ line: 3, character: 0 }), text.indexOf('e'));
    assert.equal(index.lineCount, 4);
  });
});

describe('what an unfilled placeholder asks for', () => {
  const asked = (line: string) =>
    lint(`---\ntemplate: org-life-meeting-report\n---\n${line}\n`).diagnostics
      .filter((d) => d.rule === 'unfilled-placeholder')
      .map((d) => d.message);
  it('after the first digits of a year, only the digits left out (typing 2024 over "XX" of "20XX年" gave 202024年)', () => {
    assert.deepEqual(asked('20XX年X月。'), ['“XX”待填写：此处应填年份的后几位（与前面已写的数字合起来是完整年份，如 2024）。', '“X”待填写：此处应填月份（如 3）。']);
    assert.deepEqual(asked('XXXX年。'), ['“XXXX”待填写：此处应填年份（如 2024）。']);
  });
});

describe('heading-numbering says what its fix writes', () => {
  it('"一、三、二、": the last is to be 三、 (the fix numbers the level in order), not the 四、 after the 三、 before it', () => {
    const text = '---\ntemplate: org-life-meeting-report\n---\n一、会前准备情况\n内容。\n三、组织生活会召开情况\n内容。\n二、制定整改措施等情况\n内容。\n';
    const found = lint(text).diagnostics.filter((d) => d.rule === 'heading-numbering');
    assert.deepEqual(found.map((d) => d.message), [
      '一级标题序号“三、”不连续（上一个是“一、”），此处应为“二、”。请按顺序重新编号。',
      '一级标题序号“二、”不连续（上一个是“三、”），此处应为“三、”。请按顺序重新编号。',
    ]);
    assert.deepEqual(found[1].fix!.edits.map((e) => e.newText), ['二、', '三、']);
  });
});

describe('one mistake, one finding', () => {
  it('common-typo yields to standard-formulation and formulation-typo on the same words (一如继往 had an error and a warning)', () => {
    const rules = (line: string) =>
      lint(`---\ntemplate: org-life-meeting-report\n---\n一、会前准备情况\n${line}\n`).diagnostics
        .filter((d) => d.rule !== 'missing-section')
        .map((d) => `${d.rule} ${d.range.start.character}-${d.range.end.character}`);
    assert.deepEqual(rules('一如继往地支持。'), ['standard-formulation 0-4']);
    assert.deepEqual(rules('全新全意为人民服务。'), ['formulation-typo 0-9']);
    // Where nothing else speaks, the typo is still reported.
    assert.deepEqual(rules('严于律已，一如继往。'), ['common-typo 2-4', 'standard-formulation 5-9']);
  });
});

describe('inserted sections follow the draft', () => {
  it('at the level of the draft\'s own top-level headings ("# 一、" drafts get "# 二、", "## 一、" drafts "## 二、")', () => {
    for (const hashes of ['#', '##', '###']) {
      const text = `---\ntemplate: org-life-meeting-report\n---\n# 关于召开第三党支部专题组织生活会情况的报告\n\n${hashes} 一、会前准备情况\n\n内容。\n\n${hashes} 三、制定整改措施等情况\n\n内容。\n`;
      const missing = lint(text).diagnostics.find((d) => d.rule === 'missing-section')!;
      assert.ok(missing.fix!.edits[0].newText.startsWith(`${hashes} 二、组织生活会召开情况\n`), `${hashes}: ${missing.fix!.edits[0].newText.slice(0, 30)}`);
    }
  });

  it('in bold where the draft\'s headings are bold lines ("**一、……**", as pasted from Word); plain where they are plain', () => {
    const draft = (mark: string) => `---\ntemplate: org-life-meeting-report\n---\n${mark}一、会前准备情况${mark}\n会前集中学习。\n${mark}三、制定整改措施等情况${mark}\n会后制定整改清单。\n`;
    const inserted = (text: string) => lint(text).diagnostics.find((d) => d.rule === 'missing-section')!.fix!.edits[0].newText;
    assert.ok(inserted(draft('**')).startsWith('**二、组织生活会召开情况**\n'), inserted(draft('**')).slice(0, 30));
    assert.ok(inserted(draft('')).startsWith('二、组织生活会召开情况\n'), inserted(draft('')).slice(0, 30));
  });
});
