/** Acceptance: the real report in ../shared/seed (skipped where ../shared is absent). */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { lint } from '../engine';
import { SEED, sharedAvailable } from './helpers/shared';

describe('the seed report (../shared/seed)', function () {
  before(function () {
    if (!sharedAvailable()) this.skip();
  });

  it('is detected as org-life-meeting-report, 36 placeholders, 1 half-width comma, nothing else', function () {
    const text = fs.readFileSync(SEED, 'utf8');
    const result = lint(text);
    assert.equal(result.type?.id, 'org-life-meeting-report');
    const atWarning = result.diagnostics.filter((d) => d.severity === 'error' || d.severity === 'warning');
    const placeholders = atWarning.filter((d) => d.rule === 'unfilled-placeholder');
    assert.equal(placeholders.length, 36);
    // Every X run in the text is one placeholder (the seed has no Latin words).
    const runs = [...text.matchAll(/X+/g)].map((m) => `${m.index}:${m[0]}`);
    assert.deepEqual(placeholders.map((d) => `${d.span.start}:${text.slice(d.span.start, d.span.end)}`), runs);
    const commas = atWarning.filter((d) => d.rule === 'half-width-punctuation');
    assert.equal(commas.length, 1);
    assert.equal(text.slice(commas[0].span.start - 5, commas[0].span.end + 1), '组织生活会,局');
    assert.deepEqual(atWarning.filter((d) => d.rule !== 'unfilled-placeholder' && d.rule !== 'half-width-punctuation'), []);
  });

  it('reads as 16 paragraphs: three level-1 headings and 13 body paragraphs', function () {
    const model = lint(fs.readFileSync(SEED, 'utf8')).model!;
    assert.equal(model.lines.length, 16);
    assert.deepEqual(
      model.sections.map((s) => `${s.level}:${s.numbering?.marker}${s.title}`),
      ['1:一、会前准备情况', '1:二、组织生活会召开情况', '1:三、制定整改措施等情况'],
    );
    assert.equal(model.lines.filter((l) => l.role !== 'heading').length, 13);
  });
});
