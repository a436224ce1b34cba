/**
 * Export defects an external review of the DOCX export found, each read back from the XML: the
 * paragraphs' roles, order and properties (the layout ones are rendered in
 * export-review-render.test.ts). Each test failed before its fix.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { exportReport } from '../engine/export';
import { bodyParagraphs, readDocx } from './helpers/docx';
import { solidPng } from './helpers/png';

/** The text of a paragraph's runs. */
const textOf = (p: string) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');

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
});
