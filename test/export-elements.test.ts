/**
 * The GB/T 9704 elements a report takes from front matter (版头, 签发人, 印章, 附注, 附件, 版记),
 * rendered with LibreOffice and measured from the PDF against the standard's figures (±1 mm):
 * text positions from poppler's word boxes, red ink and ruled lines from the page's pixels.
 */
import * as assert from 'node:assert/strict';
import { exportDocx } from '../engine/export';
import { docxText, readDocx } from './helpers/docx';
import { DARK_INK, horizontalRules, inkBox, pageImage, RED_INK } from './helpers/pixels';
import { allPrintedLines, pageCount, PT_PER_MM, soffice, toPdf, which, type TextLine } from './helpers/render';

const TOP = 37; // 天头
const LEFT = 28; // 订口
const RIGHT = 210 - 26;
const BOTTOM = 297 - 35; // the text block's bottom edge
const LINE = 225 / 22; // one line, 10.23 mm
const CHAR = 15.75 / PT_PER_MM; // one 3号 character with the body's spacing, 5.56 mm
const CHAR4 = 14 / PT_PER_MM; // one 4号 character, 4.94 mm
const near = (got: number, want: number, what: string, tolerance = 1) =>
  assert.ok(Math.abs(got - want) <= tolerance, `${what}: ${got.toFixed(1)} mm, expected ${want.toFixed(1)} ± ${tolerance} mm`);

const FRONT = [
  'template: org-life-meeting-report',
  '份号: 12',
  '密级: 秘密',
  '保密期限: 1年',
  '紧急程度: 特急',
  '发文机关标志: 中共某局机关委员会文件',
  '发文字号: 机党〔2025〕3号',
  'title: 关于召开第三党支部专题组织生活会情况的报告',
  '主送: 机关党委',
  '附件: [整改清单, 征求意见汇总表]',
  '署名: 中共某局机关第三支部委员会',
  '成文日期: 2025年12月22日',
  '印章: true',
  '附注: 联系人：张三，电话：12345678',
  '抄送: [局办公室, 局人事处]',
  '印发机关: 中共某局机关第三支部委员会',
  '印发日期: 2025年12月23日',
];
const BODY = [
  '一、会前准备情况',
  '党支部认真开展会前学习，广泛征求意见建议，深入开展谈心谈话。',
  '二、组织生活会召开情况',
  '会议由党支部书记主持，班子成员逐一开展批评和自我批评。',
  '特此报告。',
  '附件1',
  '| 序号 | 问题 | 整改措施 | 责任人 | 时限 |',
  '| --- | --- | --- | --- | --- |',
  '| 1 | 学习不深入 | 制定学习计划 | 张三 | 12月底前 |',
  '',
  '附件2',
  '征求意见共12条。',
];
const draft = (front: string[]) => ['---', ...front, '---', ...BODY].join('\n');

