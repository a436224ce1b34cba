/**
 * `party-report export <draft.md> [-o out.docx]` and `party-report export <dir|glob|file…> [-o outdir]`:
 * a GB/T 9704 DOCX (or PDF) of each draft. One process exports the whole batch (on every core,
 * cli/src/export-batch.ts), so the exporter is loaded once per thread rather than once per draft.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { fontProblem, loadExporter, t, type TextEncodingName } from '../../../engine';
import { encodingArg, jobsArg } from '../arguments';
import { expandFiles, sayUnmatched } from '../expand-files';
import { exportJob, exportJobs, type ExportJob, type ExportSettings } from '../export-batch';

export interface ExportArgs {
  /** One draft, or (batch) directories, globs and drafts. */
  files: string[];
  /** One draft: the output file. A batch: the folder the outputs go to (beside each draft without it). */
  output?: string;
  force: boolean;
  /** "title=方正小标宋_GBK" and the like. */
  fonts: string[];
  encoding?: TextEncodingName;
  /** PDF through LibreOffice instead of DOCX. */
  pdf?: boolean;
  /** LibreOffice's soffice, when it is not on PATH. */
  soffice?: string;
  /** Drafts exported at once in a batch (worker threads); default: the number of cores. */
  jobs?: number;
}

/** One argument that names a single file (not a folder, not a glob): -o is then the output file. */
export function isSingleDraft(files: string[]): boolean {
  if (files.length !== 1 || /[*?]/.test(files[0])) return false;
  try {
    return !fs.statSync(files[0]).isDirectory();
  } catch {
    return true; // reported as unreadable, with the reason
  }
}

const outputName = (file: string, extension: string) => path.basename(file).replace(/\.(md|markdown|mdown|mkd|txt)$/i, '') + extension;

/** `export` and its arguments as typed (after the command's name): checked, then run. The exit code. */
export async function exportCommand(args: string[], err: (s: string) => void, usage: string): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      output: { type: 'string', short: 'o' },
      force: { type: 'boolean', default: false },
      font: { type: 'string', multiple: true, default: [] },
      encoding: { type: 'string' },
      pdf: { type: 'boolean', default: false },
      soffice: { type: 'string' },
      jobs: { type: 'string', short: 'j' },
    },
  });
  const encoding = encodingArg(values.encoding, err);
  if (encoding === null) return 2;
  const jobs = jobsArg(values.jobs, err);
  if (jobs === null) return 2;
  if (positionals.length === 0) {
    err(t('export 需要至少一个文稿文件、目录或通配符。') + '\n' + usage);
    return 2;
  }
  return await runExport({ files: positionals, output: values.output, force: values.force ?? false, fonts: values.font ?? [], pdf: values.pdf, soffice: values.soffice, encoding, jobs }, err);
}

export async function runExport(args: ExportArgs, err: (s: string) => void): Promise<number> {
  const fonts: Record<string, string> = {};
  for (const pair of args.fonts) {
    const [key, ...rest] = pair.split('=');
    const wrong = fontProblem(key, rest.join('='));
    if (wrong) {
      err(`--font ${pair}: ` + wrong);
      return 2;
    }
    fonts[key] = rest.join('=').trim();
  }
  const extension = args.pdf ? '.pdf' : '.docx';
  const single = isSingleDraft(args.files);
  if (single && args.output !== undefined) {
    const wrong = outputProblem(args.files[0], args.output, extension);
    if (wrong) {
      err(`${args.output}: ` + wrong);
      return 2;
    }
  }
  const batch = single ? undefined : planBatch(args, extension, err);
  if (batch === null) return 2;
  let soffice: string | undefined;
  if (args.pdf) {
    const exporter = loadExporter();
    soffice = exporter.findSoffice(args.soffice);
    if (!soffice) {
      err(exporter.noSofficeMessage(args.soffice));
      return 2;
    }
  }
  const settings: ExportSettings = { force: args.force, fonts, encoding: args.encoding, soffice };
  if (!batch) {
    const file = args.files[0];
    const target = args.output ?? path.join(path.dirname(file), outputName(file, extension));
    const outcome = await exportJob({ file, target }, settings, false);
    outcome.messages.forEach((m) => err(m.text));
    return outcome.written ? 0 : 2;
  }
  let failed = batch.failed;
  let written = 0;
  const saidOnce = new Set<string>();
  await exportJobs(batch.jobs, settings, args.jobs, (outcome) => {
    for (const m of outcome.messages) {
      if (m.project && saidOnce.has(m.text)) continue;
      if (m.project) saidOnce.add(m.text);
      err(m.text);
    }
    if (outcome.written) written++;
    else failed++;
  });
  err(t('导出 {0} 个文稿：{1} 个成功，{2} 个失败。', batch.jobs.length + batch.failed, written, failed));
  return failed > 0 ? 2 : 0;
}

