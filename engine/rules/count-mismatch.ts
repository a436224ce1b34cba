import { getLocale, t } from '../i18n';
import type { DocumentRule } from './rule';
import { q } from './util';

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

/**
 * The messages by what they say, per language: a long draft repeats a few phrases hundreds of
 * times, and formatting each at every keystroke was most of this rule's work. Never many kept.
 */
const messages = new Map<string, string>();

function messageFor(phrase: string, count: number, items: number, itemKind: string): string {
  const key = `${getLocale()}\u0000${itemKind}\u0000${phrase}\u0000${count}\u0000${items}`;
  let message = messages.get(key);
  if (message !== undefined) return message;
  message =
    itemKind === 'enumeration'
      ? t('数量不一致：{0}说有 {1} 项，后面实际以“一是、二是……”列出 {2} 项。请核对数量，或补全、删减条目。', q(phrase), count, items)
      : t('数量不一致：{0}说有 {1} 项，后面实际以分条标题列出 {2} 项。请核对数量，或补全、删减条目。', q(phrase), count, items);
  if (messages.size > 1000) messages.clear();
  messages.set(key, message);
  return message;
}
