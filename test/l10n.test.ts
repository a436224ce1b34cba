/**
 * Both languages for every message: each t('…') in the engine, server and CLI has an English entry
 * in l10n/messages.en.json (and no entry is left over); each vscode.l10n.t('…') in the client has a
 * Chinese entry in l10n/bundle.l10n.zh-cn.json; every %key% of the manifest is in both
 * package.nls.json and package.nls.zh-cn.json.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ENGINE_CODES, lint, RULES } from '../engine';
import { setLocale } from '../engine/i18n';
import { REPO } from './helpers/shared';

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : [],
  );
}

/** The first argument of every call `fn('…')` in the files, as a string literal. */
function keys(files: string[], fn: RegExp): Set<string> {
  const found = new Set<string>();
  for (const f of files) {
    const text = fs.readFileSync(f, 'utf8');
    for (const m of text.matchAll(new RegExp(`${fn.source}\\(\\s*'((?:[^'\\\\]|\\\\.)*)'`, 'g'))) found.add(m[1].replace(/\\'/g, "'"));
  }
  return found;
}

const json = (file: string) => JSON.parse(fs.readFileSync(path.join(REPO, file), 'utf8')) as Record<string, string>;

describe('two languages', () => {
  it('every engine, server and CLI message has its English', () => {
    const used = keys(['engine', 'server/src', 'cli/src'].flatMap((d) => sources(path.join(REPO, d))), /(?<![\w.])t/);
    // The registry's texts (rule and engine-code summaries and sources) are translated when shown.
    const rules = [...RULES.flatMap((r) => [r.summary, r.source ?? '']), ...ENGINE_CODES.flatMap((c) => [c.summary, c.source])].filter((s) => /[\u4e00-\u9fff]/.test(s));
    // Rule titles (hovers, quick-fix labels) and what a placeholder asks for, translated when shown.
    rules.push(...[...fs.readFileSync(path.join(REPO, 'engine', 'rules', 'titles.ts'), 'utf8').matchAll(/^  '[a-z-]+': '([^']+)',$/gm)].map((m) => m[1]));
    rules.push(...[...fs.readFileSync(path.join(REPO, 'engine', 'rules', 'unfilled-placeholder.ts'), 'utf8').matchAll(/what: '([^']+)'/g)].map((m) => m[1]));
    const data = [...fs.readFileSync(path.join(REPO, 'data', 'placeholders.yaml'), 'utf8').matchAll(/hint: (.+)/g)].map((m) => m[1].trim());
    const en = json('l10n/messages.en.json');
    const missing = [...used, ...rules, ...data].filter((k) => !(k in en));
    assert.deepEqual(missing, []);
    const unused = Object.keys(en).filter((k) => !used.has(k) && !rules.includes(k) && !data.includes(k));
    assert.deepEqual(unused, []);
    for (const [zh, english] of Object.entries(en)) {
      const holes = (s: string) => [...s.matchAll(/\{(\d)\}/g)].map((m) => m[1]).sort().join();
      assert.equal(holes(english), holes(zh), `placeholders of ${zh}`);
    }
  });

  it('every client string has its Chinese', () => {
    // tr() follows partyReport.locale; vscode.l10n.t() (the preview) follows VS Code's language.
    const used = keys(sources(path.join(REPO, 'client', 'src')), /(?:vscode\.l10n\.t|(?<![\w.])tr)/);
    assert.ok(used.size > 10);
    const zh = json('l10n/bundle.l10n.zh-cn.json');
    assert.deepEqual([...used].filter((k) => !(k in zh)), []);
    assert.deepEqual(Object.keys(zh).filter((k) => !used.has(k)), []);
  });

  it('every manifest key has both languages', () => {
    const manifest = fs.readFileSync(path.join(REPO, 'package.json'), 'utf8');
    const used = new Set([...manifest.matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]));
    assert.ok(used.size > 10);
    const en = json('package.nls.json');
    const zh = json('package.nls.zh-cn.json');
    assert.deepEqual([...used].filter((k) => !(k in en) || !(k in zh)), []);
    assert.deepEqual(Object.keys(en).sort(), Object.keys(zh).sort());
  });

  it('lists quoted words in a message as a draft should: no 顿号 between quotation marks in Chinese, commas in English', () => {
    const text = '---\ntemplate: rectification-list\n---\n# 整改清单\n\n| 序号 | 问题 | 整改措施 | 责任人 | 整改时限 |\n| --- | --- | --- | --- | --- |\n| 1 | 学习不够 | 加强学习 | 张三 | 尽快 |\n';
    const vague = () => lint(text).diagnostics.find((d) => d.rule === 'table-structure')!.message;
    assert.match(vague(), /或“立行立改”“即知即改”“长期坚持”/);
    try {
      setLocale('en');
      assert.match(vague(), /“立行立改”, “即知即改”, “长期坚持”/);
    } finally {
      setLocale('zh-CN');
    }
  });

  it('checks in English when asked, and in Chinese by default', () => {
    const text = fs.readFileSync(path.join(REPO, 'examples', 'draft-with-problems.md'), 'utf8');
    try {
      setLocale('en');
      const english = lint(text).diagnostics;
      assert.ok(english.every((d) => /[A-Za-z]{3}/.test(d.message)));
      assert.match(english.find((d) => d.rule === 'missing-section')!.message, /^Missing section “组织生活会召开情况”/);
    } finally {
      setLocale('zh-CN');
    }
    assert.match(lint(text).diagnostics[0].message, /^发文字号/);
    const r = spawnSync(process.execPath, [path.join(REPO, 'dist', 'cli.js'), 'lint', '--locale', 'en', 'examples/draft-with-problems.md'], { cwd: REPO, encoding: 'utf8' });
    assert.match(r.stdout, /1 file\(s\) \(1 recognised as Party reports\): 2 error\(s\), 7 warning\(s\)\./);
    // Usage errors too: the message and the usage text in English, the exit code unchanged.
    const usage = spawnSync(process.execPath, [path.join(REPO, 'dist', 'cli.js'), 'frobnicate', '--locale', 'en'], { cwd: REPO, encoding: 'utf8' });
    assert.equal(usage.status, 2);
    assert.match(usage.stderr, /^Unknown command "frobnicate"\.\nUsage:\n/);
    assert.match(usage.stderr, /Exit codes: 0 no errors/);
    assert.doesNotMatch(usage.stderr, /[\u4e00-\u9fff]/, 'no Chinese left in the English usage');
    const noFiles = spawnSync(process.execPath, [path.join(REPO, 'dist', 'cli.js'), 'lint', '--locale', 'en'], { cwd: REPO, encoding: 'utf8' });
    assert.match(noFiles.stderr, /^lint needs at least one file or folder\./);
  });
});
