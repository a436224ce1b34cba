/**
 * The layout defects of issue #14, rendered with LibreOffice and measured with poppler: tables that
 * swallow the closing (1), stranded headings (4), title line pitch (5), ragged right edges (6),
 * title breaks and widths (8), the date's start (10), attachment notes split from the signature
 * (12) and table columns (13). Skips where LibreOffice or poppler is missing, except in CI.
 */
import * as assert from 'node:assert/strict';
import { exportDocx } from '../engine/export';
import { allPrintedLines, PT_PER_MM, soffice, toPdf, which, type TextLine } from './helpers/render';

const POOL = '党支部深入学习贯彻全会精神推动各项工作取得新成效坚持以人民为中心的发展思想强化理论武装提升能力素质';
/** A paragraph of exactly `lines` full lines of 28 characters (first line indented 2). */
function paragraph(lines: number, seed: number): string {
  const length = lines * 28 - 2;
  let s = '';
  for (let i = 0; s.length < length - 1; i++) s += POOL[(seed * 7 + i) % POOL.length];
  return s + '。';
}

const mmX = (pt: number) => pt / PT_PER_MM;
const LEFT = 28;
const RIGHT = 210 - 26;
const CHAR_MM = 15.75 / PT_PER_MM;

describe('export defects (issue #14), rendered', function () {
  this.timeout(240000);
  before(function () {
    const missing = [soffice() ? '' : 'LibreOffice', which('pdftotext') ? '' : 'poppler-utils'].filter(Boolean);
    if (missing.length > 0) {
      if (process.env.CI) throw new Error(`CI must install ${missing.join(' and ')} (see .ci/run)`);
      this.skip();
    }
  });

  describe('a bare-line draft with a table (1, 6, 10, 13)', () => {
    let lines: Array<TextLine & { page: number }>;
    before(async () => {
      const draft = [
        '关于第一党支部检视问题整改情况的报告',
        '机关党委：',
        '一、整改情况',
        '党支部深入学习贯彻全会精神推动各项工作取得新成效坚持以人民为中心的发展思想强化理论武装提升能力素质，2025年共召开12次会议，完成ABC等3个项目，整改问题15个，建立制度8项，各项工作取得新成效。',
        '| 序号 | 问题 | 整改措施 | 责任人 | 时限 |',
        '| --- | --- | --- | --- | --- |',
        '| 1 | 学习不深入 | 制定学习计划，每月集中学习两次，撰写心得体会，开展专题研讨，组织知识测试 | 张三 | 12月底前 |',
        '特此报告。',
        '中共某局机关第一支部委员会',
        '2025年12月22日',
      ].join('\n');
      lines = allPrintedLines(toPdf(await exportDocx(draft)));
    });
    const find = (start: string) => {
      const l = lines.find((x) => x.text.startsWith(start));
      assert.ok(l, `a printed line starting "${start}": ${lines.map((x) => x.text).join(' / ')}`);
      return l;
    };

    it('1. prints "特此报告。" as a body paragraph (indented 2 characters), not a table row', () => {
      const closing = find('特此报告');
      assert.equal(closing.text, '特此报告。');
      assert.ok(Math.abs(mmX(closing.xMin) - (LEFT + 2 * CHAR_MM)) < 1, `at ${mmX(closing.xMin).toFixed(1)} mm`);
    });

    it('6. ends every full line of a paragraph at the right margin (±2 mm)', () => {
      const first = lines.findIndex((x) => x.text.startsWith('党支部深入'));
      const paragraphLines = [lines[first], ...lines.slice(first + 1).filter((x, i, all) => all.slice(0, i + 1).every((y) => Math.abs(mmX(y.xMin) - LEFT) < 1))];
      assert.ok(paragraphLines.length >= 3, paragraphLines.map((x) => x.text).join(' / '));
      for (const l of paragraphLines.slice(0, -1)) assert.ok(RIGHT - mmX(l.xMax) < 2, `"${l.text}" ends ${(RIGHT - mmX(l.xMax)).toFixed(1)} mm short`);
    });

    it('10. starts the date two characters (11.1 mm) right of the signature\'s first character (±1 mm)', () => {
      const signature = find('中共某局机关第一支部委员会');
      const date = find('2025年12月22日');
      const offset = mmX(date.xMin) - mmX(signature.xMin);
      assert.ok(Math.abs(offset - 2 * CHAR_MM) < 1, `the date starts ${offset.toFixed(1)} mm right of the signature`);
      assert.ok(Math.abs(RIGHT - mmX(signature.xMax) - 2 * CHAR_MM) < 1, 'signature 2 characters from the right');
    });

    it('13. gives 措施 the room: its row takes at most 4 lines and 责任人 is not wider than it needs', () => {
      const header = lines.findIndex((x) => x.text.includes('序号'));
      const closing = lines.findIndex((x) => x.text.startsWith('特此报告'));
      assert.ok(closing - header - 1 <= 4, `the row takes ${closing - header - 1} lines`);
      const row = lines[header + 1];
      assert.match(row.text, /张三/);
    });
  });

  describe('headings and the attachment note at page ends (4, 12)', () => {
    let lines: Array<TextLine & { page: number }>;
    before(async () => {
      const draft = [
        '---',
        'template: branch-work-summary',
        '附件: [整改清单, 征求意见汇总表, 学习计划]',
        '署名: 中共某局机关第一支部委员会',
        '成文日期: 2025年12月22日',
        '---',
        paragraph(10, 1),
        paragraph(11, 2),
        '二、主要工作',
        paragraph(8, 3),
        paragraph(8, 4),
      ].join('\n');
      lines = allPrintedLines(toPdf(await exportDocx(draft)));
    });

    it('4. never leaves a heading as the last line of a page', () => {
      const heading = lines.find((x) => x.text === '二、主要工作')!;
      const pageLines = lines.filter((x) => x.page === heading.page && !/^—\d+—$/.test(x.text));
      assert.notEqual(pageLines[pageLines.length - 1], heading, `the heading ends page ${heading.page}`);
      assert.equal(pageLines[0], heading, 'it opens the next page');
    });

    it('12. keeps the attachment note on one page, with body text above the signature', () => {
      const notes = lines.filter((x) => /^附件：1\.|^2\.征求|^3\.学习/.test(x.text));
      assert.equal(notes.length, 3, lines.map((x) => x.text).join(' / '));
      assert.equal(new Set(notes.map((x) => x.page)).size, 1, 'one page');
      const signature = lines.find((x) => x.text === '中共某局机关第一支部委员会')!;
      const body = lines.filter((x) => x.page === signature.page && x.text.length > 20 && /。$|[^。]$/.test(x.text) && !x.text.startsWith('附件'));
      assert.ok(body.length > 0, `page ${signature.page} holds body text as well`);
      assert.equal(notes[0].page, signature.page);
      const date = lines.find((x) => x.text === '2025年12月22日')!;
      assert.equal(date.page, signature.page, 'the date is not alone on a page');
    });
  });

  describe('a long title (5, 8)', () => {
    let title: TextLine[];
    before(async () => {
      const draft = '中共某某市某某区某某局机关第三党支部关于召开学习贯彻习近平新时代中国特色社会主义思想主题教育专题组织生活会情况的报告\n机关党委：\n一、会前准备情况\n认真准备。\n';
      const all = allPrintedLines(toPdf(await exportDocx(draft)));
      title = all.slice(0, all.findIndex((x) => x.text.startsWith('机关党委')));
    });

    it('5. sets the title\'s lines one line (28.95 pt) apart (±1 mm)', () => {
      assert.ok(title.length >= 3);
      for (let i = 1; i < title.length; i++) {
        const pitch = (title[i].yMax - title[i - 1].yMax) / PT_PER_MM;
        assert.ok(Math.abs(pitch - 28.95 / PT_PER_MM) < 1, `title lines ${pitch.toFixed(1)} mm apart`);
      }
    });

    it('8. breaks no term (社会|主义) and leaves each title line short of the margins', () => {
      const text = title.map((l) => l.text);
      assert.equal(text.join(''), '中共某某市某某区某某局机关第三党支部关于召开学习贯彻习近平新时代中国特色社会主义思想主题教育专题组织生活会情况的报告');
      for (let i = 1; i < text.length; i++) {
        assert.ok(!(text[i - 1].endsWith('社会') && text[i].startsWith('主义')), text.join(' / '));
        assert.ok(!(text[i - 1].endsWith('习') && text[i].startsWith('近平')), text.join(' / '));
      }
      for (const l of title) assert.ok(mmX(l.xMin) > LEFT + 5 && mmX(l.xMax) < RIGHT - 5, `"${l.text}" spans ${mmX(l.xMin).toFixed(1)}–${mmX(l.xMax).toFixed(1)} mm`);
    });
  });
});
