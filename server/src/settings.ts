/** The server's view of the user's settings (section `partyReport`), with defaults. */
import type { RuleSetting } from '../../engine';
import { DEFAULT_MAX_LENGTH } from '../../engine';
import { FONT_KEYS } from '../../engine/export/gbt9704';

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
  /** More standard formulations, as in data/formulations.yaml. */
  formulations: unknown[];
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
  formulations: [],
};



const RULE_SETTINGS = new Set(['error', 'warning', 'information', 'hint', 'off']);

/** Accepts whatever the client sends; anything malformed falls back to the default. */
export function normalizeSettings(raw: unknown): Settings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const rules: Record<string, RuleSetting> = {};
  if (r.rules && typeof r.rules === 'object') {
    for (const [k, v] of Object.entries(r.rules as Record<string, unknown>)) {
      if (typeof v === 'string' && RULE_SETTINGS.has(v)) rules[k] = v as RuleSetting;
    }
  }
  return {
    enable: typeof r.enable === 'boolean' ? r.enable : DEFAULT_SETTINGS.enable,
    validate: r.validate === 'onSave' ? 'onSave' : 'onType',
    debounceMs: typeof r.debounceMs === 'number' && r.debounceMs >= 0 ? Math.min(r.debounceMs, 5000) : DEFAULT_SETTINGS.debounceMs,
    rules,
    placeholders: Array.isArray(r.placeholders) ? r.placeholders.filter((p): p is string => typeof p === 'string') : [],
    maxLength: typeof r.maxLength === 'number' && r.maxLength > 0 ? r.maxLength : DEFAULT_MAX_LENGTH,
    exportFonts: fonts((r.export as Record<string, unknown> | undefined)?.fonts),
    templatesDir: typeof r.templatesDir === 'string' && r.templatesDir.trim() ? r.templatesDir.trim() : DEFAULT_SETTINGS.templatesDir,
    exportPage: page((r.export as Record<string, unknown> | undefined)?.page),
    formulations: Array.isArray(r.formulations) ? r.formulations : [],
  };
}

function page(raw: unknown): Record<string, number | boolean> {
  const out: Record<string, number | boolean> = {};
  if (raw && typeof raw === 'object') {
    for (const [k, v] of Object.entries(raw)) {
      if (['top', 'bottom', 'left', 'right'].includes(k) && typeof v === 'number') out[k] = v;
      if (k === 'pageNumbers' && typeof v === 'boolean') out[k] = v;
    }
  }
  return out;
}

function fonts(raw: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (raw && typeof raw === 'object') {
    for (const [k, v] of Object.entries(raw)) if ((FONT_KEYS as string[]).includes(k) && typeof v === 'string' && v.trim()) out[k] = v.trim();
  }
  return out;
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
  };
}
