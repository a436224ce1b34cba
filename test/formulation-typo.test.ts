/** formulation-typo beyond its fixtures: standard wording that is a near miss of other standard wording. */
import * as assert from 'node:assert/strict';
import { builtinFormulations, lint, type Formulation } from '../engine';

const phrase = (text: string): Formulation => ({ name: text, kind: 'phrase', text, wrong: [], notAfter: [], members: [], keys: [], outdated: {}, forms: {}, added: {} });

describe('formulation-typo', () => {
  const formulations = [...builtinFormulations(), phrase('党的二十届三中全会精神'), phrase('党的二十届四中全会精神')];
  const draft = (sentence: string) =>
    ['---', 'template: org-life-meeting-report', '---', '一、会前准备情况', sentence, '二、组织生活会召开情况', '会议由支部书记主持。', '三、制定整改措施等情况', '会后制定整改清单。', ''].join('\n');
  const typos = (sentence: string) => lint(draft(sentence), { formulations }).diagnostics.filter((d) => d.rule === 'formulation-typo');

  it('leaves standard wording alone even when it is one character away from other standard wording', () => {
    assert.deepEqual(typos('支部学习了党的二十届四中全会精神和党的二十届三中全会精神。'), []);
  });

  it('still reports a real slip in the same wording', () => {
    const found = typos('支部学习了党的二十届四中全汇精神。');
    assert.equal(found.length, 1);
    assert.match(found[0].message, /规范表述为“党的二十届四中全会精神”/);
  });
});
