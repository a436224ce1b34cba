/**
 * Typing in a long draft splits it again only near the edit (replanChunks) and takes the chunks
 * outside the edit by position: both must give exactly what splitting and parsing the new text from
 * scratch gives. Drafts are made of lines that tempt every rule of the split (tables, lists, fences,
 * HTML, link definitions, brackets, trailing blanks, Word-pasted runs with no blank line), and edited
 * many times in a row: mostly typing inside a line, sometimes a line break or markup.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { planChunks, replanChunks } from '../engine/parse/chunks';
import { parseMarkdown } from '../engine/parse/markdown';
import { parseProse, ProseCache } from '../engine/parse/parse-prose';
import { extractProse, type ProseResult } from '../engine/parse/prose-lines';
import { LineIndex } from '../engine/text/line-index';
import { textDiff } from '../engine/text/text-diff';

const LINES = [
  '党支部深入学习贯彻全会精神，推动各项工作取得新成效。',
  '一是深入学习。二是广泛征求意见，三是谈心谈话',
  '对照检查材料的主要内容如下：',
  '（一）学习情况',
  '## 二、工作情况',
  '# 标题',
  '',
  '',
  '- 列表项',
  '1. 编号项',
  '> 引文',
  '| 表头 | 表头 |',
  '| --- | --- |',
  '| 单元格 | 单元格 |',
  '```',
  '<!--',
  '-->',
  '<div>',
  '[定义]: http://example.com',
  '[跨行的',
  '链接]: http://example.com',
  '机党发[2025]12号文件。',
  '行尾有空格的一行  ',
  '    缩进的一行',
  '---',
];

const TYPED = ['字', '字', '字', '字', '字', '字', '，', '。', '|', '-', ' ', '\n', '[', ']:', '](', '*', '`', '<', ''];

function shape(r: ProseResult) {
  return {
    lines: r.lines.map((l) => ({ text: l.text, starts: Array.from(l.starts), ends: Array.from(l.ends), block: l.block, depth: l.headingDepth, list: l.inList, quote: l.inQuote, src: l.sourceLine })),
    tables: r.tables.map((t) => ({ span: t.span, rows: t.rows.map((row) => row.map((c) => c.text)) })),
    comments: r.comments,
  };
}

/**
 * A draft drawn from LINES, mostly prose as drafts are (seven picks in ten are one of the first three
 * lines, numbered); with `wordPasted`, no blank lines at all.
 */
const draft = (picks: number[], wordPasted: boolean, definitions = false) =>
  picks
    // Prose lines are numbered, as a draft's paragraphs differ: chunks with the same text are taken by text.
    .map((i, n) => (i % 10 < 7 ? `第${n}段${LINES[i % 3]}` : LINES[i % LINES.length]))
    .filter((l) => !wordPasted || l !== '')
    // A link definition makes a text under 200 000 characters parse whole: only some drafts have one.
    .filter((l) => definitions || !/\]:/.test(l))
    .join('\n');

interface Edit {
  at: number;
  removed: number;
  typed: string;
}

const applyEdit = (text: string, e: Edit) => {
  const at = e.at % (text.length + 1);
  return text.slice(0, at) + e.typed + text.slice(at + Math.min(e.removed, 2));
};

const edits = fc.array(
  fc.record({ at: fc.nat(), removed: fc.constantFrom(0, 0, 0, 1, 2), typed: fc.constantFrom(...TYPED) }),
  { minLength: 1, maxLength: 25 },
);

