import type { Rule } from './rule';
import { q } from './util';

/** "会议共有四项议程" followed by three items. */
export const countMismatch: Rule = {
  id: 'count-mismatch',
  defaultSeverity: 'warning',
  summary: '文中所说的数量与后面列出的条目数不一致',
  check(ctx) {
    for (const list of ctx.model.countedLists) {
      if (list.items === list.count) continue;
      const kind = list.itemKind === 'enumeration' ? '“一是、二是……”' : '分条标题';
      ctx.report({
        span: list.span,
        message: `数量不一致：${q(list.phrase)}说有 ${list.count} 项，后面实际以${kind}列出 ${list.items} 项。请核对数量，或补全、删减条目。`,
      });
    }
  },
};
