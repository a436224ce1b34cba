/**
 * The `party-report` command (dist/cli.js): loads the CLI's bundle through V8's code cache
 * (engine/io/code-cache.ts), which takes a third off a short run's start-up. `export` runs from
 * dist/cli-export.js, the export alone with the exporter built in (cli/src/export-main.ts);
 * everything else from dist/cli-main.js, with a cache for each command.
 */
import * as path from 'node:path';
import { requireWithCodeCache } from '../../engine/io/code-cache';

/** The command: the first argument that is not --locale or its value (cli/src/main.ts reads them the same way). */
function command(args: string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--locale') i++;
    else if (!args[i].startsWith('--locale=')) return args[i];
  }
  return undefined;
}

/** The commands of dist/cli-main.js; anything else (help, a mistyped command) shares one cache. */
const COMMANDS = new Set(['lint', 'new', 'import', 'review', 'rules', 'templates']);

const chosen = command(process.argv.slice(2));
if (chosen === 'export') requireWithCodeCache(path.join(__dirname, 'cli-export.js'));
else requireWithCodeCache(path.join(__dirname, 'cli-main.js'), chosen !== undefined && COMMANDS.has(chosen) ? chosen : 'other');
