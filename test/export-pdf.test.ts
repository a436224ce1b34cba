/**
 * PDF export: `party-report export --pdf` through LibreOffice with the fonts embedded, a warning
 * naming each 公文 font LibreOffice will substitute, and a clear message without LibreOffice.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { findSoffice } from '../engine/export';
import { pathToFileURL } from 'node:url';
import { LspClient } from './helpers/lsp-client';
import { soffice, which } from './helpers/render';
import { CLI_ENV, REPO } from './helpers/shared';

const example = fs.readFileSync(path.join(REPO, 'examples', 'duty-report.md'), 'utf8');

describe('PDF export', function () {
  this.timeout(240000);
  let tmp: string;
  const cli = (args: string[], env: NodeJS.ProcessEnv = CLI_ENV) =>
    spawnSync(process.execPath, [path.join(REPO, 'dist', 'cli.js'), ...args], { encoding: 'utf8', env });
  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'party-report-pdf-test-'));
    fs.writeFileSync(path.join(tmp, '述职.md'), example);
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('says clearly that LibreOffice is needed when soffice is neither on PATH nor set', () => {
    const r = cli(['export', path.join(tmp, '述职.md'), '--pdf'], { ...CLI_ENV, PATH: path.join(tmp, 'no-such-dir') });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /导出 PDF 需要 LibreOffice/);
    assert.match(r.stderr, /partyReport\.export\.soffice/);
    assert.ok(!fs.existsSync(path.join(tmp, '述职.pdf')));
    const wrong = cli(['export', path.join(tmp, '述职.md'), '--pdf', '--soffice', path.join(tmp, 'soffice-not-here')]);
    assert.equal(wrong.status, 2);
    assert.match(wrong.stderr, /导出 PDF 需要 LibreOffice/);
  });

  it('finds soffice from a setting, or on PATH', () => {
    const fake = path.join(tmp, 'soffice');
    fs.writeFileSync(fake, '');
    assert.equal(findSoffice(fake), fake);
    assert.equal(findSoffice(path.join(tmp, 'missing')), undefined);
  });

  describe('with LibreOffice', () => {
    before(function () {
      if (!soffice() || !which('pdffonts')) {
        if (process.env.CI) throw new Error('CI must install LibreOffice and poppler-utils (see .ci/run)');
        this.skip();
      }
    });

    it('writes the PDF beside the draft, fonts embedded, and names each substituted 公文 font', () => {
      // The render tests' mapping: every 公文 font name resolves to a free CJK font.
      const env = { ...CLI_ENV, FONTCONFIG_FILE: path.join(REPO, 'test', 'render', 'fonts.conf') };
      const r = cli(['export', path.join(tmp, '述职.md'), '--pdf'], env);
      assert.equal(r.status, 0, r.stderr);
      const pdf = path.join(tmp, '述职.pdf');
      assert.equal(fs.readFileSync(pdf).subarray(0, 5).toString('latin1'), '%PDF-');
      const fonts = spawnSync('pdffonts', [pdf], { encoding: 'utf8' }).stdout.split('\n').slice(2).filter((l) => l.trim());
      assert.ok(fonts.length > 0);
      // Columns: name type encoding emb sub uni object ID; "emb" is the 4th from the right.
      for (const line of fonts) assert.equal(line.trim().split(/\s+/).slice(-5)[0], 'yes', `not embedded: ${line}`);
      assert.match(r.stderr, /本机没有公文字体“仿宋_GB2312”，PDF 中用“Noto Serif CJK SC”代替/);
      assert.match(r.stderr, /“黑体”/);
      assert.match(r.stderr, /已导出 .*述职\.pdf/);
      // Like the DOCX: never over an existing file without --force.
      const again = cli(['export', path.join(tmp, '述职.md'), '--pdf'], env);
      assert.equal(again.status, 2);
    });

    it('names the font that stands in for a missing 公文 font as the PDF has it: a Chinese one, not a Latin one', () => {
      // The machine's own fontconfig, no mapping: what a writer's computer does.
      const r = cli(['export', path.join(tmp, '述职.md'), '--pdf', '--force', '-o', path.join(tmp, '本机字体.pdf')]);
      assert.equal(r.status, 0, r.stderr);
      const named = [...r.stderr.matchAll(/PDF 中用“([^”]+)”代替/g)].map((m) => m[1]);
      const embedded = spawnSync('pdffonts', [path.join(tmp, '本机字体.pdf')], { encoding: 'utf8' }).stdout;
      for (const family of new Set(named)) {
        assert.doesNotMatch(family, /DejaVu|Liberation/, 'a font without Chinese characters is never what stands in');
        // Noto Sans CJK SC → NotoSansCJK, as in the embedded font's name (NotoSansCJKjp-Regular).
        const stem = family.replace(/\s+/g, '').replace(/(SC|TC|JP|KR|HK)$/i, '');
        assert.ok(embedded.includes(stem), `${family} named, embedded:\n${embedded}`);
      }
    });
  });

  describe('over LSP (the 导出为 PDF command)', () => {
    let client: LspClient;
    afterEach(async () => client.stop());

    it('answers with a clear message when the soffice setting points nowhere', async () => {
      client = new LspClient();
      client.settings = { export: { soffice: path.join(tmp, 'no-soffice') } };
      // A program path from the settings is used only in a trusted workspace (docs/security.md).
      await client.initialize(true, undefined, { trusted: true });
      const uri = pathToFileURL(path.join(tmp, '述职.md')).toString();
      await client.open(uri, example);
      const r = await client.connection.sendRequest<{ ok: boolean; message?: string }>('partyReport/exportPdf', { uri, target: path.join(tmp, 'lsp.pdf'), force: true });
      assert.equal(r.ok, false);
      assert.match(r.message!, /导出 PDF 需要 LibreOffice/);
      assert.ok(!fs.existsSync(path.join(tmp, 'lsp.pdf')));
    });

    it('writes the PDF with LibreOffice on PATH', async function () {
      if (!soffice()) this.skip();
      client = new LspClient();
      await client.initialize(true);
      const uri = pathToFileURL(path.join(tmp, '述职.md')).toString();
      await client.open(uri, example);
      const target = path.join(tmp, 'lsp.pdf');
      const r = await client.connection.sendRequest<{ ok: boolean; message?: string; warnings?: string[] }>('partyReport/exportPdf', { uri, target, force: true });
      assert.equal(r.ok, true, r.message);
      assert.equal(fs.readFileSync(target).subarray(0, 5).toString('latin1'), '%PDF-');
      assert.ok(Array.isArray(r.warnings));
    });
  });
});
