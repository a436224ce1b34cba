import { t } from '../i18n';
import { toChineseNumeral } from '../model/numerals';
import type { EnumerationMarker } from '../model/types';
import type { Fix, DocumentRule } from './rule';
import { messageMemo, q } from './util';

/** 一是、二是、四是: an enumeration that skips, repeats, or does not start at 一是. */
export const enumerationSequence: DocumentRule = {
  id: 'enumeration-sequence',
  defaultSeverity: 'warning',
  summary: '“一是、二是……”顺序不连续或重复',
  fixable: true,
  source: '公文写作惯例',
  check(ctx) {
    for (const run of ctx.model.enumerations) {
      // The fix is made only for a run that needs one (most runs are in order).
      let fix: Fix | undefined;
      run.forEach((marker, i) => {
        const expected = i === 0 ? 1 : run[i - 1].value + 1;
        if (marker.value === expected) return;
        const message = messageFor(marker.text, i === 0 ? undefined : run[i - 1].text, expected);
        fix ??= renumber(run);
        ctx.report({ span: marker.span, message, fix });
      });
    }
    // 其次 without 首先 before it, or 再次 before 其次, in the same section.
    for (const run of ctx.model.ordinals) {
      let seen = 0;
      for (const word of run) {
        if (word.value === 99) continue;
        if (word.value > seen + 1) {
          const expected = seen === 0 ? '首先' : '其次';
          ctx.report({
            span: word.span,
            message: t('{0}之前没有{1}：“首先、其次、再次、最后”应依次使用。请补上{1}一项，或调整用词。', q(word.text), q(expected)),
          });
        }
        seen = Math.max(seen, word.value);
      }
    }
  },
};

/** The messages and fix titles, formatted once each: a long draft repeats the same few hundreds of times. */
const messages = messageMemo();
const fixTitles = messageMemo();

function messageFor(text: string, previous: string | undefined, expected: number): string {
  return messages(`${text}\u0000${previous ?? ''}\u0000${expected}`, () =>
    previous === undefined
      ? t('{0}之前没有“一是”：列举应从“一是”开始。请补上前面的条目，或改为“一是”。', q(text))
      : t('{0}顺序不对：前一项是{1}，此处应为{2}。请按一是、二是、三是……的顺序编排。', q(text), q(previous), q(`${toChineseNumeral(expected)}是`)),
  );
}

/** 一是、二是……, made once each. */
const MARKERS: string[] = [];

function renumber(run: EnumerationMarker[]): Fix {
  const edits: Fix['edits'] = [];
  for (let i = 0; i < run.length; i++) {
    const newText = (MARKERS[i + 1] ??= `${toChineseNumeral(i + 1)}是`);
    if (newText !== run[i].text) edits.push({ span: run[i].span, newText });
  }
  const title = fixTitles(String(run.length), () => t('按顺序重排“一是、二是……”（{0} 项）', run.length));
  return { title, edits, safe: true };
}
