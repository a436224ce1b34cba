/**
 * End to end, as a writer would: the packed .vsix installed into a clean code-server (VS Code
 * 1.100.3 in a browser), a workspace of example drafts, everything checked through the UI.
 * Each scenario leaves a screenshot in test-results/.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { chooseRow, command, editorText, enterPath, openFile, problemsText, REPO, shot, start, stop, waitFor, type Session } from './harness';

const example = (name: string) => fs.readFileSync(path.join(REPO, 'examples', name), 'utf8');
const FILES = {
  'draft.md': example('draft-with-problems.md'),
  'notes.md': example('meeting-notes.md'),
  'report.md': example('org-life-meeting-report.md'),
};

describe('the extension in a real VS Code (code-server)', function () {
  let s: Session | undefined;

  before(async function () {
    s = await start({ trust: true, files: FILES });
  });
  after(async () => stop(s));
  beforeEach(async () => {
    for (let i = 0; i < 3; i++) await s!.page.keyboard.press('Escape');
  });
  afterEach(async function () {
    if (this.currentTest?.state === 'failed') await shot(s!.page, `failed-${this.currentTest.title.slice(0, 20).replace(/\W+/g, '-')}`);
  });

  it('1. shows a report draft\'s diagnostics in the Problems panel, in Chinese, and none for ordinary Markdown', async () => {
    const page = s!.page;
    await openFile(page, 'notes.md');
    await page.keyboard.press('Control+Shift+M');
    await page.waitForTimeout(3000);
    const empty = await problemsText(page);
    assert.doesNotMatch(empty, /党建报告|party/i, `no problems for notes.md: ${empty}`);
    await openFile(page, 'draft.md');
    const text = await waitFor(async () => {
      const t = await problemsText(page);
      return /缺少“组织生活会召开情况”一节/.test(t) ? t : false;
    }, 60000, 'the missing-section diagnostic in the Problems panel');
    assert.match(text, /中文语句中使用了半角标点/);
    const badge = await page.locator('.part.panel .composite.title .badge-content, .panel .action-item.checked .badge-content').first().innerText().catch(() => '');
    await shot(page, '1-problems');
    assert.ok(badge === '' || Number(badge) >= 10, `problem count ${badge}`);
  });

  it('goes to the next placeholder with Ctrl+Alt+N, and the status bar counts what is left', async () => {
    const page = s!.page;
    await openFile(page, 'draft.md');
    const status = page.locator('.statusbar-item', { hasText: /to fill|待填/ }).first();
    await status.waitFor({ state: 'visible', timeout: 20000 });
    assert.match(await status.innerText(), /4 to fill · 1 section\(s\) missing|待填 4 项 · 缺 1 节/);
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('Control+Alt+N');
    // The first placeholder is "XXXX" on line 2: the selection shows in the status bar.
    await waitFor(async () => /Ln 2, Col 4\d \(4 selected\)/.test(await page.locator('.statusbar').innerText()), 15000, 'the first placeholder to be selected');
    await page.keyboard.press('Control+Alt+N');
    await waitFor(async () => /Ln 2, Col 4\d \(1 selected\)/.test(await page.locator('.statusbar').innerText()), 15000, 'the next placeholder to be selected');
    await shot(page, '1b-next-placeholder');
  });

  it('2. inserts a missing section from the light-bulb menu', async () => {
    const page = s!.page;
    await openFile(page, 'draft.md');
    await page.keyboard.press('Control+G');
    await page.keyboard.type('7:3');
    await page.keyboard.press('Enter');
    await page.waitForTimeout(500);
    await page.keyboard.press('Control+.');
    await page.locator('.action-widget .monaco-list-row', { hasText: '插入“组织生活会召开情况”一节' }).first().waitFor({ state: 'visible', timeout: 20000 });
    await shot(page, '2-quick-fix-menu');
    await chooseRow(page, '.action-widget', '插入“组织生活会召开情况”一节');
    const text = await waitFor(async () => {
      const t = await editorText(page);
      return t.includes('二、组织生活会召开情况') ? t : false;
    }, 15000, 'the inserted section in the editor');
    assert.match(text, /三、制定整改措施等情况/);
    await shot(page, '2-quick-fix-applied');
  });

  it('3. offers a snippet and a server completion while typing', async () => {
    const page = s!.page;
    await openFile(page, 'report.md');
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('tcbg');
    // Markdown has no quick suggestions by default in VS Code: ask for them, as a writer would.
    await page.keyboard.press('Control+Space');
    const snippet = page.locator('.suggest-widget .monaco-list-row', { hasText: '特此报告' });
    await snippet.first().waitFor({ state: 'visible', timeout: 20000 });
    await shot(page, '3-snippet');
    await page.keyboard.press('Escape');
    for (let i = 0; i < 4; i++) await page.keyboard.press('Backspace');
    // Inside 三、制定整改措施等情况: the section's standard phrases come from the server.
    await page.keyboard.type('会后');
    await page.keyboard.press('Control+Space');
    const phrase = page.locator('.suggest-widget .monaco-list-row', { hasText: '整改清单' });
    await phrase.first().waitFor({ state: 'visible', timeout: 20000 });
    await shot(page, '3-completion');
    await page.keyboard.press('Escape');
  });

  it('4. lists the report\'s sections in the Outline view', async () => {
    const page = s!.page;
    await openFile(page, 'report.md');
    await command(page, 'Explorer: Focus on Outline View');
    const outline = page.locator('.outline-pane, [id="outline"]').first();
    const text = await waitFor(async () => {
      const t = await page.locator('.pane-body').filter({ hasText: '会前准备情况' }).first().innerText().catch(() => '');
      return /一、会前准备情况/.test(t) && /三、制定整改措施等情况/.test(t) ? t : false;
    }, 20000, 'the sections in the Outline view');
    assert.match(text, /二、组织生活会召开情况/);
    void outline;
    await shot(page, '4-outline');
  });

  it('5. creates a draft of the chosen type from 新建报告', async () => {
    const page = s!.page;
    await command(page, 'New Report 新建报告');
    await chooseRow(page, '.quick-input-widget', '述职报告');
    // Three questions (name, year, date): answer the first, leave the rest as placeholders.
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout: 10000 });
    await input.fill('张三');
    await page.keyboard.press('Enter');
    for (let i = 0; i < 2; i++) {
      await page.waitForTimeout(400);
      await page.keyboard.press('Enter');
    }
    const text = await waitFor(async () => {
      const t = await editorText(page).catch(() => '');
      return t.includes('template: duty-report') ? t : false;
    }, 20000, 'the new draft in an editor');
    assert.match(text, /履职情况/);
    await shot(page, '5-new-report');
  });

  it('6. writes a valid .docx with 导出为 DOCX', async () => {
    const page = s!.page;
    const target = path.join(s!.workspace, 'report.docx');
    await openFile(page, 'report.md');
    await command(page, 'File: Revert File'); // drop the typing of scenario 3
    await page.waitForTimeout(1500);
    await command(page, 'Export to DOCX 导出为 DOCX');
    // If the draft still has problems, the client asks first (in VS Code's language: English here).
    // Either that question or the save dialog comes, and on a loaded machine either can take seconds:
    // wait for whichever shows, rather than look for the question for a moment only.
    const anyway = page.locator('.monaco-dialog-box .monaco-button', { hasText: /仍然导出|Export anyway/ }).first();
    // The save dialog is VS Code's own: a path in a quick input, which proposes a .docx name.
    const input = page.locator('.quick-input-widget input');
    const saveDialog = async () => (await input.isVisible().catch(() => false)) && (await input.inputValue().catch(() => '')).endsWith('.docx');
    const first = await waitFor(async () => ((await anyway.isVisible().catch(() => false)) ? 'question' : (await saveDialog()) ? 'save' : false), 20000, 'the question before exporting or the save dialog');
    if (first === 'question') await anyway.click();
    await waitFor(saveDialog, 20000, 'the save dialog proposing a .docx name');
    await enterPath(page, target);
    await waitFor(() => fs.existsSync(target), 30000, `${target} to be written`);
    // The client follows VS Code's display language (English here): "Exported report.docx".
    await page.locator('.notifications-toasts', { hasText: /Exported report\.docx|已导出 report\.docx/ }).first().waitFor({ state: 'visible', timeout: 15000 });
    await shot(page, '6-export');
    const files = unzipSync(fs.readFileSync(target));
    assert.match(strFromU8(files['word/document.xml']), /会前准备情况/);
  });

  it('restarts the language server when it is killed, and diagnostics come back', async () => {
    const page = s!.page;
    const find = () => spawnSync('pgrep', ['-f', 'party-report.*dist/server.js'], { encoding: 'utf8' }).stdout.trim().split('\n').filter(Boolean);
    const before = find();
    assert.ok(before.length > 0, 'the server runs');
    for (const pid of before) process.kill(Number(pid), 'SIGKILL');
    await waitFor(() => {
      const now = find();
      return now.length > 0 && now.every((p) => !before.includes(p));
    }, 30000, 'a new server process');
    await openFile(page, 'draft.md');
    await page.keyboard.press('Control+End');
    await page.keyboard.type('\n新加一行,逗号。');
    await waitFor(async () => (await problemsText(page)).includes('半角标点'), 30000, 'diagnostics from the restarted server');
    await shot(page, '7-restarted');
  });
});

describe('the extension in Restricted Mode (untrusted workspace)', function () {
  let s: Session | undefined;
  before(async function () {
    s = await start({ trust: false, files: { 'draft.md': FILES['draft.md'] } });
  });
  after(async () => stop(s));
  afterEach(async function () {
    if (this.currentTest?.state === 'failed') await shot(s!.page, 'failed-restricted');
  });

  it('7. still validates with the built-in report types', async () => {
    const page = s!.page;
    await openFile(page, 'draft.md');
    await page.keyboard.press('Control+Shift+M');
    await waitFor(async () => /缺少“组织生活会召开情况”一节/.test(await problemsText(page)), 60000, 'diagnostics in Restricted Mode');
    await shot(page, '8-restricted-mode');
  });
});
