/** The CLI finds a project's config from each linted file upwards, and loads each project once. */
import * as path from 'node:path';
import { builtinProject, findProjectRoot, loadProject, type Project } from '../../engine';

const projects = new Map<string, Project>();
const reported = new Set<string>();

/** `err` receives the project's problems the first time it is asked for; without it they wait for a caller that reports. */
export function projectFor(fileOrDir: string, err?: (s: string) => void): Project {
  const found = findProjectRoot(fileOrDir);
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
