/**
 * `party-report lint` over many files on every core: worker threads (running this same bundle)
 * check files handed out one at a time, and the outcomes are passed on in file order, so the output
 * is the same as checking them one after another. A few files are checked in this thread: starting
 * workers costs more than it saves.
 *
 * When copied-paragraph compares the files with each other (and the archive), the run has two
 * rounds: the workers first read and sign every corpus file (parsing and hashing paragraphs is most
 * of building the index) and send them back packed; this thread passes all the packs, in corpus
 * order, to every worker, which files them into its own copy of the index — the same index,
 * bucket for bucket, as the one --jobs 1 builds — and then checks files as usual.
 */
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { getLocale, setLocale, t, type Locale, type ParagraphIndex } from '../../engine';
import { lintFile, type FileOutcome, type LintArgs } from './commands/lint';
import { defaultJobs, InOrder, Pool } from './worker-pool';
import { CliCorpus, cwdMasking, emptyIndex, packCorpusFile, type PackedCorpusFile } from './corpus';

/** Below this many files per worker, workers do not pay for their start (about 40 ms each). */
const MIN_FILES_PER_WORKER = 4;
/** The same for files only compared with (an archive): reading and signing one is a few ms. */
const MIN_CORPUS_FILES_PER_WORKER = 20;
/** Corpus files a worker reads per task: small enough to share the work out evenly. */
const MAX_FILES_PER_PACK_TASK = 16;

type ToWorker =
  | { kind: 'lint'; index: number; file: string }
  | { kind: 'pack'; index: number; files: string[] }
  | { kind: 'corpus'; packs: Array<PackedCorpusFile | undefined> };

type FromWorker = { kind: 'linted'; index: number; outcome: FileOutcome } | { kind: 'packed'; index: number; packs: Array<PackedCorpusFile | undefined> };

interface WorkerSetup {
  partyReportLintWorker: true;
  locale: Locale;
  args: Pick<LintArgs, 'template' | 'fix' | 'explain' | 'format' | 'encoding' | 'maxDiagnostics'>;
}

/** True in a worker thread started by lintFiles: the CLI's entry then serves tasks instead of running. */
export function isLintWorker(): boolean {
  return !isMainThread && (workerData as WorkerSetup | undefined)?.partyReportLintWorker === true;
}

export function serveLintTasks(): void {
  const setup = workerData as WorkerSetup;
  setLocale(setup.locale);
  let corpus: CliCorpus | undefined;
  let signer: ParagraphIndex | undefined;
  parentPort!.on('message', (task: ToWorker) => {
    if (task.kind === 'corpus') {
      corpus = CliCorpus.fromPacks(task.packs);
      return;
    }
    if (task.kind === 'pack') {
      signer ??= emptyIndex();
      const packs = task.files.map((file) => {
        try {
          return packCorpusFile(signer!, file);
        } catch {
          return undefined; // like indexFile: a file that cannot be read is left out of the comparison
        }
      });
      const buffers = packs.flatMap((p) => (p ? [p.lines.buffer, p.starts.buffer, p.shingleEnds.buffer, p.shingles.buffer, p.bandKeys.buffer] : [])) as ArrayBuffer[];
      parentPort!.postMessage({ kind: 'packed', index: task.index, packs } satisfies FromWorker, buffers);
      return;
    }
    let outcome: FileOutcome;
    try {
      outcome = lintFile(task.file, setup.args, corpus);
    } catch (e) {
      outcome = { messages: [{ text: `${task.file}: ${(e as Error).message}` }], unreadable: true };
    }
    parentPort!.postMessage({ kind: 'linted', index: task.index, outcome } satisfies FromWorker);
  });
}

/**
 * Checks every file and calls `each` with the outcomes in file order. `corpusFiles` (from
 * corpusFilesFor) are compared for copied-paragraph when there are at least two that can be read.
 * On a terminal, a run that takes more than a second shows "files done / total" on stderr.
 */
export async function lintFiles(files: string[], args: LintArgs, jobs: number | undefined, each: (o: FileOutcome) => void, corpusFiles: string[] = []): Promise<void> {
  const progress = new Progress();
  // A large archive is worth workers even for one draft: they read it.
  const worth = Math.max(Math.floor(files.length / MIN_FILES_PER_WORKER), Math.floor(corpusFiles.length / MIN_CORPUS_FILES_PER_WORKER));
  const workers = Math.min(jobs ?? defaultJobs(), worth);
  if (workers <= 1) {
    const corpus = corpusFiles.length ? new CliCorpus(files, ...cwdMasking(), corpusFiles) : undefined;
    const useful = corpus?.useful ? corpus : undefined;
    files.forEach((file, i) => {
      each(lintFile(file, args, useful));
      progress.update(t('已检查 {0}/{1} 个文件', i + 1, files.length));
    });
    progress.done();
    return;
  }

  const setup: WorkerSetup = { partyReportLintWorker: true, locale: getLocale(), args: { template: args.template, fix: args.fix, explain: args.explain, format: args.format, encoding: args.encoding, maxDiagnostics: args.maxDiagnostics } };
  const pool = new Pool<ToWorker, FromWorker>(workers, setup, (code) => t('检查进程意外退出（代码 {0}）', code));
  try {
    if (corpusFiles.length) {
      // Round 1: the corpus files read and signed, a few per task, put back in corpus order.
      const size = Math.max(1, Math.min(MAX_FILES_PER_PACK_TASK, Math.ceil(corpusFiles.length / (workers * 8))));
      const tasks: ToWorker[] = [];
      for (let i = 0; i < corpusFiles.length; i += size) tasks.push({ kind: 'pack', index: tasks.length, files: corpusFiles.slice(i, i + size) });
      const packs: Array<PackedCorpusFile | undefined> = new Array(corpusFiles.length);
      let read = 0;
      await pool.run(tasks, (reply) => {
        if (reply.kind !== 'packed') return;
        reply.packs.forEach((p, k) => (packs[reply.index * size + k] = p));
        read += reply.packs.length;
        progress.update(t('比对照搬段落：已读取 {0}/{1} 个文件', read, corpusFiles.length));
      });
      // As CliCorpus.useful: nothing to compare with unless two files could be read.
      if (packs.filter(Boolean).length > 1) pool.broadcast({ kind: 'corpus', packs });
    }
    // Round 2: the checks, passed on in file order as they complete.
    const inOrder = new InOrder(each);
    await pool.run(
      files.map((file, index) => ({ kind: 'lint', index, file })),
      (reply) => {
        if (reply.kind !== 'linted') return;
        inOrder.add(reply.index, reply.outcome);
        progress.update(t('已检查 {0}/{1} 个文件', inOrder.emitted, files.length));
      },
    );
  } finally {
    progress.done();
    await pool.terminate();
  }
}

/**
 * "已检查 12/1000 个文件" on stderr, only on a terminal and only once the run has taken a second
 * (PARTY_REPORT_PROGRESS_AFTER_MS changes that second: the tests show the line on small folders).
 */
class Progress {
  private readonly started = Date.now();
  private readonly after = Number(process.env.PARTY_REPORT_PROGRESS_AFTER_MS ?? 1000);
  private shown = false;
  private lastDraw = 0;
  private readonly tty = Boolean(process.stderr.isTTY);

  update(line: string): void {
    if (!this.tty) return;
    const now = Date.now();
    if (now - this.started < this.after || now - this.lastDraw < 100) return;
    this.lastDraw = now;
    this.shown = true;
    process.stderr.write(`\r${line}\x1b[K`);
  }

  done(): void {
    if (this.shown) process.stderr.write('\r\x1b[K');
    this.shown = false;
  }
}
