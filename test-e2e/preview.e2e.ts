/**
 * 版面预览 end to end in a real VS Code (code-server + Chromium): the editor-title button opens the
 * pages beside the draft, typing in the draft shows up on the page, and a click on a printed line
 * puts the cursor on that line of the draft. The screenshot is the README's picture of the preview.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { breakTitle } from '../engine/export/title-lines';
import { command, REPO, shot, start, stop, waitFor, type Session } from './harness';

// The bundled example with a date left to fill in, so that the placeholder tint shows.
const REPORT = fs
  .readFileSync(path.join(REPO, 'examples', 'org-life-meeting-report.md'), 'utf8')
  .replace('2025年12月18日，第三党支部召开', 'XXXX年X月XX日，第三党支部召开');

const preview = (page: Page): FrameLocator => page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');

/** The example with every 公文 element the export prints (版头, 附注, attachments, 版记). */
const OFFICIAL = fs.readFileSync(path.join(REPO, 'examples', 'official-document.md'), 'utf8');

/** Opens a draft from the Explorer (robust on a loaded machine, where Quick Open may answer late). */
async function openDraft(page: Page, name = 'report.md'): Promise<void> {
  await page.locator('.explorer-folders-view .monaco-list-row', { hasText: name }).first().dblclick({ timeout: 30000 });
  await page.locator('.tab.active', { hasText: name }).first().waitFor({ state: 'visible', timeout: 30000 });
  await page.locator('.editor-group-container.active .monaco-editor .view-lines').first().waitFor({ state: 'visible', timeout: 30000 });
}

async function statusBar(page: Page): Promise<string> {
  return page.locator('.statusbar').innerText();
}

describe('版面预览 in a real VS Code (code-server)', function () {
  let s: Session | undefined;
  before(async function () {
    s = await start({ trust: true, files: { 'report.md': REPORT, 'official.md': OFFICIAL } });
  });
  after(async () => stop(s));
  afterEach(async function () {
    if (this.currentTest?.state === 'failed') await shot(s!.page, `failed-preview-${this.currentTest.title.slice(0, 20).replace(/\W+/g, '-')}`);
  });

  it('opens the pages beside the draft, follows typing, and a click on a line lands in the draft', async () => {
    const page = s!.page;
    await openDraft(page);
    // The editor-title button appears once the server has recognised the draft as a report.
    const button = page.locator('.editor-actions .action-label[aria-label*="Page Preview"], .editor-actions .action-label[aria-label*="版面预览"]').first();
    await button.waitFor({ state: 'visible', timeout: 60000 });
    await button.click();

    const view = preview(page);
    await view.locator('.page .line').first().waitFor({ state: 'visible', timeout: 60000 });
    const count = await view.locator('#count').innerText();
    assert.match(count, /^(2 page\(s\)|共 2 页)$/, `page count shown: ${count}`);
    // The title on the balanced lines the export prints, the placeholder tinted, page 1 numbered on the right.
    const lines = await view.locator('.page').first().locator('.line').allInnerTexts();
    const title = breakTitle(REPORT.split('\n')[0]);
    assert.ok(title.length >= 2);
    assert.deepEqual(lines.slice(0, title.length), title);
    assert.ok((await view.locator('.mark').count()) > 0, 'the unfilled date is tinted');
    assert.equal((await view.locator('.page').first().locator('.folio').innerText()).trim(), '— 1 —');

    // Type at the end of line 12 of the draft; the page shows it.
    await page.keyboard.press('Control+1');
    await page.keyboard.press('Control+G');
    await page.keyboard.type(`12:${REPORT.split('\n')[11].length + 1}`);
    await page.keyboard.press('Enter');
    await page.keyboard.type('会场内外反响热烈。');
    await waitFor(
      async () => (await view.locator('.line').allInnerTexts()).join('').includes('会场内外反响热烈。'),
      20000,
      'the typed words on the previewed page',
    );

    // A click on the printed line that starts "王明同志指出" puts the cursor on line 13 of the draft.
    const target = view.locator('.line', { hasText: /^王明同志指出/ }).first();
    await target.scrollIntoViewIfNeeded();
    await target.click({ position: { x: 40, y: 10 } });
    await waitFor(async () => /Ln 13, Col \d+/.test(await statusBar(page)), 15000, 'the cursor on line 13 of the draft');
    const focused = await page.evaluate<boolean>("document.activeElement?.closest('.monaco-editor') != null");
    assert.ok(focused, 'the draft editor has the focus');

    await page.waitForTimeout(500);
    const file = await shot(page, 'preview');
    // The README's picture is refreshed only when asked (UPDATE_DOCS_IMAGES=1): a test run leaves the
    // work tree as it found it.
    if (process.env.UPDATE_DOCS_IMAGES === '1') {
      fs.mkdirSync(path.join(REPO, 'docs', 'images'), { recursive: true });
      fs.copyFileSync(file, path.join(REPO, 'docs', 'images', 'preview.png'));
    }
  });

  it('switches the placeholder tint off from its toolbar', async () => {
    const page = s!.page;
    const view = preview(page);
    await view.locator('#show-marks').uncheck();
    assert.equal(await view.locator('body.no-marks').count(), 1);
    const background = await view.locator('.mark').first().evaluate((el) => (globalThis as unknown as { getComputedStyle: (e: unknown) => { backgroundColor: string } }).getComputedStyle(el).backgroundColor);
    assert.match(background, /rgba\(0, 0, 0, 0\)|transparent/);
    await view.locator('#show-marks').check();
  });

  it('draws the 公文 elements: the red 标志 and line, the attachments’ pages, the 版记 on an unnumbered last page', async () => {
    const page = s!.page;
    await command(page, 'View: Close All Editors');
    await openDraft(page, 'official.md');
    await command(page, 'Party Report: Page Preview');
    const view = preview(page);
    await view.locator('.page .line').first().waitFor({ state: 'visible', timeout: 60000 });
    assert.match(await view.locator('#count').innerText(), /^(6 page\(s\)|共 6 页)$/);
    const issuer = view.locator('.line.k-issuer').first();
    assert.equal(await issuer.innerText(), '中共某局机关委员会文件');
    const red = 'rgb(255, 0, 0)';
    assert.equal(await issuer.evaluate((el) => (globalThis as unknown as { getComputedStyle: (e: unknown) => { color: string } }).getComputedStyle(el).color), red);
    assert.ok((await view.locator('.page').first().locator('.rule').count()) > 0, 'the red line under the 发文字号');
    const last = view.locator('.page').nth(5);
    await last.scrollIntoViewIfNeeded();
    await waitFor(async () => (await last.locator('.line').allInnerTexts()).join('').includes('抄送：局办公室，局人事处。'), 20000, 'the 版记 on page 6');
    assert.equal(await last.locator('.folio').count(), 0, 'no page number on the 版记 page');
    await shot(page, 'preview-official');
  });
});

describe('版面预览 in Restricted Mode', function () {
  let s: Session | undefined;
  before(async function () {
    s = await start({ trust: false, files: { 'report.md': REPORT } });
  });
  after(async () => stop(s));
  afterEach(async function () {
    if (this.currentTest?.state === 'failed') await shot(s!.page, 'failed-preview-restricted');
  });

  it('shows the pages with the standard geometry', async () => {
    const page = s!.page;
    await openDraft(page);
    await command(page, 'Party Report: Page Preview');
    const view = preview(page);
    await view.locator('.page .line').first().waitFor({ state: 'visible', timeout: 60000 });
    assert.match(await view.locator('#count').innerText(), /2/);
  });
});
