/**
 * `party-report lint` over many files on every core: worker threads (running this same bundle)
 * check files handed out one at a time, and the outcomes are passed on in file order, so the output
 * is the same as checking them one after another. A few files are checked in this thread: starting
 * workers costs more than it saves.
 *
 * When copied-paragraph compares the files with each other (and the archive), the run has two
 * rounds: the workers first read and sign every corpus file (parsing and hashing paragraphs is most
 * of building the index) and send the signatures back; this thread builds the index from them, in
 * corpus order and in shared memory (the same index, bucket for bucket, as --jobs 1 builds), and
 * gives it to every worker. Then each worker checks the files it signed, whose paragraphs'
 * signatures it finds in the index by their texts, and, once it has none left, takes over the
 * other's last ones (computing those signatures again).
 */
import * as path from 'node:path';
import { freezeIndex, getLocale, setLocale, t, type FrozenIndexData, type Locale, type Masker, type SignedFile, type SignedTexts } from '../../engine';
import { lintFile, type FileOutcome, type LintArgs } from './commands/lint';
import { defaultJobs, InOrder, Pool, poolThreadData, workerThreads } from './worker-pool';
import { buffersOf, CliCorpus, cwdMasker, cwdMasking, signCorpusFile } from './corpus';
import { stderr } from './output';

/** Below this many files per worker, workers do not pay for their start (about 40 ms each). */
const MIN_FILES_PER_WORKER = 4;
/** The same for files only compared with (an archive): reading and signing one is a few ms. */
const MIN_CORPUS_FILES_PER_WORKER = 20;
/** Corpus files a worker reads per task: small enough to share the work out evenly. */
const MAX_FILES_PER_SIGN_TASK = 16;

type ToWorker =
  | { kind: 'lint'; index: number; file: string }
  | { kind: 'sign'; index: number; files: string[] }
  | { kind: 'corpus'; data: FrozenIndexData };

type FromWorker =
  | { kind: 'linted'; index: number; outcome: FileOutcome }
  /** `worker` is the signing worker's threadId: it checks those files later. */
  | { kind: 'signed'; index: number; worker: number; signed: Array<SignedFile | undefined> };

interface WorkerSetup {
  partyReportLintWorker: true;
  locale: Locale;
  args: Pick<LintArgs, 'template' | 'fix' | 'explain' | 'format' | 'encoding' | 'maxDiagnostics'>;
}

/** True in a worker thread started by lintFiles: the CLI's entry then serves tasks instead of running. */
export function isLintWorker(): boolean {
  return (poolThreadData() as WorkerSetup | undefined)?.partyReportLintWorker === true;
}

export function serveLintTasks(): void {
  const { parentPort, threadId, workerData } = workerThreads();
  const setup = workerData as WorkerSetup;
  setLocale(setup.locale);
  let corpus: CliCorpus | undefined;
  let masker: Masker | undefined;
  /** The texts of the files this worker signed, until the index arrives. */
  const texts = new Map<string, Pick<SignedTexts, 'texts' | 'short'>>();
  parentPort!.on('message', (task: ToWorker) => {
    if (task.kind === 'corpus') {
      corpus = CliCorpus.fromData(task.data, masker);
      for (const [file, list] of texts) corpus.knowTexts(file, list);
      texts.clear();
      return;
    }
    if (task.kind === 'sign') {
      masker ??= cwdMasker();
      const signed = task.files.map((file) => {
        try {
          const s = signCorpusFile(masker!, file);
          if (s) texts.set(file, { texts: s.texts, short: s.short });
          return s?.signed;
        } catch {
          return undefined; // like indexFile: a file that cannot be read is left out of the comparison
        }
      });
      const reply: FromWorker = { kind: 'signed', index: task.index, worker: threadId, signed };
      parentPort!.postMessage(reply, signed.flatMap((s) => (s ? buffersOf(s) : [])));
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
    const corpus = corpusFiles.length ? CliCorpus.read(files, ...cwdMasking(), corpusFiles) : undefined;
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
    /** The worker (threadId) that signed each corpus file, by its resolved path. */
    const signer = new Map<string, number>();
    if (corpusFiles.length) {
      // Round 1: the corpus files read and signed, a few per task, put back in corpus order.
      const size = Math.max(1, Math.min(MAX_FILES_PER_SIGN_TASK, Math.ceil(corpusFiles.length / (workers * 8))));
      const tasks: ToWorker[] = [];
      for (let i = 0; i < corpusFiles.length; i += size) tasks.push({ kind: 'sign', index: tasks.length, files: corpusFiles.slice(i, i + size) });
      const signed: Array<SignedFile | undefined> = new Array(corpusFiles.length);
      let read = 0;
      await pool.run(tasks, (reply) => {
        if (reply.kind !== 'signed') return;
        reply.signed.forEach((s, k) => {
          signed[reply.index * size + k] = s;
          signer.set(corpusFiles[reply.index * size + k], reply.worker);
        });
        read += reply.signed.length;
        progress.update(t('比对照搬段落：已读取 {0}/{1} 个文件', read, corpusFiles.length));
      });
      // As CliCorpus.useful: nothing to compare with unless two files could be read.
      if (signed.filter(Boolean).length > 1) pool.broadcast({ kind: 'corpus', data: freezeIndex(signed, true) });
    }
    // Round 2: the checks, each file by the worker that signed it where it can, passed on in file order as they complete.
    const inOrder = new InOrder(each);
    await pool.run(
      files.map((file, index) => ({ kind: 'lint', index, file })),
      (reply) => {
        if (reply.kind !== 'linted') return;
        inOrder.add(reply.index, reply.outcome);
        progress.update(t('已检查 {0}/{1} 个文件', inOrder.emitted, files.length));
      },
      (task) => (task.kind === 'lint' ? signer.get(path.resolve(task.file)) : undefined),
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
  /** Asked once the line is due: a run that ends within the second never loads what tells a terminal. */
  private tty: boolean | undefined;

  update(line: string): void {
    const now = Date.now();
    if (now - this.started < this.after || now - this.lastDraw < 100) return;
    this.tty ??= stderr.isTerminal();
    if (!this.tty) return;
    this.lastDraw = now;
    this.shown = true;
    stderr.write(`\r${line}\x1b[K`);
  }

  done(): void {
    if (this.shown) stderr.write('\r\x1b[K');
    this.shown = false;
  }
}
