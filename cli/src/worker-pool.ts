/**
 * Worker threads for the CLI's batches (lint --jobs, export of a folder): each runs this same
 * bundle, which serves tasks when it sees its workerData (cli/src/main.ts).
 */
import * as os from 'node:os';
import type { Worker } from 'node:worker_threads';

type WorkerThreads = typeof import('node:worker_threads');
let loaded: WorkerThreads | undefined;

/**
 * node:worker_threads, loaded on first use: it brings Node's worker and message-port modules, a
 * millisecond of every run's start, which only batches need (and the threads themselves).
 */
export function workerThreads(): WorkerThreads {
  loaded ??= require('node:worker_threads') as WorkerThreads;
  return loaded;
}

/** Given to each thread of a Pool as its argument (process.argv), so that a run tells it is one without loading worker_threads. */
const POOL_THREAD_ARG = '--party-report-pool-thread';

/** The workerData of this thread if it is one a Pool started, else undefined (the main thread of every run). */
export function poolThreadData(): unknown {
  if (!process.argv.includes(POOL_THREAD_ARG)) return undefined;
  const threads = workerThreads();
  return threads.isMainThread ? undefined : threads.workerData;
}

/** --jobs by default: every core. */
export function defaultJobs(): number {
  return Math.max(1, os.availableParallelism?.() ?? os.cpus().length);
}

/** Worker threads that take tasks two at a time (so none waits for this thread between tasks). */
export class Pool<Task, Reply> {
  private readonly workers: Worker[] = [];
  private onReply: ((w: Worker, reply: Reply) => void) | undefined;
  private onFailure: ((e: Error) => void) | undefined;
  private closing = false;

  /** `exited` says, in the user's language, that a worker stopped with this exit code mid-run. */
  constructor(count: number, setup: unknown, exited: (code: number) => string) {
    for (let k = 0; k < count; k++) {
      const w = new (workerThreads().Worker)(__filename, { workerData: setup, argv: [POOL_THREAD_ARG] });
      this.workers.push(w);
      w.on('message', (m: Reply) => this.onReply?.(w, m));
      w.on('error', (e) => this.onFailure?.(e));
      w.on('exit', (code) => {
        if (!this.closing) this.onFailure?.(new Error(exited(code)));
      });
    }
  }

  /**
   * Hands out the tasks; resolves once every one has been answered (`reply` sees each answer).
   * `ownerOf` may name the worker (by threadId) that should do a task: it takes its own tasks in
   * order, then the others' from their end once it has none left.
   */
  run(tasks: Task[], reply: (m: Reply) => void, ownerOf?: (task: Task) => number | undefined): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      let answered = 0;
      const queues = new Map<number | undefined, Task[]>(this.workers.map((w) => [w.threadId, []]));
      const anyone: Task[] = [];
      for (const task of tasks) (queues.get(ownerOf?.(task)) ?? anyone).push(task);
      // Queues are taken from the front (reversed, so that pop() is the front) and stolen from the back.
      for (const q of [...queues.values(), anyone]) q.reverse();
      const handOut = (w: Worker) => {
        let task = queues.get(w.threadId)!.pop() ?? anyone.pop();
        if (task === undefined) {
          const longest = [...queues.values()].reduce((a, b) => (b.length > a.length ? b : a));
          task = longest.shift();
        }
        if (task !== undefined) w.postMessage(task);
      };
      this.onFailure = reject;
      this.onReply = (w, m) => {
        answered++;
        handOut(w);
        try {
          reply(m);
        } catch (e) {
          reject(e);
        }
        if (answered === tasks.length) resolve();
      };
      if (tasks.length === 0) return resolve();
      for (const w of this.workers) {
        handOut(w);
        handOut(w);
      }
    });
  }

  broadcast(message: Task): void {
    for (const w of this.workers) w.postMessage(message);
  }

  async terminate(): Promise<void> {
    this.closing = true;
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

/**
 * Passes outcomes on in task order as they arrive out of order: the output of a batch is the same
 * as doing its tasks one after another.
 */
export class InOrder<T> {
  private readonly done = new Map<number, T>();
  /** How many outcomes have been passed on. */
  emitted = 0;

  constructor(private readonly each: (outcome: T) => void) {}

  add(index: number, outcome: T): void {
    this.done.set(index, outcome);
    while (this.done.has(this.emitted)) {
      this.each(this.done.get(this.emitted)!);
      this.done.delete(this.emitted);
      this.emitted++;
    }
  }
}
