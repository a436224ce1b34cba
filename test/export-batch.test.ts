/** `party-report export` of many drafts at once: a folder, a glob or several files, read back. */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { docxText, readDocx } from './helpers/docx';
import { CLI_ENV, REPO } from './helpers/shared';

const CLI = path.join(REPO, 'dist', 'cli.js');
const example = (name: string) => fs.readFileSync(path.join(REPO, 'examples', name), 'utf8');
const squash = (s: string) => s.replace(/[\s\u3000#]+/g, '');

describe('party-report export of many drafts', function () {
  this.timeout(60000);
  let tmp: string;
  const cli = (args: string[], cwd = tmp) => spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: CLI_ENV });

  /** A folder of drafts: two at the top, one in a subfolder, a Word file and a note that is not Markdown. */
  function folder(name: string): string {
    const dir = path.join(tmp, name);
    fs.mkdirSync(path.join(dir, '二支部'), { recursive: true });
    fs.writeFileSync(path.join(dir, '述职.md'), example('duty-report.md'));
    fs.writeFileSync(path.join(dir, '组织生活会.md'), example('org-life-meeting-report.md'));
    fs.writeFileSync(path.join(dir, '二支部', '整改.md'), example('rectification-list.md'));
    fs.writeFileSync(path.join(dir, '旧稿.docx'), 'not exported: a Word file is no draft');
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'not Markdown');
    return dir;
  }

  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'party-report-export-batch-'));
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('exports every Markdown draft of a folder into -o, keeping subfolders, each DOCX with its own draft', async () => {
    const dir = folder('drafts');
    const out = path.join(tmp, 'out');
    const r = cli(['export', dir, '-o', out]);
    assert.equal(r.status, 0, r.stderr);
    const written = fs.readdirSync(out, { recursive: true }).map(String).sort();
    assert.deepEqual(written, ['二支部', path.join('二支部', '整改.docx'), '组织生活会.docx', '述职.docx'].sort());
    for (const [docx, md] of [['述职.docx', 'duty-report.md'], ['组织生活会.docx', 'org-life-meeting-report.md'], [path.join('二支部', '整改.docx'), 'rectification-list.md']]) {
      const back = squash(await docxText(fs.readFileSync(path.join(out, docx))));
      // The draft's first heading and its last paragraph are in its own DOCX, in that order.
      const lines = example(md).split('\n').filter((l) => l.trim() && !l.startsWith('---') && !/^\w+:/.test(l) && !l.startsWith('|'));
      const first = squash(lines[0]);
      const last = squash(lines[lines.length - 1]);
      assert.ok(back.includes(first), `${docx} has ${first}`);
      assert.ok(back.indexOf(last) >= back.indexOf(first), `${docx} ends with ${last}`);
    }
    assert.match(r.stderr, /导出 3 个文稿：3 个成功，0 个失败/);
    // The drafts' folder has nothing new in it.
    assert.deepEqual(fs.readdirSync(dir).sort(), ['二支部', '旧稿.docx', 'notes.txt', '组织生活会.md', '述职.md'].sort());
  });

  it('without -o writes each DOCX beside its draft; a glob picks the drafts', () => {
    const dir = folder('drafts');
    const r = cli(['export', 'drafts/**/*.md']);
    assert.equal(r.status, 0, r.stderr);
    for (const docx of ['述职.docx', '组织生活会.docx', path.join('二支部', '整改.docx')]) {
      assert.ok(readDocx(fs.readFileSync(path.join(dir, docx))).document.includes('<w:body>'), docx);
    }
    // The Word file found in the folder is left as it was.
    assert.equal(fs.readFileSync(path.join(dir, '旧稿.docx'), 'utf8'), 'not exported: a Word file is no draft');
  });

  it('never overwrites without --force: says so per file, exports the rest, exits 2; --force replaces them', () => {
    const dir = folder('drafts');
    const out = path.join(tmp, 'out');
    fs.mkdirSync(out);
    fs.writeFileSync(path.join(out, '述职.docx'), 'edited in Word');
    const r = cli(['export', dir, '-o', out]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /述职\.docx: 文件已存在，未覆盖/);
    assert.match(r.stderr, /导出 3 个文稿：2 个成功，1 个失败/);
    assert.equal(fs.readFileSync(path.join(out, '述职.docx'), 'utf8'), 'edited in Word');
    assert.ok(readDocx(fs.readFileSync(path.join(out, '组织生活会.docx'))).document.includes('<w:body>'));
    const forced = cli(['export', dir, '-o', out, '--force']);
    assert.equal(forced.status, 0, forced.stderr);
    assert.ok(readDocx(fs.readFileSync(path.join(out, '述职.docx'))).document.includes('履职情况'));
    // Atomic writes: no temporary file is left behind.
    assert.deepEqual(fs.readdirSync(out, { recursive: true }).map(String).filter((f) => f.endsWith('.tmp')), []);
  });

  it('reports an unreadable draft, a name that matches nothing and two drafts with one output by name, and exports the others', () => {
    const dir = folder('drafts');
    fs.writeFileSync(path.join(dir, '述职.markdown'), example('duty-report.md'));
    const out = path.join(tmp, 'out');
    const r = cli(['export', dir, 'missing/*.md', 'no-such.md', '-o', out]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /missing\/\*\.md: 没有匹配的 Markdown 或 Word 文稿/);
    assert.match(r.stderr, /no-such\.md: 无法读取/);
    assert.match(r.stderr, /述职\.md: 与 .*述职\.markdown 导出到同一个文件/);
    assert.ok(fs.existsSync(path.join(out, '组织生活会.docx')));
    assert.ok(fs.existsSync(path.join(out, '二支部', '整改.docx')));
    // Of the two drafts with one output name, the one found first keeps it.
    assert.ok(readDocx(fs.readFileSync(path.join(out, '述职.docx'))).document.includes('履职情况'));
  });

  it('exports a larger folder on worker threads with the same files and the same messages, in file order, as one thread', async () => {
    const dir = path.join(tmp, 'many');
    fs.mkdirSync(dir);
    const names = ['duty-report.md', 'org-life-meeting-report.md', 'rectification-list.md', 'branch-work-summary.md'];
    for (let i = 0; i < 24; i++) fs.writeFileSync(path.join(dir, `d${String(i).padStart(2, '0')}.md`), example(names[i % names.length]));
    const threads = cli(['export', dir, '-o', path.join(tmp, 'threads'), '--jobs', '2']);
    const one = cli(['export', dir, '-o', path.join(tmp, 'one'), '--jobs', '1']);
    assert.equal(threads.status, 0, threads.stderr);
    assert.equal(one.status, 0, one.stderr);
    assert.deepEqual(threads.stderr.split('\n').map((l) => l.replace(/threads/, 'one')), one.stderr.split('\n'));
    const said = threads.stderr.split('\n').filter((l) => l.startsWith('已导出'));
    assert.deepEqual(said, [...said].sort());
    assert.equal(said.length, 24);
    for (let i = 0; i < 24; i++) {
      const name = `d${String(i).padStart(2, '0')}.docx`;
      const a = await docxText(fs.readFileSync(path.join(tmp, 'threads', name)));
      assert.equal(a, await docxText(fs.readFileSync(path.join(tmp, 'one', name))), name);
      assert.ok(squash(a).includes(squash(example(names[i % names.length]).split('\n').filter((l) => l.trim() && !l.startsWith('---') && !/^\w+:/.test(l))[0])), name);
    }
    assert.equal(cli(['export', dir, '--jobs', '0']).status, 2);
  });

  it('refuses -o naming a file when exporting several drafts, writing nothing', () => {
    const dir = folder('drafts');
    const file = path.join(tmp, 'out.docx');
    fs.writeFileSync(file, 'keep');
    const r = cli(['export', dir, '-o', file]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /-o 应为输出目录/);
    assert.equal(fs.readFileSync(file, 'utf8'), 'keep');
    assert.deepEqual(fs.readdirSync(dir).filter((f) => f.endsWith('.docx')), ['旧稿.docx']);
  });
});
