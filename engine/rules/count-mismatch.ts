import { t } from '../i18n';
import type { DocumentRule } from './rule';
import { messageMemo, q } from './util';

/** "会议共有四项议程" followed by three items. */
export const countMismatch: DocumentRule = {
  id: 'count-mismatch',
  defaultSeverity: 'warning',
  summary: '文中所说的数量与后面列出的条目数不一致',
  source: '公文写作惯例',
  check(ctx) {
    for (const list of ctx.model.countedLists) {
      if (list.items === list.count) continue;
      ctx.report({ span: list.span, message: messageFor(list.phrase, list.count, list.items, list.itemKind) });
    }
  },
};

/** Formatted once each: a long draft repeats a few count phrases hundreds of times. */
const messages = messageMemo();

function messageFor(phrase: string, count: number, items: number, itemKind: string): string {
  return messages(`${itemKind}\u0000${phrase}\u0000${count}\u0000${items}`, () =>
    itemKind === 'enumeration'
      ? t('数量不一致：{0}说有 {1} 项，后面实际以“一是、二是……”列出 {2} 项。请核对数量，或补全、删减条目。', q(phrase), count, items)
      : t('数量不一致：{0}说有 {1} 项，后面实际以分条标题列出 {2} 项。请核对数量，或补全、删减条目。', q(phrase), count, items),
  );
}
