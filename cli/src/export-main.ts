/**
 * dist/cli-export.js: `party-report export` alone, with the exporter built in. The launcher
 * (cli/src/launch.ts) runs it for that command; every other command runs from dist/cli-main.js
 * (cli/src/main.ts). Without the checks, the other commands and their libraries, the bundle and the
 * code cache a one-draft export loads are smaller (docs/benchmarks.md). It is also the bundle the
 * export's worker threads run (cli/src/export-batch.ts).
 */
import { exportCommand } from './commands/export';
import { isExportWorker, serveExportTasks } from './export-batch';
import { asksForHelp, chooseLocale, usageText, withUsageErrors } from './arguments';
import { endWith, stdout, writeStderrLine } from './output';

async function main(args: string[]): Promise<number> {
  // The launcher chose this bundle because the command is `export`; --locale may come before it.
  const argv = chooseLocale(args, writeStderrLine);
  if (!argv) return 2;
  const [, ...rest] = argv;
  const usage = usageText();
  if (asksForHelp(rest)) {
    stdout.write(usage + '\n');
    return 0;
  }
  return withUsageErrors(() => exportCommand(rest, writeStderrLine, usage), usage, writeStderrLine);
}

if (isExportWorker()) serveExportTasks();
else endWith(main(process.argv.slice(2)));
