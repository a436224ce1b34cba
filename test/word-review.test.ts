/**
 * .docx checks and review copies, with real documents from three producers: `lint` places each
 * finding by paragraph and character (checked against mammoth's independent reading of the file);
 * `review` writes a copy whose comments LibreOffice shows on exactly the words of each finding,
 * and leaves the original byte for byte as it was.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { lint } from '../engine';
import { importDocx as importWith } from '../engine/word';
import { modelForImport } from '../engine';
import { docxText } from './helpers/docx';
import { soffice, which } from './helpers/render';
import { CLI_ENV, REPO } from './helpers/shared';
import { generateReports } from './helpers/generate-reports';
import { PRODUCERS, libreOfficeComments, pdfNotes, pdfOf, produce, producerMissing, textIn, type Producer } from './helpers/word';

const importDocx = (bytes: Uint8Array) => importWith(bytes, modelForImport);
const CLI = path.join(REPO, 'dist', 'cli.js');
const run = (args: string[], cwd = REPO) => {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 120000, env: CLI_ENV });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};
const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');
// Blank lines between paragraphs, so that pandoc too keeps every line a paragraph.
const PROBLEMS = fs.readFileSync(path.join(REPO, 'examples', 'draft-with-problems.md'), 'utf8').split('\n').join('\n\n');

/** The words each finding concerns, from the Markdown the document imports as (escapes removed). */
function expectedWords(bytes: Uint8Array): Array<{ rule: string; words: string }> {
  const draft = importDocx(bytes);
  return lint(draft.markdown)
    .diagnostics.filter((d) => d.span.end > d.span.start)
    .map((d) => ({ rule: d.rule, words: draft.markdown.slice(d.span.start, d.span.end).replace(/\\(.)/g, '$1').replace(/\*\*/g, '') }));
}

