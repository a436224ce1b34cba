/** Every entry of data/common-typos.yaml against its own examples, and the fix leaves nothing to find. */
import * as assert from 'node:assert/strict';
import { lint, setLocale } from '../engine';
import { commonTypos, findCommonTypos } from '../engine/formulations/common-typos';

describe('common typos (data/common-typos.yaml)', () => {
  const typos = commonTypos();

  it('has entries, each with sentences to pass and to catch', () => {
    assert.ok(typos.length >= 40, `${typos.length} entries`);
    for (const typo of typos) {
      assert.ok(typo.examples.pass.length > 0 && typo.examples.fail.length > 0, `${typo.wrong.source} needs pass and fail examples`);
    }
  });

  it('gives each entry its reason in English too, which an English message uses', () => {
    for (const typo of typos) assert.ok(typo.whyEn && /[a-z]/.test(typo.whyEn) && !/[。]$/.test(typo.whyEn), `${typo.wrong.source} needs why-en`);
    const text = '---\ntemplate: org-life-meeting-report\n---\n一、会前准备情况\n按照上级党委的统一布暑，支部召开组织生活会。\n';
    const message = (locale: 'en' | 'zh-CN') => {
      setLocale(locale);
      try {
        return lint(text).diagnostics.find((d) => d.rule === 'common-typo')!.message;
      } finally {
        setLocale('zh-CN');
      }
    };
    assert.ok(message('en').includes(commonTypos()[0].whyEn!), message('en'));
    assert.ok(message('zh-CN').includes(commonTypos()[0].why), message('zh-CN'));
  });

  for (const typo of typos) {
    it(`${typo.wrong.source} → ${typo.right}`, () => {
      for (const sentence of typo.examples.pass) {
        assert.deepEqual(findCommonTypos(sentence).map((h) => sentence.slice(h.from, h.to)), [], `should pass: ${sentence}`);
      }
      for (const sentence of typo.examples.fail) {
        const hits = findCommonTypos(sentence).filter((h) => h.typo === typo);
        assert.equal(hits.length, 1, `should catch once: ${sentence}`);
        const fixed = sentence.slice(0, hits[0].from) + typo.right + sentence.slice(hits[0].to);
        assert.deepEqual(findCommonTypos(fixed), [], `the fixed sentence still has a typo: ${fixed}`);
      }
    });
  }
});
