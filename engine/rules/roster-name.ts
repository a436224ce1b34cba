import { t } from '../i18n';
import { hasHan, namesIn, titleBefore } from '../unit/names';
import type { RosterMember } from '../unit/types';
import type { ParagraphRule } from './rule';
import { q, spanOf } from './util';

/** Same length, same surname, one other character different. */
function oneAway(candidate: string, name: string): boolean {
  if (candidate.length !== name.length || candidate[0] !== name[0] || candidate === name) return false;
  let diff = 0;
  for (let i = 1; i < name.length; i++) if (candidate[i] !== name[i]) diff++;
  return diff === 1;
}

/**
 * A name one character away from a roster name, where the roster name itself is not in the
 * paragraph: possibly a typo (王鸣 for 王明). Only where the words around show a person is meant
 * (同志 after it, a title before it, or a roster name beside it in a 、 list).
 */
export const rosterName: ParagraphRule = {
  id: 'roster-name',
  fixable: true,
  defaultSeverity: 'information',
  summary: '疑似人名笔误：与本单位名单中的姓名只差一字',
  source: '本单位名单（.party-report/roster.yaml）',
  scope: 'paragraph',
  checkLine(line, ctx) {
    const members = ctx.unit.roster;
    if (!members || members.length === 0) return;
    const known = namesOf(members);
    const text = line.text;
    const present = namesIn(text, members);
    for (const member of members) {
      if (present.some((p) => p.member === member)) continue;
      const len = member.name.length;
      for (let at = text.indexOf(member.name[0]); at >= 0; at = text.indexOf(member.name[0], at + 1)) {
        const candidate = text.slice(at, at + len);
        if (!oneAway(candidate, member.name) || known.has(candidate) || ![...candidate].every((c) => hasHan(c))) continue;
        if (!looksLikeAName(text, at, at + len, present.map((p) => [p.at, p.end]))) continue;
        ctx.report({
          span: spanOf(line, at, at + len),
          message: t('疑似人名笔误：{0}与名单中的{1}只差一字。如确为{2}，请改正；如是他人，可忽略。', q(candidate), q(member.name), describe(member)),
          fix: { title: t('改为{0}', q(member.name)), edits: [{ span: spanOf(line, at, at + len), newText: member.name }], safe: false },
        });
      }
    }
  },
};

const knownNames = new WeakMap<readonly RosterMember[], Set<string>>();
/** The roster's names as a set, made once per roster rather than once per line. */
function namesOf(members: readonly RosterMember[]): Set<string> {
  let names = knownNames.get(members);
  if (!names) knownNames.set(members, (names = new Set(members.map((m) => m.name))));
  return names;
}

const describe = (m: RosterMember) => (m.titles.length ? `${m.titles[0]}${m.name}` : m.name);

function looksLikeAName(text: string, at: number, end: number, names: Array<[number, number]>): boolean {
  if (text.startsWith('同志', end)) return true;
  if (titleBefore(text, at)) return true;
  // Beside a roster name in a list: 王明、李划、张强.
  return names.some(([a, b]) => (b + 1 === at && text[b] === '、') || (end + 1 === a && text[end] === '、'));
}
