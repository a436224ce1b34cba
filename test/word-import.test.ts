/**
 * Word import: round trips of the seed and every example, documents from three producers, Word's
 * own features (outline levels, automatic numbering, tables, footnotes, bold), and the CLI contract.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { AlignmentType, Document, FootnoteReferenceRun, HeadingLevel, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { buildModel } from '../engine';
import { exportDocx } from '../engine/export';
import { OPAQUE } from '../engine/text/prose';
import { importDocx as importWith } from '../engine/word';
import { modelForImport } from '../engine';
import { docxText } from './helpers/docx';
import { CLI_ENV, REPO, SEED, sharedAvailable } from './helpers/shared';
import { PRODUCERS, produce, producerMissing } from './helpers/word';

const importDocx = (bytes: Uint8Array) => importWith(bytes, modelForImport);
const CLI = path.join(REPO, 'dist', 'cli.js');
const run = (args: string[], cwd = REPO) => {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 60000, env: CLI_ENV });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

/** A draft's paragraphs as the checks read them; inline code as the words the export writes. */
function paragraphs(text: string): string[] {
  const model = buildModel(text);
  return model.lines.map((l) =>
    [...l.text]
      .map((c, i) => (c === OPAQUE ? text.slice(l.starts[i], l.ends[i]).replace(/^`+\s?|\s?`+$/g, '') : c))
      .join('')
      .trim(),
  );
}

const EXAMPLES = [
  ...fs.readdirSync(path.join(REPO, 'examples')).filter((f) => f.endsWith('.md')).map((f) => path.join(REPO, 'examples', f)),
  ...fs.readdirSync(path.join(REPO, 'examples', 'workspace')).filter((f) => f.endsWith('.md')).map((f) => path.join(REPO, 'examples', 'workspace', f)),
];

