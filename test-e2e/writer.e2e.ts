/**
 * A writer's day, step by step, in one VS Code window that is never reloaded: paste last year's
 * report, see the real problem first, walk and fill the placeholders, type with completions and
 * snippets, draft a new report from the palette, export it, switch the message language; and in a
 * workspace that is trusted only later, the project file applying at once. The pictures in docs/
 * come from these runs (test-results/docs-*.png).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { chooseRow, command, editorText, openFile, problemsText, REPO, RESULTS, shot, start, stop, waitFor, type Session } from './harness';
import { SEED, sharedAvailable } from '../test/helpers/shared';

const example = (name: string) => fs.readFileSync(path.join(REPO, 'examples', name), 'utf8');
const SEED_TEXT = sharedAvailable() ? fs.readFileSync(SEED, 'utf8') : undefined;

/** 1-based line and column of the first match in the text, as Ctrl+G takes them. */
function lineCol(text: string, re: RegExp): string {
  const at = re.exec(text)!.index;
  const before = text.slice(0, at).split(/\r?\n/);
  return `${before.length}:${before[before.length - 1].length + 1}`;
}

async function goTo(page: Page, where: string): Promise<void> {
  await page.keyboard.press('Control+G');
  await page.keyboard.type(where);
  await page.keyboard.press('Enter');
  await page.waitForTimeout(300);
}

/** A picture for docs/ (copied there by hand after a run): a part of the window, or all of it. */
async function docShot(page: Page, name: string, clip?: { x: number; y: number; width: number; height: number }): Promise<void> {
  fs.mkdirSync(RESULTS, { recursive: true });
  await page.screenshot({ path: path.join(RESULTS, `docs-${name}.png`), clip });
}

/** Told in paragraphs, without a title or headings: close to a 组织生活会 report, not enough to be checked as one. */
const NEAR_TEXT = '第二党支部按照上级要求召开了组织生活会，支部书记主持会议。\n党员逐一发言，开展批评和自我批评。\n';

const toast = (page: Page, text: string | RegExp) => page.locator('.notifications-toasts .notification-toast', { hasText: text }).first();
const statusText = (page: Page) => page.locator('.statusbar').innerText();
const userSettings = (s: Session) => path.join(s.dirs[0], 'user-data', 'User', 'settings.json');

