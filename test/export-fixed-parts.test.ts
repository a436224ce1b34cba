/**
 * The parts of a DOCX that do not depend on the draft come from a table made by docx beforehand
 * (engine/export/fixed-parts.ts). An export that uses the table must write exactly what docx's
 * full compiler writes — every part, in the same order — for every draft and option set; this is
 * what keeps a docx upgrade from silently diverging from the table. Checked from sources (the table
 * made on first use) and with the bundle, whose table scripts/build.mjs compiled in.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { Packer } from 'docx';
import * as exporter from '../engine/export';
import type { LayoutOptions } from '../engine/export';
import { compileWithFixedParts, type CompilerLike } from '../engine/export/fixed-parts';
import { REPO, SEED, sharedAvailable } from './helpers/shared';

type Exporter = Pick<typeof exporter, 'exportReport'>;

/**
 * Every part's text, in package order; core.xml without its timestamps (the time of the export), and
 * drawings without their wp:docPr ids, which docx counts across the documents a process writes.
 */
function partsOf(docx: Uint8Array): Array<[string, string]> {
  return Object.entries(unzipSync(docx)).map(([name, data]) => {
    const text = strFromU8(data).replace(/<wp:docPr id="\d+"/g, '<wp:docPr id=""');
    return [name, name === 'docProps/core.xml' ? text.replace(/<dcterms:(created|modified)[^>]*>[^<]*<\/dcterms:\1>/g, '') : text];
  });
}

const FOOTNOTES_IMAGE_TABLE = [
  '---',
  '标题: 关于召开专题组织生活会情况的报告',
  '主送: 机关党委',
  '---',
  '',
  '一、基本情况',
  '',
  '会议按要求召开[^1]，全体党员参加。',
  '',
  '![图标](images/icon.png)',
  '',
  '| 项目 | 完成情况 |',
  '| --- | --- |',
  '| 学习 | 已完成 |',
  '',
  '[^1]: 会议于 2025 年 12 月 22 日召开。',
  '',
].join('\n');

const drafts = (): Array<[string, string]> => [
  ...fs
    .readdirSync(path.join(REPO, 'examples'))
    .filter((n) => n.endsWith('.md'))
    .map((n): [string, string] => [n, fs.readFileSync(path.join(REPO, 'examples', n), 'utf8')]),
  ['footnotes, image, table, front matter', FOOTNOTES_IMAGE_TABLE],
  ...(sharedAvailable() ? [['seed', fs.readFileSync(SEED, 'utf8')] as [string, string]] : []),
];

const OPTION_SETS: Array<[string, LayoutOptions]> = [
  ['default options', {}],
  ['other fonts', { fonts: { body: '楷体', title: '黑体', latin: 'Arial', heading1: '仿宋_GB2312', pageNumber: '宋体' } }],
  ['no page numbers', { page: { pageNumbers: false } }],
  ['other margins', { page: { top: 30, left: 25, right: 25, bottom: 30 } }],
  ['a font name to escape', { fonts: { body: 'A&B "C"' } }],
];

async function assertSameAsDocx(exp: Exporter, text: string, options: LayoutOptions): Promise<void> {
  const withOptions = { ...options, baseDir: REPO };
  const fast = partsOf((await exp.exportReport(text, withOptions)).docx);
  const full = partsOf((await exp.exportReport(text, withOptions, { fixedParts: false })).docx);
  assert.deepEqual(
    fast.map(([name]) => name),
    full.map(([name]) => name),
  );
  for (let i = 0; i < full.length; i++) assert.ok(fast[i][1] === full[i][1], `${full[i][0]} differs`);
}

describe('DOCX parts that do not depend on the draft (fixed-parts.ts)', function () {
  this.timeout(120000);

  it('come from the table for the default options: styles, settings, theme, numbering, font table, endnotes, footers, empty footnotes, relationships', () => {
    const { document, partKeys } = exporter.buildReportDocument('一、基本情况\n\n正文。\n', {});
    const compiler = (Packer as unknown as { compiler: CompilerLike }).compiler;
    const table = exporter.makeFixedPartsTable();
    const { fromTable } = compileWithFixedParts(compiler, document as never, partKeys, table);
    assert.deepEqual([...new Set(fromTable)].sort(), [
      '_rels/.rels',
      'docProps/app.xml',
      'docProps/custom.xml',
      'word/_rels/fontTable.xml.rels',
      'word/endnotes.xml',
      'word/fontTable.xml',
      'word/footer1.xml',
      'word/footer2.xml',
      'word/footnotes.xml',
      'word/numbering.xml',
      'word/settings.xml',
      'word/styles.xml',
      'word/theme/theme1.xml',
    ]);
    // With other fonts, styles.xml is docx's own; the rest still comes from the table.
    const other = exporter.buildReportDocument('一、基本情况\n\n正文。\n', { fonts: { body: '楷体' } });
    const again = compileWithFixedParts(compiler, other.document as never, other.partKeys, table);
    assert.ok(!again.fromTable.includes('word/styles.xml'));
    assert.ok(again.fromTable.includes('word/theme/theme1.xml'));
    // A draft with footnotes and front matter has its own footnotes.xml and custom.xml.
    const own = exporter.buildReportDocument(FOOTNOTES_IMAGE_TABLE, { baseDir: REPO });
    const third = compileWithFixedParts(compiler, own.document as never, own.partKeys, table);
    assert.ok(!third.fromTable.includes('word/footnotes.xml'));
    assert.ok(!third.fromTable.includes('docProps/custom.xml'));
    assert.ok(third.fromTable.includes('word/footer1.xml'));
  });

  for (const [what, options] of OPTION_SETS) {
    it(`are exactly what docx's full compiler writes, from sources, with ${what}`, async () => {
      for (const [name, text] of drafts()) {
        await assertSameAsDocx(exporter, text, options).catch((e: Error) => {
          throw new Error(`${name}: ${e.message}`);
        });
      }
    });
  }

  it('the words the export reads of the report types, compiled into the bundle, are those of the types', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const bundled = require(path.join(REPO, 'dist', 'export.js')) as Pick<typeof exporter, 'exportWords'>;
    const fromTypes = exporter.exportWords();
    assert.ok(fromTypes.words.titleSuffixes.length > 0 && fromTypes.endings.length > 5);
    assert.deepEqual(bundled.exportWords(), fromTypes);
  });

  it("are exactly what docx's full compiler writes in the bundle (its table compiled in by the build)", async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const bundled = require(path.join(REPO, 'dist', 'export.js')) as Exporter;
    for (const [, options] of OPTION_SETS) {
      for (const [name, text] of drafts()) {
        await assertSameAsDocx(bundled, text, options).catch((e: Error) => {
          throw new Error(`${name}: ${e.message}`);
        });
      }
    }
  });
});
