import { builtinStandardTerms as standardTerms, type Formulation } from '../formulations/load';
import { findNearMisses, MIN_TERM_LENGTH } from '../formulations/near-miss';
import { t } from '../i18n';
import { MAX_PER_LINE, type ParagraphRule } from './rule';
import { ClaimedSpans } from '../text/claimed-spans';
import { termCovers } from '../text/covers';
import { q, spanOf } from './util';

/**
 * A standard term written with a character changed, added or dropped (新世代 for 新时代). Listed
 * wrong forms are standard-formulation's; this rule catches the typos nobody listed.
 */
export const formulationTypo: ParagraphRule = {
  id: 'formulation-typo',
  defaultSeverity: 'warning',
  summary: '规范表述疑有错字、多字或漏字',
  fixable: true,
  source: '规范表述（data/standard-terms.yaml）',
  scope: 'paragraph',
  checkLine(line, ctx) {
    const { listedWrong, terms, standards, firsts } = termsFor(ctx.formulations);
    const text = line.text;
    if (text.length < MIN_TERM_LENGTH - 1 || !firsts.some((c) => text.includes(c))) return;
    const taken = new ClaimedSpans(text.length);
    for (const term of terms) {
      if (!text.includes(term[0])) continue;
      for (const miss of findNearMisses(text, term, MAX_PER_LINE)) {
        const written = text.slice(miss.from, miss.to);
        if (listedWrong.has(written) || coveredByStandard(text, miss.from, miss.to, standards)) continue;
        // “两学一做”学习教育: marks around a part of the term are how it is written, not a typo.
        if (written.replace(MARKS, '') === term) continue;
        // 学习新时代……: the 习 ends 学习; the writer left out 习近平, which standard-formulation reports
        // (and a fix here would make 学习近平新时代, one 习 short).
        if (written[1] !== term[1] && ENDS_A_WORD_AFTER[written[0]]?.includes(text[miss.from - 1])) continue;
        if (taken.overlaps(miss.from, miss.to)) continue;
        taken.claim(miss.from, miss.to);
        const span = spanOf(line, miss.from, miss.to);
        ctx.report({
          span,
          message: t('{0}疑有错字：规范表述为{1}。请核对，确属笔误可改为规范表述。', q(written), q(term)),
          fix: { title: t('改为{0}', q(term)), edits: [{ span, newText: term }], safe: false },
        });
      }
    }
  },
};

interface Terms {
  listedWrong: Set<string>;
  terms: string[];
  standards: string[];
  firsts: string[];
}

const termsByFormulations = new WeakMap<readonly Formulation[], Terms>();

/** What the check compares each line with, worked out once per set of formulations (not per line). */
function termsFor(formulations: readonly Formulation[]): Terms {
  let found = termsByFormulations.get(formulations);
  if (found) return found;
  const listedWrong = new Set(formulations.flatMap((f) => f.wrong));
  const phrases = formulations.filter((f) => f.kind === 'phrase' && f.text.length >= MIN_TERM_LENGTH).map((f) => f.text);
  const terms = [...new Set([...standardTerms(), ...phrases])];
  // Everything that is itself standard wording: a near miss of one standard text that is another
  // ("二十届四中全会" beside "二十届三中全会") is no typo.
  const standards = [...new Set([...terms, ...formulations.flatMap((f) => [f.text, ...f.members])])].filter((x) => x.length >= 2);
  // Cheap gate: a near miss keeps the term's first character and one of its halves.
  const firsts = [...new Set(terms.map((x) => x[0]))];
  found = { listedWrong, terms, standards, firsts };
  termsByFormulations.set(formulations, found);
  return found;
}

/** Characters that end a word with the one before them (学习, 复习): not the start of a term there. */
const ENDS_A_WORD_AFTER: Record<string, string> = { 习: '学复研练温见实预自补' };

const MARKS = /[“”‘’《》〈〉「」『』"'、·\s]/g;

/** Whether text[from, to) lies inside an occurrence of a standard text. */
function coveredByStandard(text: string, from: number, to: number, standards: string[]): boolean {
  return standards.some((s) => termCovers(text, s, from, to));
}
