/**
 * Export defects the external review found that show in the layout, rendered with LibreOffice and
 * measured with poppler (page numbers, text positions, pictures' ink). Each test failed before its
 * fix. Skips where LibreOffice or poppler is missing, except in CI.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { exportReport } from '../engine/export';
import { inkBox, pageImage, RED_INK } from './helpers/pixels';
import { solidPng } from './helpers/png';
import { allPrintedLines, soffice, toPdf, which } from './helpers/render';

const TOP = 37; // 天头, mm
const BOTTOM = 297 - 35; // the text block's bottom edge

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
});