/**
 * What is wrong with -o for one draft, if anything. "-o a.md --force" once replaced the draft itself
 * with its export, and "-o out.md" or "--pdf -o x.docx" wrote a file whose name says another kind.
 */
function outputProblem(draft: string, output: string, extension: string): string | undefined {
  let stat: fs.Stats | undefined;
  try {
    stat = fs.statSync(output);
  } catch {
    stat = undefined;
  }
  // A folder, a pipe or a device there: the write says what it is and refuses it.
  if (stat && !stat.isFile()) return undefined;
  if (stat && fs.existsSync(draft) && fs.realpathSync(output) === fs.realpathSync(draft)) {
    return t('导出不能写到文稿本身上（文稿保持不变）。请用 -o 指定另一个以 {0} 结尾的文件名。', extension);
  }
  if (path.extname(output).toLowerCase() !== extension) {
    const suggested = path.join(path.dirname(output), path.basename(output, path.extname(output)) + extension);
    return t('输出文件名应以 {0} 结尾（导出的是 {1}）。请改为如 {2}。', extension, extension === '.pdf' ? 'PDF' : t('Word 文档'), suggested);
  }
  return undefined;
}

interface Batch {
  jobs: ExportJob[];
  /** Arguments that matched nothing and outputs two drafts would share: already reported. */
  failed: number;
}

/**
 * Each draft named by the arguments and where its output goes: beside it, or under -o at its path
 * relative to the folder (or the glob's fixed part) it was found in. Null after a usage error.
 */
function planBatch(args: ExportArgs, extension: string, err: (s: string) => void): Batch | null {
  if (args.output !== undefined) {
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(args.output);
    } catch {
      stat = undefined;
    }
    if (stat && !stat.isDirectory()) {
      err(t('导出多个文稿时 -o 应为输出目录，{0} 是一个文件。', args.output));
      return null;
    }
    // "-o 报告.docx" with several drafts made a folder of that name.
    if (!stat && /\.(docx|pdf)$/i.test(args.output)) {
      err(t('导出多个文稿时 -o 应为输出目录，{0} 像是一个文件名。请指定一个目录（不存在时会创建）。', args.output));
      return null;
    }
  }
  const jobs: Batch['jobs'] = [];
  let failed = 0;
  const seen = new Set<string>();
  const targets = new Map<string, string>();
  for (const arg of args.files) {
    const expanded = expandFiles([arg]);
    const { files } = expanded;
    failed += sayUnmatched(expanded, err);
    const root = baseOf(arg);
    // Word documents found in folders are not drafts to export; a folder or pattern of nothing else says so.
    if (files.length > 0 && files.every((f) => /\.docx$/i.test(f))) {
      err(`${arg}: ` + t('只有 Word 文档，没有要导出的 Markdown 文稿（Word 文档可先用 party-report import 转成 Markdown）。'));
      failed++;
    }
    for (const file of files) {
      if (/\.docx$/i.test(file)) continue;
      const key = path.resolve(file);
      if (seen.has(key)) continue;
      seen.add(key);
      const target =
        args.output === undefined
          ? path.join(path.dirname(file), outputName(file, extension))
          : path.join(args.output, path.dirname(path.relative(root, file)), outputName(file, extension));
      const taken = targets.get(path.resolve(target));
      if (taken !== undefined) {
        err(`${file}: ` + t('与 {0} 导出到同一个文件 {1}，未导出；请改名或分开导出。', taken, target));
        failed++;
        continue;
      }
      targets.set(path.resolve(target), file);
      jobs.push({ file, target });
    }
  }
  return { jobs, failed };
}

/** The folder an argument's files are placed relative to under -o. */
function baseOf(arg: string): string {
  if (/[*?]/.test(arg)) {
    const parts = arg.split('/');
    return parts.slice(0, parts.findIndex((p) => /[*?]/.test(p))).join('/') || '.';
  }
  try {
    if (fs.statSync(arg).isDirectory()) return arg;
  } catch {
    // unreadable: reported when it is read
  }
  return path.dirname(arg);
}
