/**
 * The incremental check (a document's parse cache moving chunks in place, paragraph rules' findings
 * kept per line) must give exactly what a check from scratch gives, after any sequence of edits.
 * fast-check generates the sequences: inserts, deletions and replacements anywhere, with text that
 * makes and breaks headings, front matter, fences, tables, comments, CRLF, a BOM, emoji and
 * full-width spaces. After every edit the two results are compared: diagnostics (rule, severity,
 * message, span, range, fix) and the model's lines (text, offsets, source line, role, section).
 *
 * INCREMENTAL_RUNS sets the number of sequences (each of 10 to 40 edits on a draft of about 20 KB,
 * several chunks). The default, 60 sequences, compares about 1,200 edits in about 15 s on an idle
 * machine, so every CI run checks more than a thousand. For a long run:
 *   INCREMENTAL_RUNS=500 npx mocha --no-config --node-option import=tsx --extension ts --timeout 0 test/incremental.test.ts
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { lint, ProseCache, type LintResult } from '../engine';

const RUNS = Number(process.env.INCREMENTAL_RUNS ?? 60);
const CN = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** A report draft of about `size` characters' worth of UTF-8, with a flaw every few sentences. */
function draft(seed: number, size = 20_000): string {
  let s = seed;
  const rnd = () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32);
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const plain = ['党支部认真组织学习，深入查摆问题', '全体党员对照检查，逐条列出清单', '支部委员会研究制定整改措施', '会前广泛征求意见建议，梳理归类'];
  const flawed = [
    '共征求意见建议12条,已全部反馈',
    '会议于2025.12.22召开',
    '根据机党发[2025]12号文件要求',
    '坚定道路自信、文化自信、理论自信、制度自信',
    '学习“两会精神',
    '由XXX同志主持',
    '会议共有三项议程：一是学习，二是查摆',
    '应到党员20名，实到22名',
    '习近平新世代中国特色社会主义思想',
    '妥否，请批示',
  ];
  const out = ['关于召开第三党支部专题组织生活会情况的报告', '', '机关党委：', ''];
  let n = 0;
  for (let section = 0; out.join('\n').length * 2 < size && section < 9; section++) {
    out.push(`${CN[section]}、第${section + 1}部分的情况`, '');
    for (let sub = 0; sub < 6; sub++) {
      out.push(`（${CN[sub]}）第${sub + 1}个方面`, '');
      for (let p = 0; p < 2 + Math.floor(rnd() * 3); p++) {
        const sentences: string[] = [];
        for (let k = 0; k < 1 + Math.floor(rnd() * 4); k++) sentences.push(rnd() < 0.15 ? pick(flawed) : `${pick(plain)}，第${++n}次推进`);
        out.push((p < 3 && rnd() < 0.4 ? `${CN[p]}是` : '') + sentences.join('；') + '。', '');
      }
    }
  }
  out.push('特此报告。', '', '中共某局机关第三支部委员会', '', '2025年12月22日', '');
  return out.join('\n');
}

/** Text that changes a draft's structure as well as its words. */
const PIECES = [
  '\n', '\n\n', '\r\n', '\r', '\uFEFF', '😀', '\u3000', '\t', ' ', '字', '，', ',', '。', '“', '”', '（', '）', '《', '》', '*', '**', '_', '`', '[', ']', '](', '\\', '|', '~',
  '# ', '## ', '### ', '#### 标题\n', '## 二、会前准备情况\n', '\n三、制定整改措施等情况\n', '（一）', '（二）加强学习。具体是', '1.', '2. ', '- ', '* ', '> ', '1) ',
  '---\n', '---\ntemplate: org-life-meeting-report\ntitle: 测试\n---\n', '---\n: bad: yaml\n---\n', '```\n', '```js\ncode\n```\n', '~~~\n', '<!--', '-->', '<!-- party-report-disable -->\n',
  '| 问题 | 措施 |\n| --- | --- |\n| 学习不够 | 加强学习 |\n', '|---|---|\n', '---\n\n', '===\n', '<div>\n', '</div>\n',
  '一是', '二是', '三是', '首先，', '其次，', '共有三项议程：', '从以下三个方面：\n', 'XX', '××', '【填写】', '2025.12.22', '2025年07月01日', '机党发[2025]12号', '四个自信',
  '道路自信、理论自信、制度自信、文化自信', '妥否，请批示', '特此报告。', '2025年12月22日', '应到20名，实到18名，请假2名', '3名', '五名',
];

type Edit = { at: number; remove: number; insert: string };

const edit = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  remove: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 5, max: 3000 })),
  insert: fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...PIECES) },
    { weight: 1, arbitrary: fc.array(fc.constantFrom(...PIECES), { minLength: 2, maxLength: 6 }).map((xs) => xs.join('')) },
    { weight: 1, arbitrary: fc.constant('') },
    { weight: 1, arbitrary: fc.string({ maxLength: 6, unit: 'grapheme' }) },
  ),
});

function apply(text: string, e: { at: number; remove: number; insert: string }): string {
  const at = Math.min(text.length, Math.floor(e.at * (text.length + 1)));
  return text.slice(0, at) + e.insert + text.slice(Math.min(text.length, at + e.remove));
}

/** What a check yields, as plain data: every diagnostic, and the model's lines. */
function summary(r: LintResult) {
  return {
    type: r.type?.id,
    diagnostics: r.diagnostics.map((d) => ({ rule: d.rule, severity: d.severity, message: d.message, span: d.span, range: d.range, fix: d.fix, related: d.related })),
    lines: r.model?.lines.map((l) => [l.index, l.text, Array.from(l.starts).join(), Array.from(l.ends).join(), l.sourceLine, l.role, l.section?.id, l.cell?.start, l.cell?.end].join('|')),
    sections: r.model?.sections.map((s) => [s.id, s.title, s.level, s.line.index, s.lastLine, s.body.length].join('|')),
  };
}

export { draft };
describe('incremental check', function () {
  this.timeout(0);

  it(`equals a check from scratch after every edit (${RUNS} sequences of 10–40 edits)`, () => {
    let edits = 0;
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.array(edit, { minLength: 10, maxLength: 40 }), (seed, sequence: Edit[]) => {
        let text = draft(seed);
        const cache = new ProseCache({ shiftInPlace: true });
        lint(text, { cache });
        for (const e of sequence) {
          text = apply(text, e);
          edits++;
          const incremental = summary(lint(text, { cache }));
          assert.deepEqual(incremental, summary(lint(text)));
        }
      }),
      { numRuns: RUNS },
    );
    console.log(`      ${edits} edits compared`);
  });

  it('keeps what paragraph rules found on unchanged lines, and finds what an edit adds', () => {
    const cache = new ProseCache({ shiftInPlace: true });
    const text = draft(3, 60_000);
    const before = lint(text, { cache }).diagnostics.filter((d) => d.rule === 'half-width-punctuation').length;
    // A half-width comma typed into the first paragraph line: one more finding, the rest moved along.
    const at = text.indexOf('党支部认真组织学习');
    const edited = text.slice(0, at) + '学习,' + text.slice(at);
    const after = lint(edited, { cache }).diagnostics.filter((d) => d.rule === 'half-width-punctuation');
    assert.equal(after.length, before + 1);
    assert.deepEqual(after, lint(edited).diagnostics.filter((d) => d.rule === 'half-width-punctuation'));
  });
});
