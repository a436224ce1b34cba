/** The product owner's shared folder (../shared beside the repository); tests skip where it is absent. */
import * as fs from 'node:fs';
import * as path from 'node:path';

export const REPO = path.resolve(__dirname, '..', '..');
export const SHARED = path.resolve(REPO, '..', 'shared');
export const SEED = path.join(SHARED, 'seed', '000_65e39421ef2fe7a0.txt');

export function sharedAvailable(): boolean {
  return fs.existsSync(SEED);
}

/** The CLI's environment in tests: Chinese messages whatever the machine's language. */
export const CLI_ENV = { ...process.env, LANG: 'zh_CN.UTF-8', LC_ALL: '', LC_MESSAGES: '' };

/** The built-in report types: one definition each in report-types/ (tests iterate over these, never a fixed list). */
export const BUILTIN_TYPE_IDS = fs
  .readdirSync(path.join(REPO, 'report-types'))
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => f.replace(/\.yaml$/, ''))
  .sort();