describe("a writer's day in a real VS Code, with no reload", function () {
  let s: Session | undefined;
  before(async function () {
    s = await start({
      trust: true,
      files: { ...(SEED_TEXT ? { 'seed.md': SEED_TEXT } : {}), 'report.md': example('org-life-meeting-report.md'), 'draft.md': example('draft-with-problems.md'), 'near.md': NEAR_TEXT },
    });
  });
  after(async () => stop(s));
  beforeEach(async () => {
    for (let i = 0; i < 3; i++) await s!.page.keyboard.press('Escape');
  });
  afterEach(async function () {
    if (this.currentTest?.state === 'failed') await shot(s!.page, `failed-writer-${this.currentTest.title.slice(0, 24).replace(/\W+/g, '-')}`);
  });

  it('offers once to show suggestions while typing and to stop the non-ASCII highlight, and changes settings only as chosen', async () => {
    const page = s!.page;
    await openFile(page, 'draft.md');
    const offer = toast(page, '检测到党建报告');
    await offer.waitFor({ state: 'visible', timeout: 30000 });
    await shot(page, 'writer-offer');
    await offer.locator('.monaco-button', { hasText: '仅用于本工作区' }).click();
    const file = path.join(s!.workspace, '.vscode', 'settings.json');
    const settings = await waitFor(() => {
      const now = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : {};
      return now['[markdown]']?.['editor.unicodeHighlight.nonBasicASCII'] === false ? now : false;
    }, 15000, 'both settings in the workspace settings');
    assert.deepEqual(settings['[markdown]'], { 'editor.quickSuggestions': { other: 'on', comments: 'off', strings: 'off' }, 'editor.unicodeHighlight.nonBasicASCII': false });
    assert.doesNotMatch(fs.readFileSync(userSettings(s!), 'utf8'), /\[markdown\]/, 'user settings untouched');
  });

  it('on the seed, the first screen of the Problems panel shows the half-width comma; the status bar says only what is left', async function () {
    if (!SEED_TEXT) this.skip();
    const page = s!.page;
    // Only the seed is open: the panel lists open files' problems.
    await command(page, 'View: Close All Editors');
    await openFile(page, 'seed.md');
    await page.keyboard.press('Control+Shift+M');
    const rows = page.locator('.markers-panel .monaco-list-row');
    await waitFor(async () => (await rows.count()) > 5, 60000, 'the seed\'s problems in the Problems panel');
    const texts = await rows.allInnerTexts();
    // Row 0 is the file; the comma (a warning) comes before the 36 placeholders (information).
    const comma = texts.findIndex((t) => t.includes('中文语句中使用了半角标点'));
    assert.equal(comma, 1, `the comma is the first problem listed: ${texts.slice(0, 4).join(' / ')}`);
    const box = await rows.nth(comma).boundingBox();
    const panel = await page.locator('.markers-panel').boundingBox();
    assert.ok(box && panel && box.y + box.height <= panel.y + panel.height, 'on the first screen of the panel');
    assert.match(texts[2], /待填写：此处应填/, 'placeholders say what belongs there');
    const status = await waitFor(async () => (/待填 \d+ 项/.test(await statusText(page)) ? statusText(page) : false), 20000, 'the status bar');
    assert.match(status, /待填 36 项/);
    assert.doesNotMatch(status, /缺 0 节|缺 \d+ 节/);
    await shot(page, 'writer-problems-seed'); // not for docs/: the seed's text stays out of the project
  });

  it('hovers on a placeholder: what belongs there, once, the rule name as a link; the light bulb offers 下一个待填项 first', async () => {
    const page = s!.page;
    const text = example('draft-with-problems.md');
    await openFile(page, 'draft.md');
    await goTo(page, lineCol(text, /X(?=月)/));
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+I');
    const hover = page.locator('.monaco-hover:not(.hidden)').first();
    await hover.waitFor({ state: 'visible', timeout: 15000 });
    // VS Code shows the diagnostics' messages; the server's part (the rule's name) follows.
    const link = hover.locator('a', { hasText: '待填项' });
    await link.first().waitFor({ state: 'visible', timeout: 15000 });
    const said = await hover.innerText();
    assert.match(said, /此处应填月份/);
    assert.equal(said.split('此处应填月份').length - 1, 1, `once: ${said}`);
    assert.equal(await link.count(), 1, 'the rule name is a link');
    // The server's part: the rule by its Chinese name, and what to do; no recipe, no file path.
    assert.match(said, /^待填项：填入实际内容/m);
    assert.doesNotMatch(said, /docs\/rules\.md|<!--/);
    await docShot(page, 'walkthrough-placeholders', { x: 340, y: 0, width: 1060, height: 420 });
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+.');
    const first = page.locator('.action-widget .monaco-list-row.action').first();
    await first.waitFor({ state: 'visible', timeout: 15000 });
    assert.match(await first.innerText(), /下一个待填项/);
    const all = (await page.locator('.action-widget .monaco-list-row').allInnerTexts()).join(' | ');
    assert.doesNotMatch(all, /unfilled-placeholder/, all);
    await docShot(page, 'vscode-quick-fix');
    await page.keyboard.press('Escape');
  });

  it('a draft not recognised but close to a type: the status bar says so, and its click names the type in the front matter', async () => {
    const page = s!.page;
    await openFile(page, 'near.md');
    const item = page.locator('.statusbar-item', { hasText: '未识别为报告' });
    await item.first().waitFor({ state: 'visible', timeout: 30000 });
    await item.first().click();
    const rows = page.locator('.quick-input-widget .monaco-list-row');
    await rows.first().waitFor({ state: 'visible', timeout: 15000 });
    // The type it came closest to comes first, marked as such; every other type is offered too.
    const first = await rows.first().innerText();
    assert.match(first, /专题组织生活会召开情况报告/);
    assert.match(first, /最接近/);
    assert.match(await page.locator('.quick-input-widget').innerText(), /按哪种报告检查/);
    await page.keyboard.press('Enter');
    const text = await waitFor(async () => ((await editorText(page)).includes('template: org-life-meeting-report') ? editorText(page) : false), 15000, 'the front matter naming the type');
    assert.match(text, /^---\s*template: org-life-meeting-report\s*---\s*第二党支部/);
    // Checked as that type now: the two sections it never speaks of are missing, and the status bar counts them.
    const status = await waitFor(async () => (/缺 2 节/.test(await statusText(page)) ? statusText(page) : false), 20000, 'the status bar counting the missing sections');
    assert.doesNotMatch(status, /未识别为报告/);
    await page.keyboard.press('Control+Z');
    await waitFor(async () => (!(await editorText(page)).includes('template:') ? true : false), 10000, 'the edit undone');
  });

  it('accepting 四个意识 replaces the typed name; snippets appear while typing', async () => {
    const page = s!.page;
    await openFile(page, 'report.md');
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('增强四个意识', { delay: 30 });
    const row = page.locator('.suggest-widget .monaco-list-row', { hasText: '政治意识、大局意识、核心意识、看齐意识' });
    // Suggestions show while typing now (the offer above turned them on); ask if they have not yet.
    if (!(await row.first().isVisible({ timeout: 3000 }).catch(() => false))) await page.keyboard.press('Control+Space');
    await chooseRow(page, '.suggest-widget', '政治意识、大局意识、核心意识、看齐意识');
    const text = await waitFor(async () => {
      const t = await editorText(page);
      return t.includes('增强政治意识、大局意识、核心意识、看齐意识') ? t : false;
    }, 15000, 'the standard wording in place of the name');
    assert.doesNotMatch(text, /四个意识政治意识/);
    await page.keyboard.press('Enter');
    await page.keyboard.type('tcbg', { delay: 60 });
    const snippet = page.locator('.suggest-widget .monaco-list-row', { hasText: '特此报告' });
    await snippet.first().waitFor({ state: 'visible', timeout: 20000 });
    await docShot(page, 'walkthrough-snippets', { x: 340, y: 330, width: 1060, height: 240 });
    await page.keyboard.press('Escape');
    await command(page, 'File: Revert File');
  });

  it('finds the commands by Chinese words in an English VS Code; the type picker is Chinese, in writers\' order, with one cancel hint', async () => {
    const page = s!.page;
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    await input.fill('>党建');
    const rows = page.locator('.quick-input-widget .monaco-list-row');
    await rows.filter({ hasText: '新建报告' }).first().waitFor({ state: 'visible', timeout: 15000 });
    const found = (await rows.allInnerTexts()).join(' | ');
    for (const title of ['新建报告', '下一个待填项', '导出为 DOCX', '插入章节']) assert.ok(found.includes(title), `${title} in: ${found}`);
    await chooseRow(page, '.quick-input-widget', '新建报告');
    await rows.filter({ hasText: '述职报告' }).first().waitFor({ state: 'visible', timeout: 15000 });
    const types = await rows.allInnerTexts();
    assert.match(types[0], /专题组织生活会召开情况报告/);
    assert.doesNotMatch(types.join(' '), /org-life-meeting-report|duty-report/, 'no ids');
    await docShot(page, 'walkthrough-new-report', { x: 340, y: 0, width: 1060, height: 330 });
    await chooseRow(page, '.quick-input-widget', '述职报告');
    const answers = ['张三', '2024', ''];
    for (const answer of answers) {
      const prompt = page.locator('.quick-input-widget .quick-input-message');
      await prompt.waitFor({ state: 'visible', timeout: 10000 });
      await page.waitForTimeout(300);
      const said = await prompt.innerText();
      assert.equal(said.match(/Esc|取消/g)?.length ?? 0, 1, `one cancel hint: ${said}`);
      await input.fill(answer);
      await page.keyboard.press('Enter');
    }
    await waitFor(async () => (await editorText(page).catch(() => '')).includes('2024年度抓基层党建工作述职报告'), 20000, 'the new draft');
  });

  it('exports the untitled draft under its title: one language in the dialog, 转到待填项, and a result that works in the browser', async () => {
    const page = s!.page;
    await waitFor(async () => /待填 \d+ 项/.test(await statusText(page)), 20000, 'the new draft checked');
    await command(page, 'Export to DOCX 导出为 DOCX');
    const dialog = page.locator('.monaco-dialog-box');
    await dialog.waitFor({ state: 'visible', timeout: 15000 });
    const message = await dialog.innerText();
    assert.match(message, /文稿还有 \d+ 个待填项，仍要导出吗？/);
    assert.doesNotMatch(message, /[A-Za-z]{3}/, `one language: ${message}`);
    const buttons = await dialog.locator('.monaco-button').allInnerTexts();
    assert.deepEqual([...buttons].sort(), ['仍然导出', '取消', '转到待填项'].sort(), 'every button in Chinese');
    await shot(page, 'writer-export-dialog');
    await dialog.locator('.monaco-button', { hasText: '转到待填项' }).click();
    await waitFor(async () => /\(\d+ selected\)/.test(await statusText(page)), 15000, 'the first placeholder selected');

    await command(page, 'Export to DOCX 导出为 DOCX');
    await dialog.waitFor({ state: 'visible', timeout: 15000 });
    await dialog.locator('.monaco-button', { hasText: '仍然导出' }).click();
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout: 20000 });
    // The dialog fills in the folder first, then the proposed name.
    const proposed = await waitFor(async () => {
      const v = await input.inputValue();
      return v.endsWith('.docx') ? v : false;
    }, 10000, 'a proposed file name');
    assert.equal(proposed, path.join(s!.workspace, '2024年度抓基层党建工作述职报告.docx'), 'the file is named after the title');
    await page.keyboard.press('Enter');
    const target = path.join(s!.workspace, '2024年度抓基层党建工作述职报告.docx');
    await waitFor(() => fs.existsSync(target), 30000, `${target} to be written`);
    const done = toast(page, '已导出 2024年度抓基层党建工作述职报告.docx');
    await done.waitFor({ state: 'visible', timeout: 15000 });
    const offered = await done.locator('.monaco-button').allInnerTexts();
    assert.deepEqual(offered, ['在资源管理器中显示', '下载'], 'in a browser: the Explorer or a download, not the desktop\'s apps');
    await docShot(page, 'walkthrough-export', { x: 700, y: 560, width: 700, height: 340 });
    await done.locator('.monaco-button', { hasText: '在资源管理器中显示' }).click();
    const selected = page.locator('.explorer-folders-view .monaco-list-row.selected, .explorer-folders-view .monaco-list-row.focused', { hasText: '述职报告.docx' });
    await selected.first().waitFor({ state: 'visible', timeout: 15000 });
    await docShot(page, 'vscode-export');
    // The window keeps the keyboard: Quick Open still answers.
    await openFile(page, 'report.md');
    await page.locator('.tab.active', { hasText: 'report.md' }).waitFor({ state: 'visible', timeout: 10000 });
  });

  it('partyReport.locale applies at once: messages and the status bar switch language without a reload', async () => {
    const page = s!.page;
    await openFile(page, 'draft.md');
    await page.keyboard.press('Control+Shift+M');
    await waitFor(async () => /中文语句中使用了半角标点/.test(await problemsText(page)), 30000, 'Chinese messages first');
    // As a writer would: in the Settings editor.
    const choose = async (value: string) => {
      await command(page, 'Preferences: Open User Settings');
      await page.waitForTimeout(1500);
      // The search box has the focus (and, the second time, the last search).
      await page.keyboard.press('Control+A');
      await page.keyboard.type('partyReport.locale');
      const select = page.locator('.settings-editor select').first();
      await select.waitFor({ state: 'attached', timeout: 15000 });
      await page.waitForTimeout(800);
      await select.selectOption(value);
      await page.waitForTimeout(1500);
      await openFile(page, 'draft.md');
    };
    await choose('en');
    await waitFor(async () => /Half-width punctuation/.test(await problemsText(page)), 30000, 'English messages after the setting changed');
    await waitFor(async () => /\d+ to fill/.test(await statusText(page)), 15000, 'the status bar in English');
    await shot(page, 'writer-locale-en');
    await choose('zh-CN');
    await waitFor(async () => /中文语句中使用了半角标点/.test(await problemsText(page)), 30000, 'Chinese messages again');
    await waitFor(async () => /待填 \d+ 项/.test(await statusText(page)), 15000, 'the status bar in Chinese again');
  });

  it('has a walkthrough: new draft, placeholders, snippets, export', async () => {
    const page = s!.page;
    await command(page, 'Welcome: Open Walkthrough...');
    await chooseRow(page, '.quick-input-widget', 'Drafting a Party report');
    const steps = page.locator('.gettingStartedContainer .getting-started-step');
    await steps.first().waitFor({ state: 'visible', timeout: 20000 });
    const titles = (await steps.allInnerTexts()).join(' | ');
    for (const step of ['Start a new draft', 'Fill in the placeholders', 'Type with snippets', 'Export to DOCX']) assert.ok(titles.includes(step), `${step} in ${titles}`);
    await page.locator('.gettingStartedContainer .getting-started-step', { hasText: 'Type with snippets' }).first().click();
    await page.waitForTimeout(800);
    assert.match(await page.locator('.gettingStartedContainer').innerText(), /kt.*btfy.*tcbg/s);
    await page.keyboard.press('Control+J'); // the panel away, for the picture
    await page.waitForTimeout(500);
    await docShot(page, 'vscode-walkthrough');
    await page.keyboard.press('Control+J');
  });
});

