/**
 * `party-report lint` over many files on every core: worker threads (running this same bundle)
 * check files handed out one at a time, and the outcomes are passed on in file order, so the output
 * is the same as checking them one after another. A few files are checked in this thread: starting
 * workers costs more than it saves.
 */
import * as os from 'node:os';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { getLocale, setLocale, t, type Locale } from '../../engine';
import { lintFile, type FileOutcome, type LintArgs } from './commands/lint';

/** Below this many files per worker, workers do not pay for their start (about 40 ms each). */
const MIN_FILES_PER_WORKER = 4;

interface Task {
  index: number;
  file: string;
}

interface WorkerSetup {
  partyReportLintWorker: true;
  locale: Locale;
  args: Pick<LintArgs, 'template' | 'fix' | 'explain' | 'format' | 'encoding' | 'maxDiagnostics'>;
}

export function defaultJobs(): number {
  return Math.max(1, os.availableParallelism?.() ?? os.cpus().length);
}

/** True in a worker thread started by lintFiles: the CLI's entry then serves tasks instead of running. */
export function isLintWorker(): boolean {
  return !isMainThread && (workerData as WorkerSetup | undefined)?.partyReportLintWorker === true;
}

export function serveLintTasks(): void {
  const setup = workerData as WorkerSetup;
  setLocale(setup.locale);
  parentPort!.on('message', (task: Task) => {
    let outcome: FileOutcome;
    try {
      outcome = lintFile(task.file, setup.args);
    } catch (e) {
      outcome = { messages: [{ text: `${task.file}: ${(e as Error).message}` }], unreadable: true };
    }
    parentPort!.postMessage({ index: task.index, outcome });
  });
}

/**
 * Checks every file and calls `each` with the outcomes in file order. On a terminal, a run that
 * takes more than a second shows "files done / total" on stderr.
 */
export async function lintFiles(files: string[], args: LintArgs, jobs: number | undefined, each: (o: FileOutcome) => void): Promise<void> {
  const progress = new Progress(files.length);
  const workers = Math.min(jobs ?? defaultJobs(), Math.floor(files.length / MIN_FILES_PER_WORKER));
  if (workers <= 1) {
    files.forEach((file, i) => {
      each(lintFile(file, args));
      progress.update(i + 1);
    });
    progress.done();
    return;
  }

  const done = new Map<number, FileOutcome>();
  let next = 0; // next file to hand out
  let emitted = 0; // outcomes passed on, in order
  const setup: WorkerSetup = { partyReportLintWorker: true, locale: getLocale(), args: { template: args.template, fix: args.fix, explain: args.explain, format: args.format, encoding: args.encoding, maxDiagnostics: args.maxDiagnostics } };
  const pool: Worker[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      const handOut = (w: Worker) => {
        if (next < files.length) {
          w.postMessage({ index: next, file: files[next] } satisfies Task);
          next++;
        }
      };
      for (let k = 0; k < workers; k++) {
        const w = new Worker(__filename, { workerData: setup });
        pool.push(w);
        w.on('message', (m: { index: number; outcome: FileOutcome }) => {
          done.set(m.index, m.outcome);
          handOut(w);
          while (done.has(emitted)) {
            each(done.get(emitted)!);
            done.delete(emitted);
            emitted++;
          }
          progress.update(emitted);
          if (emitted === files.length) resolve();
        });
        w.on('error', reject);
        w.on('exit', (code) => {
          if (emitted < files.length) reject(new Error(t('检查进程意外退出（代码 {0}）', code)));
        });
        // Two tasks each: a worker never waits for the main thread between files.
        handOut(w);
        handOut(w);
      }
    });
  } finally {
    progress.done();
    await Promise.all(pool.map((w) => w.terminate()));
  }
}

/** "已检查 12/1000 个文件" on stderr, only on a terminal and only once the run has taken a second. */
class Progress {
  private readonly started = Date.now();
  private shown = false;
  private lastDraw = 0;
  private readonly tty = Boolean(process.stderr.isTTY);

  constructor(private readonly total: number) {}

  update(doneCount: number): void {
    if (!this.tty) return;
    const now = Date.now();
    if (now - this.started < 1000 || now - this.lastDraw < 100) return;
    this.lastDraw = now;
    this.shown = true;
    process.stderr.write(`\r${t('已检查 {0}/{1} 个文件', doneCount, this.total)}\x1b[K`);
  }

  done(): void {
    if (this.shown) process.stderr.write('\r\x1b[K');
    this.shown = false;
  }
}
