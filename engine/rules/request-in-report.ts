import { t } from '../i18n';
import { builtinRequestPhrases } from '../unit/load';
import type { ParagraphRule } from './rule';
import { q, spanOf } from './util';

let pattern: RegExp | undefined;
/** All request phrases in one expression, longest first, so that 妥否，请批示 wins over 请批示. */
function requestPattern(): RegExp {
  if (pattern) return pattern;
  const phrases = [...builtinRequestPhrases()].sort((a, b) => b.length - a.length);
  const escaped = phrases.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/，/g, '[，,]'));
  // 申请审批、报请批准: words that name a request someone made, not a request of this report.
  pattern = new RegExp(`(?<![申报呈提])(?:${escaped.join('|')})`, 'g');
  return pattern;
}

/** "妥否，请批示" in a 报告: a report informs; a request goes in a separate 请示. */
export const requestInReport: ParagraphRule = {
  id: 'request-in-report',
  defaultSeverity: 'warning',
  summary: '报告中夹带请示事项',
  source: '《党政机关公文处理工作条例》第十五条第（四）项',
  scope: 'paragraph',
  checkLine(line, ctx) {
    const re = requestPattern();
    re.lastIndex = 0;
    for (let m = re.exec(line.text); m; m = re.exec(line.text)) {
      ctx.report({
        span: spanOf(line, m.index, m.index + m[0].length),
        message: t('报告中不得夹带请示事项：{0}是请示用语。需要上级批准的事项请另行请示，报告只汇报工作、反映情况；结尾可用“特此报告。”', q(m[0].replace(/,/g, '，'))),
      });
    }
  },
};
