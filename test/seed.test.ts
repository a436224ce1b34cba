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
    const placeholders = result.diagnostics.filter((d) => d.rule === 'unfilled-placeholder');
    // Placeholders are information: they do not bury the one real problem (see the next test).
    assert.ok(placeholders.every((d) => d.severity === 'information'));
    assert.equal(placeholders.length, 36);
    // Every X run in the text is one placeholder (the seed has no Latin words).
    const runs = [...text.matchAll(/X+/g)].map((m) => `${m.index}:${m[0]}`);
    assert.deepEqual(placeholders.map((d) => `${d.span.start}:${text.slice(d.span.start, d.span.end)}`), runs);
    const commas = atWarning.filter((d) => d.rule === 'half-width-punctuation');
    assert.equal(commas.length, 1);
    assert.equal(text.slice(commas[0].span.start - 5, commas[0].span.end + 1), '组织生活会,局');
    assert.deepEqual(atWarning.filter((d) => d.rule !== 'half-width-punctuation'), []);
  });

  it('lists the half-width comma first, as the Problems panel sorts (severity, then position), and says what each placeholder wants', function () {
    const text = fs.readFileSync(SEED, 'utf8');
    const rank = { error: 0, warning: 1, information: 2, hint: 3 } as const;
    const panel = [...lint(text).diagnostics].sort((a, b) => rank[a.severity] - rank[b.severity] || a.span.start - b.span.start);
    assert.equal(panel[0].rule, 'half-width-punctuation');
    const said = (before: string, after: string) =>
      panel.find((d) => d.rule === 'unfilled-placeholder' && text.slice(d.span.start - before.length, d.span.start) === before && text.startsWith(after, d.span.end))?.message;
    assert.match(said('于XXXX年', '月')!, /月份/);
    assert.match(said('于', '年')!, /年份/);
    assert.match(said('〔', '〕')!, /年份/);
    assert.match(said('副局长', '同志')!, /姓名/);
    assert.match(said('征求到意见建议', '条')!, /数量/);
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
