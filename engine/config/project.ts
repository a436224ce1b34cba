/**
 * Everything a project adds to the built-ins: its config file, its report types and formulations,
 * and the problems found reading them (shown in those files, and on stderr by the CLI).
 */
import { t } from '../i18n';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { builtinFormulations, normalizeFormulation, type Formulation } from '../formulations/load';
import type { LintOptions } from '../lint';
import { builtinTypes, loadTypesFrom, mergeTypes } from '../report-types/load';
import type { ReportType, TypeLoadError } from '../report-types/types';
import { builtinUnitData, loadUnitData } from '../unit/load';
import type { UnitData } from '../unit/types';
import { loadProjectConfig, templatesDir, type ConfigProblem, type LoadedConfig } from './project-config';

export interface Project {
  root: string;
  config?: LoadedConfig;
  types: ReportType[];
  formulations: Formulation[];
  /** Roster, quotation library and year profiles: the shipped ones with the unit's own. */
  unit: UnitData;
  /** Problems in the config file and in report type definitions. */
  problems: ConfigProblem[];
  templatesDir?: string;
  /**
   * In an untrusted workspace: the ids of the workspace's report types, which were not loaded (their
   * file names only, nothing read from them), so that a draft naming one is told why it is unknown.
   */
  withheldTypes?: string[];
}

export function builtinProject(root: string): Project {
  return { root, types: builtinTypes().types, formulations: builtinFormulations(), unit: builtinUnitData(), problems: [] };
}

/**
 * The built-ins only, for a workspace that is not trusted (docs/security.md): its config file and
 * report types are not read. The names of the type definitions in the usual folder are kept, so that
 * a draft that names one learns that trusting the workspace would apply it.
 */
export function untrustedProject(root: string, defaultTemplates?: string): Project {
  const project = builtinProject(root);
  const dir = templatesDir(undefined, root, defaultTemplates);
  try {
    if (within(root, dir)) {
      const ids = fs.readdirSync(dir).filter((f) => /\.ya?ml$/i.test(f)).map((f) => f.replace(/\.ya?ml$/i, ''));
      if (ids.length > 0) project.withheldTypes = ids.sort();
    }
  } catch {
    // No such folder (the usual case), or not readable: nothing withheld to mention.
  }
  return project;
}

/**
 * @param configFile the project file, if there is one
 * @param root       the workspace folder (the server) or the config file's folder (the CLI);
 *                   report types outside it are refused
 */
export function loadProject(configFile: string | undefined, root: string, defaultTemplates?: string): Project {
  const project = builtinProject(root);
  const loaded = configFile ? loadProjectConfig(configFile) : undefined;
  project.config = loaded;
  if (loaded) project.problems.push(...loaded.problems);

  const dir = templatesDir(loaded, root, defaultTemplates);
  if (!within(root, dir)) {
    project.problems.push({ file: loaded?.file ?? dir, message: t('报告类型目录 {0} 不在工作区 {1} 之内，已忽略。', dir, root) });
  } else if (fs.existsSync(dir)) {
    project.templatesDir = dir;
    const { types, errors } = loadTypesFrom(dir, builtinTypes().types);
    project.types = mergeTypes(project.types, types);
    project.problems.push(...errors.map((e: TypeLoadError) => ({ file: e.file, message: e.message, line: e.line, column: e.column })));
  }

  const extra = (loaded?.config.formulations ?? []).map((f) => normalizeFormulation(f as never));
  extra.forEach((f, i) => {
    if (!f) project.problems.push({ file: loaded!.file, message: t('formulations 第 {0} 项缺少 name 或 text。', i + 1) });
  });
  project.formulations = [...project.formulations, ...extra.filter((f): f is Formulation => f !== undefined)];

  const roster = loaded?.config.roster !== undefined ? { value: loaded.config.roster, file: loaded.file } : undefined;
  const unit = loadUnitData(root, roster);
  project.unit = unit.unit;
  project.problems.push(...unit.problems);
  return project;
}

/**
 * Whether `dir` is inside `root`, by the path as written and by the real path behind any symlink:
 * a templates folder that is a link to elsewhere on the disk is not the workspace's.
 */
function within(root: string, dir: string): boolean {
  const inside = (r: string, d: string) => {
    const rel = path.relative(r, d);
    return !rel.startsWith('..') && !path.isAbsolute(rel);
  };
  if (!inside(root, dir)) return false;
  let real: string;
  try {
    real = fs.realpathSync(dir);
  } catch {
    return true; // no folder there: nothing is loaded from it
  }
  let realRoot = root;
  try {
    realRoot = fs.realpathSync(root);
  } catch {
    // keep the root as given
  }
  return inside(realRoot, real);
}

/** The project's settings over the user's: the project file wins where it says something. */
export function projectLintOptions(project: Project, options: LintOptions = {}): LintOptions {
  const c = project.config?.config ?? {};
  return {
    ...options,
    types: project.types,
    formulations: project.formulations,
    unit: project.unit,
    rules: { ...options.rules, ...c.rules },
    extraPlaceholders: [...(options.extraPlaceholders ?? []), ...(c.placeholders ?? [])],
    maxLength: c.maxLength ?? options.maxLength,
    withheldTypes: project.withheldTypes,
  };
}
