/**
 * The CLI's output: stdout and stderr, written straight to file descriptors 1 and 2 where that keeps
 * the order of what is written.
 *
 * The first use of `process.stdout` or `process.stderr` builds a stream, and loads the stream
 * machinery behind it: a few milliseconds of a short run (`lint` of one draft, `export` of one),
 * which is a few tens of milliseconds in all beyond Node's own start (docs/benchmarks.md). A
 * synchronous write to the descriptor costs a tenth of a millisecond. Where Node's stream is
 * synchronous anyway (files, terminals, and pipes on Linux), nothing changes but the cost; the
 * stream is used instead
 * - on Windows, where the console needs the stream's conversion to show Chinese;
 * - once a write would block (a non-blocking pipe that is full): the rest, and everything after it,
 *   goes through the stream, so what is written stays in order.
 */
import * as fs from 'node:fs';
import type * as Tty from 'node:tty';
import { t } from '../../engine';

export class Output {
  private throughStream = process.platform === 'win32';

  /**
   * @param fd 1 or 2
   * @param stream process.stdout or process.stderr, built on first use
   * @param closed what to do when nobody reads any more (EPIPE)
   */
  constructor(
    private readonly fd: number,
    private readonly stream: () => NodeJS.WriteStream,
    private readonly closed: () => void,
  ) {}

  write(text: string): void {
    if (!this.throughStream) {
      const bytes = Buffer.from(text, 'utf8');
      let written = 0;
      try {
        while (written < bytes.length) written += fs.writeSync(this.fd, bytes, written, bytes.length - written);
        return;
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'EPIPE' || code === 'EBADF') return this.closed();
        this.useStream();
        this.stream().write(bytes.subarray(written));
        return;
      }
    }
    this.useStream();
    this.stream().write(text);
  }

  /** Whether this is a terminal, without building the stream (node:tty costs about as much, so it is loaded only here). */
  isTerminal(): boolean {
    return this.throughStream ? Boolean(this.stream().isTTY) : (require('node:tty') as typeof Tty).isatty(this.fd);
  }

  /** Calls `done` once everything written so far has been handed on. */
  whenWritten(done: () => void): void {
    if (this.throughStream) this.stream().write('', done);
    else done();
  }

  private streamReady = false;
  private useStream(): void {
    this.throughStream = true;
    if (this.streamReady) return;
    this.streamReady = true;
    if (this.fd === 1) {
      this.stream().on('error', (e: NodeJS.ErrnoException) => {
        if (e.code !== 'EPIPE') throw e;
        this.closed();
      });
    }
  }
}

/**
 * A reader that stops early (`party-report rules | head -1`) closes the pipe: stop the way Unix tools
 * do when SIGPIPE ends them (exit 141), without a stack trace.
 */
export const stdout = new Output(1, () => process.stdout, () => process.exit(141));
/** Nobody reads stderr any more (closed pipe or descriptor): its messages have nowhere to go. */
export const stderr = new Output(2, () => process.stderr, () => undefined);

/** A line on stderr (a newline added where it has none). */
export function writeStderrLine(text: string): void {
  stderr.write(text.endsWith('\n') ? text : text + '\n');
}

/**
 * Ends the process as soon as its output has been handed on, instead of waiting for the event loop
 * to drain. As a short run's loop empties, V8 still runs the garbage collection it had scheduled as
 * tasks: after a 60-page export a scavenge and a full mark-compact, up to 13 ms that nothing needs
 * (docs/benchmarks.md); after `lint` of one draft a scavenge. Written straight to the descriptors,
 * the output is out already; through a stream, the callback of an empty write comes after every
 * earlier write on it, so nothing is lost where pipes are asynchronous. `exit` handlers (the code
 * cache, engine/io/code-cache.ts) still run. Called once the command's work is done.
 */
function exitOnceWritten(): void {
  stdout.whenWritten(() => stderr.whenWritten(() => process.exit()));
}

/**
 * How a CLI run ends: with the command's exit code once its output is handed on, or, when the
 * command failed unexpectedly, with the error in words and exit code 2.
 */
export function endWith(run: Promise<number>): void {
  run.then(
    (code) => {
      process.exitCode = code;
      // Every command has finished its work (written its files, ended its workers) when it returns.
      exitOnceWritten();
    },
    (e: Error) => {
      stderr.write(t('party-report 出错：{0}', e.message) + '\n');
      process.exitCode = 2;
    },
  );
}
