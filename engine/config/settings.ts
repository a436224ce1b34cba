/**
 * One validator for the settings a user or a unit can give: the editor's `partyReport.*` settings
 * (the server), the project file `.party-report.yaml` (server and CLI), and the CLI's own options
 * that mirror them (`--font`). Each check returns what is wrong, in the user's language, or
 * undefined when the value is fine.
 */
import { t } from '../i18n';
import { FONT_KEYS } from '../export/gbt9704';
import { RULE_LEVELS, isRuleSetting } from '../severity';

export type Check = (value: unknown) => string | undefined;

const isObject = (v: unknown): v is Record<string, unknown> => Boolean(v) && typeof v === 'object' && !Array.isArray(v);

/** Page margins (mm) the export accepts, and whether pages are numbered. */
export const PAGE_MARGINS = ['top', 'bottom', 'left', 'right'] as const;

/** `--font title=方正小标宋_GBK`, `export.fonts.title`: a known element and a font name. */
export function fontProblem(key: string, value: unknown): string | undefined {
  if (!(FONT_KEYS as string[]).includes(key) || typeof value !== 'string' || value.trim() === '') {
    return t('应为 元素=字体名，元素是 {0} 之一，如 --font body=仿宋', FONT_KEYS.join(t('、')));
  }
  return undefined;
}

export const checkRules: Check = (v) =>
  isObject(v)
    ? Object.entries(v).map(([k, s]) => (isRuleSetting(s) ? '' : t('{0} 的级别应为 {1} 之一', k, RULE_LEVELS.join(t('、'))))).filter(Boolean)[0]
    : t('应为“规则: 级别”的映射');

export const checkExport: Check = (v) => {
  if (!isObject(v)) return t('应为对象，如 export: { fonts: { body: 仿宋 } }');
  if (v.fonts !== undefined) {
    if (!isObject(v.fonts)) return t('应为对象，如 export: { fonts: { body: 仿宋 } }');
    for (const [k, f] of Object.entries(v.fonts)) {
      const wrong = fontProblem(k, f);
      if (wrong) return wrong;
    }
  }
  return undefined;
};

/** Every setting either place may hold, by its key in the project file. */
export const SETTING_CHECKS: Record<string, Check> = {
  enable: (v) => (typeof v === 'boolean' ? undefined : t('应为 true 或 false')),
  validate: (v) => (v === 'onType' || v === 'onSave' ? undefined : t('应为 onType 或 onSave')),
  rules: checkRules,
  // Each pattern is checked on its own (linear time, see text/safe-regex.ts) where it is used.
  placeholders: (v) => (Array.isArray(v) && v.every((p) => typeof p === 'string') ? undefined : t('应为正则表达式字符串的列表')),
  formulations: (v) => (Array.isArray(v) ? undefined : t('应为规范表述的列表（格式同 data/formulations.yaml）')),
  maxLength: (v) => (typeof v === 'number' && v > 0 ? undefined : t('应为正整数')),
  export: checkExport,
  templates: (v) => (typeof v === 'string' ? undefined : t('应为报告类型目录的路径')),
  roster: (v) => (Array.isArray(v) || (isObject(v) && Array.isArray(v.members)) ? undefined : t('应为名单 members: 列表（格式同 .party-report/roster.yaml）')),
};

/** The keys the project file accepts (the editor's settings add debounceMs, templatesDir, locale…). */
export const PROJECT_KEYS = ['enable', 'validate', 'rules', 'placeholders', 'formulations', 'maxLength', 'export', 'templates', 'roster'] as const;

export const settingProblem = (key: string, value: unknown): string | undefined => SETTING_CHECKS[key]?.(value);

/** The entries of a rules map that are valid, dropping the rest (the editor sends whatever was typed). */
export function validRules(v: unknown): Record<string, (typeof RULE_LEVELS)[number]> {
  const out: Record<string, (typeof RULE_LEVELS)[number]> = {};
  if (isObject(v)) for (const [k, s] of Object.entries(v)) if (isRuleSetting(s)) out[k] = s;
  return out;
}

/** The font names that are valid, trimmed. */
export function validFonts(v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (isObject(v)) for (const [k, f] of Object.entries(v)) if (!fontProblem(k, f)) out[k] = (f as string).trim();
  return out;
}

/** Margins and page numbering that are valid. */
export function validPage(v: unknown): Record<string, number | boolean> {
  const out: Record<string, number | boolean> = {};
  if (isObject(v)) {
    for (const [k, x] of Object.entries(v)) {
      if ((PAGE_MARGINS as readonly string[]).includes(k) && typeof x === 'number') out[k] = x;
      if (k === 'pageNumbers' && typeof x === 'boolean') out[k] = x;
    }
  }
  return out;
}
