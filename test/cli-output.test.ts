/**
 * The CLI's output (cli/src/output.ts): written straight to the descriptor, and through the stream,
 * in order, from the first write that would block.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Output } from '../cli/src/output';
import { CLI_ENV, REPO } from './helpers/shared';

/** A stand-in for process.stdout: what was written through it, in order. */
function fakeStream(): { stream: NodeJS.WriteStream; chunks: Buffer[] } {
  const chunks: Buffer[] = [];
  const stream = {
    write: (chunk: string | Uint8Array, done?: () => void) => {
      chunks.push(Buffer.from(chunk));
      done?.();
      return true;
    },
    on: () => stream,
    isTTY: false,
  } as unknown as NodeJS.WriteStream;
  return { stream, chunks };
}

describe('CLI output', function () {
  this.timeout(60000);
  let tmp: string;
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'party-report-output-'));
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('writes to the descriptor without building the stream', function () {
    if (process.platform === 'win32') this.skip(); // the console takes the stream there
    const file = path.join(tmp, 'out.txt');
    const fd = fs.openSync(file, 'w');
    const { stream, chunks } = fakeStream();
    let built = 0;
    const out = new Output(fd, () => (built++, stream), () => assert.fail('not closed'));
    out.write('第一行\n');
    out.write('second 😀\n');
    let done = false;
    out.whenWritten(() => (done = true));
    fs.closeSync(fd);
    assert.equal(fs.readFileSync(file, 'utf8'), '第一行\nsecond 😀\n');
    assert.deepEqual({ built, chunks: chunks.length, done }, { built: 0, chunks: 0, done: true });
  });

  it('goes on through the stream, in order, from the write a full non-blocking pipe refuses', function () {
    if (process.platform === 'win32' || spawnSync('mkfifo', ['--version']).error) this.skip();
    const fifo = path.join(tmp, 'pipe');
    assert.equal(spawnSync('mkfifo', [fifo]).status, 0);
    // Read and write ends at once (O_RDWR), non-blocking: writes fail with EAGAIN once the pipe holds its 64 KB or so.
    const fd = fs.openSync(fifo, fs.constants.O_RDWR | fs.constants.O_NONBLOCK);
    try {
      const { stream, chunks } = fakeStream();
      const out = new Output(fd, () => stream, () => assert.fail('not closed'));
      const lines = Array.from({ length: 4000 }, (_, i) => `第 ${i} 行：${'内容'.repeat(10)}\n`);
      for (const line of lines) out.write(line);
      let viaStream = false;
      out.whenWritten(() => (viaStream = chunks.length > 0));
      const direct: Buffer[] = [];
      const buffer = Buffer.alloc(65536);
      for (;;) {
        let n = 0;
        try {
          n = fs.readSync(fd, buffer, 0, buffer.length, null);
        } catch (e) {
          if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') throw e;
        }
        if (n <= 0) break;
        direct.push(Buffer.from(buffer.subarray(0, n)));
      }
      const whole = Buffer.from(lines.join(''));
      assert.ok(Buffer.concat(direct).length > 0 && Buffer.concat(direct).length < whole.length, 'part went straight to the pipe');
      assert.ok(viaStream, 'the rest went through the stream');
      assert.ok(Buffer.concat([...direct, ...chunks]).equals(whole), 'nothing lost, nothing twice, in order');
    } finally {
      fs.closeSync(fd);
    }
  });

  it('a closed reader ends the run quietly, and export messages still reach stderr whole', function () {
    if (process.platform === 'win32') this.skip();
    const CLI = path.join(REPO, 'dist', 'cli.js');
    // stderr a pipe (spawnSync), a file, and a closed descriptor: the messages, or nothing and no crash.
    // The draft has four blanks left: the note about them comes before the result.
    const out = path.join(tmp, 'a.docx');
    const said = `文中还有 4 处像是没填的占位（如“XXXX”“X”“XX”），照原样导出；报告中的每一处可用 party-report lint 列出。\n已导出 ${out}\n`;
    const piped = spawnSync(process.execPath, [CLI, 'export', 'examples/draft-with-problems.md', '-o', out], { cwd: REPO, encoding: 'utf8', env: CLI_ENV });
    assert.equal(piped.status, 0, piped.stderr);
    assert.equal(piped.stderr, said);
    const log = path.join(tmp, 'err.txt');
    const toFile = spawnSync('bash', ['-c', `"${process.execPath}" "${CLI}" export examples/draft-with-problems.md -o "${out}" --force 2>"${log}"`], { cwd: REPO, env: CLI_ENV });
    assert.equal(toFile.status, 0);
    assert.equal(fs.readFileSync(log, 'utf8'), said);
    const closed = spawnSync('bash', ['-c', `"${process.execPath}" "${CLI}" export examples/draft-with-problems.md -o "${out}" --force 2>&-`], { cwd: REPO, encoding: 'utf8', env: CLI_ENV });
    assert.equal(closed.status, 0, closed.stdout);
  });
});
