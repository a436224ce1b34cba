import { loadData } from '../data';
import { t } from '../i18n';
import type { Rule } from './rule';
import { q, spanOf } from './util';

let phrases: string[] | undefined;
const requestPhrases = () =>
  (phrases ??= [...(loadData<{ phrases?: string[] }>('request-phrases.yaml').phrases ?? [])].sort((a, b) => b.length - a.length));
// 申请审批、报请批准: words that name a request someone made, not a request of this report.
const NAMES_A_REQUEST = /[申报呈提]$/;

/** "妥否，请批示" in a 报告: a report informs; a request goes in a separate 请示. */
export const requestInReport: Rule = {
  id: 'request-in-report',
  defaultSeverity: 'warning',
  summary: '报告中夹带请示事项',
  source: '《党政机关公文处理工作条例》第十五条第（四）项',
  check(ctx) {
    const list = requestPhrases();
    for (const line of ctx.model.lines) {
      // Commas may be written either way in a draft: 妥否,请批示 is the same request.
      const text = line.text.replace(/,/g, '，');
      for (let at = 0; at < text.length; at++) {
        const phrase = list.find((p) => text.startsWith(p, at));
        if (!phrase || NAMES_A_REQUEST.test(text.slice(0, at))) continue;
        ctx.report({
          span: spanOf(line, at, at + phrase.length),
          message: t('报告中不得夹带请示事项：{0}是请示用语。需要上级批准的事项请另行请示，报告只汇报工作、反映情况；结尾可用“特此报告。”', q(phrase)),
        });
        at += phrase.length - 1;
      }
    }
  },
};
