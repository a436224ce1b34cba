/**
 * Exporting drafts for `party-report export`: one draft (read, project settings, export, atomic
 * write), and a batch of them on every core. Worker threads run this same bundle and take drafts
 * one at a time; their outcomes are passed on in file order, so the output is the same as
 * exporting them one after another. PDF exports stay in this thread (one LibreOffice at a time),
 * and so do small batches: a worker's start costs more than a few drafts.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { getLocale, loadExporter, quotedList, quoteOrMark, setLocale, t, checkWritable, withImprintPageNumber, WriteRefused, writeFileAtomic, type LayoutOptions, type Locale, type TextEncodingName } from '../../engine';
import { DraftReadError, readDraft } from './read-draft';
import { projectConfigFor } from './project';
import { defaultJobs, InOrder, Pool, poolThreadData, workerThreads } from './worker-pool';

/** Below this many drafts per worker, workers do not pay for their start (loading the exporter). */
const MIN_DRAFTS_PER_WORKER = 8;

/** What every draft of a run is exported with. */
export interface ExportSettings {
  force: boolean;
  /** --font on top of the project's fonts, already checked. */
  fonts: Record<string, string>;
  encoding?: TextEncodingName;
  /** LibreOffice's soffice: export PDF instead of DOCX. */
  soffice?: string;
}

export interface ExportJob {
  file: string;
  target: string;
}

/** What exporting one draft gave: its stderr lines in order (project lines said once a run) and whether the file was written. */
export interface ExportOutcome {
  messages: Array<{ text: string; project?: boolean }>;
  written: boolean;
}

/** Reads, exports and writes one draft. `inBatch`: each warning names its draft. */
export async function exportJob(job: ExportJob, settings: ExportSettings, inBatch: boolean): Promise<ExportOutcome> {
  const messages: ExportOutcome['messages'] = [];
  const err = (text: string) => messages.push({ text });
  const about = inBatch ? `${job.file}: ` : '';
  let text: string;
  try {
    text = readDraft(job.file, settings.encoding);
  } catch (e) {
    if (!(e instanceof DraftReadError)) throw e;
    err(e.message);
    return { messages, written: false };
  }
  // The project file's export settings, then --font on top.
  const projectExport = projectConfigFor(job.file, (line) => messages.push({ text: line, project: true }))?.config.export ?? {};
  // The 版记's page is numbered when the layout puts no blank page before it (7.5).
  const options: LayoutOptions = withImprintPageNumber(text, { fonts: { ...projectExport.fonts, ...settings.fonts }, page: projectExport.page, baseDir: path.dirname(path.resolve(job.file)) });
  const exporter = loadExporter();
  // Exported all the same (the writer may want the blank page), but not without a word.
  if (text.trim() === '') err(about + t('文稿是空的：导出的是一份只有版面、没有内容的文件。'));
  if (inBatch) {
    // Under -o, the draft's subfolder may not exist yet.
    try {
      fs.mkdirSync(path.dirname(job.target), { recursive: true });
    } catch (e) {
      err(`${path.dirname(job.target)}: ` + t('无法创建输出目录：{0}', (e as Error).message));
      return { messages, written: false };
    }
  }
  // Refused now rather than after the export: a PDF's conversion takes seconds.
  try {
    checkWritable(job.target, settings.force);
  } catch (e) {
    if (!(e instanceof WriteRefused)) throw e;
    err(e.message);
    return { messages, written: false };
  }
  let bytes: Uint8Array;
  if (settings.soffice) {
    try {
      const result = await exporter.exportPdf(text, { ...options, soffice: settings.soffice });
      result.warnings.forEach((w) => err(about + w));
      sayUnfilled(result.unfilled, (line) => err(about + line));
      bytes = result.pdf;
    } catch (e) {
      if (!(e instanceof exporter.PdfError)) throw e;
      err(about + e.message);
      return { messages, written: false };
    }
  } else {
    const result = await exporter.exportReport(text, options);
    result.warnings.forEach((w) => err(about + w));
    sayUnfilled(result.unfilled, (line) => err(about + line));
    bytes = result.docx;
  }
  try {
    writeFileAtomic(job.target, bytes, settings.force);
  } catch (e) {
    if (!(e instanceof WriteRefused)) throw e;
    err(e.message);
    return { messages, written: false };
  }
  err(t('已导出 {0}', job.target));
  return { messages, written: true };
}

interface WorkerSetup {
  partyReportExportWorker: true;
  locale: Locale;
  settings: ExportSettings;
}

interface Task {
  index: number;
  job: ExportJob;
}

/** A worker's answer: the draft's place in the batch and what became of it. */
interface Done {
  index: number;
  outcome: ExportOutcome;
}

/** True in a worker thread started by exportJobs: the CLI's entry then serves drafts instead of running. */
export function isExportWorker(): boolean {
  return (poolThreadData() as WorkerSetup | undefined)?.partyReportExportWorker === true;
}

export function serveExportTasks(): void {
  const { parentPort, workerData } = workerThreads();
  const setup = workerData as WorkerSetup;
  setLocale(setup.locale);
  parentPort!.on('message', (task: Task) => {
    exportJob(task.job, setup.settings, true)
      .catch((e: Error): ExportOutcome => ({ messages: [{ text: `${task.job.file}: ${e.message}` }], written: false }))
      .then((outcome) => parentPort!.postMessage({ index: task.index, outcome } satisfies Done));
  });
}

/** Exports every draft and calls `each` with the outcomes in job order. */
export async function exportJobs(jobs: ExportJob[], settings: ExportSettings, threads: number | undefined, each: (o: ExportOutcome) => void): Promise<void> {
  const workers = settings.soffice ? 1 : Math.min(threads ?? defaultJobs(), Math.floor(jobs.length / MIN_DRAFTS_PER_WORKER));
  if (workers <= 1) {
    for (const job of jobs) each(await exportJob(job, settings, true));
    return;
  }
  const setup: WorkerSetup = { partyReportExportWorker: true, locale: getLocale(), settings };
  const pool = new Pool<Task, Done>(workers, setup, (code) => t('导出线程意外退出（代码 {0}）', code));
  const inOrder = new InOrder(each);
  try {
    await pool.run(
      jobs.map((job, index) => ({ index, job })),
      (m) => inOrder.add(m.index, m.outcome),
    );
  } finally {
    await pool.terminate();
  }
}

/** The editor asks before it exports a draft with blanks left; the command line says so after. */
function sayUnfilled(unfilled: string[], say: (line: string) => void): void {
  if (unfilled.length === 0) return;
  // As the checks show them: marks as marks (「“”」), words in quotes; no 顿号 between quotes.
  const examples = quotedList([...new Set(unfilled)].slice(0, 3), quoteOrMark);
  // Said of any draft (the export does not check the type): the count is of what looks like a blank.
  say(t('文中还有 {0} 处像是没填的占位（如{1}），照原样导出；报告中的每一处可用 party-report lint 列出。', unfilled.length, examples));
}
