/**
 * The project file `.party-report.yaml` (or `.party-report.json`) at a workspace root: a unit's own
 * rule levels, placeholders, formulations, export fonts and report types, read by the server and
 * the CLI alike. It overrides user settings. Keys mirror the settings (schemas/party-report-config.schema.json).
 */
import { t } from '../i18n';
import * as fs from 'node:fs';
import * as path from 'node:path';
import YAML from 'yaml';
import { RULE_LEVELS, isRuleSetting, type RuleSetting } from '../severity';
import { CONFIGURABLE, ruleRegistry } from '../registry';
import { PROJECT_KEYS, SETTING_CHECKS } from './settings';
import { compileUserPattern } from '../text/safe-regex';
import { FileReadError, MAX_CONFIG_BYTES, readTextFile } from '../io/read-file';
import { yamlErrorAt, yamlProblem } from '../text/yaml-problem';

export const CONFIG_NAMES = ['.party-report.yaml', '.party-report.yml', '.party-report.json'];
export const DEFAULT_TEMPLATES_DIR = '.party-report/templates';

export interface ProjectConfig {
  enable?: boolean;
  validate?: 'onType' | 'onSave';
  rules?: Record<string, RuleSetting>;
  placeholders?: string[];
  formulations?: unknown[];
  maxLength?: number;
  export?: { fonts?: Record<string, string>; page?: Record<string, number | boolean> };
  /** The unit's roster, for small units that keep no .party-report/roster.yaml. */
  roster?: unknown;
  /** Folder of workspace report types, relative to the config file. */
  templates?: string;
}

export interface ConfigProblem {
  file: string;
  message: string;
  line?: number;
  column?: number;
}

export interface LoadedConfig {
  file: string;
  dir: string;
  config: ProjectConfig;
  problems: ConfigProblem[];
}

const KEYS = Object.fromEntries(PROJECT_KEYS.map((k) => [k, SETTING_CHECKS[k]]));

/**
 * Placeholder patterns must run in linear time (see text/safe-regex.ts): each one that can't is
 * reported at its own line, and left out; the others apply.
 */
function checkPatterns(doc: YAML.Document, counter: YAML.LineCounter, file: string, patterns: string[], problems: ConfigProblem[]): string[] {
  return patterns.filter((pattern, i) => {
    const checked = compileUserPattern(pattern);
    if (checked.ok) return true;
    const node = doc.getIn(['placeholders', i], true) as YAML.Node | undefined;
    const pos = node?.range ? counter.linePos(node.range[0]) : undefined;
    problems.push({ file, message: t('placeholders 第 {0} 项 {1}：{2}。', i + 1, JSON.stringify(pattern), checked.reason), line: pos?.line, column: pos?.col });
    return false;
  });
}

export function parseProjectConfig(text: string, file: string): { config: ProjectConfig; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  const counter = new YAML.LineCounter();
  // JSON is YAML too. Duplicate keys are checked below for the top level only: the library's own
  // check compares every key with every other, which a hostile file with 50 000 keys turns into minutes.
  const doc = YAML.parseDocument(text, { lineCounter: counter, uniqueKeys: false });
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    return { config: {}, problems: [{ file, message: t('格式错误：{0}', yamlProblem(e)), ...yamlErrorAt(e) }] };
  }
  if (YAML.isMap(doc.contents)) {
    const seen = new Set<string>();
    for (const item of doc.contents.items) {
      const key = String(YAML.isScalar(item.key) ? item.key.value : item.key);
      if (seen.has(key)) {
        const pos = YAML.isNode(item.key) && item.key.range ? counter.linePos(item.key.range[0]) : undefined;
        return { config: {}, problems: [{ file, message: t('格式错误：{0}', t('配置项 {0} 重复出现', key)), line: pos?.line, column: pos?.col }] };
      }
      seen.add(key);
    }
  }
  const raw = doc.toJS();
  if (raw === null || raw === undefined) return { config: {}, problems };
  if (typeof raw !== 'object' || Array.isArray(raw)) return { config: {}, problems: [{ file, message: t('配置应是一个对象（键: 值）。') }] };
  const config: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    const check = KEYS[key];
    if (!check) {
      problems.push({ file, message: t('未知的配置项 {0}：可用的有 {1}。', key, Object.keys(KEYS).join(t('、'))) });
      continue;
    }
    if (key === 'rules' && value && typeof value === 'object' && !Array.isArray(value)) {
      // Each entry on its own: one misspelt level or rule id must not drop the others.
      config.rules = usableRules(value as Record<string, unknown>, file, problems);
      continue;
    }
    const wrong = check(value);
    if (wrong) problems.push({ file, message: t('配置项 {0} {1}。', key, wrong) });
    else if (key !== 'placeholders') config[key] = value;
    else {
      const usable = checkPatterns(doc, counter, file, value as string[], problems);
      if (usable.length > 0) config[key] = usable;
    }
  }
  return { config: config as ProjectConfig, problems };
}

/** The entries of `rules:` that name a rule and a level; each other entry is a problem. */
function usableRules(rules: Record<string, unknown>, file: string, problems: ConfigProblem[]): Record<string, RuleSetting> {
  const known = new Set(ruleRegistry().map((r) => r.id).filter(CONFIGURABLE));
  const usable: Record<string, RuleSetting> = {};
  for (const [id, level] of Object.entries(rules)) {
    if (!known.has(id)) {
      problems.push({ file, message: t('rules 中的 {0} 不是规则的代码，这一项不起作用。规则代码见 party-report rules 或 docs/rules.md。', id) });
    } else if (!isRuleSetting(level)) {
      problems.push({ file, message: t('rules 中 {0} 的级别 {1} 无效，这一项不起作用：级别应为 {2} 之一。', id, JSON.stringify(level), RULE_LEVELS.join(t('、'))) });
    } else usable[id] = level;
  }
  return usable;
}

export function loadProjectConfig(file: string): LoadedConfig {
  let text: string;
  try {
    // Regular files of sane size only: a FIFO or /dev/zero named .party-report.yaml must not hang the server.
    text = readTextFile(file, { maxBytes: MAX_CONFIG_BYTES }).text;
  } catch (err) {
    const message = err instanceof FileReadError ? err.message.slice(file.length + 2) : t('无法读取：{0}', (err as Error).message);
    return { file, dir: path.dirname(file), config: {}, problems: [{ file, message }] };
  }
  return { file, dir: path.dirname(file), ...parseProjectConfig(text, file) };
}

/** The config file in `dir` itself, if any. */
export function configIn(dir: string): string | undefined {
  return CONFIG_NAMES.map((n) => path.join(dir, n)).find((f) => fs.existsSync(f));
}

/**
 * The nearest project from `start` (a file or folder) upwards, as the CLI looks for it: a folder
 * with a config file or a `.party-report/` folder of report types.
 */
export function findProjectRoot(start: string): { root: string; config?: string } | undefined {
  let dir = path.resolve(start);
  try {
    if (fs.statSync(dir).isFile()) dir = path.dirname(dir);
  } catch {
    dir = path.dirname(dir);
  }
  for (;;) {
    const config = configIn(dir);
    if (config || fs.existsSync(path.join(dir, '.party-report'))) return { root: dir, config };
    const up = path.dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

/** Where the project's report types live, resolved against the config file's folder. */
export function templatesDir(loaded: LoadedConfig | undefined, root: string, fallback = DEFAULT_TEMPLATES_DIR): string {
  if (loaded?.config.templates) return path.resolve(loaded.dir, loaded.config.templates);
  return path.resolve(root, fallback);
}
