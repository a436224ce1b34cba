/** The small pure pieces under the fact and quotation rules: numbers, dates, approximate matching, names. */
import * as assert from 'node:assert/strict';
import { applyEdits, lint } from '../engine';
import { parseAmount } from '../engine/model/amounts';
import { makeDate, parseDateValue, parseWrittenDate, weekday } from '../engine/model/calendar';
import { nameLists, namesIn, titleBefore, titleFits } from '../engine/unit/names';
import { lookUp } from '../engine/unit/quotations';
import { bestMatch, closeEnough, letters } from '../engine/unit/similar';

describe('helpers of the fact and quotation rules', () => {
  it('reads counts in Arabic, full-width and Chinese numerals, and refuses what is not a count', () => {
    assert.deepEqual(['25', '２５', '二十五', '十二', '两', '一百零二', '一百二十', '十'].map(parseAmount), [25, 25, 25, 12, 2, 102, 120, 10]);
    assert.deepEqual(['二五', 'X', ''].map(parseAmount), [null, null, null]);
  });

  it('knows real dates and their weekdays', () => {
    assert.equal(makeDate(2024, 2, 30), undefined);
    assert.deepEqual(makeDate(2024, 2, 29), { year: 2024, month: 2, day: 29 });
    assert.equal(weekday(makeDate(2024, 1, 8)!), 1); // a Monday
    assert.equal(weekday(makeDate(2021, 7, 1)!), 4); // a Thursday
    assert.deepEqual(parseWrittenDate('二〇二四年一月十五日'), { year: 2024, month: 1, day: 15 });
    assert.deepEqual(parseDateValue(new Date('2024-01-20T00:00:00Z')), { year: 2024, month: 1, day: 20 });
    assert.deepEqual(parseDateValue('2024/1/20'), { year: 2024, month: 1, day: 20 });
    assert.equal(parseDateValue('下周一'), undefined);
  });

  it('finds the closest region of a longer text, ignoring punctuation', () => {
    assert.equal(letters('江山就是人民，人民就是江山。').text, '江山就是人民人民就是江山');
    assert.deepEqual(bestMatch('奋斗方向', '就是我们的奋斗目标'), { distance: 2, start: 5, end: 9 });
    assert.equal(bestMatch('人民就是江山', '江山就是人民人民就是江山').distance, 0);
    assert.ok(closeEnough(16, 2) && !closeEnough(16, 3) && closeEnough(4, 1));
  });

  it('tells an exact, a changed, a reordered and an unknown quotation apart', () => {
    const library = [{ text: '支部建在连上，党员站在前头。', source: '某讲话', file: 'x' }];
    assert.equal(lookUp('支部建在连上', library).kind, 'exact');
    const changed = lookUp('支部建在连上，党员走在前头。', library);
    assert.equal(changed.kind, 'close');
    assert.equal(changed.kind === 'close' && changed.original, '支部建在连上，党员站在前头。');
    assert.equal(lookUp('党员站在前头，支部建在连上', library).kind, 'close');
    assert.equal(lookUp('完全不同的一句话在这里', library).kind, 'unknown');
  });

  it('reads the title written before a name and whether it fits the roster', () => {
    const wang = { name: '王明', titles: ['机关党委副书记'] };
    assert.deepEqual(titleBefore('由党支部书记王明主持', 6), { role: '书记', org: '党支部', text: '党支部书记' });
    assert.equal(titleFits(wang, titleBefore('机关党委副书记王明', 7)!), true);
    assert.equal(titleFits(wang, titleBefore('书记王明', 2)!), false);
    assert.equal(titleFits({ name: '张强', titles: ['纪检委员'] }, titleBefore('委员张强', 2)!), true);
    const roster = [wang, { name: '李华', titles: [] }, { name: '张强', titles: [] }];
    const text = '张强、王明和李华同志发言，王明亮列席';
    const names = namesIn(text, roster);
    assert.deepEqual(names.map((n) => n.member.name), ['张强', '王明', '李华']);
    assert.deepEqual(nameLists(text, names).map((l) => l.map((n) => n.member.name)), [['张强', '王明', '李华']]);
  });

  it('replaces the whole title as written when it fixes one, and not the words before it', () => {
    const unit = { roster: [{ name: '王明', titles: ['机关党委副书记'] }], quotations: [], years: new Map() };
    const text = '---\ntemplate: org-life-meeting-report\n---\n一、会前准备情况\n会议由机关党委书记王明主持，党支部书记王明讲话。\n二、组织生活会召开情况\n会议召开。\n三、制定整改措施等情况\n制定清单。\n';
    const found = lint(text, { unit }).diagnostics.filter((d) => d.rule === 'roster');
    assert.deepEqual(found.map((d) => text.slice(d.span.start, d.span.end)), ['机关党委书记王明', '党支部书记王明']);
    assert.ok(applyEdits(text, found[0].fix!.edits).includes('会议由机关党委副书记王明主持'));
  });
});
