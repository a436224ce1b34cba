/** The .vsix holds the bundles, manifest, data, grammars, snippets, translations and icon; no sources, tests, node_modules or benchmarks; under 2 MB. */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { unzipSync } from 'fflate';
import { BUILTIN_TYPE_IDS, REPO } from './helpers/shared';

describe('the packaged extension', function () {
  this.timeout(120000);
  let files: string[];
  let size: number;
  let manifest: Record<string, any>;

  before(() => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'party-report-vsix-')), 'party-report.vsix');
    const vsce = path.join(REPO, 'node_modules', '@vscode', 'vsce', 'vsce');
    // What `npm run package` ships: the production build (minified). `npm test` builds for
    // development, so the bundles are built for production here and rebuilt as they were after.
    const build = (...args: string[]) => {
      const b = spawnSync(process.execPath, [path.join(REPO, 'scripts', 'build.mjs'), ...args], { cwd: REPO, encoding: 'utf8' });
      assert.equal(b.status, 0, b.stderr + b.stdout);
    };
    // A development build links its source map; the production build has none.
    const development = fs.readFileSync(path.join(REPO, 'dist', 'server.js'), 'utf8').includes('//# sourceMappingURL=');
    if (development) build('--production');
    let r;
    try {
      r = spawnSync(process.execPath, [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '-o', out], { cwd: REPO, encoding: 'utf8' });
    } finally {
      if (development) build();
    }
    assert.equal(r.status, 0, r.stderr + r.stdout);
    const bytes = fs.readFileSync(out);
    size = bytes.length;
    const entries = unzipSync(bytes);
    files = Object.keys(entries).map((f) => f.replace(/^extension\//, ''));
    manifest = JSON.parse(Buffer.from(entries['extension/package.json']).toString('utf8'));
  });

  it('holds what the extension runs and shows', () => {
    for (const f of [
      'package.json',
      'dist/client.js',
      'dist/server.js',
      'dist/export.js',
      'dist/word.js',
      'snippets/party-report.code-snippets',
      'syntaxes/party-report.injection.tmLanguage.json',
      'data/formulations.yaml',
      'data/placeholders.yaml',
      'data/request-phrases.yaml',
      'data/quotations/xi-jinping.yaml',
      'data/years/2025.yaml',
      'schemas/roster.schema.json',
      'schemas/quotations.schema.json',
      'schemas/year-profile.schema.json',
      'report-types/org-life-meeting-report.yaml',
      'report-types/org-life-meeting-report.hbs',
      'l10n/bundle.l10n.zh-cn.json',
      'l10n/messages.en.json',
      'package.nls.json',
      'package.nls.zh-cn.json',
      'schemas/party-report-config.schema.json',
      'images/icon.png',
      'readme.md',
      'changelog.md',
      'LICENSE.txt',
    ]) {
      assert.ok(files.some((x) => x.toLowerCase() === f.toLowerCase()), `${f} is in the package`);
    }
    // Each built-in type: its definition and its skeleton.
    assert.deepEqual(files.filter((f) => f.startsWith('report-types/')).sort(), BUILTIN_TYPE_IDS.flatMap((id) => [`report-types/${id}.hbs`, `report-types/${id}.yaml`]));
  });

  it('holds no sources, tests, node_modules, benchmarks or source maps', () => {
    const unwanted = files.filter((f) => /^(engine|server|client|cli|test|bench|scripts|examples|node_modules)\/|\.ts$|\.map$|^\.ci/.test(f));
    assert.deepEqual(unwanted, []);
  });

  it('loads the DOCX library only on export: it is in dist/export.js, not in the server, CLI or client', () => {
    const has = (f: string) => fs.readFileSync(path.join(REPO, 'dist', f), 'utf8').includes('evenAndOddHeaders');
    assert.equal(has('export.js'), true);
    assert.deepEqual(['server.js', 'cli.js', 'cli-main.js', 'client.js'].filter(has), []);
  });

  it('is under 2 MB', () => {
    assert.ok(size < 2 * 1024 * 1024, `${(size / 1024).toFixed(0)} KiB`);
  });

  it('has a complete manifest that starts nothing for non-Markdown files', () => {
    for (const key of ['publisher', 'displayName', 'description', 'categories', 'keywords', 'icon', 'engines', 'l10n']) assert.ok(manifest[key], key);
    assert.equal(manifest.engines.vscode, '^1.100.0');
    assert.deepEqual(manifest.activationEvents, ['onLanguage:markdown']);
    assert.equal(manifest.capabilities.untrustedWorkspaces.supported, 'limited');
    const zh = JSON.parse(fs.readFileSync(path.join(REPO, 'package.nls.zh-cn.json'), 'utf8'));
    assert.equal(zh.displayName, '党建报告助手');
  });
});
