import { placeholderHint } from '../model/placeholders';
import { t } from '../i18n';
import type { Rule } from './rule';
import { q } from './util';

/** X, XX, ××, 【…】, {{…}} left in the text. */
export const unfilledPlaceholder: Rule = {
  id: 'unfilled-placeholder',
  defaultSeverity: 'warning',
  summary: '未填写的占位符（X、XX、××、【…】等）',
  source: '成文要求：待填项须填写完整',
  check(ctx) {
    for (const p of ctx.model.placeholders) {
      ctx.report({ span: p.span, message: t('{0}是未填写的占位符：{1}', q(p.text), placeholderHint(p.kind)) });
    }
  },
};
