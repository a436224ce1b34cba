/**
 * Export defects an external review of the DOCX export found, each read back from the XML: the
 * paragraphs' roles, order and properties (the layout ones are rendered in
 * export-review-render.test.ts). Each test failed before its fix.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildModel, withImprintPageNumber } from '../engine';
import { exportReport } from '../engine/export';
import { imprintPageNumbered, layoutText } from '../engine/layout';
import { bodyParagraphs, readDocx, style } from './helpers/docx';
import { solidPng } from './helpers/png';
import { CLI_ENV, REPO } from './helpers/shared';

/** The text of a paragraph's runs, XML entities read. */
const textOf = (p: string) =>
  [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
    .map((m) => m[1])
    .join('')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
/** The runs of a paragraph (or a table), as XML. */
const runsOf = (xml: string) => xml.match(/<w:r>[\s\S]*?<\/w:r>/g) ?? [];

describe('export defects found by the external review, in the DOCX', function () {
  this.timeout(30000);
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'party-report-review-'));
    fs.writeFileSync(path.join(dir, '合影.png'), solidPng(400, 300));
    fs.writeFileSync(path.join(dir, '长图.png'), solidPng(300, 2000));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('1. gives a picture paragraph single (auto) line spacing, not the body\'s exact 28.95 pt that cuts it to one line', async () => {
    const text = '## 一、基本情况\n党员集中学习。\n\n![学习现场](合影.png)\n\n合影如上![小图](合影.png)所示。\n';
    const { document } = readDocx((await exportReport(text, { baseDir: dir })).docx);
    const pictures = bodyParagraphs(document).filter((p) => p.includes('<w:drawing>'));
    assert.equal(pictures.length, 2);
    for (const p of pictures) {
      assert.match(p, /<w:spacing [^>]*w:line="240"[^>]*w:lineRule="auto"|<w:spacing [^>]*w:lineRule="auto"[^>]*w:line="240"/, p.slice(0, 400));
      assert.doesNotMatch(p, /w:lineRule="exact"/);
    }
    // Text paragraphs keep the exact line pitch.
    const body = bodyParagraphs(document).find((p) => textOf(p) === '党员集中学习。')!;
    assert.match(body, /w:line="579"[^>]*w:lineRule="exact"|w:lineRule="exact"[^>]*w:line="579"/);
  });

  it('2. scales a tall picture to 20 of the text block\'s 22 lines, not only to its width', async () => {
    const { document } = readDocx((await exportReport('正文。\n\n![长图](长图.png)\n', { baseDir: dir })).docx);
    const [, cx, cy] = /<wp:extent cx="(\d+)" cy="(\d+)"\/>/.exec(document)!.map(Number);
    const EMU_PER_TWIP = 635;
    const maxHeight = 20 * 579 * EMU_PER_TWIP;
    assert.ok(cy <= maxHeight, `${cy} EMU high, at most ${maxHeight}`);
    assert.ok(cy > maxHeight - 20 * EMU_PER_TWIP, `as tall as allowed: ${cy}`);
    assert.ok(Math.abs(cx / cy - 300 / 2000) < 0.01, `aspect kept: ${cx} × ${cy}`);
  });

  it('9. breaks the 抄送 names one character short of the right edge (7.4.2 左右各空一字), keeping its rules as wide as the text block', async () => {
    const names = ['局办公室', '局人事处', '局财务处', '局机关纪委', '局综合处', '局政策法规处', '局机关服务中心', '局离退休干部处'];
    const text = `---\n抄送: [${names.join(', ')}]\n印发机关: 中共某局机关第三支部委员会\n印发日期: 2025年12月23日\n---\n正文。\n`;
    const { footers } = readDocx((await exportReport(text)).docx);
    const copyTo = footers.flatMap((f) => f.match(/<w:p>[\s\S]*?<\/w:p>/g) ?? []).find((p) => textOf(p).startsWith('抄送：'))!;
    assert.ok(copyTo, 'the 抄送 paragraph');
    // No right indent: it would shorten the rules (paragraph borders follow the indents).
    assert.doesNotMatch(copyTo, /w:right=|w:end=/);
    const lines = copyTo.split('<w:br/>').map(textOf);
    assert.ok(lines.length >= 2, lines.join(' / '));
    assert.equal(lines.join(''), `抄送：${names.join('，')}。`);
    // 4号 in a 156 mm text block: 31 characters, less one on each side; the names start after 抄送：.
    for (const line of lines) assert.ok([...line].length <= 29, `"${line}" is ${[...line].length} characters`);
    assert.ok(lines.slice(0, -1).every((l) => l.endsWith('，')), `broken between names: ${lines.join(' / ')}`);
  });

  it('10. sets level-3 and level-4 headings in the body\'s font when only the body\'s is given (--font body=仿宋)', async () => {
    const eastAsia = (xml: string) => /w:eastAsia="([^"]*)"/.exec(xml)?.[1];
    const { styles } = readDocx((await exportReport('一、总体情况\n（一）学习\n1.集中学习\n（1）读原著\n正文。\n', { fonts: { body: '仿宋' } })).docx);
    assert.equal(eastAsia(style(styles, 'Heading3')), '仿宋');
    assert.equal(eastAsia(style(styles, 'Heading4')), '仿宋');
    assert.equal(eastAsia(style(styles, 'Heading1')), '黑体', 'the other headings keep their own faces');
    // A heading font given explicitly still wins.
    const own = readDocx((await exportReport('正文。\n', { fonts: { body: '仿宋', heading3: '楷体' } })).docx).styles;
    assert.equal(eastAsia(style(own, 'Heading3')), '楷体');
    assert.equal(eastAsia(style(own, 'Heading4')), '仿宋');
  });

  it('8. breaks the title where the writer did: a line break in front matter (quoted or a YAML block) or <br> in a # title', async () => {
    const drafts = [
      '---\ntitle: "关于召开第三党支部专题组织生活会\\n情况的报告"\n---\n机关党委：\n正文。\n',
      '---\ntitle: |\n  关于召开第三党支部专题组织生活会\n  情况的报告\n---\n正文。\n',
      '# 关于召开第三党支部专题组织生活会<br>情况的报告\n\n正文。\n',
      '# 关于召开第三党支部专题组织生活会<br/>情况的报告\n\n正文。\n',
    ];
    for (const draft of drafts) {
      const { document, core } = readDocx((await exportReport(draft)).docx);
      const title = bodyParagraphs(document).find((p) => p.includes('<w:pStyle w:val="Title"/>'))!;
      const lines = title.split('<w:br/>').map(textOf);
      assert.deepEqual(lines, ['关于召开第三党支部专题组织生活会', '情况的报告'], draft);
      assert.doesNotMatch(title, /<w:t[^>]*>[^<]*\n/, 'no line break inside the text');
      assert.match(core, /<dc:title>关于召开第三党支部专题组织生活会情况的报告<\/dc:title>/);
    }
    // A line the writer made still too long for one line is broken further (words whole).
    const long = '---\ntitle: "中共某某市某某区某某局机关第三党支部关于召开学习贯彻习近平新时代中国特色社会主义思想主题教育\\n专题组织生活会情况的报告"\n---\n正文。\n';
    const title = bodyParagraphs(readDocx((await exportReport(long)).docx).document).find((p) => p.includes('<w:pStyle w:val="Title"/>'))!;
    const lines = title.split('<w:br/>').map(textOf);
    assert.ok(lines.length >= 3, lines.join(' / '));
    assert.equal(lines[lines.length - 1], '专题组织生活会情况的报告');
  });

  describe('11. inline Markdown', () => {
    it('breaks a paragraph at <br> as at a hard line break (it joined the two lines into one); a table cell stays one line for the checks and breaks where printed', async () => {
      const text = '第一句<br>第二句。\n\n第三句<br/>\n第四句。\n\n| 问题 | 措施 |\n| --- | --- |\n| 学习<br>不够 | 加强 |\n';
      const model = buildModel(text);
      assert.deepEqual(model.lines.filter((l) => l.block === 'paragraph').map((l) => l.text), ['第一句', '第二句。', '第三句', '第四句。']);
      assert.ok(model.lines.some((l) => l.block === 'tableCell' && l.text === '学习不够'));
      const { document } = readDocx((await exportReport(text)).docx);
      assert.deepEqual(bodyParagraphs(document).map(textOf).filter((t) => t.startsWith('第')), ['第一句', '第二句。', '第三句', '第四句。']);
      // In the cell: one paragraph, a line break between 学习 and 不够, in the DOCX and in the preview.
      const cell = /<w:tc>(?:(?!<\/w:tc>)[\s\S])*学习(?:(?!<\/w:tc>)[\s\S])*<\/w:tc>/.exec(document)![0];
      assert.deepEqual(cell.split('<w:br/>').map(textOf), ['学习', '不够']);
      const cellLines = layoutText(text).pages[0].lines.filter((l) => l.kind === 'cell').map((l) => l.text);
      assert.deepEqual(cellLines.slice(2), ['学习', '不够', '加强']);
    });

    it('decodes character references as CommonMark does (&amp; &nbsp; &lt; &#20013;), in the model and so in the DOCX', async () => {
      const text = '正文有&amp;实体&nbsp;和&lt;尖括号&gt;，&#20013;&#x6587;，\\&amp;是转义，&foo;不是实体。\n';
      assert.equal(buildModel(text).lines[0].text, '正文有&实体\u00a0和<尖括号>，中文，&amp;是转义，&foo;不是实体。');
      const { document } = readDocx((await exportReport(text)).docx);
      assert.equal(textOf(bodyParagraphs(document)[0]), '正文有&实体\u00a0和<尖括号>，中文，&amp;是转义，&foo;不是实体。');
      // Each decoded character points at its whole reference in the draft.
      const line = buildModel(text).lines[0];
      const at = line.text.indexOf('<');
      assert.equal(text.slice(line.starts[at], line.ends[at]), '&lt;');
    });

    it('prints ~~struck~~ text struck through, and keeps single tildes of ranges (3~5人) as written', async () => {
      const text = '原定~~每月一次~~每周一次集中学习，每组3~5人，开展10~20次。\n';
      const { document } = readDocx((await exportReport(text)).docx);
      const paragraph = bodyParagraphs(document)[0];
      assert.equal(textOf(paragraph), '原定每月一次每周一次集中学习，每组3~5人，开展10~20次。');
      const struck = runsOf(paragraph).filter((r) => /<w:strike\/>/.test(r)).map(textOf);
      assert.deepEqual(struck, ['每月一次']);
      // In a table cell too.
      const table = /<w:tbl>[\s\S]*<\/w:tbl>/.exec(readDocx((await exportReport('| 序号 | 措施 |\n| --- | --- |\n| 1 | ~~旧措施~~新措施 |\n')).docx).document)![0];
      assert.deepEqual(runsOf(table).filter((r) => /<w:strike\/>/.test(r)).map(textOf), ['旧措施']);
    });

    it('aligns table columns as the delimiter row marks them (:-: centre, --: right), the header row centred', async () => {
      const text = '| 序号 | 金额（万元） | 说明 |\n| :-: | --: | :-- |\n| 1 | 1,234.5 | 甲 |\n| 2 | 12.0 | 乙 |\n';
      const { document } = readDocx((await exportReport(text)).docx);
      const rows = /<w:tbl>[\s\S]*<\/w:tbl>/.exec(document)![0].match(/<w:tr>[\s\S]*?<\/w:tr>/g)!;
      const alignments = (row: string) => (row.match(/<w:p>[\s\S]*?<\/w:p>/g) ?? []).map((p) => /<w:jc w:val="(\w+)"\/>/.exec(p)?.[1]);
      assert.deepEqual(alignments(rows[0]), ['center', 'center', 'center']);
      for (const row of rows.slice(1)) assert.deepEqual(alignments(row), ['center', 'right', 'left']);
    });

    it('keeps **bold** in a table cell bold', async () => {
      const text = '| 序号 | 问题 |\n| --- | --- |\n| 1 | **作风不实**，落实不够 |\n';
      const table = /<w:tbl>[\s\S]*<\/w:tbl>/.exec(readDocx((await exportReport(text)).docx).document)![0];
      const bold = runsOf(table).filter((r) => /<w:b\/>/.test(r)).map(textOf);
      assert.deepEqual(bold, ['作风不实']);
      assert.ok(runsOf(table).some((r) => textOf(r) === '，落实不够' && !/<w:b\/>/.test(r)));
    });
  });

  it('5. does not keep the title with what follows (a tall 版头 moved title, 主送 and body to page 2), and warns when the body cannot start on page 1', async () => {
    const head = ['签发人: 张三', '发文机关标志: 中共某某局机关委员会文件', '发文字号: 机党〔2025〕3号', '份号: 1', '密级: 秘密', '紧急程度: 特急', '主送: 机关党委'];
    const longTitle = '中共某某市某某区某某局机关第三党支部关于召开学习贯彻习近平新时代中国特色社会主义思想主题教育专题组织生活会暨开展民主评议党员工作情况的报告';
    const draft = (title: string) => ['---', ...head, `title: ${title}`, '---', '根据通知要求，我支部召开了专题组织生活会。现将有关情况报告如下。', '一、会前准备情况', '正文内容。', ''].join('\n');
    const { docx, warnings } = await exportReport(draft(longTitle));
    const paragraphs = bodyParagraphs(readDocx(docx).document);
    const at = paragraphs.findIndex((p) => p.includes('<w:pStyle w:val="Title"/>'));
    assert.doesNotMatch(paragraphs[at], /<w:keepNext\/>/, 'the title');
    assert.doesNotMatch(paragraphs[at + 1], /<w:keepNext\/>/, 'the blank line under it');
    assert.equal(textOf(paragraphs[at + 2]), '机关党委：');
    assert.match(paragraphs[at + 2], /<w:keepNext\/>/, 'the 主送 keeps with the body');
    assert.equal(warnings.filter((w) => /首页排不下正文/.test(w)).length, 1, warnings.join('\n'));
    // A title that leaves room: no warning.
    assert.deepEqual((await exportReport(draft('关于召开第三党支部专题组织生活会情况的报告'))).warnings, []);
  });

  it('6. prints one attachment note when front matter names 附件 and the draft has its own note: all of the draft\'s note lines go, and the export says so', async () => {
    const note = ['附件：1.整改清单', '      2.征求意见汇总表'];
    const draft = (names: string) => ['---', 'title: 关于报送整改情况的报告', `附件: [${names}]`, '---', '机关党委：', '', '现将整改情况报告如下。', '', '特此报告。', '', ...note, '', '中共某局机关第三支部委员会', '2025年12月22日', ''].join('\n');
    const { docx, warnings } = await exportReport(draft('整改清单, 征求意见汇总表'));
    const texts = bodyParagraphs(readDocx(docx).document).map(textOf).filter(Boolean);
    assert.deepEqual(texts.slice(texts.indexOf('特此报告。')), ['特此报告。', '附件：1.整改清单', '2.征求意见汇总表', '中共某局机关第三支部委员会', '2025年12月22日']);
    assert.equal(warnings.length, 1, warnings.join('\n'));
    assert.match(warnings[0], /第 11 行的附件说明与文首元数据的“附件”重复/);
    // Names that differ: the front matter's are printed, and the warning names the draft's.
    const other = await exportReport(draft('整改清单, 学习计划'));
    const printed = bodyParagraphs(readDocx(other.docx).document).map(textOf);
    assert.ok(printed.includes('2.学习计划') && !printed.includes('2.征求意见汇总表'), printed.join(' / '));
    assert.match(other.warnings.join('\n'), /不一致.*整改清单、征求意见汇总表|整改清单、征求意见汇总表.*不一致/);
  });

  it('says when broken front matter left its title, 主送 and closing out of the export (it was silent)', async () => {
    const { warnings } = await exportReport(['---', 'title: [未闭合', '主送: 机关党委', '---', '', '正文。', ''].join('\n'));
    assert.equal(warnings.length, 1, warnings.join('\n'));
    assert.match(warnings[0], /^文首元数据第 \d+ 行有误（.+），其中的标题、主送机关、落款等都没有导出。请改正后再导出。$/);
    assert.deepEqual((await exportReport(['---', 'title: 关于报送整改情况的报告', '---', '', '正文。', ''].join('\n'))).warnings, []);
  });

  it('7. prints an attachment\'s title once when the writer typed it under "附件1" as well', async () => {
    const table = ['| 序号 | 问题 | 整改措施 |', '| --- | --- | --- |', '| 1 | 理论学习不够深入 | 制定计划 |'];
    for (const under of ['整改清单', '# 整改清单']) {
      const text = ['# 关于报送整改情况的报告', '', '现将整改情况报告如下。', '', '附件：整改清单', '', '附件1', '', under, '', ...table, ''].join('\n');
      const paragraphs = bodyParagraphs(readDocx((await exportReport(text)).docx).document);
      const after = paragraphs.slice(paragraphs.findIndex((p) => textOf(p) === '附件1'));
      const titles = after.filter((p) => textOf(p) === '整改清单');
      assert.equal(titles.length, 1, after.map(textOf).join(' / '));
      assert.match(titles[0], /<w:pStyle w:val="Title"\/>/, 'printed as the attachment\'s title (7.3.7)');
    }
  });

  describe('3. the closing when attachment pages follow, and a 附注 after the date', () => {
    const head = ['# 关于报送整改情况的报告', '', '机关党委：', '', '现将整改情况报告如下。', '', '特此报告。', '', '附件：1.整改清单', '      2.征求意见汇总表', '', '中共某局机关第三支部委员会', '2025年12月22日', ''];
    const closing = async (text: string) => {
      const paragraphs = bodyParagraphs(readDocx((await exportReport(text)).docx).document);
      const texts = paragraphs.map(textOf);
      return { paragraphs, texts, at: (t: string) => paragraphs[texts.indexOf(t)] };
    };

    it('finds the signature and date before "附件1" and "附件2" pages and sets them as the closing, after the note', async () => {
      const text = [...head, '附件1', '', '整改清单正文。', '', '附件2', '', '汇总表正文。', ''].join('\n');
      const roles = buildModel(text).lines.map((l) => `${l.role}:${l.text.trim()}`);
      assert.ok(roles.includes('signature:中共某局机关第三支部委员会') && roles.includes('date:2025年12月22日'), roles.join(' / '));
      const { texts, at } = await closing(text);
      const from = texts.indexOf('特此报告。');
      assert.deepEqual(texts.slice(from, from + 5), ['特此报告。', '附件：1.整改清单', '2.征求意见汇总表', '中共某局机关第三支部委员会', '2025年12月22日']);
      // Set as the closing (7.3.5): no first-line indent, the signature two characters from the right.
      assert.match(at('中共某局机关第三支部委员会'), /<w:jc w:val="right"\/>/);
      assert.doesNotMatch(at('中共某局机关第三支部委员会'), /w:firstLine=/);
      assert.doesNotMatch(at('2025年12月22日'), /w:firstLine=/);
      // Then the two attachments, each on a page of its own.
      assert.deepEqual(texts.filter((t) => /^附件\d$/.test(t)), ['附件1', '附件2']);
      assert.ok(texts.indexOf('附件1') > texts.indexOf('2025年12月22日'));
    });

    it('prints a 附注 in brackets on the line after the date, two characters in (7.3.6), and lines the writer put after the date after it', async () => {
      const text = [...head, '（联系人：张三，电话：12345678）', '', '此页无正文。', ''].join('\n');
      const { texts, at } = await closing(text);
      const from = texts.indexOf('特此报告。');
      assert.deepEqual(texts.slice(from), ['特此报告。', '附件：1.整改清单', '2.征求意见汇总表', '中共某局机关第三支部委员会', '2025年12月22日', '（联系人：张三，电话：12345678）', '此页无正文。']);
      const note = at('（联系人：张三，电话：12345678）');
      assert.match(note, /<w:ind w:left="630"\/>|<w:ind w:start="630"\/>/, note);
      assert.match(at('2025年12月22日'), /<w:keepNext\/>/, 'the date keeps with its 附注');
    });
  });

  it('4. numbers the 版记\'s page when the layout puts no blank page before it (7.5), and only then', async () => {
    const front = ['title: 关于报送整改情况的报告', '署名: 中共某局机关第三支部委员会', '成文日期: 2025年12月22日', '抄送: [局办公室, 局人事处]', '印发机关: 中共某局机关第三支部委员会', '印发日期: 2025年12月23日'];
    const paragraph = '党支部坚持以习近平新时代中国特色社会主义思想为指导，深入学习贯彻党的二十大精神，认真落实全面从严治党主体责任。';
    const draft = (paragraphs: number) => ['---', ...front, '---', ...Array.from({ length: paragraphs }, () => paragraph), '特此报告。', ''].join('\n');
    assert.equal(imprintPageNumbered(draft(2)), true, 'text on page 1, 版记 on page 2');
    assert.equal(imprintPageNumbered(draft(12)), false, 'text to page 2, a blank page 3, 版记 on page 4');
    assert.equal(imprintPageNumbered('正文。\n'), undefined, 'no 版记');
    const imprintFooters = async (text: string) => readDocx((await exportReport(text, withImprintPageNumber(text, {}))).docx).footers.filter((f) => f.includes('抄送：'));
    const numbered = await imprintFooters(draft(2));
    assert.ok(numbered.length > 0 && numbered.every((f) => /<w:instrText[^>]*>PAGE<\/w:instrText>/.test(f)), 'the 版记\'s footers hold the page number');
    const unnumbered = await imprintFooters(draft(12));
    assert.ok(unnumbered.length > 0 && unnumbered.every((f) => !/PAGE/.test(f)));
    // Without page numbers, none.
    const off = readDocx((await exportReport(draft(2), { page: { pageNumbers: false }, numberImprintPage: true })).docx).footers;
    assert.ok(off.every((f) => !/PAGE/.test(f)));
    // The CLI exports it so (the bundle, as a writer runs it).
    const file = path.join(dir, '版记.md');
    fs.writeFileSync(file, draft(2));
    const run = spawnSync(process.execPath, [path.join(REPO, 'dist', 'cli.js'), 'export', file, '--force'], { encoding: 'utf8', env: CLI_ENV });
    assert.equal(run.status, 0, run.stderr);
    const fromCli = readDocx(fs.readFileSync(path.join(dir, '版记.docx'))).footers.filter((f) => f.includes('抄送：'));
    assert.ok(fromCli.length > 0 && fromCli.every((f) => /PAGE/.test(f)), 'numbered by the CLI');
  });
});