describe('Word import', function () {
  this.timeout(120000);

  describe('round trip: export, then import, gives back the same front matter, paragraphs and text', () => {
    /** The draft's front matter as YAML reads it, and its paragraphs as the checks read them. */
    const draftOf = (text: string) => ({ frontMatter: buildModel(text).frontMatter?.data ?? {}, paragraphs: paragraphs(text) });
    const roundTrip = async (source: string) => {
      const draft = importDocx(await exportDocx(source));
      assert.ok(paragraphs(source).length > 0);
      assert.deepEqual(draftOf(draft.markdown), draftOf(source));
      // In the same order as the draft wrote them.
      assert.deepEqual(Object.keys(draftOf(draft.markdown).frontMatter), Object.keys(draftOf(source).frontMatter));
      return draft;
    };
    for (const file of EXAMPLES) {
      it(path.relative(REPO, file), async () => {
        await roundTrip(fs.readFileSync(file, 'utf8'));
      });
    }
    it('the seed report', async function () {
      if (!sharedAvailable()) this.skip();
      const source = fs.readFileSync(SEED, 'utf8');
      await roundTrip(source);
      assert.equal(paragraphs(source).length, 16);
    });
    it('the round-tripped draft draws the same findings, line for line', async () => {
      const source = fs.readFileSync(path.join(REPO, 'examples', 'draft-with-problems.md'), 'utf8');
      const { lint } = await import('../engine');
      const draft = importDocx(await exportDocx(source));
      const key = (text: string) => lint(text).diagnostics.map((d) => `${d.rule} ${text.slice(d.span.start, d.span.end).replace(/\\(.)/g, '$1')}`).filter((k) => !k.startsWith('copied')).sort();
      assert.deepEqual(key(draft.markdown), key(source));
    });
  });

  describe('documents from three producers', () => {
    // Blank lines between paragraphs: pandoc joins consecutive lines into one paragraph.
    const source = fs.readFileSync(path.join(REPO, 'examples', 'org-life-meeting-report.md'), 'utf8').split('\n').join('\n\n');
    for (const producer of PRODUCERS) {
      it(`${producer}: every paragraph one line, headings, front matter`, async function () {
        const missing = producerMissing(producer);
        if (missing) this.skip();
        const bytes = await produce(producer, source);
        const draft = importDocx(bytes);
        // Independent reading of the same file: mammoth's raw text has the same paragraphs.
        const mammoth = (await docxText(bytes)).split('\n').map((s) => s.trim()).filter(Boolean);
        assert.deepEqual(paragraphs(draft.markdown), mammoth);
        assert.deepEqual(paragraphs(draft.markdown), paragraphs(source));
        assert.match(draft.markdown, /^## 一、会前准备情况$/m);
        assert.match(draft.markdown, /^# 关于召开第三党支部/m);
        if (producer === 'export') {
          // Our export of a draft without front matter: it comes back without (the draft's own lines hold it all).
          assert.deepEqual(draft.frontMatter, {});
          return;
        }
        assert.equal(draft.frontMatter['主送'], '机关党委');
        assert.equal(draft.frontMatter['署名'], '中共某局机关第三支部委员会');
        assert.equal(draft.frontMatter['成文日期'], '2025年12月22日');
      });
    }

    it('pandoc: Markdown headings, tables and bold come back as such', async function () {
      if (producerMissing('pandoc')) this.skip();
      const md = '# 第三党支部2025年工作总结\n\n## 一、主要工作\n\n（一）坚持政治引领。**全年召开**支部党员大会4次。\n\n| 序号 | 问题 |\n| --- | --- |\n| 1 | 理论学习不够 |\n';
      const draft = importDocx(await produce('pandoc', md));
      assert.match(draft.markdown, /^# 第三党支部2025年工作总结\n## 一、主要工作\n（一）坚持政治引领。\*\*全年召开\*\*支部党员大会4次。\n\n\| 序号 \| 问题 \|\n\| --- \| --- \|\n\| 1 \| 理论学习不够 \|\n$/m);
    });
  });

  describe("Word's own structures", () => {
    let draft: ReturnType<typeof importDocx>;
    before(async () => {
      const doc = new Document({
        numbering: {
          config: [
            {
              reference: 'cn',
              levels: [
                { level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、', alignment: AlignmentType.LEFT },
                { level: 1, format: LevelFormat.CHINESE_COUNTING, text: '（%2）', alignment: AlignmentType.LEFT },
              ],
            },
          ],
        },
        footnotes: { 1: { children: [new Paragraph('见《中国共产党章程》。')] } },
        sections: [
          {
            children: [
              new Paragraph({ text: '机党发〔2025〕12号', alignment: AlignmentType.CENTER }),
              new Paragraph({ text: '关于召开第三党支部专题组织生活会情况的报告', heading: HeadingLevel.TITLE }),
              new Paragraph('机关党委：'),
              new Paragraph({ text: '会前准备情况', numbering: { reference: 'cn', level: 0 } }),
              new Paragraph({ children: [new TextRun('一是深入学习。'), new TextRun({ text: '全体党员', bold: true }), new TextRun('参加学习'), new FootnoteReferenceRun(1), new TextRun('。')] }),
              new Paragraph({ text: '会议召开情况', numbering: { reference: 'cn', level: 0 } }),
              new Paragraph({ text: '党员发言情况', numbering: { reference: 'cn', level: 1 } }),
              new Paragraph('党员逐一发言，开展批评和自我批评。'),
              new Paragraph({ text: '整改措施', heading: HeadingLevel.HEADING_1 }),
              new Table({
                rows: [
                  new TableRow({ children: [new TableCell({ children: [new Paragraph('序号')] }), new TableCell({ children: [new Paragraph('问题|说明')] })] }),
                  new TableRow({ children: [new TableCell({ children: [new Paragraph('1')] }), new TableCell({ children: [new Paragraph('学习不够'), new Paragraph('已整改')] })] }),
                ],
              }),
              new Paragraph(''),
              new Paragraph('* 星号开头的一段 #1'),
              new Paragraph('特此报告。'),
              new Paragraph({ text: '中共某局机关第三支部委员会', alignment: AlignmentType.RIGHT }),
              new Paragraph({ text: '2025年12月22日', alignment: AlignmentType.RIGHT }),
            ],
          },
        ],
      });
      draft = importDocx(new Uint8Array(await Packer.toBuffer(doc)));
    });

    it('writes the expected draft', () => {
      const body = draft.markdown.slice(draft.markdown.indexOf('---\n', 4) + 4);
      assert.equal(
        body,
        [
          '# 关于召开第三党支部专题组织生活会情况的报告',
          '机关党委：',
          '## 一、会前准备情况',
          '一是深入学习。**全体党员**参加学习[^1]。',
          '## 二、会议召开情况',
          '### （一）党员发言情况',
          '党员逐一发言，开展批评和自我批评。',
          '## 整改措施',
          '',
          '| 序号 | 问题\\|说明 |',
          '| --- | --- |',
          '| 1 | 学习不够<br>已整改 |',
          '',
          '\\* 星号开头的一段 #1',
          '特此报告。',
          '中共某局机关第三支部委员会',
          '2025年12月22日',
          '',
          '[^1]: 见《中国共产党章程》。',
          '',
        ].join('\n'),
      );
    });

    it('recognises front matter: 发文字号, title, 主送, 署名, 成文日期', () => {
      assert.deepEqual(draft.frontMatter, {
        发文字号: '机党发〔2025〕12号',
        title: '关于召开第三党支部专题组织生活会情况的报告',
        主送: '机关党委',
        署名: '中共某局机关第三支部委员会',
        成文日期: '2025年12月22日',
      });
    });

    it('maps every character of the draft that came from Word back to its paragraph', () => {
      const at = draft.markdown.indexOf('全体党员');
      const p = draft.paragraphs[draft.paragraphAt[at]];
      assert.equal(p.text.slice(draft.characterAt[at], draft.characterAt[at] + 4), '全体党员');
      const heading = draft.markdown.indexOf('会议召开情况');
      assert.equal(draft.paragraphs[draft.paragraphAt[heading]].text, '二、会议召开情况');
      assert.equal(draft.paragraphAt[draft.markdown.indexOf('## 一')], -1, 'added markup has no origin');
    });
  });

  describe('party-report import', () => {
    let tmp: string;
    before(async () => {
      tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'party-report-import-'));
      fs.writeFileSync(path.join(tmp, '报告.docx'), await exportDocx(fs.readFileSync(path.join(REPO, 'examples', 'org-life-meeting-report.md'), 'utf8')));
    });
    after(() => fs.rmSync(tmp, { recursive: true, force: true }));

    it('writes 报告.md beside the document, and refuses to overwrite it without --force', () => {
      const r = run(['import', path.join(tmp, '报告.docx')]);
      assert.equal(r.code, 0, r.stderr);
      const md = fs.readFileSync(path.join(tmp, '报告.md'), 'utf8');
      assert.match(md, /^## 一、会前准备情况$/m);
      fs.writeFileSync(path.join(tmp, '报告.md'), '我的修改');
      const again = run(['import', path.join(tmp, '报告.docx')]);
      assert.equal(again.code, 2);
      assert.match(again.stderr, /文件已存在，未覆盖/);
      assert.equal(fs.readFileSync(path.join(tmp, '报告.md'), 'utf8'), '我的修改');
      assert.equal(run(['import', path.join(tmp, '报告.docx'), '--force']).code, 0);
      assert.equal(fs.readFileSync(path.join(tmp, '报告.md'), 'utf8'), md);
    });

    it('-o - prints the draft; the imported draft lints like the original', () => {
      const r = run(['import', path.join(tmp, '报告.docx'), '-o', '-']);
      assert.equal(r.code, 0);
      assert.match(r.stdout, /^特此报告。$/m);
      fs.writeFileSync(path.join(tmp, 'printed.md'), r.stdout);
      assert.equal(run(['lint', path.join(tmp, 'printed.md')]).code, 0);
    });

    it('says clearly what is wrong with a file that is not a .docx', () => {
      fs.writeFileSync(path.join(tmp, 'bad.docx'), 'not a zip');
      const bad = run(['import', path.join(tmp, 'bad.docx')]);
      assert.equal(bad.code, 2);
      assert.match(bad.stderr, /不是有效的 Word 文档/);
      const doc = run(['import', path.join(tmp, 'old.doc')]);
      assert.equal(doc.code, 2);
      assert.match(doc.stderr, /只能导入 \.docx/);
      const missing = run(['import', path.join(tmp, 'missing.docx')]);
      assert.equal(missing.code, 2);
      assert.match(missing.stderr, /文件不存在/);
    });
  });
});
