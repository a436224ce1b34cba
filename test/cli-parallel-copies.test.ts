/**
 * `party-report lint` of a folder with copied-paragraph on worker threads: the workers read and
 * sign the corpus, each builds the same index from the packs, and the output is the same as with
 * one thread — copies between the files and from the archive (.md and .docx) included.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { exportDocx } from '../engine/export';
import { generateReports } from './helpers/generate-reports';
import { CLI_ENV, REPO } from './helpers/shared';

const CLI = path.join(REPO, 'dist', 'cli.js');
const run = (args: string[], cwd: string) => {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 120000, env: CLI_ENV, maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

interface Finding {
  code: string;
  line: number;
  message: string;
  related?: Array<{ file: string; line: number; unit: string }>;
}

describe('lint of a folder on worker threads, with copied-paragraph', function () {
  this.timeout(240000);
  let dir: string;
  const reports = generateReports(60);
  const [lastYear] = generateReports(1, 11);
  const [older] = generateReports(1, 12);

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'party-report-jobs-'));
    const archive = path.join(dir, '.party-report', 'archive');
    fs.mkdirSync(archive, { recursive: true });
    fs.writeFileSync(path.join(archive, '2024年材料.docx'), await exportDocx(lastYear.text));
    fs.writeFileSync(path.join(archive, '2023.md'), older.text);
    for (const r of reports) {
      const lines = r.text.split('\n');
      // Two reports take a paragraph from the archive: one from the .docx, one from the .md.
      if (r.name === 'report-0005.md') lines[7] = lastYear.text.split('\n')[7];
      if (r.name === 'report-0007.md') lines[10] = older.text.split('\n')[10];
      fs.writeFileSync(path.join(dir, r.name), lines.join('\n'));
    }
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('gives the same JSON with --jobs 1 and --jobs 2, every copy found', () => {
    const one = run(['lint', '--format', 'json', '--jobs', '1', '.'], dir);
    const two = run(['lint', '--format', 'json', '--jobs', '2', '.'], dir);
    assert.equal(one.stderr, '');
    assert.equal(two.stderr, '');
    assert.equal(two.code, one.code);
    assert.equal(two.stdout, one.stdout);

    const out = JSON.parse(two.stdout) as Array<{ file: string; diagnostics: Finding[] }>;
    assert.deepEqual(
      out.map((f) => f.file),
      reports.map((r) => r.name),
      'the files given, in order; the archive is compared with, not checked',
    );
    const copies = (name: string) => out.find((f) => f.file === name)!.diagnostics.filter((d) => d.code === 'copied-paragraph');
    // Between the files: each planted copy names its source (the source names the copy back).
    const planted = reports.flatMap((r) => r.copies.map((c) => ({ ...c, name: r.name })));
    assert.equal(planted.length, 4);
    for (const c of planted) {
      const d = copies(c.name).find((x) => x.line === c.line + 1);
      assert.ok(d, `${c.name}:${c.line + 1}`);
      assert.deepEqual([d.related![0].file, d.related![0].line], [c.from, c.fromLine + 1]);
      assert.ok(copies(c.from).some((x) => x.line === c.fromLine + 1 && x.related![0].file === c.name));
    }
    // From the archive: the .docx by paragraph, the .md by line.
    const fromDocx = copies('report-0005.md').find((x) => x.line === 8)!;
    assert.equal(fromDocx.related![0].file, path.join('.party-report', 'archive', '2024年材料.docx'));
    assert.equal(fromDocx.related![0].unit, 'paragraph');
    const fromMarkdown = copies('report-0007.md').find((x) => x.line === 11)!;
    assert.deepEqual(fromMarkdown.related!.map((x) => [x.file, x.line, x.unit]), [[path.join('.party-report', 'archive', '2023.md'), 11, 'line']]);
    assert.match(fromMarkdown.message, /^本段与 \.party-report\/archive\/2023\.md 第 11 行的段落相同/);
  });

  it('gives the same text and SARIF output with --jobs 1 and --jobs 2', () => {
    for (const format of ['text', 'sarif']) {
      const one = run(['lint', '--format', format, '--jobs', '1', '.'], dir);
      const two = run(['lint', '--format', format, '--jobs', '2', '.'], dir);
      assert.ok(one.stdout.includes('copied-paragraph'), format);
      assert.equal(two.stdout, one.stdout, format);
    }
  });

  it('checks one draft against a large archive on workers too, with the same result', () => {
    const big = fs.mkdtempSync(path.join(os.tmpdir(), 'party-report-jobs-archive-'));
    try {
      const archive = path.join(big, '.party-report', 'archive');
      fs.mkdirSync(archive, { recursive: true });
      for (const r of reports) fs.writeFileSync(path.join(archive, r.name), r.text);
      const lines = lastYear.text.split('\n');
      lines[8] = reports[33].text.split('\n')[8];
      fs.writeFileSync(path.join(big, '2025.md'), lines.join('\n'));
      const one = run(['lint', '--format', 'json', '--jobs', '1', '2025.md'], big);
      const two = run(['lint', '--format', 'json', '--jobs', '2', '2025.md'], big);
      assert.equal(two.stdout, one.stdout);
      const [report] = JSON.parse(two.stdout) as Array<{ diagnostics: Finding[] }>;
      const d = report.diagnostics.find((x) => x.code === 'copied-paragraph' && x.line === 9)!;
      assert.deepEqual([d.related![0].file, d.related![0].line], [path.join('.party-report', 'archive', reports[33].name), 9]);
    } finally {
      fs.rmSync(big, { recursive: true, force: true });
    }
  });

  // On a terminal (a pseudo-terminal from script(1)), with the one-second wait set to none.
  const onTerminal = (jobs: string) => {
    const out = path.join(dir, '..', `${path.basename(dir)}-${jobs}.json`);
    const command = `${JSON.stringify(process.execPath)} ${JSON.stringify(CLI)} lint --format json --jobs ${jobs} . > ${JSON.stringify(out)}`;
    const r = spawnSync('script', ['-qec', command, '/dev/null'], { cwd: dir, encoding: 'utf8', timeout: 120000, env: { ...CLI_ENV, PARTY_REPORT_PROGRESS_AFTER_MS: '0' } });
    fs.rmSync(out, { force: true });
    return r;
  };

  it('shows files done / total on stderr on a terminal, with and without workers, and clears it', function () {
    if (spawnSync('script', ['-V']).error) this.skip();
    for (const jobs of ['1', '2']) {
      const r = onTerminal(jobs);
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stdout, /\r已检查 \d+\/60 个文件\x1b\[K/, jobs);
      assert.ok(r.stdout.endsWith('\r\x1b[K'), `the line is cleared at the end (--jobs ${jobs}): ${JSON.stringify(r.stdout.slice(-40))}`);
    }
    // With workers, reading the corpus comes first and says so.
    assert.match(onTerminal('2').stdout, /\r比对照搬段落：已读取 \d+\/62 个文件/);
  });

  it('shows no progress line when stderr is not a terminal', () => {
    const r = spawnSync(process.execPath, [CLI, 'lint', '--format', 'json', '--jobs', '2', '.'], { cwd: dir, encoding: 'utf8', env: { ...CLI_ENV, PARTY_REPORT_PROGRESS_AFTER_MS: '0' } });
    assert.equal(r.stderr, '');
  });
});
