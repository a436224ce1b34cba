/** The server's view of the user's settings (section `partyReport`), with defaults. */
import type { RuleSetting } from '../../engine';
import { DEFAULT_MAX_LENGTH, compileUserPattern, settingProblem, t, validFonts, validPage, validRules } from '../../engine';

export interface Settings {
  enable: boolean;
  validate: 'onType' | 'onSave';
  debounceMs: number;
  rules: Record<string, RuleSetting>;
  placeholders: string[];
  maxLength: number;
  /** Export font names per element (title, body, heading1…4, pageNumber, latin). */
  exportFonts: Record<string, string>;
  /** Where workspace report types live, relative to the workspace folder. */
  templatesDir: string;
  /** Export page options: margins in mm, page numbers on or off. */
  exportPage: Record<string, number | boolean>;
  /** LibreOffice's soffice for PDF export; empty: look on PATH. */
  exportSoffice: string;
  /** More standard formulations, as in data/formulations.yaml. */
  formulations: unknown[];
  /** Message language: auto (VS Code's display language), zh-CN or en. */
  locale: 'auto' | 'zh-CN' | 'en';
}

export const DEFAULT_SETTINGS: Settings = {
  enable: true,
  validate: 'onType',
  debounceMs: 200,
  rules: {},
  placeholders: [],
  maxLength: DEFAULT_MAX_LENGTH,
  exportFonts: {},
  templatesDir: '.party-report/templates',
  exportPage: {},
  exportSoffice: '',
  formulations: [],
  locale: 'auto',
};

/** Accepts whatever the client sends; anything malformed falls back to the default (engine/config/settings.ts decides). */
export function normalizeSettings(raw: unknown): Settings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const ok = (key: string) => r[key] !== undefined && settingProblem(key, r[key]) === undefined;
  const exported = (r.export ?? {}) as Record<string, unknown>;
  return {
    enable: ok('enable') ? (r.enable as boolean) : DEFAULT_SETTINGS.enable,
    validate: ok('validate') ? (r.validate as Settings['validate']) : DEFAULT_SETTINGS.validate,
    debounceMs: typeof r.debounceMs === 'number' && r.debounceMs >= 0 ? Math.min(r.debounceMs, 5000) : DEFAULT_SETTINGS.debounceMs,
    rules: validRules(r.rules),
    // A pattern that cannot run in linear time is dropped where it is compiled (model/placeholders.ts)
    // and shown to the user by settingsProblems.
    placeholders: Array.isArray(r.placeholders) ? r.placeholders.filter((p): p is string => typeof p === 'string') : [],
    maxLength: ok('maxLength') ? (r.maxLength as number) : DEFAULT_MAX_LENGTH,
    exportFonts: validFonts(exported.fonts),
    templatesDir: typeof r.templatesDir === 'string' && r.templatesDir.trim() ? r.templatesDir.trim() : DEFAULT_SETTINGS.templatesDir,
    exportPage: validPage(exported.page),
    exportSoffice: typeof exported.soffice === 'string' ? exported.soffice.trim() : '',
    formulations: ok('formulations') ? (r.formulations as unknown[]) : [],
    locale: r.locale === 'zh-CN' || r.locale === 'en' ? r.locale : 'auto',
  };
}
/**
 * What is wrong in the editor's settings, one message per problem, so that a setting the server
 * drops is not dropped silently (the project file's problems are diagnostics in that file instead).
 */
export function settingsProblems(raw: unknown): string[] {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const problems: string[] = [];
  for (const key of ['enable', 'validate', 'rules', 'maxLength', 'formulations', 'export']) {
    if (r[key] === undefined || r[key] === null) continue;
    const reason = settingProblem(key, r[key]);
    if (reason) problems.push(t('设置 partyReport.{0} 有误：{1}。已按默认值处理，请在设置中改正。', key, reason));
  }
  if (r.placeholders !== undefined && !Array.isArray(r.placeholders)) {
    problems.push(t('设置 partyReport.{0} 有误：{1}。已按默认值处理，请在设置中改正。', 'placeholders', settingProblem('placeholders', r.placeholders)!));
  } else if (Array.isArray(r.placeholders)) {
    r.placeholders.forEach((pattern, i) => {
      const reason = typeof pattern === 'string' ? (compileUserPattern(pattern) as { reason?: string }).reason : t('应为正则表达式字符串');
      if (reason) problems.push(t('设置 partyReport.placeholders 第 {0} 项 {1}：{2}。这一项已忽略，其余照常使用；请在设置中改正。', i + 1, JSON.stringify(pattern), reason));
    });
  }
  return problems;
}

/**
 * In an untrusted workspace (and for a client that does not say it trusts the workspace), settings
 * that widen the work or silence checks may come from the workspace itself (.vscode/settings.json,
 * a Neovim plugin reading project-local files): they keep their defaults. Raising maxLength is
 * ignored, lowering it is kept; rules, enable, extra placeholders and formulations, the templates
 * folder and export settings are ignored.
 */
export function restrictUntrusted(s: Settings): Settings {
  return {
    ...s,
    enable: true,
    rules: {},
    placeholders: [],
    formulations: [],
    maxLength: Math.min(s.maxLength, DEFAULT_MAX_LENGTH),
    templatesDir: DEFAULT_SETTINGS.templatesDir,
    exportFonts: {},
    exportPage: {},
    exportSoffice: '',
  };
}
