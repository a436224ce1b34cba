/**
 * Robustness: generated drafts never break the checks, the fixes or the export; hostile input
 * gets a clear message and the server keeps serving; interrupted writes lose nothing.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { CancellationTokenSource, CompletionRequest, HoverRequest } from 'vscode-languageserver-protocol/node';
import { applyEdits, buildModel, fixAll, fixAllEdits, lint } from '../engine';
import { exportDocx } from '../engine/export';
import { metadata } from '../engine/export/metadata';
import { writeFileAtomic } from '../engine/io/write-file-atomic';
import { docxText } from './helpers/docx';
import { LspClient } from './helpers/lsp-client';
import { REPO } from './helpers/shared';

const RUNS = Number(process.env.PROPERTY_RUNS ?? 150);

const cjk = fc.constantFrom('党支部', '深入学习', '征求意见', '谈心谈话', '整改', '会议', '同志', '强调', '政治意识', '大局意识', '核心意识', '看齐意识', '道路自信', '文化自信', '制度自信');
const mark = fc.constantFrom('，', '。', ',', '.', ';', '：', '“', '”', '《', '》', '（', '）', '(', ')', '【', '】', '〔', '〕', '、', '...', '"', ' ', '　', '😀', 'X', 'XX', '××', '2021.7.1', '2021年07月01日', '[2021]3号', '〔2021〕第3号', '一是', '二是', '四是', '首先，', '其次，', 'Excel', '1,000', '3.5', '\u0000', '\t', '**', '`');
const sentence = fc.array(fc.oneof(cjk, mark), { minLength: 1, maxLength: 25 }).map((xs) => xs.join(''));
const heading = fc.tuple(
  fc.constantFrom('一、', '二、', '三、', '四、', '（一）', '（二）', '(三)', '1.', '2、', '（1）', '一.', '## 一、', '## ', '### （一）'),
  fc.constantFrom('会前准备情况', '组织生活会召开情况', '制定整改措施等情况', '存在的问题', '学习情况', '下一步打算'),
  fc.constantFrom('', '。', '：'),
).map(([n, t, p]) => n + t + p);
const frontMatter = fc.constantFrom(
  '',
  '---\ntemplate: org-life-meeting-report\n---\n',
  '---\ntemplate: 述职报告\ntitle: 关于2025年度述职的报告\n署名: 第三党支部\n成文日期: 2026年1月10日\n---\n',
  '---\ntemplate: [unclosed\n---\n',
  '---\ntemplate: no-such-type\n---\n',
  '---\n: : :\n---\n',
  '---\ntemplate: org-life',
);
const draft = fc
  .tuple(frontMatter, fc.array(fc.oneof(heading, sentence, sentence), { minLength: 1, maxLength: 30 }), fc.boolean(), fc.boolean(), fc.boolean())
  .map(([fm, lines, crlf, bom, blank]) => {
    const eol = crlf ? '\r\n' : '\n';
    const body = lines.join(blank ? eol + eol : eol);
    return (bom ? '\ufeff' : '') + fm.replace(/\n/g, eol) + body;
  });

describe('robustness', function () {
  this.timeout(300000);

  describe('properties over generated drafts', () => {
    it('checking never throws and every range lies inside the document', () => {
      fc.assert(
        fc.property(draft, (text) => {
          const result = lint(text);
          const lines = text.split(/\r\n|\r|\n/);
          for (const d of result.diagnostics) {
            assert.ok(d.span.start >= 0 && d.span.start <= d.span.end && d.span.end <= text.length, `span ${d.span.start}-${d.span.end}`);
            for (const p of [d.range.start, d.range.end]) {
              assert.ok(p.line < lines.length && p.character <= lines[p.line].length, `position ${p.line}:${p.character}`);
            }
            for (const e of d.fix?.edits ?? []) assert.ok(e.span.start >= 0 && e.span.end <= text.length);
          }
        }),
        { numRuns: RUNS * 2 },
      );
    });

    it('fix-all removes every safe-fixable finding, changes nothing outside its edit, and a second fix-all is a no-op', () => {
      fc.assert(
        fc.property(draft, (text) => {
          const { text: fixed, edit } = fixAll(text);
          if (!edit) {
            assert.deepEqual(fixAllEdits(lint(text).diagnostics), []);
            return;
          }
          assert.equal(fixed.slice(0, edit.span.start), text.slice(0, edit.span.start), 'unchanged before the edit');
          assert.equal(fixed.slice(edit.span.start + edit.newText.length), text.slice(edit.span.end), 'unchanged after the edit');
          assert.equal(applyEdits(text, [edit]), fixed);
          assert.deepEqual(fixAllEdits(lint(fixed).diagnostics).length, 0, 'nothing safe left to fix');
          assert.equal(fixAll(fixed).edit, undefined, 'second fix-all is a no-op');
        }),
        { numRuns: RUNS },
      );
    });

    it('the exported DOCX reads back as the draft\'s text', async () => {
      await fc.assert(
        fc.asyncProperty(draft, async (text) => {
          const model = buildModel(text);
          const meta = metadata(model);
          const skip = new Set(['title', 'addressee', 'signature', 'date', 'attachment']);
          const expected = [
            meta.number ?? '',
            meta.title ?? '',
            meta.addressee ? meta.addressee + '：' : '',
            ...model.lines
              .filter((l) => l.block !== 'tableCell' && !skip.has(l.role) && l !== meta.titleLine)
              // Inline code is text in the document: its words come back from the export.
              .map((l) => l.text.split('').map((ch, i) => (ch === '\uFFFC' ? text.slice(l.starts[i], l.ends[i]) : ch)).join('')),
            ...meta.attachments,
            ...(meta.signature ?? []),
            meta.date ?? '',
          ].join('');
          const back = await docxText(await exportDocx(text));
          // Compare the words: white space, control characters and code marks are layout, not text.
          const words = (s: string) => s.replace(/[\s\u3000\u0000-\u001f\uFFFC`]/g, '');
          assert.equal(words(back), words(expected));
        }),
        { numRuns: Math.max(20, Math.floor(RUNS / 3)) },
      );
    });
  });

  describe('hostile input over LSP', () => {
    let client: LspClient;
    before(async () => {
      client = new LspClient();
      await client.initialize();
    });
    after(async () => client.stop());

    const cases: Array<[string, () => string]> = [
      ['a 50 MB file', () => '党支部深入学习。\n'.repeat(3_000_000)],
      ['a single 1 MB line', () => '---\ntemplate: org-life-meeting-report\n---\n' + '深入学习,'.repeat(200_000)],
      ['10 000 headings', () => Array.from({ length: 10_000 }, (_, i) => `## 一、会前准备情况${i}\n内容。`).join('\n')],
      ['lists and quotes nested 5 000 deep', () => '> '.repeat(5000) + '- '.repeat(5000) + '内容'],
      ['NUL bytes and control characters', () => '---\ntemplate: org-life-meeting-report\n---\n一、会前准备情况\n\u0000\u0001学习\u0000,\u0007。'],
      ['invalid front matter', () => '---\ntemplate: [org-life\n  : x\n---\n一、会前准备情况\n二、组织生活会召开情况\n内容,。'],
      // Emphasis and link markers the parser pairs with quadratic work (9 s and 4 s before they were tamed).
      ['10 000 asterisks, underscores and brackets on each side of a word', () => '---\ntemplate: org-life-meeting-report\n---\n# 关于召开第三党支部专题组织生活会情况的报告\n\n' + ['*', '_', '[']
        .map((c) => c.repeat(10_000) + '一是' + (c === '[' ? ']' : c).repeat(10_000)).join('\n\n') + '\n'],
    ];
    for (const [name, make] of cases) {
      it(`${name}: a bounded answer, and the server keeps serving`, async () => {
        const uri = `file:///hostile/${name.replace(/\W+/g, '-')}.md`;
        const started = Date.now();
        await client.open(uri, make());
        const p = await client.diagnostics(uri, () => true, 60000);
        assert.ok(Date.now() - started < 30000, `answered in ${Date.now() - started} ms`);
        if (name.startsWith('a single')) {
          // One rule on one line: its first 200 findings, and a note at the line's start.
          assert.equal(p.diagnostics.filter((d) => d.code === 'half-width-punctuation').length, 200, 'capped at the line');
          const note = p.diagnostics.find((d) => d.code === 'too-many')!;
          assert.equal(note.severity, 3);
          assert.deepEqual(note.range.start, { line: 3, character: 0 });
        }
        if (name.startsWith('10 000 asterisks')) {
          // Checked as the type it declares: its sections are missing.
          assert.ok(p.diagnostics.some((d) => d.code === 'missing-section'), JSON.stringify(p.diagnostics.map((d) => d.code)));
        }
        if (name.startsWith('a 50 MB')) {
          assert.equal(p.diagnostics.length, 1);
          assert.equal(p.diagnostics[0].code, 'size-limit');
        }
        await client.close(uri);
        const ok = 'file:///hostile/after.md';
        await client.open(ok, fs.readFileSync(path.join(REPO, 'examples', 'draft-with-problems.md'), 'utf8'));
        const q = await client.diagnostics(ok, (x) => x.diagnostics.length > 0);
        assert.ok(q.diagnostics.some((d) => d.code === 'missing-section'));
        await client.close(ok);
      });
    }

    it('a cancelled request leaves no stale state', async () => {
      const uri = 'file:///hostile/cancel.md';
      const text = fs.readFileSync(path.join(REPO, 'examples', 'org-life-meeting-report.md'), 'utf8');
      await client.open(uri, text);
      await client.diagnostics(uri);
      const source = new CancellationTokenSource();
      const pending = client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line: 4, character: 0 } }, source.token);
      source.cancel();
      await pending.catch(() => undefined);
      const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 2 } });
      assert.ok(hover === null || typeof hover === 'object');
      const items = await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line: 4, character: 0 } });
      assert.ok(Array.isArray(items) && items.length > 0, 'the next request is answered in full');
    });
  });

  describe('writes', () => {
    it('an export interrupted mid-write leaves the previous file intact and no temporary file', () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'party-report-atomic-'));
      const target = path.join(dir, 'report.docx');
      fs.writeFileSync(target, 'the previous export, edited in Word');
      // The module object itself, which the writer's import reads through: fail its rename.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const nodeFs = require('node:fs') as { renameSync: typeof fs.renameSync };
      const rename = nodeFs.renameSync;
      nodeFs.renameSync = () => {
        throw Object.assign(new Error('disk full'), { code: 'ENOSPC' });
      };
      try {
        // Said in Chinese, without the temporary file's name that Node's own text would carry.
        assert.throws(() => writeFileAtomic(target, new Uint8Array(1000), true), /^Error: .*report\.docx: 无法写入：磁盘空间不足$/);
      } finally {
        nodeFs.renameSync = rename;
      }
      assert.equal(fs.readFileSync(target, 'utf8'), 'the previous export, edited in Word');
      assert.deepEqual(fs.readdirSync(dir), ['report.docx']);
      fs.rmSync(dir, { recursive: true, force: true });
    });

    it('nothing from a draft reaches a shell: the engine, server and client start no processes', () => {
      const walk = (d: string): string[] =>
        fs.readdirSync(path.join(REPO, d), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)]));
      const files = ['engine', 'server/src', 'client/src', 'cli/src'].flatMap(walk);
      const spawning = files.filter((f) => /child_process|\bexecSync\b|\bspawn\(/.test(fs.readFileSync(path.join(REPO, f), 'utf8')));
      // The one exception: PDF export runs LibreOffice and fc-match, by argument list and never
      // through a shell; the draft reaches them only as a file's contents.
      assert.deepEqual(spawning, [path.join('engine', 'export', 'pdf.ts')]);
      const pdf = fs.readFileSync(path.join(REPO, 'engine', 'export', 'pdf.ts'), 'utf8');
      assert.doesNotMatch(pdf, /shell:|\bexec(Sync)?\(|execFile/);
    });
  });
});
