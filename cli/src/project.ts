/** The CLI finds a project's config from each linted file upwards, and loads each project once. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { builtinProject, findProjectRoot, loadProject, type Project } from '../../engine';

const projects = new Map<string, Project>();
const reported = new Set<string>();
/**
 * Each folder's nearest project, looked up once: a folder of 1,000 drafts asked the file system
 * about every folder above it (a dozen calls) for every draft.
 */
const roots = new Map<string, ReturnType<typeof findProjectRoot>>();

function rootFor(fileOrDir: string): ReturnType<typeof findProjectRoot> {
  let dir = path.resolve(fileOrDir);
  try {
    if (fs.statSync(dir).isFile()) dir = path.dirname(dir);
  } catch {
    dir = path.dirname(dir);
  }
  if (!roots.has(dir)) roots.set(dir, findProjectRoot(dir));
  return roots.get(dir);
}

/** `err` receives the project's problems the first time it is asked for; without it they wait for a caller that reports. */
export function projectFor(fileOrDir: string, err?: (s: string) => void): Project {
  const found = rootFor(fileOrDir);
  if (!found) return builtinProject(path.dirname(path.resolve(fileOrDir)));
  const key = found.root;
  let project = projects.get(key);
  if (!project) {
    project = loadProject(found.config, found.root);
    projects.set(key, project);
  }
  if (err && !reported.has(key)) {
    reported.add(key);
    for (const p of project.problems) {
      const where = p.line !== undefined ? `:${p.line}:${p.column ?? 1}` : '';
      err(`${p.file}${where}: ${p.message}`);
    }
  }
  return project;
}

/**
 * The project file's settings for a file, or undefined where no project applies. Export reads only
 * these (fonts, page): without a project it does not build the built-in one (formulations and unit
 * data parsed for nothing).
 */
export function projectConfigFor(fileOrDir: string, err?: (s: string) => void): Project['config'] {
  return rootFor(fileOrDir) ? projectFor(fileOrDir, err).config : undefined;
}
