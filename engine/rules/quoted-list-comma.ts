import { t } from '../i18n';
import type { ParagraphRule } from './rule';
import { qm, spanOf } from './util';

// A 顿号 right between two quoted or two titled items: “四个意识”、“四个自信” / 《准则》、《条例》.
const BETWEEN = /(”)、(“)|(》)、(《)/g;

/** No 顿号 between items that each stand in quotation marks or title marks. */
export const quotedListComma: ParagraphRule = {
  id: 'quoted-list-comma',
  fixable: true,
  defaultSeverity: 'information',
  summary: '并列的引号或书名号之间不用顿号',
  source: 'GB/T 15834—2011 4.5.3.5',
  scope: 'paragraph',
  checkLine(line, ctx) {
    BETWEEN.lastIndex = 0;
    for (let m = BETWEEN.exec(line.text); m; m = BETWEEN.exec(line.text)) {
      const at = m.index + 1;
      const span = spanOf(line, at, at + 1);
      ctx.report({
        span,
        message: t('并列的引号之间、书名号之间通常不用顿号（{0}应为{1}）。若书名号后有括注等成分，可保留顿号。', qm(m[0]), qm(m[0].replace('、', ''))),
        fix: { title: t('删除顿号'), edits: [{ span, newText: '' }], safe: true },
      });
      BETWEEN.lastIndex = at + 1;
    }
  },
};
