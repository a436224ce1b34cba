/**
 * The preview's line model (engine/layout) on its own: geometry read from the export's constants,
 * Chinese line breaking (禁则, hanging punctuation, whole Latin words, autospace), pagination with
 * widow and orphan control, the paragraph sequence the DOCX export writes, and the page diff the
 * preview sends. The comparison with LibreOffice's rendering is test/preview-pagination.test.ts.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PageState, type PageUpdate } from '../engine/layout';
import { LspClient } from './helpers/lsp-client';
import { exportDocx } from '../engine/export';
import { CHARS_PER_LINE, LINES_PER_PAGE } from '../engine/export/gbt9704';
import { breakLines, buildBlocks, layoutText, pageGeometry } from '../engine/layout';
import { buildModel } from '../engine/model/build';
import { builtinTypes } from '../engine/report-types/load';
import { documentWords } from '../engine/report-types/words';
import { bodyParagraphs, readDocx } from './helpers/docx';
import { REPO } from './helpers/shared';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Previews, type PreviewHost } from '../server/src/preview';
import * as fc from 'fast-check';
import { SourceBlockCache } from '../engine/layout/source-block-cache';
import { sourceBlocks } from '../engine/model/source-blocks';

const g = pageGeometry();
const body = (text: string, firstIndent = true, hang?: number) =>
  breakLines({ text, size: 16, spacing: g.charPitch - 16, first: g.textWidth - (firstIndent ? g.firstLineIndent : 0), rest: g.textWidth, hang: hang ?? g.margins.right }).map((s) =>
    text.slice(s.from, s.to),
  );
const han = (n: number, from = 0) => Array.from({ length: n }, (_, i) => '党支部深入学习贯彻全会精神推动各项工作取得新成效'[(from + i) % 24]).join('');

describe('preview line model', () => {
  it('reads its geometry from the export constants: 28 characters a line, 22 lines a page', () => {
    assert.equal(g.charsPerLine, CHARS_PER_LINE);
    assert.equal(g.linesPerPage, LINES_PER_PAGE);
    assert.ok(28 * g.charPitch <= g.textWidth && 29 * g.charPitch > g.textWidth, `${g.textWidth} pt`);
    assert.ok(22 * g.linePitch <= g.textHeight && 23 * g.linePitch > g.textHeight, `${g.textHeight} pt`);
    assert.equal(Math.round(g.margins.top / 72 * 25.4), 37);
    assert.equal(Math.round(pageGeometry({ left: 30 }).margins.left / 72 * 25.4), 30);
    assert.equal(pageGeometry({ left: 500 }).margins.left, g.margins.left, 'an invalid margin falls back, as in the export');
  });

  it('fills 26 characters after the indent and 28 on later lines', () => {
    const lines = body(han(26 + 28 + 5));
    assert.deepEqual(lines.map((l) => l.length), [26, 28, 5]);
  });

  it('lets 。，、；：？！ hang in the margin instead of pushing a character down', () => {
    assert.deepEqual(body(han(26) + '；' + han(4)).map((l) => l.length), [27, 4]);
    // Inside a table cell (no margin to hang into) the character before it goes down with it.
    assert.deepEqual(body(han(26) + '，' + han(4), true, 0).map((l) => l.length), [25, 6]);
  });

  it('never starts a line with a closing mark nor ends one with an opening mark', () => {
    const closing = body(han(26) + '》' + han(3));
    assert.equal(closing[0].length, 25);
    assert.ok(closing[1].startsWith(han(1, 25) + '》'));
    const opening = body(han(25) + '“' + han(5));
    assert.equal(opening[0].length, 25);
    assert.ok(opening[1].startsWith('“'));
  });

  it('keeps Latin words and numbers whole and spaces them from Chinese as LibreOffice prints them', () => {
    const word = body(han(24) + 'ABCDEF' + han(2));
    assert.equal(word[0], han(24));
    assert.ok(word[1].startsWith('ABCDEF'));
    // A line of the seed report as LibreOffice printed it: "月" no longer fits after the autospaces.
    const seed = body('湖管学组〔XXXX〕X号）要求，经报请同意，于XXXX年X月XX日召开了', false);
    assert.equal(seed[0], '湖管学组〔XXXX〕X号）要求，经报请同意，于XXXX年X');
  });

  it('puts 22 lines on every page, splits paragraphs anywhere, and keeps a heading with what follows', () => {
    const one = layoutText(['---', 'template: branch-work-summary', '---', ...Array.from({ length: 23 }, (_, i) => han(10, i) + '。')].join('\n'));
    assert.deepEqual(one.pages.map((p) => p.lines.length), [22, 1]);
    // No widow and orphan control in the export: a paragraph of 3 lines splits 1 + 2 after 21 lines.
    const split = layoutText(['---', 'template: branch-work-summary', '---', ...Array.from({ length: 21 }, (_, i) => han(10, i) + '。'), han(26 + 28 + 10) + '。'].join('\n'));
    assert.deepEqual(split.pages.map((p) => p.lines.length), [22, 2]);
    // A heading on the last line of a page goes to the next page with its paragraph.
    const heading = layoutText(['---', 'template: branch-work-summary', '---', ...Array.from({ length: 21 }, (_, i) => han(10, i) + '。'), '二、下一步工作打算', han(10) + '。'].join('\n'));
    assert.deepEqual(heading.pages.map((p) => p.lines.length), [21, 2]);
    assert.equal(heading.pages[1].lines[0].kind, 'heading');
  });

  it('lays out title, addressee, signature and date as the export does, and points each line back at the draft', () => {
    const draft = fs.readFileSync(path.join(REPO, 'examples', 'org-life-meeting-report.md'), 'utf8');
    const layout = layoutText(draft);
    const first = layout.pages[0].lines;
    const titles = first.filter((l) => l.kind === 'title');
    assert.ok(titles.length >= 2, 'the long title breaks into balanced lines');
    assert.equal(first[0].kind, 'title');
    assert.equal(first[0].height, g.linePitch, 'a title line takes one line pitch (the title is off the grid)');
    assert.ok(titles.every((l) => l.align === 'center'));
    assert.equal(first[titles.length].kind, 'blank');
    assert.equal(first[titles.length + 1].kind, 'addressee');
    assert.equal(first[titles.length + 1].pieces.map((p) => p.text).join(''), '机关党委：');
    const all = layout.pages.flatMap((p) => p.lines);
    const date = all.find((l) => l.kind === 'date')!;
    const signature = all.find((l) => l.kind === 'signature')!;
    assert.ok(date.top > signature.top || layout.pages.findIndex((p) => p.lines.includes(date)) > layout.pages.findIndex((p) => p.lines.includes(signature)));
    assert.equal(signature.align, 'right');
    assert.equal(signature.width, g.textWidth - 2 * g.charPitch, 'signature 2 characters from the right');
    for (const line of all.filter((l) => l.kind === 'body')) {
      const text = line.pieces.map((p) => p.text).join('');
      assert.equal(draft.slice(line.src, line.srcEnd), text, 'a body line maps to its words in the draft');
    }
    const heading = all.find((l) => l.kind === 'heading' && l.level === 1)!;
    assert.deepEqual(heading.pieces.map((p) => p.font), ['heading1']);
  });

  it('draws ~~struck~~ text struck, and bold and struck text in table cells, as the export prints them', () => {
    const draft = '本段有~~删去的字~~和**加粗**。\n\n| 问题 | 措施 |\n| --- | --- |\n| **学习**不够 | ~~旧措施~~新措施 |\n';
    const lines = layoutText(draft).pages[0].lines;
    const styled = (l: (typeof lines)[number]) => l.pieces.map((p) => `${p.text}${p.bold ? '[b]' : ''}${p.strike ? '[s]' : ''}`).join('|');
    assert.equal(styled(lines.find((l) => l.kind === 'body')!), '本段有|删去的字[s]|和|加粗[b]|。');
    const cells = lines.filter((l) => l.kind === 'cell').map(styled);
    assert.deepEqual(cells, ['问题', '措施', '学习[b]|不够', '旧措施[s]|新措施']);
  });

  it('tints unfilled placeholders', () => {
    const draft = '---\ntemplate: org-life-meeting-report\n---\n于XXXX年X月召开了组织生活会。';
    const line = layoutText(draft).pages[0].lines[0];
    const text = line.pieces.map((p) => p.text).join('');
    const marked = (line.marks ?? []).map(([a, b]) => text.slice(a, b));
    assert.deepEqual(marked, ['XXXX', 'X']);
  });

  it('has the same paragraphs, in the same order, as the exported DOCX', async () => {
    for (const name of ['org-life-meeting-report.md', 'democratic-life-meeting-report.md', 'duty-report.md', 'self-examination.md', 'official-document.md']) {
      const draft = fs.readFileSync(path.join(REPO, 'examples', name), 'utf8');
      // Every section's paragraphs: the 版记's section break sits inside the text's last paragraph.
      const document = readDocx(await exportDocx(draft)).document.replace(/<w:sectPr(?:(?!<w:sectPr)[\s\S])*?<\/w:sectPr>(?=[\s\S]*<w:sectPr)/g, '');
      const paragraphs = bodyParagraphs(document).map((p) =>
        [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1].replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&')).join(''),
      );
      // A right tab's text is the paragraph's; the 版记 is the footer of a section whose body is one empty paragraph.
      const blocks = buildBlocks(buildModel(draft, { words: documentWords(builtinTypes().types) }), g)
        .filter((b) => b.type !== 'table')
        .map((b) => (b.type === 'paragraph' ? b.text + (b.trailing?.text ?? '') : ''));
      assert.deepEqual(blocks, paragraphs, name);
    }
  });
});

describe('preview of the 公文 elements and the blocks the model leaves out', () => {
  const mmPt = (v: number) => (v * 72) / 25.4;
  const textOf = (l: { pieces: Array<{ text: string }> }) => l.pieces.map((p) => p.text).join('');

  it('places the 版头, 附注, attachments and 版记 of official-document.md where the export does', () => {
    const draft = fs.readFileSync(path.join(REPO, 'examples', 'official-document.md'), 'utf8');
    const layout = layoutText(draft);
    const [first] = layout.pages;
    // 份号, 密级★保密期限, 紧急程度 on the first three lines, flush left.
    assert.deepEqual(first.lines.slice(0, 3).map((l) => [textOf(l), l.top, l.left]), [
      ['000012', 0, 0],
      ['秘密★1年', g.linePitch, 0],
      ['特急', 2 * g.linePitch, 0],
    ]);
    // The red 标志: its ink (a tenth of its size below its line's top) 35 mm below the text block's top.
    const issuer = first.lines.find((l) => l.kind === 'issuer')!;
    assert.equal(issuer.color, 'FF0000');
    assert.ok(draft.startsWith('发文机关标志:', issuer.src), 'a click on the 标志 goes to where the front matter names it');
    assert.ok(Math.abs(issuer.top + issuer.size * 0.1 - mmPt(35)) < 0.1, `${issuer.top}`);
    // The red line under the 发文字号, as wide as the text block, about 4 mm below the number's line.
    const number = first.lines.find((l) => l.kind === 'number')!;
    const red = first.rules.find((r) => r.color === 'FF0000')!;
    assert.equal(red.width, g.textWidth);
    assert.ok(red.top > number.top + number.height && red.top < number.top + number.height + mmPt(4), `${red.top}`);
    const all = layout.pages.flatMap((p) => p.lines);
    assert.equal(textOf(all.find((l) => l.kind === 'note')!), '（联系人：张三，电话：12345678）');
    // Each attachment from a new page, "附件N" on its first line.
    assert.deepEqual(layout.pages.slice(2, 4).map((p) => textOf(p.lines[0])), ['附件1', '附件2']);
    // The 版记 on page 6 (page 5 left blank), neither numbered, its last rule on the text block's bottom edge.
    assert.equal(layout.pages.length, 6);
    assert.deepEqual(layout.pages.map((p) => p.numbered), [true, true, true, true, false, false]);
    assert.equal(layout.pages[4].lines.length, 0);
    const imprint = layout.pages[5];
    assert.ok(draft.startsWith('抄送:', imprint.lines[0].src));
    assert.deepEqual(imprint.lines.map(textOf), ['抄送：局办公室，局人事处。', '中共某局机关第三支部委员会', '2025年12月23日印发']);
    const last = imprint.rules[imprint.rules.length - 1];
    assert.ok(Math.abs(last.top + last.thickness - g.textHeight) < 0.01, `${last.top}`);
    assert.equal(imprint.rules.length, 3, 'thick above 抄送, thin between, thick under 印发');
  });

  it('puts an upward document’s 发文字号 one character from the left and 签发人 one from the right, on one line', () => {
    const layout = layoutText(['---', '发文机关标志: 中共某局机关委员会', '发文字号: 机党〔2025〕4号', '签发人: [张三, 李四]', 'title: 关于第三党支部工作情况的报告', '---', '党支部认真开展学习。'].join('\n'));
    const lines = layout.pages[0].lines.filter((l) => l.kind === 'number');
    assert.equal(lines.length, 2);
    assert.equal(lines[0].top, lines[1].top);
    assert.equal(textOf(lines[0]), '机党〔2025〕4号');
    assert.equal(lines[0].left, 315 / 20);
    assert.equal(textOf(lines[1]), '签发人：张三　李四');
    assert.ok(Math.abs(lines[1].left + lines[1].width - (g.textWidth - 315 / 20)) < 0.01);
    assert.deepEqual(lines[1].pieces.map((p) => p.font), ['body', 'heading2']);
    // 80 mm down for an upward document.
    const issuer = layout.pages[0].lines.find((l) => l.kind === 'issuer')!;
    assert.ok(Math.abs(issuer.top + issuer.size * 0.1 - mmPt(80)) < 0.1);
  });

  it('prints a footnote at the foot of the page of its reference, its number raised, and takes its lines from the page', () => {
    const para = han(26 + 28 + 10) + '。';
    const draft = ['---', 'template: branch-work-summary', '---', ...Array.from({ length: 5 }, () => para), '学习' + han(8) + '[^a]。', '', '[^a]: ' + han(40) + '。'].join('\n');
    const layout = layoutText(draft);
    const page = layout.pages[0];
    const notes = page.lines.filter((l) => l.kind === 'footnote');
    assert.equal(notes.length, 2, 'a 41-character note on two 4号 lines');
    assert.deepEqual(notes[0].pieces[0], { text: '1', font: 'body', bold: false, sup: true });
    assert.ok(Math.abs(notes[1].top - notes[0].top - g.linePitch) < 1e-9);
    assert.ok(notes[1].top + notes[1].height <= g.textHeight + 0.01);
    const ref = page.lines.find((l) => l.pieces.some((p) => p.sup) && l.kind === 'body')!;
    assert.ok(ref, 'the reference is the raised number 1, not "[^a]"');
    assert.ok(!page.lines.some((l) => textOf(l).includes('[^a]')), 'the definition is not body text');
    assert.ok(page.rules.some((r) => r.width < g.textWidth / 2), 'a short separator over the notes');
    // Without the note the same body takes the same lines: the note's 3 lines (separator included) come off the page's 22.
    const bodyLines = page.lines.filter((l) => l.kind === 'body').length;
    assert.equal(bodyLines, 16);
    const full = ['---', 'template: branch-work-summary', '---', ...Array.from({ length: 8 }, () => para)].join('\n');
    assert.equal(layoutText(full).pages[0].lines.length, 22);
    const crowded = ['---', 'template: branch-work-summary', '---', ...Array.from({ length: 6 }, () => para), '学习' + han(8) + '[^a]。', para, '', '[^a]: ' + han(40) + '。'].join('\n');
    const pages = layoutText(crowded).pages;
    assert.equal(pages[0].lines.filter((l) => l.kind !== 'footnote').length, 19, '22 lines less the note and its separator');
  });

  it('shows code and HTML blocks as plain lines, a picture as a framed box of its size, and a table’s run-on line as body text', () => {
    const draft = ['---', 'template: branch-work-summary', '---', '党支部认真开展学习。', '', '```', 'code line', '```', '', '<div>HTML 块</div>', '', '![会场照片](pic.png)', '', '| 序号 | 问题 |', '| --- | --- |', '| 1 | 学习不够 |', '特此报告。'].join('\n');
    const layout = layoutText(draft, { imageSize: (url) => (url === 'pic.png' ? { width: 300, height: 100 } : undefined) });
    const lines = layout.pages[0].lines;
    const kinds = lines.map((l) => [l.kind, textOf(l)]);
    assert.deepEqual(kinds.slice(0, 4), [['body', '党支部认真开展学习。'], ['literal', 'code line'], ['literal', 'HTML 块'], ['image', '会场照片']]);
    const image = lines[3];
    assert.equal(image.height, 100);
    assert.deepEqual(layout.pages[0].boxes.filter((b) => b.image), [{ top: image.top, left: 0, width: g.textWidth, height: 100, image: true }]);
    const closing = lines.find((l) => textOf(l) === '特此报告。')!;
    assert.equal(closing.kind, 'body');
    assert.equal(draft.slice(closing.src, closing.srcEnd), '特此报告。', 'offsets point into the draft, not the repaired text');
  });
});

describe('preview page updates', () => {
  const draft = ['---', 'template: branch-work-summary', '---', ...Array.from({ length: 60 }, (_, i) => han(40, i) + '。')].join('\n');

  it('sends the pages in view, marks changed pages out of view stale, and sends them when asked', () => {
    const state = new PageState();
    const first = state.update(draft, 1);
    assert.ok(first.geometry);
    assert.equal(first.pageCount, 6);
    assert.deepEqual(first.pages.map((p) => p.index), [0, 1, 2, 3], 'pages 1–3 in view and one after');
    assert.deepEqual(first.stale, [], 'the webview asks for pages it has no copy of');
    assert.deepEqual(state.pages([4, 5]).pages.map((p) => p.index), [4, 5]);
    // An edit on page 1 that moves no line: only page 1 changes; later offsets are relative to their page.
    const at = draft.indexOf('。') - 2;
    const edited = draft.slice(0, at) + '新' + draft.slice(at + 1);
    const second = state.update(edited, 2);
    assert.equal(second.geometry, undefined);
    assert.deepEqual(second.pages.map((p) => p.index), [0]);
    assert.deepEqual(second.stale, []);
    // An inserted character shifts the draft offsets of every later page, whose content is unchanged.
    const inserted = edited.slice(0, at) + '新' + edited.slice(at);
    assert.deepEqual(state.update(inserted, 3).pages.map((p) => p.index), [0]);
    // Enough words for a third line: every later line moves, in view and out of view.
    const grown = inserted.slice(0, at) + '新'.repeat(15) + inserted.slice(at);
    const fourth = state.update(grown, 4);
    assert.deepEqual(fourth.pages.map((p) => p.index), [0, 1, 2, 3]);
    assert.deepEqual(fourth.stale, [4, 5], 'pages out of view reflowed too and wait to be asked for');
    assert.deepEqual(state.pages(fourth.stale).pages.map((p) => p.index), [4, 5]);
    assert.deepEqual(state.pages(fourth.stale).pages, [], 'each page is sent once');
  });

  it('marks the lines an error touches', () => {
    const state = new PageState();
    const at = draft.indexOf(han(40, 1));
    const update = state.update(draft, 1, {}, [{ start: at + 3, end: at + 5, message: '示例错误' }]);
    const flagged = update.pages.flatMap((p) => p.page.lines).filter((l) => l.error);
    assert.equal(flagged.length, 1);
    assert.equal(flagged[0].error, '示例错误');
  });
});

describe('partyReport/preview over LSP', function () {
  this.timeout(30000);
  let client: LspClient;
  beforeEach(async () => {
    client = new LspClient();
    client.settings = { rules: { 'half-width-punctuation': 'error' }, debounceMs: 0 };
    // Rule levels from the settings apply only in a trusted workspace (docs/security.md).
    await client.initialize(true, undefined, { trusted: true });
  });
  afterEach(async () => client.stop());

  it('answers with the pages of the text the client sent last, then only what changed, with error markers', async () => {
    const uri = 'file:///work/preview.md';
    const text = fs.readFileSync(path.join(REPO, 'examples', 'org-life-meeting-report.md'), 'utf8');
    await client.open(uri, text);
    const first = (await client.connection.sendRequest('partyReport/preview', { uri, visible: [0, 1] })) as PageUpdate;
    assert.equal(first.pageCount, 2);
    assert.ok(first.geometry?.fonts.body.includes('仿宋_GB2312'), 'the export font first in the stack');
    assert.deepEqual(first.pages.map((p) => p.index), [0, 1]);
    // A change, then the request at once: the server lays out the new version, not the old one.
    const changed = text.replace('会场气氛团结紧张、严肃活泼。', '会场气氛团结紧张、严肃活泼，反响热烈。');
    await client.change(uri, 2, changed);
    const second = (await client.connection.sendRequest('partyReport/preview', { uri })) as PageUpdate;
    assert.equal(second.version, 2);
    const words = second.pages.flatMap((p) => p.page.lines.flatMap((l) => l.pieces.map((x) => x.text))).join('');
    assert.ok(words.includes('反响热烈'), 'the changed page is sent');
    // Errors of the last check mark their lines (half-width punctuation made an error by the settings).
    await client.change(uri, 3, changed.replace('会上，党员紧扣', '会上,党员紧扣'));
    await client.diagnostics(uri, (p) => p.version === 3 && p.diagnostics.some((d) => d.code === 'half-width-punctuation'));
    const third = (await client.connection.sendRequest('partyReport/preview', { uri })) as PageUpdate;
    const flagged = third.pages.flatMap((p) => p.page.lines).filter((l) => l.error);
    assert.equal(flagged.length, 1);
    assert.match(flagged[0].error!, /半角/);
    assert.equal(flagged[0].pieces[0].text.slice(0, 7), '会上,党员紧扣');
    assert.equal(await client.connection.sendRequest('partyReport/preview', { uri: 'file:///work/not-open.md' }), null);
  });
});

describe('the preview request (server/src/preview.ts)', () => {
  const text = '---\ntemplate: org-life-meeting-report\n---\n会议由党支部书记主持，全体党员参加。';
  const doc = (version: number) => TextDocument.create('file:///work/reuse.md', 'markdown', version, text);
  const marked = (update: PageUpdate | null) => update!.pages.flatMap((p) => p.page.lines).flatMap((l) => l.marks ?? []).length;
  // The checker's model marks "书记" as a placeholder (a setting the preview's own parse does not have).
  const checked = buildModel(text, { extraPlaceholders: ['书记'], words: documentWords(builtinTypes().types) });
  const host = (version: number, checkedVersion: number): PreviewHost => ({
    document: () => doc(version),
    lastCheck: () => ({ version: checkedVersion, model: checked, errors: [] }),
    options: async () => ({ layout: {}, model: { words: documentWords(builtinTypes().types) } }),
  });

  it('lays out the checker’s model of the same version instead of parsing again', async () => {
    assert.equal(marked(await new Previews(host(3, 3)).request({ uri: 'file:///work/reuse.md', reset: true })), 1);
  });

  it('parses the text itself when the checker has not seen this version yet', async () => {
    assert.equal(marked(await new Previews(host(4, 3)).request({ uri: 'file:///work/reuse.md', reset: true })), 0);
  });
});

describe('footnotes, code blocks and pictures while typing (SourceBlockCache)', () => {
  const draft = [
    '---',
    'template: branch-work-summary',
    '---',
    '一、主要工作',
    '党支部认真开展学习[^1]，推动工作。',
    '',
    '```',
    'code line',
    '```',
    '',
    '    indented code',
    '',
    '<div>HTML 块</div>',
    '',
    '![会场照片](pic.png)',
    '',
    '二是强化责任，落实制度。',
    '',
    '[^1]: 学习的具体安排。',
    '    续行。',
  ].join('\n');

  it('gives what a fresh parse gives after every edit, and parses again only when an edit may change a block', () => {
    const alphabet = ['学', '习', 'a', '1', '。', '，', ' ', '\n', '`', '[', '^', ']', ':', '<', '!', '(', ')', '~', '-', '#', '　'];
    fc.assert(
      fc.property(
        fc.array(fc.record({ at: fc.nat(), cut: fc.nat({ max: 3 }), insert: fc.array(fc.constantFrom(...alphabet), { maxLength: 3 }).map((a) => a.join('')) }), { minLength: 1, maxLength: 25 }),
        (edits) => {
          const cache = new SourceBlockCache();
          let text = draft;
          cache.get(text);
          for (const e of edits) {
            const at = e.at % (text.length + 1);
            text = text.slice(0, at) + e.insert + text.slice(Math.min(text.length, at + e.cut));
            assert.deepEqual(cache.get(text), sourceBlocks(text));
          }
        },
      ),
      { numRuns: 100 },
    );
    // Typing words into a line of prose moves the blocks without parsing.
    const cache = new SourceBlockCache();
    cache.get(draft);
    const at = draft.indexOf('强化责任') + 2;
    const typed = draft.slice(0, at) + '进一步' + draft.slice(at);
    assert.deepEqual(cache.get(typed), sourceBlocks(typed));
    assert.equal(cache.shifted, 1);
  });
});
