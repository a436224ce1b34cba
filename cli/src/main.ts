/** party-report: the command line. Same engine as the editor, for batches and CI. */
import { parseArgs } from 'node:util';
import { builtinTypes } from '../../engine';
import { runLint } from './commands/lint';
import { isLintWorker, serveLintTasks } from './parallel';
import { runExport } from './commands/export';
import { isExportWorker, serveExportTasks } from './export-batch';
import { runNew } from './commands/new';
import { runImport } from './commands/import';
import { runReview } from './commands/review';
import { runRules } from './commands/rules';
import { exitOnceWritten } from './exit-once-written';
import { projectFor } from './project';
import { ENCODINGS, localeFrom, localeFromEnvironment, setLocale, t, type TextEncodingName } from '../../engine';

/** The usage text in the chosen language (so it is built after --locale is read). */
const usageText = () => `${t('用法：')}
  party-report lint [--format text|json|sarif] [--template <${t('类型')}>] [--fix] [--explain] [--jobs N] [--max-diagnostics N] [--encoding ${t('编码')}] <${t('文件或目录…')}>   --jobs：${t('同时检查的文件数（默认为 CPU 核数）')}
  party-report new <${t('类型')}> [--set ${t('键=值…')}] [-o ${t('文件.md')}] [--force]   ${t('用报告类型的骨架新建文稿')}
  party-report export <${t('文稿.md')}> [-o ${t('输出.docx')}] [--force] [--font ${t('元素=字体…')}] [--pdf [--soffice ${t('路径')}]] [--encoding ${t('编码')}]   ${t('导出为符合 GB/T 9704 的 DOCX')}${t('（--pdf：经 LibreOffice 导出 PDF）')}
  party-report export <${t('目录|通配符|文稿…')}> [-o ${t('输出目录')}] [--force] [--jobs N] …   ${t('批量导出；没有 -o 时写在各文稿旁边，已有文件不覆盖（除非 --force）')}
  party-report import <${t('文件.docx')}> [-o ${t('文稿.md')}|-] [--force]   ${t('把 Word 文档导入为 Markdown 文稿')}
  party-report review <${t('文件.docx|文稿.md')}> [-o ${t('审阅稿.docx')}] [--force]   ${t('生成带批注的审阅稿（原文件不变）')}
  party-report templates            ${t('列出报告类型')}
  party-report rules [--format text|json]   ${t('列出所有规则：id、默认级别、能否自动修复、说明、依据')}
  ${t('选项 --locale zh-CN|en：提示语言（默认按环境变量 LANG）。')}
  ${t('选项 --encoding utf-8|utf-16le|utf-16be|gb18030：文稿编码（默认自动识别：BOM、UTF-8，否则 GB18030）。')}
  ${t('选项 --max-diagnostics N：每个文件最多列出的问题数（默认 2000），其余只报条数。')}
  party-report --version

${t('退出码：0 无错误；1 有错误级问题；2 用法错误或文件无法读取。')}`;

/** --locale zh-CN|en wins; otherwise the environment's language (LC_ALL, LC_MESSAGES, LANG). */
function chooseLocale(argv: string[]): string[] {
  const at = argv.findIndex((a) => a === '--locale' || a.startsWith('--locale='));
  if (at < 0) {
    setLocale(localeFromEnvironment(process.env));
    return argv;
  }
  const arg = argv[at];
  setLocale(localeFrom(arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[at + 1]));
  return [...argv.slice(0, at), ...argv.slice(at + (arg.includes('=') ? 1 : 2))];
}

/** --encoding: one of ENCODINGS (null after saying what is wrong), or undefined to detect. */
function encodingArg(value: string | undefined, err: (s: string) => void): TextEncodingName | undefined | null {
  if (value === undefined) return undefined;
  const name = value.toLowerCase().replace(/^utf8$/, 'utf-8').replace(/^gbk$/, 'gb18030') as TextEncodingName;
  if (ENCODINGS.includes(name)) return name;
  err(t('--encoding 只能是 {0} 之一（GBK 文件用 gb18030），收到 {1}', ENCODINGS.join('、'), JSON.stringify(value)));
  return null;
}

/** Set by commands that write only to stderr and leave nothing to do once it is written (exitOnceWritten). */
let endWhenWritten = false;

/**
 * A reader that stops early (`party-report rules | head -1`) closes the pipe: stop the way Unix tools
 * do when SIGPIPE ends them (exit 141), without a stack trace. Set up with the first write to stdout:
 * creating the stream costs a command that writes nothing there (export) half a millisecond.
 */
let stdoutGuarded = false;
function writeStdout(s: string): boolean {
  if (!stdoutGuarded) {
    stdoutGuarded = true;
    process.stdout.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code !== 'EPIPE') throw e;
      process.exit(141);
    });
  }
  return process.stdout.write(s);
}

