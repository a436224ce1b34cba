/**
 * Parts that only some runs need (the exporter, the Word reader, re2js) are built as bundles of
 * their own in dist/, beside the bundle that loads them, so that the server and the CLI start
 * without them. From the sources (tests) there is no such bundle: the source module (or package)
 * is loaded instead. The paths are computed, so the bundler leaves both out of the caller's bundle.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { requireWithCodeCache } from './code-cache';

/** `dir`/`bundle` when it exists (the caller's `__dirname` in dist/; through the code cache), else `fallback`. */
export function requireBundle<T>(dir: string, bundle: string, fallback: string): T {
  const file = path.join(dir, bundle);
  return (fs.existsSync(file) ? requireWithCodeCache(file) : require(fallback)) as T;
}
