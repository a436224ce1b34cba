/**
 * Export defects the external review found that show in the layout, rendered with LibreOffice and
 * measured with poppler (page numbers, text positions, pictures' ink). Each test failed before its
 * fix. Skips where LibreOffice or poppler is missing, except in CI.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { withImprintPageNumber } from '../engine';
import { exportReport } from '../engine/export';
import { DARK_INK, horizontalRules, inkBox, pageImage, RED_INK } from './helpers/pixels';
import { solidPng } from './helpers/png';
import { allPrintedLines, pageCount, pageNumberBox, PT_PER_MM, soffice, toPdf, which } from './helpers/render';

const TOP = 37; // 天头, mm
const LEFT = 28; // 订口
const RIGHT = 210 - 26;
const BOTTOM = 297 - 35; // the text block's bottom edge
const CHAR4 = 14 / PT_PER_MM; // one 4号 character, 4.94 mm
const mmOf = (pt: number) => pt / PT_PER_MM;

describe('export defects found by the external review, rendered', function () {
  this.timeout(240000);
  let dir: string;
  before(function () {
    const missing = [soffice() ? '' : 'LibreOffice', which('pdftoppm') ? '' : 'poppler-utils'].filter(Boolean);
    if (missing.length > 0) {
      if (process.env.CI) throw new Error(`CI must install ${missing.join(' and ')} (see .ci/run)`);
      this.skip();
    }
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'party-report-review-render-'));
  });
  after(() => dir && fs.rmSync(dir, { recursive: true, force: true }));

  it('2. prints a tall picture whole inside the text block, with the line under it on the same page', async () => {
    fs.writeFileSync(path.join(dir, '长图.png'), solidPng(300, 2000));
    const { docx } = await exportReport('![长图](长图.png)\n\n图为学习现场。\n', { baseDir: dir });
    const pdf = toPdf(docx, 'tall-picture');
    const picture = inkBox(pageImage(pdf, 1, 75), RED_INK)!;
    assert.ok(picture, 'the picture is on page 1');
    assert.ok(picture.top >= TOP - 0.5 && picture.bottom <= BOTTOM + 0.5, `the picture spans ${picture.top.toFixed(1)}–${picture.bottom.toFixed(1)} mm`);
    assert.ok(picture.bottom - picture.top > 190, `scaled to the text block's height, not further: ${(picture.bottom - picture.top).toFixed(1)} mm`);
    const caption = allPrintedLines(pdf).find((l) => l.text.startsWith('图为学习现场'))!;
    assert.equal(caption.page, 1, 'the line under the picture stays on its page');
  });

  it('9. keeps every 抄送 line one character from the right edge, its rules as wide as the text block (7.4.1, 7.4.2)', async () => {
    const names = ['局办公室', '局人事处', '局财务处', '局机关纪委', '局综合处', '局政策法规处', '局机关服务中心', '局离退休干部处', '局信息中心'];
    const text = `---\n抄送: [${names.join(', ')}]\n印发机关: 中共某局机关第三支部委员会\n印发日期: 2025年12月23日\n---\n正文。\n`;
    const pdf = toPdf((await exportReport(text)).docx, 'copy-to');
    const last = pageCount(pdf);
    const lines = allPrintedLines(pdf).filter((l) => l.page === last);
    const from = lines.findIndex((l) => l.text.startsWith('抄送：'));
    const to = lines.findIndex((l) => l.text.startsWith('中共某局机关第三支部委员会'));
    const copyTo = lines.slice(from, to);
    assert.ok(copyTo.length >= 2, copyTo.map((l) => l.text).join(' / '));
    for (const l of copyTo) assert.ok(mmOf(l.xMax) <= RIGHT - CHAR4 + 0.6, `"${l.text}" ends ${(RIGHT - mmOf(l.xMax)).toFixed(1)} mm from the right edge`);
    for (const l of copyTo.slice(1)) assert.ok(Math.abs(mmOf(l.xMin) - (LEFT + 4 * CHAR4)) < 1, `"${l.text}" aligned after the colon`);
    const rules = horizontalRules(pageImage(pdf, last), DARK_INK, 100);
    assert.equal(rules.length, 3);
    for (const r of rules) assert.ok(Math.abs(r.left - LEFT) < 1 && Math.abs(r.right - RIGHT) < 1, `rule ${r.left.toFixed(1)}–${r.right.toFixed(1)} mm`);
  });

  it('5. keeps the title on page 1 under a tall 版头, and starts the body there when it fits (7.3.3)', async () => {
    const head = ['签发人: 张三', '发文机关标志: 中共某某局机关委员会文件', '发文字号: 机党〔2025〕3号', '份号: 1', '密级: 秘密', '紧急程度: 特急', '主送: 机关党委'];
    const draft = (title: string) => ['---', ...head, `title: ${title}`, '---', '根据通知要求，我支部召开了专题组织生活会。现将有关情况报告如下。', '一、会前准备情况', '正文内容。', ''].join('\n');
    const fiveLines = allPrintedLines(toPdf((await exportReport(draft('中共某某市某某区某某局机关第三党支部关于召开学习贯彻习近平新时代中国特色社会主义思想主题教育专题组织生活会暨开展民主评议党员工作情况的报告'))).docx, 'first-page-5'));
    const title = fiveLines.filter((l) => /中共某某市|第三党支部关于|习近平新时代|主题教育|民主评议党员/.test(l.text));
    assert.ok(title.length >= 4 && title.every((l) => l.page === 1), `the title on page 1: ${fiveLines.map((l) => `${l.page}|${l.text}`).join(' / ')}`);
    const shorter = allPrintedLines(toPdf((await exportReport(draft('中共某某局机关第三党支部关于召开学习贯彻习近平新时代中国特色社会主义思想主题教育专题组织生活会情况的报告'))).docx, 'first-page-fits'));
    const body = shorter.find((l) => l.text.startsWith('根据通知要求'))!;
    assert.equal(body.page, 1, shorter.map((l) => `${l.page}|${l.text}`).join(' / '));
  });

  describe('4. the 版记\'s page number (7.5: left off only when a blank page comes before the 版记\'s page)', () => {
    const front = ['title: 关于报送整改情况的报告', '主送: 机关党委', '署名: 中共某局机关第三支部委员会', '成文日期: 2025年12月22日', '抄送: [局办公室, 局人事处]', '印发机关: 中共某局机关第三支部委员会', '印发日期: 2025年12月23日'];
    const paragraph = '党支部坚持以习近平新时代中国特色社会主义思想为指导，深入学习贯彻党的二十大精神，认真落实全面从严治党主体责任。';
    const draft = (paragraphs: number) => ['---', ...front, '---', ...Array.from({ length: paragraphs }, () => paragraph), '特此报告。', ''].join('\n');
    /** Rendered as the CLI and the editor export it: the layout decides whether the 版记's page is numbered. */
    const render = async (text: string, name: string) => toPdf((await exportReport(text, withImprintPageNumber(text, {}))).docx, name);

    it('numbers the 版记\'s page after a text that ends on an odd page, under the 版记 at its usual place', async () => {
      const pdf = render(draft(2), 'imprint-numbered');
      const file = await pdf;
      assert.equal(pageCount(file), 2);
      const number = pageNumberBox(file, 2)!;
      assert.ok(number, 'a page number on the 版记\'s page');
      assert.equal(number.text.replace(/\s+/g, ''), '—2—');
      assert.ok(Math.abs(number.mmBelowText - 7) < 1, `${number.mmBelowText.toFixed(1)} mm below the text block`);
      assert.ok(Math.abs(mmOf(number.xMin) - (LEFT + CHAR4)) < 1.5, `even page: at the left, one character in (${mmOf(number.xMin).toFixed(1)} mm)`);
      // The 版记 stays where it was: its last rule on the text block's bottom edge.
      const rules = horizontalRules(pageImage(file, 2), DARK_INK, 100);
      assert.equal(rules.length, 3, 'the 版记\'s three rules');
      assert.ok(Math.abs(rules[rules.length - 1].y - BOTTOM) < 1, `last rule at ${rules[rules.length - 1].y.toFixed(1)} mm`);
    });

    it('leaves the blank page and the 版记\'s page unnumbered after a text that ends on an even page', async () => {
      const file = await render(draft(12), 'imprint-after-blank');
      assert.equal(pageCount(file), 4);
      assert.ok(pageNumberBox(file, 2), 'the text\'s last page is numbered');
      assert.equal(pageNumberBox(file, 3), undefined, 'the blank page');
      assert.equal(pageNumberBox(file, 4), undefined, 'the 版记\'s page');
      assert.ok(allPrintedLines(file).some((l) => l.page === 4 && l.text.startsWith('抄送：')));
    });
  });
});
