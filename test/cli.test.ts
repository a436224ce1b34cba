/** The CLI's contract: text and JSON output, exit codes, files, directories and globs, bad input. */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { exportDocx } from '../engine/export';
import { BUILTIN_TYPE_IDS, CLI_ENV, REPO } from './helpers/shared';

const CLI = path.join(REPO, 'dist', 'cli.js');

function run(args: string[], cwd = REPO) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 60000, env: CLI_ENV });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('party-report CLI', function () {
  this.timeout(60000);
  let tmp: string;
  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'party-report-cli-'));
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('stops quietly when its reader closes the pipe early (exit 141, as SIGPIPE ends Unix tools)', () => {
    for (const command of ['rules', 'templates', 'lint examples/draft-with-problems.md']) {
      const r = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" "${CLI}" ${command} | head -c 1 >/dev/null; echo "status \${PIPESTATUS[0]}" >&2`], {
        cwd: REPO,
        encoding: 'utf8',
        env: CLI_ENV,
      });
      assert.doesNotMatch(r.stderr, /EPIPE|Unhandled|at /, `${command}: ${r.stderr}`);
      assert.match(r.stderr, /^status (0|1|141)\n$/, command);
    }
  });

  it('prints compiler-style lines and exits 1 when a file has errors', () => {
    const r = run(['lint', 'examples/draft-with-problems.md']);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^examples\/draft-with-problems\.md:7:1 error 缺少“组织生活会召开情况”一节/m);
    assert.match(r.stdout, /^examples\/draft-with-problems\.md:4:25 warning .*\[half-width-punctuation\]$/m);
  });

  it('exits 0 for clean reports and ordinary Markdown', () => {
    const r = run(['lint', 'examples/org-life-meeting-report.md', 'examples/meeting-notes.md']);
    assert.equal(r.code, 0, r.stdout + r.stderr);
  });

  it('writes the JSON contract: 1-based lines, UTF-16 columns, end exclusive, BOM not counted', () => {
    const file = path.join(tmp, 'bom.md');
    const text = '---\ntemplate: org-life-meeting-report\n---\n一、会前准备情况\n😀会议召开,大家发言。\n';
    fs.writeFileSync(file, '\ufeff' + text);
    const r = run(['lint', '--format', 'json', file]);
    const [report] = JSON.parse(r.stdout);
    assert.equal(report.file, file);
    assert.equal(report.template, 'org-life-meeting-report');
    const d = report.diagnostics.find((x: { code: string }) => x.code === 'half-width-punctuation');
    // Line 5 is "😀会议召开,大家发言。": the emoji is two code units, so the comma is column 7.
    assert.deepEqual(
      { line: d.line, column: d.column, endLine: d.endLine, endColumn: d.endColumn, severity: d.severity },
      { line: 5, column: 7, endLine: 5, endColumn: 8, severity: 'warning' },
    );
    assert.equal(typeof d.message, 'string');
    assert.deepEqual(Object.keys(d).sort(), ['code', 'column', 'endColumn', 'endLine', 'line', 'message', 'severity']);
  });

  it('--fix applies every safe fix, writes the file back, and reports what is left', () => {
    const file = path.join(tmp, 'fix.md');
    const original = fs.readFileSync(path.join(REPO, 'examples', 'draft-with-problems.md'), 'utf8');
    fs.writeFileSync(file, original);
    const r = run(['lint', '--fix', '--format', 'json', file]);
    const fixed = fs.readFileSync(file, 'utf8');
    assert.match(r.stderr, /已修复/);
    assert.ok(fixed.includes('集中学习3次，个人自学'), 'the half-width comma is fixed');
    assert.ok(fixed.includes('〔2025〕12号') && fixed.includes('2025年12月22日'));
    const [report] = JSON.parse(r.stdout);
    const codes = report.diagnostics.map((d: { code: string }) => d.code);
    assert.ok(!codes.includes('half-width-punctuation') && !codes.includes('date-format'));
    assert.ok(codes.includes('missing-section'), 'what needs a writer stays');
    assert.equal(r.code, 1);
    const clean = path.join(tmp, 'clean.md');
    fs.copyFileSync(path.join(REPO, 'examples', 'duty-report.md'), clean);
    const before = fs.statSync(clean).mtimeMs;
    assert.equal(run(['lint', '--fix', clean]).code, 0);
    assert.equal(fs.statSync(clean).mtimeMs, before, 'a file with nothing to fix is not rewritten');
  });

  it('gives null as the template of ordinary Markdown', () => {
    const r = run(['lint', '--format', 'json', 'examples/meeting-notes.md']);
    assert.deepEqual(JSON.parse(r.stdout), [{ file: 'examples/meeting-notes.md', template: null, diagnostics: [] }]);
  });

  it('expands directories and globs', () => {
    const dir = run(['lint', '--format', 'json', 'examples']);
    const files = JSON.parse(dir.stdout).map((r: { file: string }) => r.file);
    assert.ok(files.length >= 8 && files.includes(path.join('examples', 'duty-report.md')));
    const glob = run(['lint', '--format', 'json', 'examples/*-report.md']);
    const globbed = JSON.parse(glob.stdout).map((r: { file: string }) => path.basename(r.file)).sort();
    assert.deepEqual(globbed, ['democratic-life-meeting-report.md', 'duty-report.md', 'org-life-meeting-report.md']);
  });

  it('in a folder, leaves out a draft\'s own export and its review copy, and checks a Word file of its own', () => {
    const dir = path.join(tmp, 'exported');
    fs.mkdirSync(dir);
    fs.copyFileSync(path.join(REPO, 'examples', 'draft-with-problems.md'), path.join(dir, '组织生活会.md'));
    assert.equal(run(['export', '组织生活会.md'], dir).code, 0);
    assert.equal(run(['review', '组织生活会.md'], dir).code, 0);
    fs.copyFileSync(path.join(dir, '组织生活会.docx'), path.join(dir, '去年的报告.docx'));
    assert.deepEqual(fs.readdirSync(dir).sort(), ['去年的报告.docx', '组织生活会-审阅稿.docx', '组织生活会.docx', '组织生活会.md']);
    for (const arg of [dir, path.join(dir, '*')]) {
      const files = JSON.parse(run(['lint', '--format', 'json', arg]).stdout).map((r: { file: string }) => path.basename(r.file));
      assert.deepEqual(files, ['去年的报告.docx', '组织生活会.md'], arg);
    }
    // Named on its own, the export is checked.
    assert.equal(JSON.parse(run(['lint', '--format', 'json', path.join(dir, '组织生活会.docx')]).stdout).length, 1);
    // A review copy whose draft is not beside it is a document of its own: checked.
    const alone = path.join(tmp, 'review-alone');
    fs.mkdirSync(alone);
    fs.copyFileSync(path.join(dir, '组织生活会-审阅稿.docx'), path.join(alone, '组织生活会-审阅稿.docx'));
    assert.deepEqual(JSON.parse(run(['lint', '--format', 'json', alone]).stdout).map((r: { file: string }) => path.basename(r.file)), ['组织生活会-审阅稿.docx']);
    // Exporting a folder of Word documents only: said, not a silent "0".
    const words = run(['export', alone]);
    assert.equal(words.code, 2);
    assert.match(words.stderr, /review-alone: 只有 Word 文档，没有要导出的 Markdown 文稿/);
  });

  it('leaves out a draft\'s export written to another folder (export -o) when both folders are checked, and says so', async () => {
    const root = path.join(tmp, 'export-elsewhere');
    const drafts = path.join(root, 'drafts');
    fs.mkdirSync(drafts, { recursive: true });
    fs.copyFileSync(path.join(REPO, 'examples', 'draft-with-problems.md'), path.join(drafts, '组织生活会.md'));
    assert.equal(run(['export', 'drafts', '-o', 'out'], root).code, 0);
    const checked = (args: string[]) => {
      const r = run(['lint', '--format', 'json', ...args], root);
      return { files: JSON.parse(r.stdout).map((x: { file: string }) => x.file), stderr: r.stderr };
    };
    for (const args of [['drafts', 'out'], ['out', 'drafts'], ['drafts', 'out/*.docx']]) {
      const r = checked(args);
      assert.deepEqual(r.files, [path.join('drafts', '组织生活会.md')], args.join(' '));
      assert.equal(r.stderr.trim(), `${path.join('out', '组织生活会.docx')}: 是 ${path.join('drafts', '组织生活会.md')} 导出的 Word 文档，已随该文稿检查，不再重复检查；要检查它，请单独写出它的文件名。`);
    }
    // Named on its own, it is checked; so is the export when its draft is not in the run.
    assert.deepEqual(checked(['drafts', path.join('out', '组织生活会.docx')]).files, [path.join('drafts', '组织生活会.md'), path.join('out', '组织生活会.docx')]);
    assert.deepEqual(checked(['out']).files, [path.join('out', '组织生活会.docx')]);
    // A Word document of the same name that the export did not write is a document of its own.
    const others = path.join(root, 'others');
    fs.mkdirSync(others);
    fs.writeFileSync(path.join(others, '组织生活会.docx'), await exportDocx('# 别的文件\n\n正文。\n'));
    const ours = fs.readFileSync(path.join(others, '组织生活会.docx'));
    // The same bytes without the export's paragraph styles (as another program writes styles.xml).
    const { unzipSync, zipSync, strFromU8, strToU8 } = await import('fflate');
    const parts = unzipSync(ours);
    parts['word/styles.xml'] = strToU8(strFromU8(parts['word/styles.xml']).replace(/w:styleId="(IssuerMark|HeadSpace)"/g, 'w:styleId="$1Other"'));
    fs.writeFileSync(path.join(others, '组织生活会.docx'), zipSync(parts));
    const r = checked(['drafts', 'others']);
    assert.deepEqual(r.files, [path.join('drafts', '组织生活会.md'), path.join('others', '组织生活会.docx')]);
    assert.equal(r.stderr, '');
  });

  it('exits 2 for a folder without a draft, saying which files it does take', () => {
    const dir = path.join(tmp, 'only-txt');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'seed.txt'), '关于召开专题组织生活会情况的报告\n');
    for (const command of ['lint', 'export']) {
      const r = run([command, dir]);
      assert.equal(r.code, 2, command);
      assert.match(r.stderr, /only-txt: 目录中没有 Markdown 或 Word 文稿（\.md、\.docx）；其他文件（如 \.txt）请逐个写出文件名。/, command);
    }
    assert.notEqual(run(['lint', path.join(dir, 'seed.txt')]).code, 2, 'a .txt named on its own is checked');
  });

  it('forces a type with --template', () => {
    const file = path.join(tmp, 'plain.md');
    fs.writeFileSync(file, '正文。\n');
    const r = run(['lint', '--format', 'json', '--template', 'duty-report', file]);
    const [report] = JSON.parse(r.stdout);
    assert.equal(report.template, 'duty-report');
    assert.ok(report.diagnostics.some((d: { code: string }) => d.code === 'missing-section'));
    assert.equal(r.code, 1);
  });

  it('exits 2 naming the file and the reason when it cannot be read', () => {
    const missing = run(['lint', path.join(tmp, 'nope.md')]);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /nope\.md: 无法读取：文件不存在/);
    // Neither UTF-8 nor GB18030 (0xFF never occurs in either). GBK itself is read: see hostile.test.ts.
    const garbled = path.join(tmp, 'garbled.md');
    fs.writeFileSync(garbled, Buffer.from([0x41, 0xff, 0x41, 0xff]));
    const r1 = run(['lint', garbled]);
    assert.equal(r1.code, 2);
    assert.match(r1.stderr, /garbled\.md: 无法读取：既不是 UTF-8 也不是 GB18030/);
    const bin = path.join(tmp, 'bin.md');
    fs.writeFileSync(bin, Buffer.from([0x23, 0x00, 0x01, 0x02]));
    const r2 = run(['lint', bin, 'examples/org-life-meeting-report.md']);
    assert.equal(r2.code, 2);
    assert.match(r2.stderr, /bin\.md: 无法读取：文件含 NUL 字节/);
    assert.match(r2.stdout, /2 个文件|1 个文件/);
  });

  it('exits 2 for usage errors', () => {
    assert.equal(run(['lint']).code, 2);
    assert.equal(run(['lint', '--format', 'xml', 'examples']).code, 2);
    assert.equal(run(['lint', '--template', 'no-such-type', 'examples']).code, 2);
    assert.equal(run(['frobnicate']).code, 2);
    assert.equal(run(['lint', '--bogus', 'examples']).code, 2);
  });

  it('says what a quiet success would hide: blanks left in an export, a review of a file that is no report, --fix on a Word file', () => {
    const dir = path.join(tmp, 'quiet');
    fs.mkdirSync(dir);
    assert.equal(run(['new', 'org-life-meeting-report', '-o', 'draft.md'], dir).code, 0);
    const exported = run(['export', 'draft.md'], dir);
    assert.equal(exported.code, 0, exported.stderr);
    const blanks = /文中还有 (\d+) 处像是没填的占位（如“([^”]+)”/.exec(exported.stderr);
    assert.ok(blanks, exported.stderr);
    // As many as the check counts (lint lists each of them).
    const listed = JSON.parse(run(['lint', '--format', 'json', 'draft.md'], dir).stdout)[0].diagnostics.filter((d: { code: string }) => d.code === 'unfilled-placeholder');
    assert.equal(Number(blanks[1]), listed.length);
    assert.ok(fs.readFileSync(path.join(dir, 'draft.md'), 'utf8').includes(blanks[2]));
    // A filled draft exports without the note.
    fs.copyFileSync(path.join(REPO, 'examples', 'org-life-meeting-report.md'), path.join(dir, 'filled.md'));
    assert.doesNotMatch(run(['export', 'filled.md'], dir).stderr, /没填的占位/);
    // Empty quotation marks are shown as marks, as the check shows them.
    fs.writeFileSync(path.join(dir, 'marks.md'), '以党的“”精神为指导，学习《》。\n');
    assert.match(run(['export', 'marks.md'], dir).stderr, /文中还有 2 处像是没填的占位（如「“”」「《》」）/);
    fs.writeFileSync(path.join(dir, 'notes.md'), '普通的笔记。\n');
    const review = run(['review', 'notes.md'], dir);
    assert.equal(review.code, 0);
    assert.match(review.stderr, /注意：notes\.md 未识别为党建报告，没有检查，所以没有批注。/);
    assert.doesNotMatch(run(['review', 'draft.md'], dir).stderr, /未识别/);
    fs.writeFileSync(path.join(dir, 'empty.md'), '\n');
    const empty = run(['export', 'empty.md'], dir);
    assert.equal(empty.code, 0);
    assert.match(empty.stderr, /^文稿是空的：导出的是一份只有版面、没有内容的文件。\n已导出/);
    const fixWord = run(['lint', '--fix', 'draft.docx'], dir);
    assert.match(fixWord.stderr, /draft\.docx: Word 文档只检查，不改写/);
  });

  it('export refuses an -o that is the draft itself, that names another kind of file, or a file for several drafts', () => {
    const dir = fs.mkdtempSync(path.join(tmp, 'export-o-'));
    const draft = fs.readFileSync(path.join(REPO, 'examples', 'org-life-meeting-report.md'), 'utf8');
    fs.writeFileSync(path.join(dir, 'a.md'), draft);
    fs.writeFileSync(path.join(dir, 'b.md'), draft);
    // With --force this once replaced the draft with its DOCX.
    const self = run(['export', 'a.md', '-o', 'a.md', '--force'], dir);
    assert.equal(self.code, 2);
    assert.equal(self.stderr, 'a.md: 导出不能写到文稿本身上（文稿保持不变）。请用 -o 指定另一个以 .docx 结尾的文件名。\n');
    assert.equal(fs.readFileSync(path.join(dir, 'a.md'), 'utf8'), draft, 'the draft is untouched');
    const md = run(['export', 'a.md', '-o', 'out.md'], dir);
    assert.equal(md.code, 2);
    assert.equal(md.stderr, 'out.md: 输出文件名应以 .docx 结尾（导出的是 Word 文档）。请改为如 out.docx。\n');
    assert.match(run(['export', 'a.md', '-o', 'report'], dir).stderr, /^report: 输出文件名应以 \.docx 结尾（导出的是 Word 文档）。请改为如 report\.docx。\n$/);
    const several = run(['export', 'a.md', 'b.md', '-o', 'one.docx'], dir);
    assert.equal(several.code, 2);
    assert.equal(several.stderr, '导出多个文稿时 -o 应为输出目录，one.docx 像是一个文件名。请指定一个目录（不存在时会创建）。\n');
    assert.deepEqual(fs.readdirSync(dir).sort(), ['a.md', 'b.md'], 'nothing was written');
    assert.equal(run(['export', 'a.md', '-o', 'ok.DOCX'], dir).code, 0, 'the extension in any case');
  });

  it('export says plainly why it cannot start: a wrong --soffice, a PDF already there (before converting), a folder it cannot write in', function () {
    if (process.platform === 'win32') this.skip();
    const dir = fs.mkdtempSync(path.join(tmp, 'export-msg-'));
    fs.copyFileSync(path.join(REPO, 'examples', 'org-life-meeting-report.md'), path.join(dir, 'a.md'));
    const wrong = run(['export', 'a.md', '--pdf', '--soffice', '/nonexistent/soffice'], dir);
    assert.equal(wrong.code, 2);
    assert.equal(wrong.stderr, '导出 PDF 需要 LibreOffice：指定的 soffice 路径 /nonexistent/soffice 不存在。请改正设置 partyReport.export.soffice（命令行用 --soffice）中的路径，或删去它以在 PATH 中查找。\n');
    // A stand-in soffice that leaves a mark: with a.pdf there, it must not run at all.
    const fake = path.join(dir, 'soffice');
    fs.writeFileSync(fake, `#!/bin/sh\ntouch "${path.join(dir, 'ran')}"\n`, { mode: 0o755 });
    fs.writeFileSync(path.join(dir, 'a.pdf'), 'old');
    const exists = run(['export', 'a.md', '--pdf', '--soffice', fake], dir);
    assert.equal(exists.code, 2);
    assert.equal(exists.stderr, 'a.pdf: 文件已存在，未覆盖（其中可能有你在别处做的修改）。确需覆盖请加 --force，或用 -o 指定另一个文件名。\n');
    assert.equal(fs.existsSync(path.join(dir, 'ran')), false, 'no conversion before the refusal');
    assert.equal(fs.readFileSync(path.join(dir, 'a.pdf'), 'utf8'), 'old');
    if (process.platform === 'linux') {
      // Node's own message named the temporary file.
      assert.equal(run(['export', 'a.md', '-o', '/proc/x.docx'], dir).stderr, '/proc/x.docx: 无法写入：不能在目录 /proc 中创建文件\n');
    }
  });

  it('tells UTF-16 saved without a BOM from a binary file', () => {
    const dir = fs.mkdtempSync(path.join(tmp, 'utf16-'));
    fs.writeFileSync(path.join(dir, 'u.md'), Buffer.from('# 标题\n正文。\n', 'utf16le'));
    fs.writeFileSync(path.join(dir, 'b.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 1, 0, 0]));
    assert.match(run(['lint', 'u.md'], dir).stderr, /^u\.md: 无法读取：文件像是没有 BOM 的 UTF-16 编码：请加 --encoding utf-16le（或 utf-16be），或另存为 UTF-8\n/);
    assert.match(run(['lint', 'b.md'], dir).stderr, /^b\.md: 无法读取：文件含 NUL 字节，看起来是二进制文件/);
    const r = run(['lint', '--encoding', 'utf-16le', '--format', 'json', 'u.md'], dir);
    assert.ok(r.code === 0 || r.code === 1, r.stderr);
  });

  it('says what is wrong with the arguments in Chinese, and shows the usage for --help after any command', () => {
    const unknown = run(['lint', '--bogus', 'examples']);
    assert.match(unknown.stderr, /^未知的选项 --bogus。若是以 - 开头的文件名，请写成 \.\/--bogus。\n用法：/);
    assert.match(run(['lint', 'examples', '--format']).stderr, /^选项 --format 缺少值。\n/);
    assert.match(run(['export', 'x.md', '-o']).stderr, /^选项 --output 缺少值。\n/);
    assert.match(run(['lint', '--fix=1', 'examples']).stderr, /^选项 --fix 不带值（写 --fix 即可）。\n/);
    assert.match(run(['rules', "it's"]).stderr, /^多余的参数 it's：这个命令不接受它。\n/);
    // After -- and as an option's value, -h is a file name.
    const dashH = run(['lint', '--', '-h']);
    assert.equal(dashH.code, 2);
    assert.match(dashH.stderr, /-h: 无法读取/);
    assert.match(run(['rules', 'extra']).stderr, /^多余的参数 extra：这个命令不接受它。\n/);
    for (const command of ['lint', 'export', 'new', 'rules']) {
      const help = run([command, '--help']);
      assert.equal(help.code, 0, command);
      assert.match(help.stdout, /^用法：\n  party-report lint /, command);
    }
    // Only the two languages there are: a typo does not switch to English.
    const typo = run(['--locale', 'cn', 'lint', 'examples']);
    assert.equal(typo.code, 2);
    assert.equal(typo.stderr, '--locale 只能是 zh-CN 或 en，收到 "cn"\n');
    assert.equal(run(['--locale', 'zh_CN', 'rules']).code, 0);
    assert.equal(run(['export', '--locale', 'fr', 'x.md']).code, 2);
  });

  for (const id of BUILTIN_TYPE_IDS) {
    it(`new ${id}: a draft that is detected as its type with no missing section`, () => {
      const file = path.join(tmp, `${id}.md`);
      const r = run(['new', id, '-o', file]);
      assert.equal(r.code, 0, r.stderr);
      const lintResult = run(['lint', '--format', 'json', file]);
      const [report] = JSON.parse(lintResult.stdout);
      assert.equal(report.template, id);
      assert.deepEqual(report.diagnostics.filter((d: { code: string }) => d.code === 'missing-section'), []);
    });
  }

  it('new: fills variables with --set, prints to stdout without -o, never overwrites without --force', () => {
    const r = run(['new', 'duty-report', '--set', 'name=张三', '--set', 'year=2025']);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /^# 2025年度抓基层党建工作述职报告$/m);
    assert.match(r.stdout, /^张三$/m);
    const file = path.join(tmp, 'existing.md');
    fs.writeFileSync(file, '我的稿子');
    const refused = run(['new', 'duty-report', '-o', file]);
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /文件已存在，未覆盖/);
    assert.equal(fs.readFileSync(file, 'utf8'), '我的稿子');
    assert.equal(run(['new', 'duty-report', '-o', file, '--force']).code, 0);
    assert.match(fs.readFileSync(file, 'utf8'), /述职报告/);
    assert.deepEqual(fs.readdirSync(tmp).filter((f) => f.endsWith('.tmp')), [], 'no temporary files left');
    assert.equal(run(['new', 'no-such-type']).code, 2);
    assert.equal(run(['new', 'duty-report', '--set', 'bogus=1']).code, 2);
    const missingDir = run(['new', 'duty-report', '-o', path.join(tmp, 'no', 'such', 'dir.md')]);
    assert.equal(missingDir.code, 2);
    assert.match(missingDir.stderr, /目录 .* 不存在/);
  });

  it('new: a type made with extends: names itself in the draft and has the sections it adds, so the draft checks as that type', () => {
    const ws = path.join(REPO, 'examples', 'workspace');
    const file = path.join(ws, `tmp-new-${process.pid}.md`);
    try {
      assert.equal(run(['new', 'my-org-life', '-o', file], ws).code, 0);
      const draft = fs.readFileSync(file, 'utf8');
      assert.match(draft, /^---\ntemplate: my-org-life\n/);
      // The section the definition adds, after the one it follows, with its hint to replace.
      assert.match(draft, /## 一、会前准备工作\n[\s\S]*## 二、上次组织生活会整改落实情况\n\n【逐项写明上次查摆问题的整改结果】\n\n## 三、组织生活会召开情况/);
      const checked = JSON.parse(run(['lint', '--format', 'json', file], ws).stdout)[0];
      assert.equal(checked.template, 'my-org-life');
      assert.deepEqual(checked.diagnostics.filter((d: { severity: string }) => d.severity === 'error'), [], 'a new draft has every required section');
    } finally {
      fs.rmSync(file, { force: true });
    }
  });

  it('new: a type of the project the writer is in, with -o outside it: made, with a word about where it is checked', () => {
    const ws = path.join(REPO, 'examples', 'workspace');
    const file = path.join(tmp, 'minutes.md');
    const r = run(['new', 'party-group-minutes', '-o', file], ws);
    assert.equal(r.code, 0, r.stderr);
    assert.match(fs.readFileSync(file, 'utf8'), /^---\ntemplate: party-group-minutes\n/);
    assert.match(r.stderr, /注意：.*minutes\.md 不在定义类型 party-group-minutes 的项目（.*workspace）里/);
  });

  it('lists the report types', () => {
    const r = run(['templates']);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /^org-life-meeting-report\t专题组织生活会召开情况报告$/m);
    assert.deepEqual(r.stdout.trim().split('\n').map((l) => l.split('\t')[0]).sort(), BUILTIN_TYPE_IDS);
  });

  it('skips a file over the size limit with a clear message instead of hanging', () => {
    const big = path.join(tmp, 'big.md');
    // 5.5 million characters in ASCII: read (5.5 MB), then not checked, with a note.
    fs.writeFileSync(big, 'ab. '.repeat(1_375_000));
    const r = run(['lint', '--format', 'json', big]);
    const [report] = JSON.parse(r.stdout);
    assert.equal(report.diagnostics[0].code, 'size-limit');
    assert.match(report.diagnostics[0].message, /超过校验上限/);
    // 16.5 MB of Chinese can't be under the limit: refused before reading a byte.
    fs.writeFileSync(big, '一是学习。'.repeat(1_100_000));
    const refused = run(['lint', '--format', 'json', big]);
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /big\.md: 无法读取：文件过大（16500000 字节，上限 15000000 字节），未读取/);
  });
});
