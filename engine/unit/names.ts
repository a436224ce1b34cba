/**
 * Where roster names stand in a line, and what the text says about them: the title written just
 * before a name ("党支部书记王明"), and lists of names joined by 、.
 */
import type { RosterMember } from './types';

/** Role words a title ends with, longest first so that 副书记 wins over 书记. */
const ROLES = [
  '纪检委员', '组织委员', '宣传委员', '青年委员', '保密委员', '统战委员',
  '副主任科员', '主任科员', '副调研员', '调研员', '副总经理', '总经理', '副董事长', '董事长', '副总监', '总监',
  '副书记', '书记', '副主任', '主任', '副局长', '局长', '副处长', '处长', '副科长', '科长', '副部长', '部长',
  '副主席', '主席', '副院长', '院长', '副校长', '校长', '副厂长', '厂长', '副经理', '经理', '副组长', '组长',
  '副行长', '行长', '副所长', '所长', '副馆长', '馆长', '副站长', '站长', '副队长', '队长', '副区长', '区长',
  '副县长', '县长', '副市长', '市长', '副镇长', '镇长', '副乡长', '乡长', '委员',
].sort((a, b) => b.length - a.length);

/** The organisation word just before a role: 党委 in 机关党委书记, 支部 in 党支部书记. */
const ORG = /(党总支|党工委|党支部|总支|支部|党委|党组|纪委|委员会|办公室|中心|公司|局|处|科|部|室|院|所|厂|队|站)$/;

export const roleOf = (title: string): string | undefined => ROLES.find((r) => title.endsWith(r));

const HAN = /[\u3400-\u9fff]/;

/** The run of Han characters that ends just before `at` (at most 16). */
export function hanRunBefore(text: string, at: number): string {
  let from = at;
  while (from > 0 && at - from < 16 && HAN.test(text[from - 1])) from--;
  return text.slice(from, at);
}

export interface WrittenTitle {
  /** The role word, e.g. 书记. */
  role: string;
  /** The organisation word before it, if any: 支部. */
  org?: string;
  /** The title as written: 党支部书记 (the run minus a leading verb or preposition we cannot tell apart). */
  text: string;
}

/** The title written right before a name, if the words there end with a role. */
export function titleBefore(text: string, at: number): WrittenTitle | undefined {
  const run = hanRunBefore(text, at);
  const role = roleOf(run);
  if (!role) return undefined;
  const org = ORG.exec(run.slice(0, run.length - role.length))?.[1];
  return { role, org, text: org ? org + role : role };
}

/** Does a title written in the text fit one of the member's titles? 委员 fits 纪检委员; 书记 does not fit 副书记. */
export function titleFits(member: RosterMember, written: WrittenTitle): boolean {
  if (member.titles.length === 0) return true;
  return member.titles.some((title) => {
    const role = roleOf(title);
    if (!role) return true; // a title we cannot read says nothing either way
    const roleFits = role === written.role || (role.endsWith(written.role) && !role.slice(0, role.length - written.role.length).includes('副'));
    const orgFits = !written.org || title.includes(written.org);
    return roleFits && orgFits;
  });
}

// Characters that commonly follow a name; another Han character means the name may be part of a longer one.
const AFTER_NAME = new Set([...'同主代作在为等和与及说指强要带向对的是也就围结提首通领传讲宣汇表介点总逐分认进亲出参任兼牵负组召安督检深听谈列受接被把将从已还都又均各、，。；：！？（）“”']);

export interface NameAt {
  member: RosterMember;
  index: number;
  at: number;
  end: number;
}

/** Every roster name in the text that stands on its own (not inside a longer name). */
export function namesIn(text: string, roster: RosterMember[]): NameAt[] {
  const found: NameAt[] = [];
  roster.forEach((member, index) => {
    for (let at = text.indexOf(member.name); at >= 0; at = text.indexOf(member.name, at + 1)) {
      const end = at + member.name.length;
      const next = text[end];
      if (next !== undefined && HAN.test(next) && !AFTER_NAME.has(next)) continue;
      found.push({ member, index, at, end });
    }
  });
  // A longer name wins where two overlap (欧阳明华 over 欧阳明).
  return found
    .sort((a, b) => a.at - b.at || b.end - a.end)
    .filter((n, i, all) => !all.slice(0, i).some((m) => m.at <= n.at && n.end <= m.end && m !== n));
}

/** Runs of three or more names joined by 、 (and 和/及 before the last), each optionally followed by 同志. */
export function nameLists(text: string, names: NameAt[]): NameAt[][] {
  const lists: NameAt[][] = [];
  let run: NameAt[] = [];
  for (const n of names) {
    const prev = run[run.length - 1];
    if (prev && /^(同志)?[、和及与]$/.test(text.slice(prev.end, n.at))) run.push(n);
    else {
      if (run.length >= 3) lists.push(run);
      run = [n];
    }
  }
  if (run.length >= 3) lists.push(run);
  return lists;
}

export const hasHan = (s: string | undefined) => s !== undefined && HAN.test(s);
