/** A rule fixture folder with its own .party-report/ (roster, quotations, years) is checked as that unit's project. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { configIn, loadProject, projectLintOptions, type LintOptions } from '../../engine';

const cache = new Map<string, LintOptions>();

export function fixtureOptions(folder: string): LintOptions {
  let options = cache.get(folder);
  if (!options) {
    options = fs.existsSync(path.join(folder, '.party-report')) ? projectLintOptions(loadProject(configIn(folder), folder)) : {};
    cache.set(folder, options);
  }
  return options;
}
