import { t } from '../i18n';
import { parseAmount } from '../model/amounts';
import { toChineseNumeral } from '../model/numerals';
import type { ReportLine } from '../model/types';
import type { DocumentRule, RuleContext } from './rule';
import { q, spanOf } from './util';

// Counts of people, times and pieces of writing: the statistics GB/T 15835 writes one way per document.
const MEASURES = '名|人次|人|次|场|篇';
/** The measure words by number: the tally counts in a typed array, not a map (tens of thousands of counts at 5 MB). */
const MEASURE_LIST = MEASURES.split('|');
const CHINESE = new RegExp(`(?<![第〇零一二两三四五六七八九十百\\d])([两三四五六七八九十][〇零一二两三四五六七八九十百]*)(${MEASURES})`, 'g');
const ARABIC = new RegExp(`(?<![\\d.．])(\\d+)(${MEASURES})`, 'g');

/** A count in a line's text: where it stands in the text, its value, its measure word, its form. */
interface LineCount {
  from: number;
  to: number;
  value: number;
  measure: string;
  arabic: boolean;
  /** Where the tally counts it: the measure's number times two, plus one for Arabic numerals. */
  slot: number;
  /** The message and fix title, made once: they depend on the count alone, and counts are kept per line. */
  message?: string;
  fixTitle?: string;
  right?: string;
}

const NO_COUNTS: LineCount[] = [];

const countsOfLine = (line: ReportLine): LineCount[] => countsIn(line.text);

function countsIn(text: string): LineCount[] {
  const counts: LineCount[] = [];
  for (const [re, arabic] of [[CHINESE, false], [ARABIC, true]] as const) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const value = parseAmount(m[1]);
      if (value === null || value < 2) continue;
      counts.push({ from: m.index, to: m.index + m[0].length, value, measure: m[2], arabic, slot: MEASURE_LIST.indexOf(m[2]) * 2 + (arabic ? 1 : 0) });
    }
  }
  return counts.length > 0 ? counts : NO_COUNTS;
}

/** 3名 and 五名 in one document: counts of one kind written in one form. */
export const numberForm: DocumentRule = {
  id: 'number-form',
  fixable: true,
  defaultSeverity: 'information',
  summary: '同类数字前后写法不一致（阿拉伯数字与汉字数字混用）',
  source: 'GB/T 15835—2011（同类别同形式）',
  check(ctx) {
    // First the tally: how often each measure word comes with each form, measures in order of first use.
    // Nothing is collected on the way: most drafts write each measure one way, and then the tally is
    // all (the second pass reads the counts kept per line again).
    const tally = new Int32Array(MEASURE_LIST.length * 2);
    const firstUse: number[] = [];
    const lines = ctx.model.lines;
    for (let n = 0; n < lines.length; n++) {
      const counts = ctx.lineFacts(lines[n], numberForm.id, countsOfLine);
      for (let k = 0; k < counts.length; k++) {
        const slot = counts[k].slot;
        const measure = slot >> 1;
        if (tally[measure * 2] === 0 && tally[measure * 2 + 1] === 0) firstUse.push(measure);
        tally[slot]++;
      }
    }
    for (const m of firstUse) {
      const chinese = tally[m * 2];
      const arabic = tally[m * 2 + 1];
      if (arabic === 0 || chinese === 0) continue;
      const measure = MEASURE_LIST[m];
      // The form used less often is the one to change; on a tie, Arabic numerals (statistics) win.
      // "党员120名，专职委员五名": a count of 100 or more stays in Arabic numerals whatever the rest say.
      const oddArabic = !(chinese <= arabic);
      for (let n = 0; n < lines.length; n++) {
        const counts = ctx.lineFacts(lines[n], numberForm.id, countsOfLine);
        for (const c of counts) if (c.measure === measure && c.arabic === oddArabic && !(c.arabic && c.value >= 100)) report(ctx, lines[n], c);
      }
    }
  },
};

function report(ctx: RuleContext, line: ReportLine, c: LineCount): void {
  const { measure } = c;
  if (c.message === undefined) {
    const right = c.arabic ? toChineseNumeral(c.value) : String(c.value);
    const written = line.text.slice(c.from, c.to);
    c.right = right + measure;
    c.message = t('数字写法不一致：本文其他处的“…{0}”用{1}，此处{2}应统一写作{3}。', measure, c.arabic ? t('汉字数字') : t('阿拉伯数字'), q(written), q(c.right));
    c.fixTitle = t('改为{0}', q(c.right));
  }
  const span = spanOf(line, c.from, c.to);
  ctx.report({ span, message: c.message, fix: { title: c.fixTitle!, edits: [{ span, newText: c.right! }], safe: false } });
}
