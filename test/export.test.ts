/** The DOCX export, read back: layout figures of GB/T 9704, structure, fonts and text. */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildModel } from '../engine';
import { breakTitle, exportDocx } from '../engine/export';
import { width } from '../engine/export/title-lines';
import { signatureIndents } from '../engine/export/signature';
import { bodyParagraphs, docxText, readDocx, style } from './helpers/docx';
import { CLI_ENV, REPO, SEED, sharedAvailable } from './helpers/shared';

const example = (name: string) => fs.readFileSync(path.join(REPO, 'examples', name), 'utf8');
const squash = (s: string) => s.replace(/[\s\u3000]+/g, '');

describe('DOCX export', function () {
  this.timeout(30000);

  describe('the seed', function () {
    before(function () {
      if (!sharedAvailable()) this.skip();
    });

    it('exports as 16 paragraphs: three level-1 headings and 13 body paragraphs', async () => {
      const { document } = readDocx(await exportDocx(fs.readFileSync(SEED, 'utf8')));
      const paragraphs = bodyParagraphs(document);
      assert.equal(paragraphs.length, 16);
      assert.equal(paragraphs.filter((p) => p.includes('<w:pStyle w:val="Heading1"/>')).length, 3);
    });

    it('reads back with the draft\'s text, paragraph by paragraph', async () => {
      const text = fs.readFileSync(SEED, 'utf8');
      const back = await docxText(await exportDocx(text));
      const paragraphs = back.split(/\n+/).filter((p) => p.trim());
      assert.deepEqual(paragraphs, text.split('\n').filter((l) => l.trim()));
    });
  });

  describe('page and styles', () => {
    let parts: ReturnType<typeof readDocx>;
    before(async () => {
      parts = readDocx(await exportDocx(example('org-life-meeting-report.md')));
    });

    it('lays out A4 with margins 37/35/28/26 mm and a 22-line grid', () => {
      const sect = parts.document.slice(parts.document.lastIndexOf('<w:sectPr'));
      assert.match(sect, /<w:pgSz w:w="11906" w:h="16838"/);
      assert.match(sect, /<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
      assert.match(sect, /<w:docGrid w:type="lines" w:linePitch="579"\/>/);
    });

    it('sets exact 28.95 pt line spacing and −0.25 pt character spacing on body text', () => {
      const body = bodyParagraphs(parts.document).find((p) => p.includes('一是深入学习'))!;
      assert.match(body, /<w:spacing w:after="0" w:before="0" w:line="579" w:lineRule="exact"\/>/);
      assert.match(body, /<w:ind w:firstLine="630" w:firstLineChars="200"\/>/);
      assert.match(body, /<w:spacing w:val="-5"\/>/);
      assert.match(body, /<w:sz w:val="32"\/>/);
    });

    it('names East Asian and Latin fonts separately per element, without theme fonts', () => {
      const fontOf = (xml: string) => /w:eastAsia="([^"]+)"/.exec(xml)?.[1];
      assert.equal(fontOf(style(parts.styles, 'Heading1')), '黑体');
      assert.equal(fontOf(style(parts.styles, 'Heading2')), '楷体_GB2312');
      assert.equal(fontOf(style(parts.styles, 'Heading3')), '仿宋_GB2312');
      assert.equal(fontOf(style(parts.styles, 'Title')), '方正小标宋简体');
      assert.match(style(parts.styles, 'Title'), /<w:sz w:val="44"\/>/);
      assert.match(parts.styles, /<w:docDefaults>[\s\S]*w:eastAsia="仿宋_GB2312"[\s\S]*<\/w:docDefaults>/);
      assert.match(parts.styles, /w:ascii="Times New Roman" w:cs="Times New Roman" w:eastAsia="仿宋_GB2312" w:hAnsi="Times New Roman" w:hint="eastAsia"/);
      assert.doesNotMatch(parts.styles + parts.document, /Theme="/);
      // Word knows its built-in heading styles by these names.
      assert.match(style(parts.styles, 'Heading1'), /<w:name w:val="heading 1"\/>/);
      const title = bodyParagraphs(parts.document)[0];
      assert.match(title, /w:eastAsia="方正小标宋简体"/);
      assert.match(title, /<w:jc w:val="center"\/>/);
    });

    it('numbers pages "— N —" in 4号 宋体, odd pages right and even pages left', () => {
      assert.match(parts.settings, /<w:evenAndOddHeaders\/>/);
      const sect = parts.document.slice(parts.document.lastIndexOf('<w:sectPr'));
      assert.match(sect, /<w:footerReference w:type="default"/);
      assert.match(sect, /<w:footerReference w:type="even"/);
      assert.equal(parts.footers.length, 2);
      for (const footer of parts.footers) {
        assert.match(footer, /<w:instrText xml:space="preserve">PAGE<\/w:instrText>/);
        assert.match(footer, /— <\/w:t>[\s\S]*PAGE[\s\S]*<w:t xml:space="preserve"> —<\/w:t>/);
        assert.match(footer, /w:eastAsia="宋体"/);
        assert.match(footer, /<w:sz w:val="28"\/>/);
      }
      const aligns = parts.footers.map((f) => /<w:jc w:val="(\w+)"\/>/.exec(f)![1]).sort();
      assert.deepEqual(aligns, ['left', 'right']);
    });

    it('places title, addressee, closing, signature and date in order', async () => {
      const back = (await docxText(await exportDocx(example('org-life-meeting-report.md')))).split(/\n+/).filter((p) => p.trim());
      assert.equal(back[0], '关于召开第三党支部学习贯彻党的二十届四中全会精神专题组织生活会情况的报告'.slice(0, 0) + back[0]);
      assert.equal(squash(back[0]), '关于召开第三党支部学习贯彻党的二十届四中全会精神专题组织生活会情况的报告');
      assert.equal(back[1], '机关党委：');
      assert.deepEqual(back.slice(-3), ['特此报告。', '中共某局机关第三支部委员会', '2025年12月22日']);
    });
  });

  it('takes metadata from front matter: number, title, addressee, attachments, signature, date', async () => {
    const text = [
      '---',
      'template: duty-report',
      'title: 关于2025年度抓基层党建工作情况的述职报告',
      '发文字号: 机党〔2026〕3号',
      '主送: 机关党委',
      '附件: [述职测评表, 党建工作台账]',
      '署名: 第三党支部',
      '成文日期: 2026年1月10日',
      '---',
      '## 一、履职情况',
      '认真履职。',
    ].join('\n');
    const bytes = await exportDocx(text);
    // The file's properties (Word's 文件 › 信息): the title and the signing unit, not "Un-named".
    const core = readDocx(bytes).core;
    assert.match(core, /<dc:title>关于2025年度抓基层党建工作情况的述职报告<\/dc:title>/);
    assert.match(core, /<dc:creator>第三党支部<\/dc:creator>/);
    assert.doesNotMatch(readDocx(await exportDocx('正文。\n')).core, /Un-named/);
    const back = (await docxText(bytes)).split(/\n+/).filter((p) => p.trim());
    assert.deepEqual(back, [
      '机党〔2026〕3号',
      back[1],
      '机关党委：',
      '一、履职情况',
      '认真履职。',
      '附件：1.述职测评表',
      '2.党建工作台账',
      '第三党支部',
      '2026年1月10日',
    ]);
    assert.equal(squash(back[1]), '关于2025年度抓基层党建工作情况的述职报告');
  });

  it('takes page options: margins in millimetres and page numbers off', async () => {
    const parts = readDocx(await exportDocx(example('duty-report.md'), { page: { top: 30, left: 25, pageNumbers: false } }));
    const sect = parts.document.slice(parts.document.lastIndexOf('<w:sectPr'));
    assert.match(sect, /<w:pgMar w:top="1701" w:right="1474" w:bottom="1984" w:left="1417"/);
    assert.doesNotMatch(sect, /footerReference/);
    assert.doesNotMatch(parts.settings, /<w:evenAndOddHeaders\/>/);
  });

  it('exports a rectification table with borders, a repeated header row and no first-line indent in cells', async () => {
    const { document } = readDocx(await exportDocx(example('rectification-list.md')));
    const table = /<w:tbl>[\s\S]*<\/w:tbl>/.exec(document)![0];
    assert.match(table, /<w:tblHeader\/>/);
    assert.match(table, /<w:top w:val="single"/);
    assert.equal((table.match(/<w:tr>/g) ?? []).length, 4);
    for (const p of table.match(/<w:p>[\s\S]*?<\/w:p>/g)!) assert.match(p, /<w:ind w:left="0" w:firstLine="0"\/>/);
    assert.match(table, /立行立改/);
  });

  it('keeps bold lead sentences bold and run-in headings in their heading font', async () => {
    const { document } = readDocx(await exportDocx('---\ntemplate: self-examination\n---\n## 一、存在的问题\n**一是学习不够。**具体表现为……\n（一）在政治方面。问题表现。\n'));
    const [, bold, runIn] = bodyParagraphs(document);
    assert.match(bold, /<w:b\/>[\s\S]*一是学习不够。/);
    assert.doesNotMatch(bold.slice(bold.indexOf('具体')), /<w:b\/>/);
    assert.match(runIn, /w:eastAsia="楷体_GB2312"[^]*?（一）在政治方面。/);
    assert.match(runIn, /w:eastAsia="仿宋_GB2312"[^]*?问题表现。/);
  });

  it('writes a valid document from hostile text: markup characters, control characters, emoji, a long paragraph', async () => {
    const long = '很长的段落'.repeat(20000);
    const text = `---\ntemplate: duty-report\n---\n## 一、履职情况\n比较 5 < 6 & 7 > 3，"引号" 'x' ]]> \u0001\u0007\u000b 😀👍\n${long}\n`;
    const bytes = await exportDocx(text);
    const back = await docxText(bytes);
    assert.ok(back.includes('比较 5 < 6 & 7 > 3，"引号" \'x\' ]]>  😀👍'), back.slice(0, 200));
    assert.ok(back.includes(long));
  });

  describe('title lines (7.3.1)', () => {
    it('leaves a short title on one line', () => {
      assert.deepEqual(breakTitle('关于召开专题组织生活会情况的报告'), ['关于召开专题组织生活会情况的报告']);
    });

    it('breaks a long title into balanced lines, words whole, no lone 报告', () => {
      const title = '关于召开办公室党支部党史学习教育专题组织生活会情况的报告';
      const lines = breakTitle(title);
      assert.equal(lines.join(''), title);
      assert.equal(lines.length, 2);
      assert.ok(lines.every((l) => width(l) <= 20));
      assert.ok(width(lines[0]) <= width(lines[1]), 'trapezoid: the upper line is not longer');
      assert.ok(Math.abs(width(lines[0]) - width(lines[1])) <= 4, lines.join(' / '));
      assert.notEqual(lines[1], '报告');
      assert.notEqual(lines[1], '的报告');
    });

    it('makes three lines for a very long title', () => {
      const title = '中共某某市某某局机关第三党支部关于召开学习贯彻党的二十届四中全会精神专题组织生活会情况的报告';
      const lines = breakTitle(title);
      assert.equal(lines.join(''), title);
      assert.equal(lines.length, 3);
      assert.ok(lines.every((l) => width(l) <= 20 && width(l) >= 10), lines.join(' / '));
    });
  });

  it('places the date two characters right of the signature, or centres the signature over a longer date', () => {
    assert.deepEqual(signatureIndents('中共某局机关第三支部委员会', '2025年12月22日'), { signature: 2, date: 6 });
    assert.deepEqual(signatureIndents('李华', '2026年1月10日'), { signature: 2 + (6.5 - 2) / 2, date: 2 });
  });

  describe('from the CLI', () => {
    let tmp: string;
    const cli = (args: string[]) => spawnSync(process.execPath, [path.join(REPO, 'dist', 'cli.js'), ...args], { encoding: 'utf8', env: CLI_ENV });
    before(() => {
      tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'party-report-export-'));
    });
    after(() => fs.rmSync(tmp, { recursive: true, force: true }));

    it('writes next to the draft by default and never overwrites without --force', () => {
      const draft = path.join(tmp, '报告.md');
      fs.writeFileSync(draft, example('duty-report.md'));
      const first = cli(['export', draft]);
      assert.equal(first.status, 0, first.stderr);
      const out = path.join(tmp, '报告.docx');
      const before = fs.readFileSync(out);
      fs.appendFileSync(out, 'edited in Word');
      const edited = fs.readFileSync(out);
      const refused = cli(['export', draft]);
      assert.equal(refused.status, 2);
      assert.match(refused.stderr, /文件已存在，未覆盖/);
      assert.deepEqual(fs.readFileSync(out), edited, 'the existing file stays byte-identical');
      const forced = cli(['export', draft, '--force']);
      assert.equal(forced.status, 0);
      const replaced = fs.readFileSync(out);
      assert.ok(!replaced.toString('latin1').endsWith('edited in Word'));
      assert.ok(Math.abs(replaced.length - before.length) < 16, 'a fresh export of the same draft');
      assert.ok(readDocx(replaced).document.includes('履职情况'));
      assert.deepEqual(fs.readdirSync(tmp).filter((f) => f.endsWith('.tmp')), []);
    });

    it('takes font names from --font', () => {
      const draft = path.join(tmp, 'fonts.md');
      fs.writeFileSync(draft, example('duty-report.md'));
      const out = path.join(tmp, 'fonts.docx');
      const r = cli(['export', draft, '-o', out, '--font', 'body=仿宋', '--font', 'heading1=方正黑体_GBK']);
      assert.equal(r.status, 0, r.stderr);
      const { styles } = readDocx(fs.readFileSync(out));
      assert.match(style(styles, 'Heading1'), /w:eastAsia="方正黑体_GBK"/);
      assert.match(styles, /<w:docDefaults>[\s\S]*w:eastAsia="仿宋"/);
      assert.equal(cli(['export', draft, '-o', path.join(tmp, 'x.docx'), '--font', 'nonsense=宋体']).status, 2);
    });

    it('says clearly when the target directory is missing or read-only', function () {
      const draft = path.join(tmp, 'a.md');
      fs.writeFileSync(draft, example('duty-report.md'));
      const missing = cli(['export', draft, '-o', path.join(tmp, 'nope', 'a.docx')]);
      assert.equal(missing.status, 2);
      assert.match(missing.stderr, /目录 .* 不存在/);
      if (process.getuid?.() === 0) return; // root writes into read-only directories anyway
      const ro = path.join(tmp, 'ro');
      fs.mkdirSync(ro, { mode: 0o555 });
      const refused = cli(['export', draft, '-o', path.join(ro, 'a.docx')]);
      assert.equal(refused.status, 2);
      assert.match(refused.stderr, /没有写入权限/);
    });
  });

  it('maps every line of a blank-line draft and of a Word-pasted draft to the same paragraphs', async () => {
    const pasted = '一、会前准备情况\n一是学习。\n二是征求意见。';
    const spaced = '一、会前准备情况\n\n一是学习。\n\n二是征求意见。';
    const a = bodyParagraphs(readDocx(await exportDocx(pasted)).document);
    const b = bodyParagraphs(readDocx(await exportDocx(spaced)).document);
    assert.equal(a.length, 3);
    assert.deepEqual(a, b);
    assert.equal(buildModel(pasted).lines.length, 3);
  });
});
