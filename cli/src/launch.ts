/**
 * The `party-report` command (dist/cli.js): loads the CLI's bundle (dist/cli-main.js) through
 * V8's code cache (engine/io/code-cache.ts), which takes a third off a short run's start-up.
 */
import * as path from 'node:path';
import { requireWithCodeCache } from '../../engine/io/code-cache';

requireWithCodeCache(path.join(__dirname, 'cli-main.js'));