describe('new-report entry points where writers look', function () {
  let s: Session | undefined;
  before(async function () {
    s = await start({ trust: true, files: { 'drafts/readme.txt': '草稿放在这里。\n' } });
  });
  after(async () => stop(s));
  afterEach(async function () {
    if (this.currentTest?.state === 'failed') await shot(s!.page, `failed-writer-entry-${this.currentTest.title.slice(0, 16).replace(/\W+/g, '-')}`);
  });

  it('File › New File… lists 新建报告', async () => {
    const page = s!.page;
    await command(page, 'Create: New File...');
    await chooseRow(page, '.quick-input-widget', '新建报告');
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: '述职报告' }).first().waitFor({ state: 'visible', timeout: 15000 });
    await page.keyboard.press('Escape');
  });

  it('the Explorer\'s folder menu drafts a report that will be saved in that folder under its title', async () => {
    const page = s!.page;
    // A context menu left open (by a slow first attempt) would swallow every click: close it first.
    await page.keyboard.press('Escape');
    const folder = page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'drafts' }).first();
    await folder.waitFor({ state: 'visible', timeout: 20000 });
    await folder.click({ button: 'right' });
    const item = page.locator('.context-view .action-item', { hasText: '新建报告' }).first();
    await item.waitFor({ state: 'visible', timeout: 10000 });
    await shot(page, 'writer-explorer-menu');
    await item.click();
    // Under load the menu can take the click before it is ready to act on it: the item stays
    // highlighted and the menu open. Enter then runs the highlighted item, as a writer would.
    const picker = page.locator('.quick-input-widget .monaco-list-row', { hasText: '述职报告' }).first();
    const opened = await picker.waitFor({ state: 'visible', timeout: 5000 }).then(() => true, () => false);
    if (!opened && (await item.isVisible().catch(() => false))) {
      await item.hover();
      await page.keyboard.press('Enter');
    }
    await chooseRow(page, '.quick-input-widget', '述职报告');
    const input = page.locator('.quick-input-widget input');
    for (const answer of ['张三', '2024', '']) {
      await page.locator('.quick-input-widget .quick-input-message').waitFor({ state: 'visible', timeout: 10000 });
      await page.waitForTimeout(300);
      await input.fill(answer);
      await page.keyboard.press('Enter');
    }
    await page.locator('.tab.active', { hasText: '2024年度抓基层党建工作述职报告.md' }).waitFor({ state: 'visible', timeout: 20000 });
    // Saving asks nothing: the draft already has its place, drafts/<title>.md.
    await page.keyboard.press('Control+S');
    const saved = path.join(s!.workspace, 'drafts', '2024年度抓基层党建工作述职报告.md');
    // The file appears before its content is written: wait for the content.
    const content = await waitFor(() => {
      const now = fs.existsSync(saved) ? fs.readFileSync(saved, 'utf8') : '';
      return now.includes('template: duty-report') ? now : false;
    }, 15000, `${saved} to be written`);
    assert.match(content, /^# 2024年度抓基层党建工作述职报告$/m);
  });
});