async function main(args: string[]): Promise<number> {
  const out = writeStdout;
  const err = (s: string) => process.stderr.write(s.endsWith('\n') ? s : s + '\n');
  const argv = chooseLocale(args);
  const USAGE = usageText();
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    (command ? out : err)(USAGE + '\n');
    return command ? 0 : 2;
  }
  if (command === '--version' || command === '-v') {
    out('0.1.0\n');
    return 0;
  }
  try {
    switch (command) {
      case 'lint': {
        const { values, positionals } = parseArgs({
          args: rest,
          allowPositionals: true,
          options: {
            format: { type: 'string', default: 'text' },
            template: { type: 'string' },
            fix: { type: 'boolean', default: false },
            encoding: { type: 'string' },
            'max-diagnostics': { type: 'string' },
            explain: { type: 'boolean', default: false },
            jobs: { type: 'string', short: 'j' },
          },
        });
        const encoding = encodingArg(values.encoding, err);
        if (encoding === null) return 2;
        const max = values['max-diagnostics'];
        if (max !== undefined && !/^[1-9]\d{0,8}$/.test(max)) {
          err(t('--max-diagnostics 应为正整数，收到 {0}', JSON.stringify(max)));
          return 2;
        }
        const jobs = values.jobs === undefined ? undefined : Number(values.jobs);
        if (jobs !== undefined && !(Number.isInteger(jobs) && jobs >= 1)) {
          err(t('--jobs 应为正整数，收到 {0}', JSON.stringify(values.jobs)));
          return 2;
        }
        if (values.format !== 'text' && values.format !== 'json' && values.format !== 'sarif') {
          err(t('--format 只能是 text、json 或 sarif，收到 {0}', JSON.stringify(values.format)));
          return 2;
        }
        if (positionals.length === 0) {
          err(t('lint 需要至少一个文件或目录。') + '\n' + USAGE);
          return 2;
        }
        return await runLint(
          { files: positionals, format: values.format, template: values.template, fix: values.fix, explain: values.explain, jobs, encoding, maxDiagnostics: max ? Number(max) : undefined },
          out,
          err,
        );
      }
      case 'new': {
        const { values, positionals } = parseArgs({
          args: rest,
          allowPositionals: true,
          options: {
            set: { type: 'string', multiple: true, default: [] },
            output: { type: 'string', short: 'o' },
            force: { type: 'boolean', default: false },
          },
        });
        if (positionals.length !== 1) {
          err(t('new 需要且只需要一个报告类型（用 party-report templates 查看）。') + '\n' + USAGE);
          return 2;
        }
        return runNew({ type: positionals[0], set: values.set ?? [], output: values.output, force: values.force ?? false }, out, err);
      }
      case 'export': {
        const { values, positionals } = parseArgs({
          args: rest,
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
        const exportJobs = values.jobs === undefined ? undefined : Number(values.jobs);
        if (exportJobs !== undefined && !(Number.isInteger(exportJobs) && exportJobs >= 1)) {
          err(t('--jobs 应为正整数，收到 {0}', JSON.stringify(values.jobs)));
          return 2;
        }
        if (positionals.length === 0) {
          err(t('export 需要至少一个文稿文件、目录或通配符。') + '\n' + USAGE);
          return 2;
        }
        endWhenWritten = true;
        return await runExport({ files: positionals, output: values.output, force: values.force ?? false, fonts: values.font ?? [], pdf: values.pdf, soffice: values.soffice, encoding, jobs: exportJobs }, err);
      }
      case 'import': {
        const { values, positionals } = parseArgs({
          args: rest,
          allowPositionals: true,
          options: { output: { type: 'string', short: 'o' }, force: { type: 'boolean', default: false } },
        });
        if (positionals.length !== 1) {
          err(t('import 需要且只需要一个 .docx 文件。') + '\n' + USAGE);
          return 2;
        }
        return runImport({ file: positionals[0], output: values.output, force: values.force ?? false }, out, err);
      }
      case 'review': {
        const { values, positionals } = parseArgs({
          args: rest,
          allowPositionals: true,
          options: { output: { type: 'string', short: 'o' }, force: { type: 'boolean', default: false }, template: { type: 'string' } },
        });
        if (positionals.length !== 1) {
          err(t('review 需要且只需要一个 .docx 或 .md 文件。') + '\n' + USAGE);
          return 2;
        }
        return await runReview({ file: positionals[0], output: values.output, force: values.force ?? false, template: values.template }, err);
      }
      case 'rules': {
        const { values } = parseArgs({ args: rest, options: { format: { type: 'string', default: 'text' } } });
        if (values.format !== 'text' && values.format !== 'json') {
          err(t('--format 只能是 text 或 json，收到 {0}', JSON.stringify(values.format)));
          return 2;
        }
        return runRules(values.format, out);
      }
      case 'templates': {
        const project = projectFor(process.cwd(), err);
        const builtin = new Set(builtinTypes().types);
        for (const type of project.types) out(`${type.id}\t${type.name}${builtin.has(type) ? '' : '\t' + t('（本项目）')}\n`);
        return 0;
      }
      default:
        err(t('未知命令 {0}。', JSON.stringify(command)) + `\n${USAGE}`);
        return 2;
    }
  } catch (e) {
    if ((e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      err(`${(e as Error).message}\n${USAGE}`);
      return 2;
    }
    throw e;
  }
}

// The same bundle serves as `lint --jobs`'s worker threads (cli/src/parallel.ts) and export's (cli/src/export-batch.ts).
if (isLintWorker()) serveLintTasks();
else if (isExportWorker()) serveExportTasks();
else main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
    if (endWhenWritten) exitOnceWritten();
  },
  (e: Error) => {
    process.stderr.write(t('party-report 出错：{0}', e.message) + '\n');
    process.exitCode = 2;
  },
);
