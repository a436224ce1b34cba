import { getLocale, t } from '../i18n';
import { toChineseNumeral } from '../model/numerals';
import type { EnumerationMarker } from '../model/types';
import type { Fix, DocumentRule } from './rule';
import { q } from './util';

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

/**
 * The messages, by what they say: a long draft repeats the same few (二是 after 三是…) hundreds of
 * times, and they were formatted anew at every keystroke. Kept per language, and never many; looked
 * up through nested maps, so that a look-up makes no key string.
 */
const messages = new Map<string, Map<string, Map<string, Map<number, string>>>>();
let messageCount = 0;

function messageFor(text: string, previous: string | undefined, expected: number): string {
  const locale = getLocale();
  if (messageCount > 1000) {
    messages.clear();
    messageCount = 0;
  }
  let byText = messages.get(locale);
  if (!byText) messages.set(locale, (byText = new Map()));
  let byPrevious = byText.get(text);
  if (!byPrevious) byText.set(text, (byPrevious = new Map()));
  let byExpected = byPrevious.get(previous ?? '');
  if (!byExpected) byPrevious.set(previous ?? '', (byExpected = new Map()));
  let message = byExpected.get(expected);
  if (message !== undefined) return message;
  message =
    previous === undefined
      ? t('{0}之前没有“一是”：列举应从“一是”开始。请补上前面的条目，或改为“一是”。', q(text))
      : t('{0}顺序不对：前一项是{1}，此处应为{2}。请按一是、二是、三是……的顺序编排。', q(text), q(previous), q(`${toChineseNumeral(expected)}是`));
  messageCount++;
  byExpected.set(expected, message);
  return message;
}

/** 一是、二是……, made once each. */
const MARKERS: string[] = [];

/** Fix titles by language and length of the run: formatted once each. */
const fixTitles = new Map<string, string[]>();

function renumber(run: EnumerationMarker[]): Fix {
  const edits: Fix['edits'] = [];
  for (let i = 0; i < run.length; i++) {
    const newText = (MARKERS[i + 1] ??= `${toChineseNumeral(i + 1)}是`);
    if (newText !== run[i].text) edits.push({ span: run[i].span, newText });
  }
  const locale = getLocale();
  let titles = fixTitles.get(locale);
  if (!titles) fixTitles.set(locale, (titles = []));
  const title = (titles[run.length] ??= t('按顺序重排“一是、二是……”（{0} 项）', run.length));
  return { title, edits, safe: true };
}
