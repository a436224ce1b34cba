import { t } from '../i18n';
import type { ParagraphRule } from './rule';
import { q, spanOf } from './util';

// A document number, then (文件/的) the document's title: 〔2024〕5号《关于……的通知》.
const NUMBER_FIRST = /[（(]?([\u4e00-\u9fffＸX]{0,8}〔\d{4}〕\d+号)[）)]?(?:文件)?(《[^《》]{2,80}》)/g;

const LEAD = /^(?:根据|按照|依据|遵照|对照|贯彻落实|贯彻|落实|学习了|学习|执行|印发了|印发|转发了|转发)+/;

/** A cited document: its title first, then its number in brackets — 《title》（X发〔2024〕5号）. */
export const citationOrder: ParagraphRule = {
  id: 'citation-order',
  defaultSeverity: 'warning',
  summary: '引用公文应先引标题、后引发文字号',
  source: '《国家行政机关公文处理办法》第二十三条第（五）项（引用公文应当先引标题，后引发文字号），公文写作通行规范',
  scope: 'paragraph',
  checkLine(line, ctx) {
    if (!line.text.includes('〔')) return;
    NUMBER_FIRST.lastIndex = 0;
    for (let m = NUMBER_FIRST.exec(line.text); m; m = NUMBER_FIRST.exec(line.text)) {
      // The words before the issuer's code are the sentence's own: 根据、按照、学习了…
      const lead = LEAD.exec(m[0])?.[0].length ?? 0;
      const number = m[1].slice(Math.max(0, lead - (m[0].startsWith('（') || m[0].startsWith('(') ? 1 : 0)));
      ctx.report({
        span: spanOf(line, m.index + lead, m.index + m[0].length),
        message: t('引用公文应先引标题、后引发文字号：应写作{0}。', q(`${m[2]}（${number}）`)),
      });
    }
  },
};
