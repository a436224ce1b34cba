/** The pure engine: no editor APIs. Everything the server, the CLI and the tests use comes from here. */
export { lint, DEFAULT_MAX_LENGTH, ENGINE_CODES, type Diagnostic, type LintOptions, type LintResult, type RuleSetting } from './lint';
export { buildModel } from './model/build';
export type * from './model/types';
export { RULES, findRule } from './rules';
export type { Fix, Finding, Rule, TextEdit } from './rules/rule';
export { builtinTypes, loadTypesFrom, mergeTypes, parseDefinition } from './report-types/load';
export * from './config/project-config';
export { detectType, explainDetection, findType, type Detection, type Evidence, type TypeScore } from './report-types/detect';
export { renderDraft, renderSection } from './report-types/skeleton';
export type { ReportType } from './report-types/types';
export { builtinFormulations, type Formulation } from './formulations/load';
export { LineIndex, type Position } from './text/line-index';
export { applyEdits, fixAll, fixAllEdits } from './fixes';
export { ProseCache } from './parse/parse-prose';
export * from './config/project';
