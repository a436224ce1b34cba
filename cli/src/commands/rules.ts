/** `party-report rules [--format text|json]`: every rule and engine code, from the engine's registry. */
import { ruleRegistry, t } from '../../../engine';

export function runRules(format: 'text' | 'json', out: (s: string) => void): number {
  const rules = ruleRegistry();
  if (format === 'json') {
    out(JSON.stringify(rules, null, 2) + '\n');
    return 0;
  }
  // One line a code, tab-separated like `templates`: id, default level, fixable, what it checks, its source.
  for (const r of rules) out([r.id, r.defaultSeverity, r.fixable ? t('有快速修复') : '-', r.summary, r.source].join('\t') + '\n');
  return 0;
}