describe('GB/T 9704 elements from front matter', function () {
  this.timeout(240000);

  it('reads every element in the standard\'s order, 份号 as six digits and 密级★保密期限', async () => {
    const text = (await docxText(await exportDocx(draft(FRONT)))).split(/\n+/).filter((l) => l.trim());
    const order = ['000012', '秘密★1年', '特急', '中共某局机关委员会文件', '机党〔2025〕3号', '机关党委：', '一、会前准备情况', '附件：1.整改清单', '中共某局机关第三支部委员会', '2025年12月22日', '（联系人：张三，电话：12345678）', '附件1', '附件2'];
    let at = -1;
    for (const item of order) {
      const next = text.findIndex((l, i) => i > at && l.replace(/\s+/g, '') === item);
      assert.ok(next > at, `${item} after ${text[at]}: ${text.join(' / ')}`);
      at = next;
    }
  });

  it('without the new keys, exports exactly what it did: no 版头, no 版记, one section', async () => {
    const plain = ['---', 'template: org-life-meeting-report', '发文字号: 机党〔2025〕3号', 'title: 关于召开专题组织生活会情况的报告', '---', '一、会前准备情况', '认真准备。'].join('\n');
    const bytes = await exportDocx(plain);
    const text = (await docxText(bytes)).split(/\n+/).filter((l) => l.trim());
    assert.deepEqual(text.slice(0, 2), ['机党〔2025〕3号', '关于召开专题组织生活会情况的报告']);
    const { document } = readDocx(bytes);
    assert.equal((document.match(/<w:sectPr/g) ?? []).length, 1, 'one section');
    assert.doesNotMatch(document, /IssuerMark|HeadSpace|w:color w:val="FF0000"|<w:pBdr>|evenPage/);
    // 版记 alone (抄送) adds its even-page section and nothing above the title.
    const imprint = readDocx(await exportDocx(plain.replace('---\n一、', '抄送: 局办公室\n---\n一、')));
    assert.equal((imprint.document.match(/<w:sectPr/g) ?? []).length, 2);
    assert.match(imprint.document, /<w:type w:val="evenPage"\/>/);
    assert.doesNotMatch(imprint.document, /IssuerMark/);
  });

  describe('rendered', () => {
    let pdf: string;
    let lines: Array<TextLine & { page: number }>;
    const line = (start: string) => {
      const l = lines.find((x) => x.text.startsWith(start));
      assert.ok(l, `a printed line starting "${start}"`);
      return l;
    };
    const mmOf = (pt: number) => pt / PT_PER_MM;

    before(async function () {
      const missing = [soffice() ? '' : 'LibreOffice', which('pdftoppm') ? '' : 'poppler-utils'].filter(Boolean);
      if (missing.length > 0) {
        if (process.env.CI) throw new Error(`CI must install ${missing.join(' and ')} (see .ci/run)`);
        this.skip();
      }
      pdf = toPdf(await exportDocx(draft(FRONT)));
      lines = allPrintedLines(pdf);
    });

    it('份号, 密级★保密期限 and 紧急程度 on the first three lines, flush left (7.2.1–7.2.3)', () => {
      const img = pageImage(pdf, 1);
      ['000012', '秘密★1年', '特急'].forEach((text, i) => {
        const box = inkBox(img, DARK_INK, { from: TOP + i * LINE, to: TOP + (i + 1) * LINE })!;
        assert.ok(box, `${text} on line ${i + 1}`);
        near(box.left, LEFT, `${text} left edge`, 0.6);
        assert.equal(line(text).page, 1);
      });
    });

    it('发文机关标志 red and centred, its top 35 mm below the text block (7.2.4)', () => {
      const img = pageImage(pdf, 1);
      const mark = inkBox(img, RED_INK, { from: TOP + 3 * LINE, to: TOP + 60 })!;
      near(mark.top, TOP + 35, '标志 top');
      near((mark.left + mark.right) / 2, (LEFT + RIGHT) / 2, '标志 centre');
      assert.ok(mark.right - mark.left <= 156, 'within the text block');
    });

    it('the red separator line as wide as the text block, 4 mm below the 发文字号 (7.2.5, 7.2.7)', () => {
      const img = pageImage(pdf, 1);
      const rules = horizontalRules(img, RED_INK, 100);
      assert.equal(rules.length, 1);
      const [rule] = rules;
      near(rule.left, LEFT, 'line left end');
      near(rule.right, RIGHT, 'line right end');
      const number = line('机党〔2025〕3号');
      near((mmOf(number.xMin) + mmOf(number.xMax)) / 2, (LEFT + RIGHT) / 2, '发文字号 centre');
      const ink = inkBox(img, DARK_INK, { from: mmOf(number.yMin) - 1, to: rule.y - 0.5 })!;
      near(rule.y - ink.bottom, 4, 'line below the 发文字号');
      const mark = inkBox(img, RED_INK, { from: TOP + 3 * LINE, to: rule.y - 2 })!;
      assert.ok(ink.top - mark.bottom > 2 * LINE - 1 && ink.top - mark.bottom < 3 * LINE, '发文字号 two lines below the 标志');
      const title = line('关于召开第三党支部');
      assert.ok(mmOf(title.yMin) - rule.y > 2 * LINE - 1 && mmOf(title.yMin) - rule.y < 3 * LINE + 1, 'title two lines below the red line');
    });

    it('a sealed document: the date 4 characters from the right, the signature centred over it, the 附注 below (7.3.5.1, 7.3.6)', () => {
      const date = line('2025年12月22日');
      const signature = line('中共某局机关第三支部委员会');
      near(mmOf(date.xMax), RIGHT - 4 * CHAR, 'date right end');
      near((mmOf(signature.xMin) + mmOf(signature.xMax)) / 2, (mmOf(date.xMin) + mmOf(date.xMax)) / 2, 'signature centred over the date');
      const body = lines.filter((l) => l.page === signature.page && mmOf(l.yMax) < mmOf(signature.yMin)).pop()!;
      // Room for the seal: two blank lines between the last body line (or attachment note) and the signature.
      near(mmOf(signature.yMax) - mmOf(body.yMax), 3 * LINE, 'signature three lines below');
      const note = line('（联系人');
      near(mmOf(note.xMin), LEFT + 2 * CHAR, '附注 indent');
      near(mmOf(note.yMax) - mmOf(date.yMax), LINE, '附注 on the next line');
    });

    it('each attachment on a new page: "附件N" top left, its title on the third line (7.3.7)', () => {
      for (const [mark, title] of [['附件1', '整改清单'], ['附件2', '征求意见汇总表']]) {
        const label = lines.find((l) => l.text === mark)!;
        assert.ok(label, mark);
        const page = lines.filter((l) => l.page === label.page);
        assert.equal(page[0], label, `${mark} opens page ${label.page}`);
        near(mmOf(label.xMin), LEFT, `${mark} left`);
        assert.ok(mmOf(label.yMax) > TOP && mmOf(label.yMax) <= TOP + LINE + 0.5, `${mark} on the first line`);
        const heading = page.find((l) => l.text === title)!;
        assert.ok(heading, `${title} on page ${label.page}`);
        // The 2号 title's glyph box reaches a little below its 3号 line.
        assert.ok(mmOf(heading.yMin) >= TOP + 2 * LINE - 1 && mmOf(heading.yMax) <= TOP + 3 * LINE + 1.5, `${title} on the third line`);
      }
    });

    it('the 版记 at the foot of the last page, an even one, between its lines, with no page number (7.4, 7.5)', () => {
      const pages = pageCount(pdf);
      assert.equal(pages % 2, 0, `the last page is even (${pages})`);
      const copy = line('抄送：');
      assert.equal(copy.page, pages);
      near(mmOf(copy.xMin), LEFT + CHAR4, '抄送 one character in');
      const printed = line('中共某局机关第三支部委员会2025');
      assert.equal(printed.page, pages);
      near(mmOf(printed.xMin), LEFT + CHAR4, '印发机关 one character in');
      near(mmOf(printed.xMax), RIGHT - CHAR4, '印发日期 one character from the right');
      const rules = horizontalRules(pageImage(pdf, pages), DARK_INK, 100);
      assert.equal(rules.length, 3, 'first, middle and last line');
      for (const r of rules) {
        near(r.left, LEFT, 'line left end');
        near(r.right, RIGHT, 'line right end');
      }
      near(rules[2].y, BOTTOM, 'the last line on the text block\'s bottom edge');
      assert.ok(rules[0].y < mmOf(copy.yMin) && mmOf(copy.yMax) < rules[1].y && rules[1].y < mmOf(printed.yMin), 'the 抄送 between the first two lines, 印发 between the last two');
      assert.ok(rules[0].thickness >= rules[1].thickness, 'the first line is not thinner than the middle one');
      assert.deepEqual(lines.filter((l) => l.page >= pages - 1 && /^—\d+—$/.test(l.text)), [], 'no page number on the 版记 page or a blank page before it');
    });

    it('an upward document: 标志 80 mm down, 发文字号 left and 签发人 right on one line (7.2.4, 7.2.6)', async () => {
      const up = toPdf(await exportDocx(draft([...FRONT, '签发人: [李四, 王五]'])));
      const img = pageImage(up, 1);
      const mark = inkBox(img, RED_INK, { from: TOP + 3 * LINE, to: TOP + 100 })!;
      near(mark.top, TOP + 80, '标志 top');
      const row = allPrintedLines(up).find((l) => l.text.includes('签发人'))!;
      assert.match(row.text, /^机党〔2025〕3号签发人：李四王五$/);
      near(mmOf(row.xMin), LEFT + CHAR, '发文字号 one character from the left');
      near(mmOf(row.xMax), RIGHT - CHAR, '签发人 one character from the right');
      const [rule] = horizontalRules(img, RED_INK, 100);
      near(rule.right - rule.left, 156, 'red line width');
    });
  });
});
