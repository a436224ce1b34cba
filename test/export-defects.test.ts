/**
 * The export defects of issue #14 that show in the DOCX itself, each read back from the XML (the
 * layout ones are rendered in export-render-defects.test.ts). Numbers are the issue's.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { lint } from '../engine';
import { exportDocx, exportReport } from '../engine/export';
import { bodyParagraphs, docxText, readDocx } from './helpers/docx';
import { strFromU8, unzipSync } from 'fflate';

const lines = (s: string) => s.split(/\n+/).filter((p) => p.trim());
/** The text of a paragraph's runs. */
const textOf = (p: string) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');

/** A 4 × 2 red PNG, written for this test. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAQAAAACCAIAAADwyuo0AAAAEElEQVR4nGP4z8AARwzIHABvqgf5gNwAKAAAAABJRU5ErkJggg==', 'base64');

describe('export defects (issue #14), in the DOCX', function () {
  this.timeout(30000);

  const bareTable = [
    '第一党支部检视问题整改清单',
    '| 序号 | 存在问题 | 整改措施 | 责任人 | 整改时限 |',
    '| --- | --- | --- | --- | --- |',
    '| 1 | 理论学习不深入 | 制定学习计划 | 张三 | 立行立改 |',
    '特此报告。',
    '中共某局机关第一支部委员会',
    '2025年12月22日',
  ].join('\n');

  it('1. ends a table at its last row: the closing, signature and date are not table rows', async () => {
    const { document } = readDocx(await exportDocx(bareTable));
    const table = /<w:tbl>[\s\S]*<\/w:tbl>/.exec(document)![0];
    assert.equal((table.match(/<w:tr>/g) ?? []).length, 2, 'header and one row');
    assert.doesNotMatch(table, /特此报告|委员会|2025年12月22日/);
    const after = bodyParagraphs(document).map(textOf).filter(Boolean);
    assert.deepEqual(after.slice(-3), ['特此报告。', '中共某局机关第一支部委员会', '2025年12月22日']);
  });

  it('1. lint says a table swallowed the line under it, and its fix adds the blank line', () => {
    const result = lint(bareTable);
    const d = result.diagnostics.find((x) => x.rule === 'table-blank-line');
    assert.ok(d, 'reported');
    assert.equal(bareTable.slice(d.span.start, d.span.end), '特此报告。');
    assert.equal(d.fix?.edits[0].newText, '\n');
    assert.equal(d.fix?.edits[0].span.start, bareTable.indexOf('特此报告'));
  });

  it('2. prints a footnote as a Word footnote, not "[^1]" and a paragraph', async () => {
    const text = '## 一、基本情况\n全年召开支部委员会12次[^1]。\n\n[^1]: 含扩大会议2次。\n';
    const parts = unzipSync(await exportDocx(text));
    const document = strFromU8(parts['word/document.xml']);
    assert.doesNotMatch(document, /\[\^1\]/);
    assert.doesNotMatch(document, /含扩大会议/);
    assert.match(document, /<w:footnoteReference w:id="1"\/>/);
    assert.match(strFromU8(parts['word/footnotes.xml']), /含扩大会议2次。/);
  });

  it('3. embeds an image read from beside the draft, centred, instead of printing its alt text', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'party-report-image-'));
    fs.writeFileSync(path.join(dir, '合影.png'), PNG);
    const text = '## 一、基本情况\n党员集中学习。\n\n![学习现场](合影.png)\n';
    const { docx, warnings } = await exportReport(text, { baseDir: dir });
    const parts = unzipSync(docx);
    assert.ok(Object.keys(parts).some((f) => /^word\/media\/.+\.png$/.test(f)), Object.keys(parts).join());
    const document = strFromU8(parts['word/document.xml']);
    assert.match(document, /<w:drawing>/);
    assert.doesNotMatch(bodyParagraphs(document).map(textOf).join(), /学习现场/);
    assert.deepEqual(warnings, []);
    // Missing: the alt text stays and the writer is told.
    const missing = await exportReport('## 一、基本情况\n![学习现场](不存在.png)\n', { baseDir: dir });
    assert.match(await docxText(missing.docx), /学习现场/);
    assert.match(missing.warnings.join(), /不存在\.png.*找不到文件/);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('4. keeps every heading with the paragraph after it', async () => {
    const { document, styles } = readDocx(await exportDocx('## 一、基本情况\n正文。\n### （一）学习情况\n正文。\n'));
    const heading = bodyParagraphs(document).find((p) => textOf(p) === '一、基本情况')!;
    assert.match(heading, /<w:keepNext\/>/);
    assert.match(/<w:style [^>]*w:styleId="Heading2"[\s\S]*?<\/w:style>/.exec(styles)![0], /<w:keepNext\/>/);
  });

  it('6. justifies body paragraphs (两端对齐)', async () => {
    const { document } = readDocx(await exportDocx('## 一、基本情况\n党支部2025年召开12次会议。\n'));
    const body = bodyParagraphs(document).find((p) => textOf(p).startsWith('党支部'))!;
    assert.match(body, /<w:jc w:val="both"\/>/);
  });

  it('7. hints at bullet lists, and short numbered items draw no empty-section warning', () => {
    const text = '---\ntemplate: branch-work-summary\n---\n一、基本情况\n- 组织学习\n- 开展活动\n二、主要工作\n（一）学习\n1. 制定计划；\n2. 集中学习；\n三、存在的问题\n学习不深。\n四、下一步工作打算\n加强学习。\n';
    const result = lint(text);
    const bullets = result.diagnostics.filter((d) => d.rule === 'bullet-list');
    assert.equal(bullets.length, 1);
    assert.equal(bullets[0].severity, 'hint');
    assert.match(bullets[0].message, /一是/);
    assert.deepEqual(result.diagnostics.filter((d) => d.rule === 'empty-section').map((d) => text.slice(d.span.start, d.span.end)), []);
  });

  it('9. takes a bare title ending in 发言提纲, 通报 or 工作要点 as the title', async () => {
    for (const title of ['在专题组织生活会上的发言提纲', '关于第一季度党建工作情况的通报', '第三党支部2026年党建工作要点']) {
      const { document } = readDocx(await exportDocx(`${title}\n一、总体要求\n坚持以党的政治建设为统领。\n`));
      const paragraphs = bodyParagraphs(document);
      assert.match(paragraphs[0], /<w:pStyle w:val="Title"\/>/, title);
      assert.equal(textOf(paragraphs[0]), title);
      assert.equal(paragraphs.filter((p) => textOf(p) === title).length, 1, `${title} printed once`);
    }
  });

  it('11. prints fenced code and HTML blocks as text and says so', async () => {
    const text = '## 一、基本情况\n正文。\n\n```\n第一行 代码\n```\n\n<div>说明文字</div>\n\n结尾。\n';
    const { docx, warnings } = await exportReport(text);
    const back = lines(await docxText(docx));
    assert.deepEqual(back, ['一、基本情况', '正文。', '第一行 代码', '说明文字', '结尾。']);
    assert.equal(warnings.length, 2);
    assert.match(warnings[0], /第 4 行的代码块/);
    assert.match(warnings[1], /第 8 行的 HTML 块/);
  });

  it('12. writes "附件：1.整改清单" without a space, and keeps the attachment note with the signature', async () => {
    const text = '---\n附件: [整改清单, 征求意见汇总表]\n署名: 第一党支部\n成文日期: 2025年12月22日\n---\n## 一、基本情况\n正文。\n';
    const { document } = readDocx(await exportDocx(text));
    const paragraphs = bodyParagraphs(document);
    const texts = paragraphs.map(textOf);
    assert.ok(texts.includes('附件：1.整改清单'), texts.join('|'));
    assert.ok(texts.includes('2.征求意见汇总表'));
    // From the last body line to the signature, every paragraph keeps with the next.
    const from = texts.indexOf('正文。');
    const to = texts.indexOf('第一党支部');
    for (let i = from; i <= to; i++) assert.match(paragraphs[i], /<w:keepNext\/>/, `paragraph ${i} "${texts[i]}"`);
  });

  it('12. prints an attachment note written in the draft itself (no front matter) as the note, not dropping it', async () => {
    const text = ['## 一、基本情况', '正文。', '附件：1.整改清单', '2.征求意见汇总表', '第一党支部', '2025年12月22日', ''].join('\n');
    const { document } = readDocx(await exportDocx(text));
    const paragraphs = bodyParagraphs(document);
    const texts = paragraphs.map(textOf);
    assert.deepEqual(texts.slice(texts.indexOf('正文。')), ['正文。', '附件：1.整改清单', '2.征求意见汇总表', '第一党支部', '2025年12月22日']);
    // Set as the note (7.3.4): the names under the first line are indented past "附件：", not numbered headings.
    const note = paragraphs[texts.indexOf('2.征求意见汇总表')];
    const first = paragraphs[texts.indexOf('附件：1.整改清单')];
    const indent = (p: string) => Number(/<w:ind [^>]*w:(?:left|start)="(\d+)"/.exec(p)?.[1] ?? /w:firstLine="(\d+)"/.exec(p)?.[1] ?? 0);
    assert.ok(indent(note) > indent(first), `${indent(note)} > ${indent(first)}`);
    // One attachment takes no number (7.3.4), whether the draft numbered it or not.
    for (const note of ['附件：整改清单', '附件：1.整改清单']) {
      const single = bodyParagraphs(readDocx(await exportDocx(`## 一、基本情况\n正文。\n${note}\n第一党支部\n2025年12月22日\n`)).document).map(textOf);
      assert.ok(single.includes('附件：整改清单'), single.join('|'));
    }
  });

  it('13. sizes table columns by their content', async () => {
    const text = [
      '| 序号 | 问题 | 整改措施 | 责任人 | 时限 |',
      '| --- | --- | --- | --- | --- |',
      '| 1 | 学习不深入 | 制定学习计划，每月集中学习两次，撰写心得体会，开展专题研讨，组织知识测试 | 张三 | 12月底前 |',
    ].join('\n');
    const { document } = readDocx(await exportDocx(text));
    const cols = [...document.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    assert.equal(cols.length, 5);
    assert.ok(Math.abs(cols.reduce((a, b) => a + b, 0) - 8845) <= 5, `the table is the text block's width: ${cols}`);
    assert.ok(cols[2] > 2 * cols[3], `措施 wider than twice 责任人: ${cols}`);
    assert.ok(cols[0] < cols[1], `序号 narrower than 问题: ${cols}`);
  });
});