describe('Word documents: lint and review', function () {
  this.timeout(300000);
  let tmp: string;
  const files = {} as Record<Producer, string>;

  before(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'party-report-review-'));
    for (const p of PRODUCERS) {
      if (producerMissing(p)) continue;
      files[p] = path.join(tmp, `${p}.docx`);
      fs.writeFileSync(files[p], await produce(p, PROBLEMS, p));
    }
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  for (const producer of PRODUCERS) {
    describe(`a .docx made by ${producer}`, () => {
      before(function () {
        if (!files[producer]) this.skip();
      });

      it('lint: the same findings as the draft, placed by paragraph and character', async () => {
        const r = run(['lint', '--format', 'json', files[producer]]);
        assert.equal(r.code, 1, r.stderr);
        const [report] = JSON.parse(r.stdout);
        assert.equal(report.positions, 'paragraph');
        assert.equal(report.template, 'org-life-meeting-report');
        const fromMarkdown = lint(fs.readFileSync(path.join(REPO, 'examples', 'draft-with-problems.md'), 'utf8')).diagnostics.map((d) => d.rule).sort();
        assert.deepEqual(report.diagnostics.map((d: { code: string }) => d.code).sort(), fromMarkdown);
        // mammoth reads the same file on its own: paragraph n, characters column..endColumn.
        const paragraphs = (await docxText(fs.readFileSync(files[producer]))).split('\n').filter((s) => s.trim());
        const at = (code: string) => {
          const d = report.diagnostics.find((x: { code: string }) => x.code === code);
          assert.equal(d.line, d.endLine);
          return paragraphs[d.line - 1].slice(d.column - 1, d.endColumn - 1);
        };
        assert.equal(at('document-number-format'), '[2025]12号');
        assert.equal(at('half-width-punctuation'), ',');
        assert.equal(at('enumeration-sequence'), '四是');
        assert.equal(at('date-format'), '2025.12.22');
        assert.equal(at('standard-formulation'), '道路自信、理论自信、文化自信、制度自信');
      });

      it('review: a copy with one comment per finding on its words; the original unchanged', function () {
        if (!soffice()) this.skip();
        const before = sha(files[producer]);
        const target = path.join(tmp, `${producer}-reviewed.docx`);
        const r = run(['review', files[producer], '-o', target]);
        assert.equal(r.code, 0, r.stderr);
        assert.equal(sha(files[producer]), before, 'the original is never changed');
        const bytes = fs.readFileSync(target);
        const comments = libreOfficeComments(bytes);
        const findings = lint(importDocx(fs.readFileSync(files[producer])).markdown).diagnostics;
        assert.equal(comments.length, findings.length);
        assert.match(r.stderr, new RegExp(`${findings.length} 条批注`));
        for (const c of comments) {
          assert.equal(c.author, '党建报告助手');
          assert.match(c.text, /^\[[a-z-]+\] (错误|警告|提示|建议)：/);
        }
        const fixable = comments.find((c) => c.text.startsWith('[date-format]'))!;
        assert.match(fixable.text, /修改建议：改为“2025年12月22日”/);
        // LibreOffice shows each comment on exactly the words of its finding.
        const got = comments.map((c) => ({ rule: /^\[([a-z-]+)\]/.exec(c.text)![1], words: c.anchored }));
        for (const want of expectedWords(fs.readFileSync(files[producer]))) {
          assert.ok(
            got.some((g) => g.rule === want.rule && g.words === want.words),
            `${want.rule} on “${want.words}”; LibreOffice has ${JSON.stringify(got.filter((g) => g.rule === want.rule))}`,
          );
        }
      });
    });
  }

  it('review of a Markdown draft: its export with the comments on the right words', function () {
    if (!soffice()) this.skip();
    const draft = path.join(tmp, 'draft.md');
    fs.copyFileSync(path.join(REPO, 'examples', 'draft-with-problems.md'), draft);
    const before = sha(draft);
    const r = run(['review', draft]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(sha(draft), before);
    const out = path.join(tmp, 'draft-审阅稿.docx');
    const comments = libreOfficeComments(fs.readFileSync(out));
    const text = fs.readFileSync(draft, 'utf8');
    const findings = lint(text).diagnostics;
    assert.equal(comments.length, findings.length);
    for (const d of findings.filter((x) => x.span.end > x.span.start)) {
      const words = text.slice(d.span.start, d.span.end);
      assert.ok(comments.some((c) => c.text.startsWith(`[${d.rule}]`) && c.anchored === words), `${d.rule} on “${words}”`);
    }
    // Asked again, it does not overwrite the copy without --force; the source is never a target.
    assert.equal(run(['review', draft]).code, 2);
    assert.equal(run(['review', draft, '--force']).code, 0);
    fs.writeFileSync(path.join(tmp, 'ours.docx'), 'x');
    const self = run(['review', path.join(tmp, 'ours.docx'), '-o', path.join(tmp, 'ours.docx'), '--force']);
    assert.equal(self.code, 2);
    assert.match(self.stderr, /不能写到原文件上/);
    assert.equal(fs.readFileSync(path.join(tmp, 'ours.docx'), 'utf8'), 'x');
  });

  it('rendered: in the PDF, each comment stands right after the words it is anchored on', function () {
    if (!soffice() || !which('pdftotext') || !files.export) this.skip();
    const target = path.join(tmp, 'rendered-reviewed.docx');
    assert.equal(run(['review', files.export, '-o', target]).code, 0);
    const pdf = pdfOf(fs.readFileSync(target), tmp, 'rendered');
    const notes = pdfNotes(pdf);
    const words = expectedWords(fs.readFileSync(files.export));
    assert.ok(notes.length >= words.length, `${notes.length} notes`);
    for (const w of words) {
      const note = notes.find((n) => n.contents.startsWith(`[${w.rule}]`) && n.contents.includes(w.rule === 'unfilled-placeholder' ? `“${w.words}”` : ''));
      assert.ok(note, `a note for ${w.rule}`);
      // The last character of the anchored words, printed just left of the note on its line.
      const tail = w.words.slice(-1);
      const printed = textIn(pdf, note!.page, note!.x - 2 * 17 - 6, note!.top, 2 * 17 + 6, note!.bottom - note!.top);
      assert.ok(printed.includes(tail.replace(/\s/g, '')), `${w.rule}: “${tail}” before the note, printed “${printed}”`);
    }
  });

  it('lint a folder of .docx files in one go, with copies between them as related locations', async function () {
    if (Object.keys(files).length < 2) this.skip();
    // Two documents of one generated report (long paragraphs of their own), from two producers.
    const folder = path.join(tmp, 'folder');
    fs.mkdirSync(folder);
    const report = generateReports(1, 5)[0].text.split('\n').join('\n\n');
    const [first, second] = Object.keys(files) as Producer[];
    fs.writeFileSync(path.join(folder, `a-${first}.docx`), await produce(first, report, 'a'));
    fs.writeFileSync(path.join(folder, `b-${second}.docx`), await produce(second, report, 'b'));
    for (const p of Object.keys(files)) fs.copyFileSync(files[p as Producer], path.join(folder, `problems-${p}.docx`));
    const r = run(['lint', '--format', 'json', folder]);
    const reports = JSON.parse(r.stdout) as Array<{ file: string; positions?: string; diagnostics: Array<{ code: string; line: number; related?: Array<{ file: string; line: number; unit: string }> }> }>;
    assert.equal(reports.length, 2 + Object.keys(files).length);
    assert.ok(reports.every((x) => x.positions === 'paragraph'));
    for (const name of [`a-${first}.docx`, `b-${second}.docx`]) {
      const rep = reports.find((x) => x.file.endsWith(name))!;
      const copied = rep.diagnostics.filter((d) => d.code === 'copied-paragraph');
      assert.equal(copied.length, 5, `${name}: the five body paragraphs`);
      for (const d of copied) {
        assert.equal(d.related![0].unit, 'paragraph');
        assert.match(d.related![0].file, first === second ? /\.docx$/ : name.startsWith('a-') ? /b-.*\.docx$/ : /a-.*\.docx$/);
        assert.equal(d.related![0].line, d.line, 'the same paragraph number in the other document');
      }
    }
  });

  it('the review copy is a well-formed package: comments part, relationship and content type', () => {
    const target = path.join(tmp, 'pkg-reviewed.docx');
    assert.equal(run(['review', files.export, '-o', target]).code, 0);
    const parts = unzipSync(fs.readFileSync(target));
    const comments = strFromU8(parts['word/comments.xml']);
    assert.match(strFromU8(parts['word/_rels/document.xml.rels']), /relationships\/comments" Target="comments.xml"/);
    assert.match(strFromU8(parts['[Content_Types].xml']), /PartName="\/word\/comments.xml" ContentType="application\/vnd.openxmlformats-officedocument.wordprocessingml.comments\+xml"/);
    const ids = [...comments.matchAll(/<w:comment [^>]*w:id="(\d+)"/g)].map((m) => m[1]);
    const doc = strFromU8(parts['word/document.xml']);
    for (const id of ids) {
      assert.ok(doc.includes(`<w:commentRangeStart w:id="${id}"/>`) && doc.includes(`<w:commentRangeEnd w:id="${id}"/>`) && doc.includes(`<w:commentReference w:id="${id}"/>`));
    }
    assert.ok(ids.length > 5);

    // A review copy of a review copy keeps the earlier comments and numbers the new ones after them.
    const twice = path.join(tmp, 'pkg-reviewed-twice.docx');
    assert.equal(run(['review', target, '-o', twice]).code, 0);
    const again = unzipSync(fs.readFileSync(twice));
    const allIds = [...strFromU8(again['word/comments.xml']).matchAll(/<w:comment [^>]*w:id="(\d+)"/g)].map((m) => m[1]);
    assert.equal(allIds.length, ids.length * 2);
    assert.equal(new Set(allIds).size, allIds.length);
    assert.equal((strFromU8(again['[Content_Types].xml']).match(/comments\.xml/g) ?? []).length, 1);
    assert.equal((strFromU8(again['word/_rels/document.xml.rels']).match(/relationships\/comments"/g) ?? []).length, 1);
  });
});
