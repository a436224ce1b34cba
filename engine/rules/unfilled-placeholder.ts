import { placeholderHint } from '../model/placeholders';
import { t } from '../i18n';
import type { Rule } from './rule';
import { q } from './util';

/** X, XX, ××, 【…】, {{…}} left in the text. */
export const unfilledPlaceholder: Rule = {
  id: 'unfilled-placeholder',
  defaultSeverity: 'warning',
  summary: '未填写的占位符（X、XX、××、【…】等）',
  source: '模板占位符（data/placeholders.yaml）',
  check(ctx) {
    for (const p of ctx.model.placeholders) {
      ctx.report({ span: p.span, message: t('{0}是未填写的占位符：{1}', q(p.text), placeholderHint(p.kind)) });
    }
  },
};