describe('splitting again near an edit', () => {
  it('gives the chunks a split from scratch gives, edit after edit (in prose, headings, lists, tables)', () => {
    let replanned = 0;
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: 40, maxLength: 300 }), fc.boolean(), fc.boolean(), fc.constantFrom(32, 64, 256), edits, (picks, wordPasted, definitions, size, steps) => {
        let text = draft(picks, wordPasted, definitions);
        let plan = planChunks(text, size);
        for (const step of steps) {
          const next = applyEdit(text, step);
          const fresh = planChunks(next, size);
          const again = replanChunks(plan, next, textDiff(text, next));
          if (again) {
            replanned++;
            assert.deepEqual(again.chunks, fresh.chunks);
            assert.deepEqual(Array.from(again.lineStarts), Array.from(fresh.lineStarts));
            assert.deepEqual(Array.from(again.textEnds), Array.from(fresh.textEnds));
            assert.deepEqual(Array.from(again.flags), Array.from(fresh.flags));
            assert.deepEqual(Array.from(again.signatures), Array.from(fresh.signatures));
          }
          text = next;
          plan = again ?? fresh;
        }
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 300) },
    );
    // Typing inside a line is most edits: the property must have been tried on the short path.
    if (process.env.SHOW) console.log(replanned);
    assert.ok(replanned > 50, `only ${replanned} edits were split again near the edit`);
  });

  it('parses with a cache kept over many edits exactly as parsing from scratch (chunks taken by position)', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: 40, maxLength: 200 }), fc.boolean(), fc.boolean(), fc.boolean(), edits, (picks, wordPasted, definitions, shiftInPlace, steps) => {
        let text = draft(picks, wordPasted, definitions);
        const cache = new ProseCache({ shiftInPlace });
        parseProse(text, 0, new LineIndex(text), 64, cache);
        for (const step of steps) {
          text = applyEdit(text, step);
          const index = new LineIndex(text);
          const cached = parseProse(text, 0, index, 64, cache);
          assert.deepEqual(shape(cached), shape(extractProse(parseMarkdown(text), text, 0, index)));
        }
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 200) },
    );
  });

  it('takes the chunks away from a keystroke by position and splits again near it alone', () => {
    const lines = Array.from({ length: 400 }, (_, i) => `第${i}段：党支部深入学习贯彻全会精神，推动各项工作取得新成效。`);
    let text = lines.join('\n');
    const cache = new ProseCache({ shiftInPlace: true });
    parseProse(text, 0, new LineIndex(text), 256, cache);
    const chunks = cache.last!.plan.chunks.length;
    for (let k = 0; k < 10; k++) {
      const at = Math.floor((text.length * (k + 0.5)) / 10);
      text = text.slice(0, at) + '字' + text.slice(at);
      const [byPosition, replans, misses] = [cache.byPosition, cache.replans, cache.misses];
      const index = cache.lineIndexFor(text);
      const cached = parseProse(text, 0, index, 256, cache);
      assert.equal(cache.replans - replans, 1, 'split again near the edit');
      assert.ok(cache.misses - misses <= 2, 'one chunk (two, at a cut) parsed again');
      assert.ok(cache.byPosition - byPosition >= chunks - 3, `${cache.byPosition - byPosition} of ${chunks} chunks taken by position`);
      assert.deepEqual(shape(cached), shape(extractProse(parseMarkdown(text), text, 0, index)));
    }
  });

  it('keeps the forced cuts of a table longer than the split allows a run (MAX_RUN_LINES)', () => {
    const rows = Array.from({ length: 4500 }, (_, i) => `| ${i} | 党员${i}参加学习 |`);
    let text = ['# 报告', '', '| 序号 | 事项 |', '| --- | --- |', ...rows, '', '党支部召开会议。'].join('\n');
    let plan = planChunks(text, 8192);
    assert.ok(plan.chunks.some((c) => c.forced), 'the table is cut by force');
    for (const at of [0.1, 0.45, 0.9]) {
      const where = text.indexOf('参加', Math.floor(text.length * at));
      const next = text.slice(0, where) + '字' + text.slice(where);
      const again = replanChunks(plan, next, textDiff(text, next));
      assert.ok(again, 'typing in a table row keeps what the split reads of the row');
      assert.deepEqual(again.chunks, planChunks(next, 8192).chunks);
      text = next;
      plan = again;
    }
  });

  it('finds the edit between two versions of a text', () => {
    const base = '党支部'.repeat(20_000);
    assert.deepEqual(textDiff(base, base), { start: base.length, oldEnd: base.length, newEnd: base.length });
    const typed = base.slice(0, 30_001) + '字' + base.slice(30_001);
    const d = textDiff(base, typed);
    // Typing 字 next to a 字… the shortest edit: one character in, at the first place the texts part.
    assert.equal(d.newEnd - d.start, 1);
    assert.equal(d.oldEnd, d.start);
    assert.equal(typed.slice(0, d.start) + typed.slice(d.newEnd), base);
    const cut = base.slice(0, 100) + base.slice(40_000);
    const c = textDiff(base, cut);
    assert.equal(c.newEnd, c.start);
    assert.equal(c.oldEnd - c.start, 39_900);
  });
});