describe('workspace trust granted while VS Code runs', function () {
  let s: Session | undefined;
  before(async function () {
    s = await start({
      trust: false,
      files: { 'draft.md': example('draft-with-problems.md'), '.party-report.yaml': 'rules:\n  half-width-punctuation: off\n' },
    });
  });
  after(async () => stop(s));
  afterEach(async function () {
    if (this.currentTest?.state === 'failed') await shot(s!.page, 'failed-writer-trust');
  });

  it('applies the project file as soon as the workspace is trusted, without a reload', async () => {
    const page = s!.page;
    await openFile(page, 'draft.md');
    await page.keyboard.press('Control+Shift+M');
    await waitFor(async () => /中文语句中使用了半角标点/.test(await problemsText(page)), 60000, 'untrusted: the project file does not apply');
    await command(page, 'Workspaces: Manage Workspace Trust');
    const trust = page.locator('.workspace-trust-editor .monaco-button', { hasText: /^Trust$/ }).first();
    await trust.waitFor({ state: 'visible', timeout: 20000 });
    await trust.click();
    await openFile(page, 'draft.md');
    await page.keyboard.press('Control+Shift+M');
    await waitFor(async () => {
      const t = await problemsText(page);
      return /缺少“组织生活会召开情况”一节/.test(t) && !/中文语句中使用了半角标点/.test(t);
    }, 30000, 'trusted: half-width-punctuation turned off by .party-report.yaml');
    await shot(page, 'writer-trusted');
  });
});
