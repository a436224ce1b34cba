/**
 * copied-paragraph: the paragraph index (masking, similarity, per-file updates), a folder of 1,000
 * generated reports through the CLI (every planted copy found, nothing else), the archive with
 * .docx files, and the bounded work per query that keeps the whole linear.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildModel, builtinFormulations, builtinTypes, documentWords, lint } from '../engine';
import { indexMarkdown, newIndex } from '../engine/copies/corpus';
import { COPY_THRESHOLD, jaccard, paragraphsOf, shinglesOf } from '../engine/copies/paragraph-index';
import { exportDocx } from '../engine/export';
import { generateReports, paragraph, rng } from './helpers/generate-reports';
import { CLI_ENV, REPO } from './helpers/shared';

const CLI = path.join(REPO, 'dist', 'cli.js');
const run = (args: string[], cwd = REPO) => {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 240000, env: CLI_ENV, maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};
const index = () => newIndex(builtinFormulations(), builtinTypes().types);

const REPORT = (body: string[]) =>
  ['关于召开第一党支部专题组织生活会情况的报告', '机关党委：', '一、会前准备情况', ...body, '特此报告。', '第一党支部', '2025年12月22日'].join('\n') + '\n';

describe('copied-paragraph', function () {
  this.timeout(240000);

  describe('the paragraph index', () => {
    const original = '党员志愿者深入调研发展党员的程序，党员志愿者带头学习项目推进中的堵点，新党员认真梳理信访件的办理质量，老党员座谈交流制度执行的偏差。';

    it('finds the same paragraph, and one with its numbers and a few words changed', () => {
      const ix = index();
      ix.setFile('a.md', [{ line: 4, text: original, start: 0 }]);
      assert.deepEqual(
        { ...ix.best('b.md', original), text: undefined },
        { file: 'a.md', line: 4, unit: 'line', similarity: 1, text: undefined },
      );
      const edited = original.replace('带头学习', '认真研究').replace('老党员', '老同志');
      const near = ix.best('b.md', edited)!;
      assert.ok(near.similarity >= COPY_THRESHOLD && near.similarity < 1, String(near.similarity));
      assert.equal(ix.best('a.md', original), undefined, 'never the file itself');
    });

    it('ignores what every report may share: formulations, quotations, fixed phrases, numbers', () => {
      const ix = index();
      const shared = '要坚定道路自信、理论自信、制度自信、文化自信，增强政治意识、大局意识、核心意识、看齐意识，做到“学思用贯通、知信行统一，把学习成果转化为推动工作的实际成效”。';
      ix.setFile('a.md', [{ line: 0, text: `王明同志强调，${shared}`, start: 0 }]);
      assert.equal(ix.best('b.md', `李华同志指出，${shared}`), undefined);
      // 2024 vs 2025 and 12 vs 15: the same paragraph.
      ix.setFile('c.md', [{ line: 0, text: `2024年共征求意见建议12条，${original}`, start: 0 }]);
      assert.equal(ix.best('d.md', `2025年共征求意见建议15条，${original}`)!.similarity, 1);
    });

    it('tells different paragraphs apart', () => {
      const random = rng(99);
      const ix = index();
      const texts = Array.from({ length: 300 }, () => paragraph(random));
      texts.forEach((text, i) => ix.setFile(`f${i}.md`, [{ line: 0, text, start: 0 }]));
      let found = 0;
      for (let i = 0; i < 100; i++) if (ix.best('query.md', paragraph(random))) found++;
      assert.equal(found, 0);
      const a = shinglesOf(ix.masker.ownText(texts[0]));
      assert.ok(jaccard(a, shinglesOf(ix.masker.ownText(texts[1]))) < 0.3);
    });

    it('updates one file at a time: a changed or removed file no longer matches', () => {
      const ix = index();
      ix.setFile('a.md', [{ line: 0, text: original, start: 0 }]);
      assert.ok(ix.best('b.md', original));
      ix.setFile('a.md', [{ line: 0, text: paragraph(rng(5)), start: 0 }]);
      assert.equal(ix.best('b.md', original), undefined);
      ix.setFile('a.md', [{ line: 0, text: original, start: 0 }]);
      ix.removeFile('a.md');
      assert.equal(ix.best('b.md', original), undefined);
      assert.equal(ix.stats.paragraphs, 0);
      // Answers are remembered while nothing else changes; a paragraph that moves is found at its new line.
      ix.setFile('a.md', [{ line: 5, text: original, start: 0 }]);
      assert.equal(ix.best('b.md', original)!.line, 5);
      ix.setFile('b.md', [{ line: 0, text: paragraph(rng(8)), start: 0 }]);
      assert.equal(ix.best('b.md', original)!.line, 5);
      ix.setFile('a.md', [{ line: 8, text: original, start: 0 }]);
      assert.equal(ix.best('b.md', original)!.line, 8);
    });

    it('answers after many updates and removals as an index built afresh from the same files', () => {
      const random = rng(31);
      const pool = Array.from({ length: 60 }, () => paragraph(random));
      const near = (text: string) => text.replace(/^(.+?)，/, '党支部全体同志认真学习，');
      const files = new Map<string, string[]>();
      const live = index();
      for (let step = 0; step < 400; step++) {
        const name = `f${Math.floor(random() * 12)}.md`;
        if (random() < 0.2) {
          live.removeFile(name);
          files.delete(name);
          continue;
        }
        const texts = Array.from({ length: 1 + Math.floor(random() * 4) }, () => pool[Math.floor(random() * pool.length)]);
        files.set(name, texts);
        live.setFile(name, texts.map((text, line) => ({ line, text, start: 0 })));
      }
      const fresh = index();
      for (const [name, texts] of files) fresh.setFile(name, texts.map((text, line) => ({ line, text, start: 0 })));
      assert.equal(live.stats.paragraphs, fresh.stats.paragraphs);
      let found = 0;
      for (const text of pool) {
        for (const self of ['f0.md', 'other.md']) {
          const a = live.best(self, near(text));
          assert.deepEqual(a && { file: a.file, similarity: a.similarity, text: a.text }, ((b) => b && { file: b.file, similarity: b.similarity, text: b.text })(fresh.best(self, near(text))));
          if (a) found++;
        }
      }
      assert.ok(found > 20, String(found));
    });

    it('compares body paragraphs, the opening and section-less drafts included: not headings, title, signature or tables', () => {
      const words = { words: documentWords(builtinTypes().types) };
      const opening = `根据《关于召开2025年度组织生活会的通知》要求，${original}现将有关情况报告如下。`;
      const lines = REPORT([`一是深入学习理论知识。${original}`, '| 序号 | 问题 |', '| --- | --- |', `| 1 | ${original} |`]).split('\n');
      lines.splice(2, 0, opening);
      const texts = paragraphsOf(buildModel(lines.join('\n'), words)).map((p) => p.text);
      assert.deepEqual(texts, [opening, `一是深入学习理论知识。${original}`]);
      // A draft whose headings are not recognised (no sections at all): every body paragraph counts.
      const loose = ['关于学习情况的说明', original, `另外，${original}`].join('\n') + '\n';
      assert.deepEqual(
        paragraphsOf(buildModel(loose, words)).map((p) => p.text).slice(-2),
        [original, `另外，${original}`],
      );
    });

    it('masks the opening formula (根据……要求，现将……报告如下): two openings alike only in it are no copies', () => {
      const ix = index();
      const formula = (facts: string) => `根据《关于召开2025年度基层党组织组织生活会的通知》要求，${facts}现将有关情况报告如下。`;
      ix.setFile('a.md', [{ line: 2, text: formula('第一党支部于2025年12月18日召开了专题组织生活会。'), start: 0 }]);
      assert.equal(ix.best('b.md', formula('第二党支部于2025年12月19日召开了专题组织生活会。')), undefined);
      assert.deepEqual(ix.masker.ownText(formula('')), []);
      // An opening with words of its own, copied, is found like any paragraph.
      ix.setFile('c.md', [{ line: 2, text: formula(original), start: 0 }]);
      assert.equal(ix.best('d.md', formula(original))?.file, 'c.md');
    });

    it('reports the other file and line as a related location, in Chinese, as information', () => {
      const ix = index();
      const last = REPORT([`一是深入学习理论知识。${original}`]);
      indexMarkdown(ix, '/ws/.party-report/archive/2024.md', last);
      const text = REPORT([`一是认真学习。${original}`]);
      const d = lint(text, { corpus: { index: ix, self: '/ws/2025.md', root: '/ws' } }).diagnostics.filter((x) => x.rule === 'copied-paragraph');
      assert.equal(d.length, 1);
      assert.equal(d[0].severity, 'information');
      assert.equal(text.slice(d[0].span.start, d[0].span.end), `一是认真学习。${original}`);
      assert.match(d[0].message, /^本段与 \.party-report\/archive\/2024\.md 第 4 行的段落(相同|几乎相同)/);
      assert.deepEqual(d[0].related, [{ file: '/ws/.party-report/archive/2024.md', line: 3, unit: 'line', message: d[0].related![0].message }]);
    });
  });

  describe('a folder of 1,000 generated reports through the CLI', () => {
    let dir: string;
    const reports = generateReports(1000);
    before(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'party-report-copies-'));
      for (const r of reports) fs.writeFileSync(path.join(dir, r.name), r.text);
    });
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    it('finds every planted copy and its source, and nothing else', () => {
      const r = run(['lint', '--format', 'json', dir]);
      const out = JSON.parse(r.stdout) as Array<{ file: string; diagnostics: Array<{ code: string; line: number; related?: Array<{ file: string; line: number }> }> }>;
      assert.equal(out.length, 1000);
      const flagged = new Set<string>();
      for (const f of out) for (const d of f.diagnostics) if (d.code === 'copied-paragraph') flagged.add(`${path.basename(f.file)}:${d.line - 1}`);
      const planted = new Set<string>();
      for (const rep of reports) {
        for (const c of rep.copies) {
          planted.add(`${rep.name}:${c.line}`);
          planted.add(`${c.from}:${c.fromLine}`);
        }
      }
      assert.ok(planted.size > 150);
      assert.deepEqual([...planted].filter((k) => !flagged.has(k)), [], 'every planted copy is found');
      assert.deepEqual([...flagged].filter((k) => !planted.has(k)), [], 'nothing else is reported');
      // Every exact copy points at a paragraph with the very same words.
      const text = new Map(reports.map((x) => [x.name, x.text.split('\n')]));
      for (const rep of reports) {
        for (const c of rep.copies.filter((x) => x.exact)) {
          const d = out.find((f) => path.basename(f.file) === rep.name)!.diagnostics.find((x) => x.code === 'copied-paragraph' && x.line === c.line + 1)!;
          const rel = d.related![0];
          assert.equal(text.get(path.basename(rel.file))![rel.line - 1], text.get(rep.name)![c.line]);
        }
      }
    });

    it('does bounded work per paragraph (the linear-time guarantee), whatever the corpus size', () => {
      const perQuery = (n: number) => {
        const ix = index();
        const some = reports.slice(0, n);
        for (const r of some) indexMarkdown(ix, r.name, r.text);
        for (const r of some) for (const p of paragraphsOf(buildModel(r.text))) ix.best(r.name, p.text);
        return { visited: ix.stats.visited / ix.stats.queries, verified: ix.stats.verified / ix.stats.queries };
      };
      const small = perQuery(250);
      const large = perQuery(1000);
      // 20 bands × at most 64 entries read per bucket; at most 24 candidates verified: a constant.
      for (const s of [small, large]) assert.ok(s.visited <= 20 * 64 && s.verified <= 24, JSON.stringify(s));
      // Far below that bound: unrelated paragraphs seldom share a bucket.
      assert.ok(large.visited < 20 * 64 * 0.25, JSON.stringify({ small, large }));
    });
  });

  it('the CLI compares with the archive, .docx included, and names its paragraph', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'party-report-archive-'));
    try {
      const archive = path.join(dir, '.party-report', 'archive');
      fs.mkdirSync(archive, { recursive: true });
      const [last, mine] = generateReports(2, 11);
      fs.writeFileSync(path.join(archive, '2024年材料.docx'), await exportDocx(last.text));
      const lines = mine.text.split('\n');
      lines[7] = last.text.split('\n')[7];
      fs.writeFileSync(path.join(dir, '2025.md'), lines.join('\n'));
      const r = run(['lint', '--format', 'json', '.'], dir);
      const [report] = JSON.parse(r.stdout);
      assert.equal(report.file, '2025.md', 'archived materials are compared with, not checked');
      const d = report.diagnostics.find((x: { code: string }) => x.code === 'copied-paragraph');
      assert.equal(d.line, 8);
      assert.match(d.message, /本段与 \.party-report\/archive\/2024年材料\.docx 第 \d+ 段的段落相同/);
      // The archive's paragraph n (counting paragraphs that have text) is the copied one.
      const rel = d.related[0];
      assert.equal(rel.unit, 'paragraph');
      const { docxText } = await import('./helpers/docx');
      const paragraphs = (await docxText(fs.readFileSync(path.join(archive, '2024年材料.docx')))).split('\n').filter((s) => s.trim());
      assert.equal(paragraphs[rel.line - 1], lines[7]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
