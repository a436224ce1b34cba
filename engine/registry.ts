/**
 * Every code a finding can carry — the rules in rules/ and the codes the engine reports itself —
 * with what users and tools need to know about it. `party-report rules`, the SARIF output, hovers,
 * and the generated lists (the manifest's partyReport.rules, the config schema, the docs/rules.md
 * index; scripts/generate.mjs) all read this one list, so a new or renamed rule reaches them all.
 */
import { t } from './i18n';
import { RULES } from './rules';
import type { Severity } from './severity';

export interface RuleInfo {
  id: string;
  defaultSeverity: Severity;
  fixable: boolean;
  /** One line: what the rule checks. */
  summary: string;
  /** The standard's clause or the data the rule enforces. */
  source: string;
  /** A rule under engine/rules/, or a code the engine itself reports. */
  kind: 'rule' | 'engine';
}

/** Codes the engine reports beside the rules: configurable like rules, except too-many. */
export const ENGINE_CODES: readonly Omit<RuleInfo, 'kind' | 'fixable'>[] = [
  { id: 'front-matter', defaultSeverity: 'error', summary: '文首元数据 YAML 有误，或 template 指定了不存在的类型', source: '文首 YAML 元数据' },
  { id: 'size-limit', defaultSeverity: 'warning', summary: '文件超过校验上限（partyReport.maxLength），未校验', source: '设置 partyReport.maxLength' },
  { id: 'parse-fallback', defaultSeverity: 'information', summary: '文件无法按 Markdown 解析，已按每行一段校验', source: 'CommonMark / GFM' },
  { id: 'too-many', defaultSeverity: 'information', summary: '提示过多，只显示一部分（每个文件 2000 条，先错误后警告；一条规则在一行上最多 200 条、在一个文件中最多 10000 条）', source: '语言服务器' },
  { id: 'parse-capped', defaultSeverity: 'information', summary: '为保证速度，部分内容未按完整的 Markdown 解析（长表格、长列表或超出时间预算）', source: 'docs/security.md' },
  { id: 'time-budget', defaultSeverity: 'information', summary: '编辑器中一个文件的校验超出时间预算，其余规则未运行', source: '语言服务器' },
];

/** Codes a user can set a level for (partyReport.rules, the project file): all but too-many and time-budget. */
export const CONFIGURABLE = (id: string) => id !== 'too-many' && id !== 'time-budget';

/** Every rule, then every engine code, in the order they are documented; texts in the current language. */
export function ruleRegistry(): RuleInfo[] {
  return [
    ...RULES.map((r) => ({
      id: r.id,
      defaultSeverity: r.defaultSeverity,
      fixable: r.fixable === true,
      summary: t(r.summary),
      source: t(r.source ?? '公文写作惯例'),
      kind: 'rule' as const,
    })),
    ...ENGINE_CODES.map((c) => ({ ...c, fixable: false, summary: t(c.summary), source: t(c.source), kind: 'engine' as const })),
  ];
}

export function ruleInfo(id: string): RuleInfo | undefined {
  return ruleRegistry().find((r) => r.id === id);
}
