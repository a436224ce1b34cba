/** party-report: the command line. Same engine as the editor, for batches and CI. */
import { parseArgs } from 'node:util';
import { builtinTypes } from '../../engine';
import { runLint } from './commands/lint';
import { isLintWorker, serveLintTasks } from './parallel';
import { exportCommand } from './commands/export';
import { isExportWorker, serveExportTasks } from './export-batch';
import { runNew } from './commands/new';
import { runImport } from './commands/import';
import { runReview } from './commands/review';
import { runRules } from './commands/rules';
import { endWith, stdout, writeStderrLine } from './output';
import { projectFor } from './project';
import { asksForHelp, chooseLocale, encodingArg, jobsArg, usageText, withUsageErrors } from './arguments';
import { t } from '../../engine';

async function main(args: string[]): Promise<number> {
  const out = (s: string) => stdout.write(s);
  const err = writeStderrLine;
  const argv = chooseLocale(args, err);
  if (!argv) return 2;
  const USAGE = usageText();
  const [command, ...rest] = argv;
  if (!command || command === 'help' || asksForHelp(argv)) {
    (command ? out : err)(USAGE + '\n');
    return command ? 0 : 2;
  }
  if (command === '--version' || command === '-v') {
    out('0.1.0\n');
    return 0;
  }
  return withUsageErrors(
    async () => {
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
          const jobs = jobsArg(values.jobs, err);
          if (jobs === null) return 2;
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
        case 'export':
          return await exportCommand(rest, err, USAGE);
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
    },
    USAGE,
    err,
  );
}

// The same bundle serves as `lint --jobs`'s worker threads (cli/src/parallel.ts) and export's (cli/src/export-batch.ts).
if (isLintWorker()) serveLintTasks();
else if (isExportWorker()) serveExportTasks();
else endWith(main(process.argv.slice(2)));
