/**
 * One geometry for the preview and the export: the preview's line model (engine/layout) must break
 * lines and pages where LibreOffice does when it prints the exported DOCX. For the seed report, the
 * 60-page benchmark draft and the bundled examples: the same page count, and at least 95 % of the
 * printed lines (read back with poppler) equal to the model's line on the same page, character for
 * character. Skips where LibreOffice or poppler are missing (CI installs them, see .ci/run).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { exportDocx } from '../engine/export';
import { layoutText, type Layout, type LayoutOptions } from '../engine/layout';
import { pageCount, pageLines, soffice, toPdf, which } from './helpers/render';
import { REPO, SEED, sharedAvailable } from './helpers/shared';

const PAGE_NUMBER = /^\s*—\s*\d+\s*—\s*$/;
/**
 * Spaces out, and a mark hanging at the line's end: LibreOffice 7.4 does not print the hanging
 * 、，。 of a justified line at all (the line still breaks after it), so it is left out on both sides.
 */
const squeeze = (s: string) => s.replace(/\s+/g, '').replace(/[、。，；：！？]$/, '');

/** The model's printed lines as `page|text`; cells side by side on one row read as one line, as pdftotext prints them. */
function modelLines(layout: Layout): string[] {
  const out: string[] = [];
  for (const page of layout.pages) {
    const rows = new Map<number, Array<{ left: number; text: string }>>();
    for (const line of page.lines) {
      const key = Math.round(line.top * 10);
      if (!rows.has(key)) rows.set(key, []);
      rows.get(key)!.push({ left: line.left, text: line.text });
    }
    for (const key of [...rows.keys()].sort((a, b) => a - b)) {
      const text = squeeze(rows.get(key)!.sort((a, b) => a.left - b.left).map((l) => l.text).join(''));
      if (text) out.push(`${page.number}|${text}`);
    }
  }
  return out;
}

function printedLines(pdf: string): string[] {
  const out: string[] = [];
  for (let p = 1; p <= pageCount(pdf); p++) {
    for (const l of pageLines(pdf, p)) if (!PAGE_NUMBER.test(l)) out.push(`${p}|${squeeze(l)}`);
  }
  return out;
}

/** Length of the longest common subsequence: lines equal in text and page, in order. */
function common(a: string[], b: string[]): number {
  let prev = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    const row = new Array<number>(b.length + 1).fill(0);
    for (let j = 1; j <= b.length; j++) row[j] = a[i - 1] === b[j - 1] ? prev[j - 1] + 1 : Math.max(prev[j], row[j - 1]);
    prev = row;
  }
  return prev[b.length];
}

interface Comparison {
  modelPages: number;
  printedPages: number;
  agreement: number;
  differences: string[];
}

async function compare(text: string, options: LayoutOptions = {}, pdf?: string): Promise<Comparison & { pdf: string }> {
  pdf ??= toPdf(await exportDocx(text));
  const layout = layoutText(text, options);
  const model = modelLines(layout);
  const printed = printedLines(pdf);
  const printedSet = new Set(printed);
  return {
    modelPages: layout.pages.length,
    printedPages: pageCount(pdf),
    agreement: common(model, printed) / Math.max(model.length, printed.length, 1),
    differences: model.filter((l) => !printedSet.has(l)).slice(0, 5),
    pdf,
  };
}

async function reportOfSize(bytes: number): Promise<string> {
  const drafts = path.join(REPO, 'bench', 'drafts.mjs');
  const mod = (await import(drafts)) as { reportOfSize: (n: number) => string };
  return mod.reportOfSize(bytes);
}

describe('preview pagination matches the LibreOffice render of the export', function () {
  this.timeout(300000);

  before(function () {
    const missing = [soffice() ? '' : 'LibreOffice', which('pdftotext') ? '' : 'poppler-utils'].filter(Boolean);
    if (missing.length > 0) {
      if (process.env.CI) throw new Error(`CI must install ${missing.join(' and ')} (see .ci/run)`);
      this.skip();
    }
  });

  const check = (c: Comparison) => {
    assert.equal(c.modelPages, c.printedPages, 'page count');
    assert.ok(c.agreement >= 0.95, `only ${(c.agreement * 100).toFixed(1)} % of lines agree; first differences: ${c.differences.join(' / ')}`);
  };

  it('the seed report', async function () {
    if (!sharedAvailable()) this.skip();
    check(await compare(fs.readFileSync(SEED, 'utf8')));
  });

  it('the 60-page benchmark draft; a model with other margins does not pass', async () => {
    const draft = await reportOfSize(111_000);
    const c = await compare(draft);
    assert.ok(c.printedPages >= 60, `${c.printedPages} pages`);
    check(c);
    // The measure discriminates: 7 mm less line length (26 characters a line) agrees on almost nothing.
    const narrow = await compare(draft, { page: { right: 33 } }, c.pdf);
    assert.ok(narrow.agreement < 0.2, `a wrong geometry still agrees on ${(narrow.agreement * 100).toFixed(1)} %`);
    assert.notEqual(narrow.modelPages, c.printedPages);
  });

  for (const name of ['democratic-life-meeting-report.md', 'rectification-list.md', 'self-examination.md', 'duty-report.md']) {
    it(`example ${name} (front matter, signature, tables)`, async () => {
      check(await compare(fs.readFileSync(path.join(REPO, 'examples', name), 'utf8')));
    });
  }

  it('example official-document.md (版头 with the red 标志, 附注, attachments on pages of their own, 版记 on the last even page)', async () => {
    const c = await compare(fs.readFileSync(path.join(REPO, 'examples', 'official-document.md'), 'utf8'));
    check(c);
    assert.equal(c.modelPages, 6, 'text on 2 pages, an attachment on each of pages 3 and 4, page 5 blank, the 版记 on page 6');
  });

  it('a draft with Latin words, numbers and punctuation at line ends', async () => {
    const body = [
      '一是深入学习。2025年以来，党支部围绕ABC三项重点任务开展学习12次，平均每次参加人数达到95%以上；',
      '二是注重实效。坚持学用结合，组织开展“四下基层”活动，形成调研报告3篇，提出意见建议27条，整改落实率100%。',
      '三是强化责任。落实“第一议题”制度，支部书记带头讲党课2次（其中1次为专题党课），推动工作取得新成效！',
    ];
    const draft = ['---', 'template: branch-work-summary', 'title: 第三党支部2025年度工作总结', '---', '一、主要工作', ...body, ...body, ...body].join('\n');
    check(await compare(draft));
  });
});
