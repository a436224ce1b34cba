/**
 * Parsing in chunks must give exactly what parsing the whole text gives: the same prose lines with
 * the same spans, tables and comments. Checked on every fixture and example and on generated drafts
 * full of Markdown that could cross a chunk edge.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { parseMarkdown } from '../engine/parse/markdown';
import { parseProse, ProseCache } from '../engine/parse/parse-prose';
import { extractProse, type ProseResult } from '../engine/parse/prose-lines';
import { splitChunks } from '../engine/parse/chunks';
import { LineIndex } from '../engine/text/line-index';
import { REPO, SEED, sharedAvailable } from './helpers/shared';

function shape(r: ProseResult) {
  return {
    lines: r.lines.map((l) => ({ text: l.text, starts: l.starts, ends: l.ends, block: l.block, depth: l.headingDepth, bold: l.bold, list: l.inList, quote: l.inQuote, src: l.sourceLine })),
    tables: r.tables.map((t) => ({ span: t.span, rows: t.rows.map((row) => row.map((c) => c.text)) })),
    comments: r.comments,
    yaml: r.yaml,
  };
}

function same(text: string, chunkSize: number) {
  const index = new LineIndex(text);
  const whole = extractProse(parseMarkdown(text), text, 0, index);
  const chunked = parseProse(text, 0, index, chunkSize);
  assert.deepEqual(shape(chunked), shape(whole));
}

function allMarkdownFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? allMarkdownFiles(path.join(dir, e.name)) : e.name.endsWith('.md') ? [path.join(dir, e.name)] : [],
  );
}

const VOCABULARY = [
  '党支部深入学习贯彻全会精神。',
  '一、会前准备情况',
  '（一）学习情况',
  '一是深入学习。**二是广泛',
  '征求意见。**三是谈心谈话。',
  '*强调*与_下划线_和~~删除~~',
  '`行内代码',
  '代码结束`之后',
  '[链接文字',
  '](http://example.com)后文',
  '\\*转义\\_字符',
  '<span',
  'class="x">内联</span>',
  '<!-- party-report-disable-next-line -->',
  '<!--',
  '多行注释',
  '-->',
  '<pre>',
  '</pre>',
  '```',
  '~~~',
  '> 引用一段',
  '- 列表项',
  '1. 第一项',
  '2) 第二项',
  '| 序号 | 问题 |',
  '| --- | --- |',
  '| 1 | 学习不够 |',
  '---',
  '===',
  '***',
  '## 二、组织生活会召开情况',
  '',
  '',
  '  缩进两格',
  '　　全角缩进的段落。',
  '😀表情符号',
  '[ref]: http://example.com',
  '行尾硬换行  ',
  '行尾反斜杠\\',
  'X月XX日召开，会议,结束.',
  ':-',
  '| :-: |',
  '[^1]: 脚注内容',
  '    四格缩进',
  '\t制表符开头',
  '1.学习（无空格不是列表）',
  '详见www.gov.cn和http://example.com/a。',
  '行尾空格 ',
  // Brackets that are plain text unless a link, reference or definition is somewhere in the draft.
  '机党发[2025]12号',
  '[ref]',
  '[^1]',
  '[链接][ref]',
  '![图](a.png)',
];

describe('chunked parsing equals whole-text parsing', function () {
  this.timeout(120000);

  it('on every fixture and example, cut into small chunks', () => {
    const files = [...allMarkdownFiles(path.join(REPO, 'test', 'fixtures')), ...allMarkdownFiles(path.join(REPO, 'examples'))];
    if (sharedAvailable()) files.push(SEED);
    for (const f of files) {
      const text = fs.readFileSync(f, 'utf8').replace(/[⟦⟧]/g, '');
      for (const size of [16, 64, 256]) same(text, size);
    }
  });

  it('does not cut at a line of full-width spaces: to the parser it is not blank, and a table runs on through it', () => {
    // Found by the property below (a cached edit that put a line break inside “　　全角缩进”).
    const text = ['| 序号 | 问题 |', '| --- | --- |', '多行注释', '😀表情符号', '　', '　全角缩进的段落。', '党支部深入学习贯彻全会精神。'].join('\n');
    const whole = extractProse(parseMarkdown(text), text, 0, new LineIndex(text));
    assert.equal(whole.lines.find((l) => l.text.includes('全角缩进'))?.block, 'tableCell', 'the parser reads the line as a table row');
    for (const size of [8, 16, 32]) same(text, size);
  });

  it('really cuts a Word-pasted draft into chunks', () => {
    const draft = Array.from({ length: 400 }, (_, i) => `第${i}段：党支部深入学习贯彻全会精神，推动各项工作取得新成效。`).join('\n');
    assert.ok(splitChunks(draft, 1024).length > 10);
    same(draft, 1024);
  });

  it('on generated drafts full of Markdown that could cross a chunk edge (LF and CRLF)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...VOCABULARY), { minLength: 1, maxLength: 80 }),
        fc.boolean(),
        fc.integer({ min: 8, max: 200 }),
        (lines, crlf, size) => {
          same(lines.join(crlf ? '\r\n' : '\n'), size);
        },
      ),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 400) },
    );
  });

  it('with a cache kept across edits, re-parses only what changed and still equals whole-text parsing', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...VOCABULARY), { minLength: 5, maxLength: 60 }),
        fc.nat(),
        fc.constantFrom('', '字', '**', '\n', '\n\n', '`', '---\n', '<!--'),
        fc.integer({ min: 0, max: 3 }),
        (lines, at, insert, removed) => {
          const before = lines.join('\n');
          const pos = at % (before.length + 1);
          const after = before.slice(0, pos) + insert + before.slice(pos + removed);
          const cache = new ProseCache();
          parseProse(before, 0, new LineIndex(before), 32, cache);
          const index = new LineIndex(after);
          const cached = parseProse(after, 0, index, 32, cache);
          const whole = extractProse(parseMarkdown(after), after, 0, index);
          assert.deepEqual(shape(cached), shape(whole));
        },
      ),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 300) },
    );
  });

  it('reads brackets as text only where no link, reference or definition can give them meaning', () => {
    for (const text of [
      '一段[ref]文字\n'.repeat(50) + '\n[ref]: http://example.com\n',
      '[ref]: http://example.com\n\n' + '一段[ref]文字\n'.repeat(50),
      '一段[^1]文字\n'.repeat(50) + '\n[^1]: 脚注\n',
      '一段[链接文字\n'.repeat(50) + '](http://example.com)\n',
      '一段[链接][ref]文字\n'.repeat(50) + '\n[ref]: http://example.com\n',
      '机党发[2025]12号文件。\n'.repeat(50),
    ]) {
      for (const size of [16, 64]) same(text, size);
    }
  });

  it('reads runs of more than 16 asterisks, underscores or brackets as the characters they are, and short ones as Markdown', () => {
    const lineTexts = (text: string) => parseProse(text, 0, new LineIndex(text)).lines.map((l) => l.text);
    const stars = '*'.repeat(20);
    // A line of redaction stars or blanks keeps every character, at its own offsets.
    const text = `某某${stars}同志，姓名${'_'.repeat(18)}，${'['.repeat(17)}一是${']'.repeat(17)}。\n`;
    const prose = parseProse(text, 0, new LineIndex(text));
    assert.deepEqual(prose.lines.map((l) => l.text), [text.trimEnd()]);
    assert.deepEqual([...prose.lines[0].starts], [...text.trimEnd()].map((_, i) => i));
    // Emphasis of up to three markers is still emphasis; a line of markers alone is still a thematic break.
    assert.deepEqual(lineTexts('***加粗斜体***，**加粗**，_强调_。\n'), ['加粗斜体，加粗，强调。']);
    assert.deepEqual(lineTexts(`上文\n\n${stars}\n\n下文\n`), ['上文', '下文']);
    // Text that has the private-use stand-ins itself is parsed as it is.
    assert.deepEqual(lineTexts(`\uE000${stars}甲${stars}\n`).length, 1);
  });

  it('parses one chunk again after a one-character edit in a long draft', () => {
    const draft = Array.from({ length: 2000 }, (_, i) => `第${i}段：党支部深入学习贯彻全会精神，推动各项工作取得新成效。`).join('\n');
    const cache = new ProseCache();
    parseProse(draft, 0, new LineIndex(draft), undefined, cache);
    const chunks = cache.misses;
    assert.ok(chunks > 5, `${chunks} chunks`);
    cache.hits = 0;
    cache.misses = 0;
    const edited = draft.replace('第1000段', '第1000段改');
    parseProse(edited, 0, new LineIndex(edited), undefined, cache);
    assert.equal(cache.misses, 1);
    assert.equal(cache.hits, chunks - 1);
  });

  it('reads text without Markdown exactly as the parser does (the no-parser path)', () => {
    const alphabet = ['党', '支', '部', '学', '习', '，', '。', '　', ' ', '\t', '\n', '\r\n', '\r', '1', '2', '.', ')', '-', '#', '=', '😀', 'X', 'a', '@', 'www.x.cn', 'http://a.b/c', ':', '"', "'", '(', '{', '}', '\u0000', '\u00a0'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 120 }), (parts) => {
        const text = parts.join('');
        same(text, 1 << 20);
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 1000) },
    );
  });
});
