/**
 * Where the shipped data lives (report types, formulations, patterns) and how it is read. The same
 * folders sit at the package root in the source tree and in the packaged extension, so the bundles
 * in dist/ and the sources under engine/ both find them by walking up.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import YAML from 'yaml';

let root: string | undefined;

export function assetRoot(): string {
  if (root) return root;
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    if (fs.existsSync(path.join(dir, 'report-types')) && fs.existsSync(path.join(dir, 'data'))) {
      root = dir;
      return dir;
    }
    dir = path.dirname(dir);
  }
  throw new Error(`找不到 report-types/ 与 data/ 目录（从 ${__dirname} 向上查找）`);
}

const cache = new Map<string, unknown>();

/** A YAML file under data/, parsed once. */
export function loadData<T>(name: string): T {
  const hit = cache.get(name);
  if (hit) return hit as T;
  const file = path.join(assetRoot(), 'data', name);
  const value = YAML.parse(fs.readFileSync(file, 'utf8')) as T;
  cache.set(name, value);
  return value;
}
