/**
 * The Word commands in a real VS Code (code-server): 从 Word 导入 opens a draft made from a .docx,
 * 生成审阅稿 writes a commented copy of the open draft. The file dialogs are VS Code's own simple
 * dialogs: a path typed into a quick input.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { exportDocx } from '../engine/export';
import { command, editorText, enterPath, openFile, REPO, shot, start, stop, waitFor, type Session } from './harness';

const example = (name: string) => fs.readFileSync(path.join(REPO, 'examples', name), 'utf8');

describe('the Word commands in a real VS Code (code-server)', function () {
  let s: Session | undefined;

  before(async function () {
    s = await start({ trust: true, files: { 'draft.md': example('draft-with-problems.md') } });
    fs.writeFileSync(path.join(s.workspace, '去年的报告.docx'), await exportDocx(example('org-life-meeting-report.md')));
  });
  after(async () => stop(s));
  beforeEach(async () => {
    for (let i = 0; i < 3; i++) await s!.page.keyboard.press('Escape');
  });
  afterEach(async function () {
    if (this.currentTest?.state === 'failed') await shot(s!.page, `failed-word-${this.currentTest.title.slice(0, 20).replace(/\W+/g, '-')}`);
  });

  it('8. 从 Word 导入 opens the draft made from a .docx, one paragraph a line', async () => {
    const page = s!.page;
    await command(page, 'Party Report: Import from Word');
    await enterPath(page, path.join(s!.workspace, '去年的报告.docx'));
    const text = await waitFor(async () => {
      const t = await editorText(page).catch(() => '');
      return /## 一、会前准备情况/.test(t) ? t : false;
    }, 30000, 'the imported draft in an editor');
    assert.match(text, /特此报告。/);
    await shot(page, '8-import');
  });

  it('9. 生成审阅稿 writes a copy of the open draft with the findings as Word comments', async () => {
    const page = s!.page;
    const target = path.join(s!.workspace, 'draft-审阅稿.docx');
    await openFile(page, 'draft.md');
    await page.waitForTimeout(1500);
    await command(page, 'Party Report: Create Review Copy (Word comments)');
    await enterPath(page, target);
    await waitFor(() => fs.existsSync(target), 30000, `${target} to be written`);
    await page.locator('.notifications-toasts', { hasText: /draft-审阅稿\.docx/ }).first().waitFor({ state: 'visible', timeout: 15000 });
    await shot(page, '9-review-copy');
    const comments = strFromU8(unzipSync(fs.readFileSync(target))['word/comments.xml']);
    assert.match(comments, /w:author="党建报告助手"/);
    assert.match(comments, /\[half-width-punctuation\]/);
    assert.equal(fs.readFileSync(path.join(s!.workspace, 'draft.md'), 'utf8'), example('draft-with-problems.md'));
  });
});
