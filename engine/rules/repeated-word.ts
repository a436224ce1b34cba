import { t } from '../i18n';
import type { ParagraphRule } from './rule';
import { q, spanOf } from './util';

// "加强加强管理", "进一步进一步落实", "做了了对照检查": a word written twice in a row, as a draft edited or
// pasted in Word leaves it. Chinese doubles words on purpose all the time (认认真真, 常常, 天天, 研究研究,
// 是是非非, 一个个, 太多太多), and a doubled string is as often two words that meet (党组织|组织生活会,
// 人民政府|政府工作报告, 学习|习近平, 工作|作为, 没有|有意, 实实|在在). So nothing is found by its shape
// alone: only the words listed below, each with what must stand around it, are looked at.

/**
 * Words that are not doubled on purpose: adverbs, pronouns and conjunctions (an adjective doubles as
 * AABB, 认认真真, never as ABAB), and names that begin no longer word (总书记重要讲话 is 总书记 + 重要讲话).
 * None of them ends a longer word that could stand before it either.
 */
const PLAIN = [
  '进一步', '不断', '切实', '认真', '积极', '深入', '全面', '持续', '始终', '坚决', '扎实', '严格', '充分', '及时', '主动', '继续',
  '我们', '他们', '自己', '大家', '通过', '按照', '根据', '围绕', '对于', '关于', '以及', '并且', '同时', '但是', '而且', '因此',
  '总书记', '习近平', '党中央',
];
/**
 * Verbs of reports that are not doubled "to try a little" in writing. Spoken Chinese still can
 * ("再努力努力", "还得完善完善吧"), so a pair after 再、还、得…, or before 吧、一下、再 or a mark, is let be.
 * (学习、研究、讨论、总结、交流、检查 double that way all the time and are not listed.)
 */
const VERBS = [
  '加强', '推进', '落实', '开展', '提高', '提升', '推动', '促进', '强化', '完善', '健全', '贯彻', '深化', '坚持', '存在', '进行',
  '建立', '发挥', '召开', '增强', '努力', '做好', '抓好', '加快',
];
const TENTATIVE_BEFORE = new Set('再还去来需该请让得多稍也就');
const TENTATIVE_AFTER = new Set('吧呢啊嘛呀一看再');
/**
 * Nouns that end names and begin compounds: 阳光社区|社区党委, 实验学校|学校领导, 新中国|中国人民. Looked
 * at only where nothing can stand in front as part of the word: after a mark or at the line's start,
 * or after a particle or preposition ("参与社区社区建设" is found after 与).
 */
const NOUNS = ['社区', '学校', '中国', '群众', '新时代'];
const NOUN_BEFORE = new Set('的了在和与对到为向从把给及以是将使');

/**
 * Single characters doubled by mistake, each with the characters that make the pair two words: before
 * it (为了|了解, 实实在在, 祥和|和谐) and after it (了解, 在座, 和谐). 的的 is common-typo's.
 */
const CHARS: Record<string, { before: string; after: string }> = {
  // 为了了解, 除了了解, 明了了, 罢了了, 不了了之, 不甚了了, 受不了了, 做得了了, 终于了了心愿; 了解, 了结, 了然,
  // 了却, 了不起, 了如指掌, 了了可见.
  '了': { before: '为除明罢算不得完受极未甚时于才', after: '解结然却不得如断事望之心可' },
  // 现在在座, 存在在, 实实在在, 老神在在, 正在在, 所在在, 旨在在, 何在; 在于, 在乎, 在场, 在职, 在岗, 在家, 在座, 在意…
  // (坐在在、放在在 are slips: 在 after the verb is the preposition.)
  '在': { before: '现存实正所自内外潜好旨志意重贵难不健犹常同何神', after: '于乎场职岗校编线建途押册读内即望位理座意家外手' },
  // 温和和, 平和和, 祥和和谐, 总和和, 和和气气, 政通人和, 郑和和; 和谐, 和平, 和睦, 和气, 和美, 和解, 和尚…
  '和': { before: '温平柔缓总暖随调谦祥中讲求附饱人共应唱搅拌太郑议永维', after: '谐平睦气美蔼煦解善顺衷声弦亲尚约谈' },
};

type Kind = 'plain' | 'verb' | 'noun' | 'char';
const KIND = new Map<string, Kind>([
  ...PLAIN.map((w) => [w, 'plain'] as const),
  ...VERBS.map((w) => [w, 'verb'] as const),
  ...NOUNS.map((w) => [w, 'noun'] as const),
  ...Object.keys(CHARS).map((w) => [w, 'char'] as const),
]);
/**
 * A listed word followed by itself, longest words first. One native scan of a line finds the few
 * candidates: a loop over every character in JavaScript cost a one-off check (cold code) 3–4 ms on a
 * short report.
 */
const DOUBLED = new RegExp(`(${[...KIND.keys()].sort((a, b) => b.length - a.length).join('|')})\\1`, 'g');

const isHan = (ch: string | undefined) => ch !== undefined && ch >= '\u4e00' && ch <= '\u9fff';

/** Whether the pair of `word` at text[at, at + 2n) is a slip, by what stands around it. */
function isSlip(text: string, at: number, word: string, kind: Kind): boolean {
  const n = word.length;
  const end = at + 2 * n;
  const before = text[at - 1];
  const after = text[end];
  // Three in a row is a table or a form read as text (好一般一般一般), or meant.
  if (text.startsWith(word, end) || (at >= n && text.slice(at - n, at) === word)) return false;
  // "努力努力再努力": said on purpose.
  if (after === '再') return false;
  switch (kind) {
    case 'plain':
      return true;
    case 'verb':
      return isHan(after) && !TENTATIVE_AFTER.has(after) && !(before !== undefined && TENTATIVE_BEFORE.has(before));
    case 'noun':
      return !isHan(before) || NOUN_BEFORE.has(before);
    case 'char': {
      const { before: joinsBefore, after: joinsAfter } = CHARS[word];
      if (!isHan(before) || !isHan(after)) return false;
      if (joinsBefore.includes(before) || joinsAfter.includes(after)) return false;
      // AABB: 实实在在, 和和美美.
      return text[at - 2] !== before && text[end + 1] !== after;
    }
  }
}

/** "加强加强": a listed word written twice in a row. */
export const repeatedWord: ParagraphRule = {
  id: 'repeated-word',
  fixable: true,
  defaultSeverity: 'warning',
  summary: '同一个词连写了两遍（“加强加强”“做了了”）',
  source: '公文写作惯例',
  scope: 'paragraph',
  checkLine(line, ctx) {
    const { text } = line;
    DOUBLED.lastIndex = 0;
    for (let m = DOUBLED.exec(text); m; m = DOUBLED.exec(text)) {
      const word = m[1];
      const i = m.index;
      const n = word.length;
      if (!isSlip(text, i, word, KIND.get(word)!)) {
        // Not this pair; another may start inside it.
        DOUBLED.lastIndex = i + 1;
        continue;
      }
      const span = spanOf(line, i + n, i + 2 * n);
      ctx.report({
        span,
        message: t('{0}重复：{1}连写了两遍，多半是修改时留下的。请删去多余的一个{1}。', q(word + word), q(word)),
        // A doubled word often marks an edit left half done (普遍存在存在问题: 存在的问题?): the
        // writer looks at the sentence, and fix-all leaves it alone.
        fix: { title: t('删去重复的{0}', q(word)), edits: [{ span, newText: '' }], safe: false },
      });
    }
  },
};
