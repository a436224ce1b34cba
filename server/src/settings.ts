/** The server's view of the user's settings (section `partyReport`), with defaults. */
import type { RuleSetting } from '../../engine';
import { DEFAULT_MAX_LENGTH, settingProblem, validFonts, validPage, validRules } from '../../engine';

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
    placeholders: Array.isArray(r.placeholders) ? r.placeholders.filter((p): p is string => typeof p === 'string' && settingProblem('placeholders', [p]) === undefined) : [],
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
