/**
 * Severities and the diagnostics' source name, declared once: the engine, the language server, the
 * project file, the CLI and the generated manifest and schema all take them from here.
 */

/** The four LSP severities, strongest first. */
export const SEVERITIES = ['error', 'warning', 'information', 'hint'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** What a rule can be set to: a severity, or off. */
export const RULE_LEVELS = [...SEVERITIES, 'off'] as const;
export type RuleSetting = (typeof RULE_LEVELS)[number];

export const isRuleSetting = (v: unknown): v is RuleSetting => typeof v === 'string' && (RULE_LEVELS as readonly string[]).includes(v);

/** The `source` of every diagnostic the editor shows; the client finds its own diagnostics by it. */
export const DIAGNOSTIC_SOURCE = '党建报告';
