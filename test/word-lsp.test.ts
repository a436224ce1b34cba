/**
 * The server's side of the Word commands and of copied-paragraph, over a real connection: the
 * workspace and its archive are indexed, a copied paragraph is published with the other file as
 * related information, files changed on disk update the index, and the 从 Word 导入 / 生成审阅稿
 * requests read and write what the client's commands ask for.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { strFromU8, unzipSync } from 'fflate';
import { DidChangeWatchedFilesNotification, FileChangeType, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { exportDocx } from '../engine/export';
import { generateReports } from './helpers/generate-reports';
import { LspClient } from './helpers/lsp-client';

describe('language server: Word commands and copied-paragraph', function () {
  this.timeout(60000);
  let client: LspClient;
  let ws: string;
  const [archived, colleague, mine] = generateReports(3, 23);
  const copiedFromArchive = archived.text.split('\n')[7];
  const copiedFromColleague = colleague.text.split('\n')[10];
  const myText = (() => {
    const lines = mine.text.split('\n');
    lines[7] = copiedFromArchive;
    lines[10] = copiedFromColleague;
    return lines.join('\n');
  })();

  before(async () => {
    ws = fs.mkdtempSync(path.join(os.tmpdir(), 'party-report-ws-'));
    fs.mkdirSync(path.join(ws, '.party-report', 'archive'), { recursive: true });
    fs.writeFileSync(path.join(ws, '.party-report', 'archive', '2024.docx'), await exportDocx(archived.text));
    fs.writeFileSync(path.join(ws, 'colleague.md'), colleague.text);
    fs.writeFileSync(path.join(ws, 'mine.md'), myText);
  });
  after(() => fs.rmSync(ws, { recursive: true, force: true }));
  beforeEach(async () => {
    client = new LspClient();
    await client.initialize(false, ws);
  });
  afterEach(async () => client.stop());

  const uri = () => pathToFileURL(path.join(ws, 'mine.md')).toString();
  const copied = (p: PublishDiagnosticsParams) => p.diagnostics.filter((d) => d.code === 'copied-paragraph');

  it('reports paragraphs copied from the archive (.docx) and from another draft, with related locations', async () => {
    await client.open(uri(), myText);
    const p = await client.diagnostics(uri(), (x) => copied(x).length === 2);
    const [fromArchive, fromColleague] = copied(p).sort((a, b) => a.range.start.line - b.range.start.line);
    assert.equal(fromArchive.range.start.line, 7);
    assert.equal(fromArchive.severity, 3, 'information');
    assert.match(String(fromArchive.message), /本段与 \.party-report\/archive\/2024\.docx 第 \d+ 段的段落相同/);
    assert.equal(fromArchive.relatedInformation![0].location.uri, pathToFileURL(path.join(ws, '.party-report', 'archive', '2024.docx')).toString());
    assert.equal(fromColleague.range.start.line, 10);
    assert.equal(fromColleague.relatedInformation![0].location.uri, pathToFileURL(path.join(ws, 'colleague.md')).toString());
    assert.equal(fromColleague.relatedInformation![0].location.range.start.line, 10);
  });

  it('follows files changed on disk: a rewritten colleague draft no longer matches', async () => {
    await client.open(uri(), myText);
    await client.diagnostics(uri(), (x) => copied(x).length === 2);
    const other = path.join(ws, 'colleague.md');
    const rewritten = generateReports(1, 77)[0].text;
    fs.writeFileSync(other, rewritten);
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: pathToFileURL(other).toString(), type: FileChangeType.Changed }] });
    const p = await client.diagnostics(uri(), (x) => copied(x).length === 1);
    assert.equal(copied(p)[0].range.start.line, 7);
    fs.writeFileSync(other, colleague.text);
  });

  it('partyReport/importDocx returns the draft of a .docx', async () => {
    const r = await client.connection.sendRequest<{ ok: boolean; markdown: string }>('partyReport/importDocx', { path: path.join(ws, '.party-report', 'archive', '2024.docx') });
    assert.equal(r.ok, true);
    assert.ok(r.markdown.includes(`${copiedFromArchive}\n`));
    const bad = await client.connection.sendRequest<{ ok: boolean; message: string }>('partyReport/importDocx', { path: path.join(ws, 'none.docx') });
    assert.equal(bad.ok, false);
    assert.match(bad.message, /文件不存在/);
  });

  it('partyReport/reviewCopy writes a commented copy of the open draft and of a .docx; sources unchanged', async () => {
    const draftText = myText.replace('2025年12月22日', '2025.12.22');
    await client.open(uri(), draftText);
    const target = path.join(ws, 'mine-审阅稿.docx');
    const r = await client.connection.sendRequest<{ ok: boolean; comments: number }>('partyReport/reviewCopy', { uri: uri(), target, force: false });
    assert.equal(r.ok, true);
    assert.ok(r.comments >= 3);
    const comments = strFromU8(unzipSync(fs.readFileSync(target))['word/comments.xml']);
    assert.match(comments, /w:author="党建报告助手"/);
    assert.match(comments, /\[date-format\]/);
    assert.match(comments, /\[copied-paragraph\]/);
    assert.equal(fs.readFileSync(path.join(ws, 'mine.md'), 'utf8'), myText, 'the draft on disk is not touched');
    const again = await client.connection.sendRequest<{ ok: boolean; message: string }>('partyReport/reviewCopy', { uri: uri(), target, force: false });
    assert.equal(again.ok, false);
    assert.match(again.message, /文件已存在/);

    const docx = path.join(ws, '.party-report', 'archive', '2024.docx');
    const before = fs.readFileSync(docx);
    const onDocx = await client.connection.sendRequest<{ ok: boolean }>('partyReport/reviewCopy', { uri: pathToFileURL(docx).toString(), target: path.join(ws, '2024-审阅稿.docx'), force: false });
    assert.equal(onDocx.ok, true);
    assert.deepEqual(fs.readFileSync(docx), before);
    const self = await client.connection.sendRequest<{ ok: boolean; message: string }>('partyReport/reviewCopy', { uri: pathToFileURL(docx).toString(), target: docx, force: true });
    assert.equal(self.ok, false);
    assert.deepEqual(fs.readFileSync(docx), before);
  });
});
