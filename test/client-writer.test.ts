/**
 * The client's pure parts and its manifest: titles as file names, the type picker's order, and the
 * entry points a writer looks for (File › New File…, the Explorer, a walkthrough, both languages
 * in the command palette).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { builtinTypes } from '../engine';
import { inWritersOrder, WRITERS_ORDER } from '../client/src/report-order';
import { draftTitle, safeFileName } from '../client/src/title';
import { REPO } from './helpers/shared';

const json = (file: string) => JSON.parse(fs.readFileSync(path.join(REPO, file), 'utf8'));

describe('the client for writers', () => {
  it('an untitled draft is named after its title: front matter, heading marks and bad characters dropped', () => {
    assert.equal(draftTitle('---\ntemplate: duty-report\n---\n\n# 关于召开2024年度专题组织生活会情况的报告\n正文'), '关于召开2024年度专题组织生活会情况的报告');
    assert.equal(draftTitle('\uFEFF**中共XX党支部**\r\n'), '中共XX党支部');
    assert.equal(draftTitle('---\na: 1\n---\n'), undefined);
    assert.equal(draftTitle('---\ntemplate: duty-report\ntitle: 2024年度抓基层党建工作述职报告\n---\n# 别的标题\n'), '2024年度抓基层党建工作述职报告');
    assert.equal(safeFileName('关于“两学一做”的报告: 2024/03?'), '关于“两学一做”的报告 202403');
    assert.equal(safeFileName(' ... '), 'report');
    assert.equal(safeFileName('长'.repeat(100)).length, 60);
  });

  it('the type picker lists the workspace\'s types, then every built-in type in writers\' order', () => {
    const types = builtinTypes().types.map((t) => ({ id: t.id, name: t.name, workspace: false }));
    assert.deepEqual(new Set(WRITERS_ORDER), new Set(types.map((t) => t.id)), 'every built-in type has its place');
    const sorted = inWritersOrder([...types, { id: 'my-type', name: '本单位的报告', workspace: true }]);
    assert.deepEqual(sorted.map((t) => t.name), ['本单位的报告', '专题组织生活会召开情况报告', '民主生活会召开情况报告', '对照检查材料', '整改清单', '整改方案', '党支部工作总结', '述职报告']);
  });

  it('new-report entry points: File › New File…, the Explorer\'s folder menu, and a walkthrough with its pictures', () => {
    const c = json('package.json').contributes;
    assert.deepEqual(c.menus['file/newFile'], [{ command: 'partyReport.newReport', group: 'file' }]);
    assert.ok(c.menus['explorer/context'].some((m: { command: string; when: string }) => m.command === 'partyReport.newReport' && m.when === 'explorerResourceIsFolder'));
    const [walk] = c.walkthroughs;
    assert.deepEqual(walk.steps.map((s: { id: string }) => s.id), ['newReport', 'placeholders', 'snippets', 'export']);
    for (const s of walk.steps) assert.ok(fs.existsSync(path.join(REPO, s.media.image)), s.media.image);
    const ignore = fs.readFileSync(path.join(REPO, '.vscodeignore'), 'utf8');
    assert.match(ignore, /^!docs\/images\/walkthrough-\*\.png$/m, 'the walkthrough\'s pictures are packaged');
    const readme = fs.readFileSync(path.join(REPO, 'README.md'), 'utf8');
    for (const [, picture] of readme.matchAll(/\]\((docs\/images\/[^)]+)\)/g)) assert.ok(ignore.includes(`!${picture}`), `README picture ${picture} is packaged`);
    assert.match(ignore, /^!docs\/rules\.md$/m, 'hover links open the packaged rule descriptions');
    const en = json('package.nls.json');
    assert.match(en['walkthrough.snippets.description'], /kt.*btfy.*tcbg/);
  });

  it('commands are found by Chinese words in an English UI and by English words in a Chinese UI', () => {
    const en = json('package.nls.json');
    const zh = json('package.nls.zh-cn.json');
    assert.match(en.category, /党建/);
    assert.match(zh.category, /Party Report/);
    for (const key of ['command.newReport', 'command.nextPlaceholder', 'command.insertSection', 'command.exportDocx']) {
      assert.ok(en[key].includes(zh[key]), `${key}: the English title carries the Chinese one (${en[key]})`);
    }
  });
});
