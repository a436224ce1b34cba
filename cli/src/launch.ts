/**
 * The `party-report` command (dist/cli.js): loads the CLI's bundle through V8's code cache
 * (engine/io/code-cache.ts), which takes a third off a short run's start-up. `export` runs from
 * dist/cli-export.js, the same CLI with the exporter built in; everything else from dist/cli-main.js.
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

requireWithCodeCache(path.join(__dirname, command(process.argv.slice(2)) === 'export' ? 'cli-export.js' : 'cli-main.js'));
