/**
 * Renders an export with LibreOffice and checks the printed layout with poppler: 22 lines on every
 * full page, 28 characters on every full line, page numbers alternating sides, and the page count
 * the text predicts. CI installs LibreOffice, poppler and the fonts (.ci/run); elsewhere the test
 * skips when they are missing.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { exportDocx } from '../engine/export';
import { pageCount, pageLines, pageNumberBox, printedLines, soffice, toPdf, which } from './helpers/render';
import { REPO, SEED, sharedAvailable } from './helpers/shared';

const POOL = '党支部深入学习贯彻全会精神推动各项工作取得新成效坚持以人民为中心的发展思想强化理论武装提升能力素质';
const PER_LINE = 28;
const INDENT = 2;

/** A paragraph of exactly `lines` full lines: no punctuation but its closing full stop at a line end. */
function paragraph(lines: number, seed: number): string {
  const length = lines * PER_LINE - INDENT;
  let s = '';
  for (let i = 0; s.length < length - 1; i++) s += POOL[(seed * 7 + i) % POOL.length];
  return s + '。';
}

describe('DOCX export rendered by LibreOffice', function () {
  this.timeout(240000);
  const sizes = [5, 9, 3, 12, 7, 4, 10, 6, 8, 2];
  const expectedLines = sizes.reduce((a, b) => a + b, 0);
  let pdf: string;

  before(async function () {
    const missing = [soffice() ? '' : 'LibreOffice', which('pdftotext') ? '' : 'poppler-utils'].filter(Boolean);
    if (missing.length > 0) {
      if (process.env.CI) throw new Error(`CI must install ${missing.join(' and ')} (see .ci/run)`);
      this.skip();
    }
    const draft = ['---', 'template: branch-work-summary', '---', ...sizes.map((n, i) => paragraph(n, i))].join('\n');
    pdf = toPdf(await exportDocx(draft));
  });

  it('prints as many pages as the text predicts (22 lines a page)', () => {
    assert.equal(pageCount(pdf), Math.ceil(expectedLines / 22));
  });

  it('holds 22 lines on every full page and 28 characters on every full line', () => {
    const pages = pageCount(pdf);
    let total = 0;
    for (let p = 1; p <= pages; p++) {
      const lines = pageLines(pdf, p).filter((l) => !/^\s*—\s*\d+\s*—\s*$/.test(l));
      if (p < pages) assert.equal(lines.length, 22, `page ${p} has ${lines.length} lines`);
      for (const l of lines) {
        const chars = l.replace(/\s+/g, '').length;
        assert.ok(chars === PER_LINE || chars === PER_LINE - INDENT, `a line of ${chars} characters on page ${p}: ${l}`);
      }
      total += lines.length;
    }
    assert.equal(total, expectedLines);
  });

  it('numbers the pages "— N —", odd pages on the right and even pages on the left', () => {
    const pages = pageCount(pdf);
    for (let p = 1; p <= pages; p++) {
      const box = pageNumberBox(pdf, p);
      assert.ok(box, `page ${p} has a number`);
      assert.match(box.text.replace(/\s+/g, ''), new RegExp(`^—${p}—$`));
      assert.ok(box.mmBelowText > 5.5 && box.mmBelowText < 8.5, `page ${p}: number ${box.mmBelowText.toFixed(1)} mm below the text (7 mm)`);
      if (p % 2 === 1) assert.ok(box.xMin > 400, `odd page ${p} number at x=${box.xMin}`);
      else assert.ok(box.xMin < 150, `even page ${p} number at x=${box.xMin}`);
    }
  });
});

describe('the seed and the 60-page draft rendered keep the 22 × 28 grid', function () {
  this.timeout(600000);
  before(function () {
    if (!soffice() || !which('pdftotext')) {
      if (process.env.CI) throw new Error('CI must install LibreOffice and poppler-utils (see .ci/run)');
      this.skip();
    }
  });

  const check = (pdf: string) => {
    const pages = pageCount(pdf);
    const counts: number[] = [];
    for (let p = 1; p <= pages; p++) {
      const lines = printedLines(pdf, p).filter((l) => !/^—\d+—$/.test(l.text));
      counts.push(lines.length);
      for (const l of lines) {
        // Lines of Chinese only: 28 characters, one more where a closing mark hangs in the margin.
        if (/^[^\x00-\x7f]+$/.test(l.text)) assert.ok([...l.text].length <= 29, `page ${p}: ${[...l.text].length} characters: ${l.text}`);
      }
    }
    const full = counts.slice(0, -1);
    assert.ok(full.every((n) => n <= 22 && n >= 20), `lines a page: ${counts.join(',')}`);
    // A page ends a line early only where a heading moved to the next page with its paragraph.
    assert.ok(full.filter((n) => n === 22).length >= 0.85 * full.length, `lines a page: ${counts.join(',')}`);
    return counts;
  };

  it('the seed: 22 lines on every full page', async function () {
    if (!sharedAvailable()) this.skip();
    const counts = check(toPdf(await exportDocx(fs.readFileSync(SEED, 'utf8'))));
    assert.deepEqual(counts.slice(0, -1), [22, 22, 22, 22]);
  });

  it('the 60-page draft of the benchmarks', async () => {
    const drafts = pathToFileURL(path.join(REPO, 'bench', 'drafts.mjs')).href;
    const { reportOfSize } = (await import(drafts)) as { reportOfSize: (bytes: number) => string };
    const counts = check(toPdf(await exportDocx(reportOfSize(111_000))));
    assert.ok(counts.length >= 60, `${counts.length} pages`);
  });
});
