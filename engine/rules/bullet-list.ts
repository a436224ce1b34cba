import type { ReportLine } from '../model/types';
import { t } from '../i18n';
import type { DocumentRule } from './rule';

/** A bullet marker at the start of a source line: "- ", "* ", "+ " after optional indentation or quotes. */
const BULLET = /^[ \t>]*([-*+])[ \t]/;

/**
 * 公文 use no bullets: a Markdown bullet list loses its markers (and a nested list its levels) in
 * the export. Hinted once per list, at its first item's marker, suggesting 一是、二是 or numbered
 * items (1. 2. as level-3 headings).
 */
export const bulletList: DocumentRule = {
  id: 'bullet-list',
  defaultSeverity: 'hint',
  summary: '公文不用项目符号列表',
  source: 'GB/T 9704—2012 7.3.3',
  check(ctx) {
    const { model } = ctx;
    let previous: ReportLine | undefined;
    for (const line of model.lines) {
      if (!line.inList || line.block === 'tableCell' || line.starts.length === 0) {
        previous = undefined;
        continue;
      }
      const lineStart = model.lineIndex.lineStart(model.lineIndex.positionAt(line.starts[0]).line);
      const m = BULLET.exec(model.text.slice(lineStart, line.starts[0]));
      if (!m) continue;
      // One hint a list: items that follow one another belong to the same list.
      const continues = previous && line.sourceLine - previous.sourceLine <= 2;
      previous = line;
      if (continues) continue;
      const at = lineStart + m.index + m[0].indexOf(m[1]);
      ctx.report({
        span: { start: at, end: at + 1 },
        message: t('公文不用项目符号列表：导出后符号和层级都会丢失。请改用“一是……二是……”的写法，或用“1.”“2.”编号。'),
      });
    }
  },
};
