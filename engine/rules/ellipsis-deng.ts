import { t } from '../i18n';
import type { ParagraphRule } from './rule';
import { q, spanOf } from './util';

const AFTER_ELLIPSIS = /(……|…)[\s\u3000]*(等等|等)(?![级同])/g;

/** "……等": the ellipsis already says "and so on". */
export const ellipsisDeng: ParagraphRule = {
  id: 'ellipsis-deng',
  fixable: true,
  defaultSeverity: 'warning',
  summary: '省略号后不再用“等”“等等”',
  source: 'GB/T 15834—2011 4.11（省略号）',
  scope: 'paragraph',
  checkLine(line, ctx) {
    if (!line.text.includes('…')) return;
    AFTER_ELLIPSIS.lastIndex = 0;
    for (let m = AFTER_ELLIPSIS.exec(line.text); m; m = AFTER_ELLIPSIS.exec(line.text)) {
      const from = m.index + m[0].length - m[2].length;
      const span = spanOf(line, from, m.index + m[0].length);
      ctx.report({
        span,
        message: t('省略号后不再用{0}：省略号已表示列举未尽，二者只用其一。', q(m[2])),
        fix: { title: t('删除{0}', q(m[2])), edits: [{ span: spanOf(line, m.index + m[1].length, m.index + m[0].length), newText: '' }], safe: true },
      });
    }
  },
};
