/**
 * The CLI's code cache (engine/io/code-cache.ts): written once per bundle build in the cache folder,
 * used by later runs, and never a reason for a run to fail or answer differently.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CACHE_LIMITS, pruneCacheFolder } from '../engine/io/code-cache';
import { readDocx } from './helpers/docx';
import { CLI_ENV, REPO } from './helpers/shared';

const CLI = path.join(REPO, 'dist', 'cli.js');
const DRAFT = path.join(REPO, 'examples', 'draft-with-problems.md');

describe('the CLI code cache', function () {
  this.timeout(60000);
  let tmp: string;
  let cache: string;
  const run = (args: string[], dir: string | undefined = cache) =>
    spawnSync(process.execPath, [CLI, ...args], { cwd: REPO, encoding: 'utf8', env: { ...CLI_ENV, PARTY_REPORT_CACHE_DIR: dir } });
  const caches = () => (fs.existsSync(cache) ? fs.readdirSync(cache).sort() : []);

  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'party-report-cache-'));
    cache = path.join(tmp, 'cache');
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('is written by the first run, one file per bundle, and later runs answer exactly as without it', () => {
    const without = run(['lint', '--format', 'json', DRAFT], 'off');
    assert.equal(without.status, 1, without.stderr);
    const first = run(['lint', '--format', 'json', DRAFT]);
    assert.deepEqual(caches().map((f) => f.split('.')[0]), ['cli-main']);
    assert.match(caches()[0], new RegExp(`^cli-main\\.[0-9a-f]{8}\\.[0-9a-f]{16}\\.${process.version.replace(/\./g, '\\.')}\\.${process.arch}\\.[0-9a-f]{8}\\.v8cache$`));
    const second = run(['lint', '--format', 'json', DRAFT]);
    for (const r of [first, second]) assert.deepEqual({ status: r.status, stdout: r.stdout }, { status: without.status, stdout: without.stdout });
    // `export` runs from its own bundle (the CLI with the exporter built in), which gets its own cache.
    const out = path.join(tmp, 'a.docx');
    assert.equal(run(['--locale', 'en', 'export', DRAFT, '-o', out]).status, 0);
    assert.deepEqual(caches().map((f) => f.split('.')[0]), ['cli-export', 'cli-main']);
    assert.ok(readDocx(fs.readFileSync(out)).document.includes('<w:body>'));
    assert.deepEqual(caches().filter((f) => f.endsWith('.tmp')), []);
  });

  it('keeps a cache for each command: a first `rules` run does not decide what `lint` finds compiled', () => {
    assert.equal(run(['rules']).status, 0);
    assert.equal(caches().length, 1);
    const rulesCache = caches()[0];
    const rulesSize = fs.statSync(path.join(cache, rulesCache)).size;
    assert.equal(run(['lint', DRAFT]).status, 1);
    const [lintCache] = caches().filter((f) => f !== rulesCache);
    assert.ok(lintCache?.startsWith('cli-main.'), `a second cli-main cache: ${caches().join(', ')}`);
    // Same bundle, same build: only the last tag (flags and command) differs.
    assert.equal(lintCache.split('.').slice(0, -2).join('.'), rulesCache.split('.').slice(0, -2).join('.'));
    // The lint run's cache holds the checks it compiled, which `rules` never runs.
    assert.ok(fs.statSync(path.join(cache, lintCache)).size > rulesSize, `${lintCache} larger than ${rulesCache}`);
    // A second lint run uses its own cache and leaves both in place.
    assert.equal(run(['lint', DRAFT]).status, 1);
    assert.deepEqual(caches(), [lintCache, rulesCache].sort());
  });

  it('a corrupt or truncated cache is rejected and replaced, and the run answers as usual', () => {
    const without = run(['lint', '--format', 'json', DRAFT], 'off');
    run(['lint', DRAFT]);
    const [file] = caches();
    const whole = fs.readFileSync(path.join(cache, file));
    for (const bad of [whole.subarray(0, whole.length >> 1), Buffer.from('not a code cache'), Buffer.alloc(0)]) {
      fs.writeFileSync(path.join(cache, file), bad);
      const r = run(['lint', '--format', 'json', DRAFT]);
      assert.deepEqual({ status: r.status, stdout: r.stdout }, { status: without.status, stdout: without.stdout });
      assert.ok(fs.statSync(path.join(cache, file)).size > 100_000, 'rewritten whole');
    }
  });

  it('drops the caches of earlier builds of the same installed bundle, keeps other installs\' and other files', () => {
    run(['lint', DRAFT]);
    const [current] = caches();
    // The same installed bundle (same path tag), another build of it; and another install's cache.
    const [, installed] = current.split('.');
    const stale = `cli-main.${installed}.0123456789abcdef.${process.version}.${process.arch}.00000000.v8cache`;
    const otherInstall = `cli-main.ffffffff.0123456789abcdef.${process.version}.${process.arch}.00000000.v8cache`;
    fs.writeFileSync(path.join(cache, stale), 'old build');
    fs.writeFileSync(path.join(cache, otherInstall), 'another install');
    fs.rmSync(path.join(cache, current));
    fs.writeFileSync(path.join(cache, 'notes.txt'), 'not ours');
    run(['lint', DRAFT]);
    assert.deepEqual(caches(), [current, otherInstall, 'notes.txt'].sort());
  });

  it('keeps the folder to the most recently used caches: those of installs that are gone do not pile up', () => {
    fs.mkdirSync(cache, { recursive: true });
    // Caches of 40 other installs (npx puts every version in a folder of its own), a day apart.
    const day = 24 * 60 * 60;
    const now = Date.now() / 1000;
    const others = Array.from({ length: 40 }, (_, i) => `cli-main.${(0x1000 + i).toString(16).padStart(8, '0')}.0123456789abcdef.${process.version}.${process.arch}.00000000.v8cache`);
    others.forEach((name, i) => {
      fs.writeFileSync(path.join(cache, name), 'x');
      fs.utimesSync(path.join(cache, name), now - (i + 1) * day, now - (i + 1) * day);
    });
    fs.writeFileSync(path.join(cache, 'notes.txt'), 'not ours');
    assert.equal(run(['lint', DRAFT]).status, 1);
    const left = caches();
    const mine = left.filter((f) => !others.includes(f) && f !== 'notes.txt');
    assert.equal(mine.length, 1, `the new cache is kept: ${left.join(', ')}`);
    // The newest of the others stay, up to the limit; the oldest went first. Other files are not ours to remove.
    assert.deepEqual(left.filter((f) => others.includes(f)), others.slice(0, CACHE_LIMITS.files - 1).sort());
    assert.ok(left.includes('notes.txt'));
  });

  it('a cache in use stays: using it refreshes its time, so pruning takes the ones nobody uses', () => {
    assert.equal(run(['lint', DRAFT]).status, 1);
    const [file] = caches();
    const full = path.join(cache, file);
    const longAgo = Date.now() / 1000 - 30 * 24 * 60 * 60;
    fs.utimesSync(full, longAgo, longAgo);
    assert.equal(run(['lint', DRAFT]).status, 1);
    assert.deepEqual(caches(), [file], 'used, not rewritten');
    assert.ok(Date.now() - fs.statSync(full).mtimeMs < 60_000, 'its time refreshed');
  });

  it('pruning counts bytes as well as files, the most recently used first, and always keeps the cache just written', () => {
    fs.mkdirSync(cache, { recursive: true });
    const now = Date.now() / 1000;
    // Sparse files: their size counts, no disk is used.
    const sizes = { 'a.v8cache': 16, 'b.v8cache': 16, 'c.v8cache': 16, 'kept.v8cache': 24 };
    Object.entries(sizes).forEach(([name, mb], i) => {
      const file = path.join(cache, name);
      fs.writeFileSync(file, '');
      fs.truncateSync(file, mb * 2 ** 20);
      fs.utimesSync(file, now - i * 60, now - i * 60);
    });
    assert.ok(CACHE_LIMITS.bytes >= 40 * 2 ** 20 && CACHE_LIMITS.bytes < 56 * 2 ** 20, 'the limit these sizes are chosen for');
    pruneCacheFolder(cache, path.join(cache, 'kept.v8cache'));
    // kept (24 MB, the oldest) stays whatever its age; then a (the newest, 16 MB) fits; b would pass the limit.
    assert.deepEqual(caches(), ['a.v8cache', 'kept.v8cache']);
  });

  it('never uses a cache file others could have written (group- or world-writable, or another user\'s)', function () {
    if (process.platform === 'win32') this.skip();
    run(['lint', DRAFT]);
    const [file] = caches();
    const full = path.join(cache, file);
    // A file V8 would accept, but writable by the group: it must be ignored and replaced by one of ours.
    fs.chmodSync(full, 0o620);
    const before = fs.statSync(full).mtimeMs;
    const r = run(['lint', DRAFT]);
    assert.equal(r.status, 1);
    assert.equal(fs.statSync(full).mode & 0o777, 0o600, 'rewritten, readable by this user only');
    assert.ok(fs.statSync(full).mtimeMs >= before);
    // Owned by another user: the same (only root can make such a file here).
    if (process.getuid?.() !== 0) return;
    fs.chownSync(full, 65534, 65534);
    assert.equal(run(['lint', DRAFT]).status, 1);
    assert.equal(fs.statSync(full).uid, 0, 'replaced by one of ours');
  });

  it('a cache folder that cannot be created changes nothing but speed', () => {
    const blocker = path.join(tmp, 'a-file');
    fs.writeFileSync(blocker, '');
    const without = run(['lint', '--format', 'json', DRAFT], 'off');
    const r = run(['lint', '--format', 'json', DRAFT], path.join(blocker, 'cache'));
    assert.deepEqual({ status: r.status, stdout: r.stdout, stderr: r.stderr }, { status: without.status, stdout: without.stdout, stderr: without.stderr });
  });

  it('PARTY_REPORT_CACHE_DIR=off writes nothing', () => {
    const home = path.join(tmp, 'home');
    fs.mkdirSync(home);
    const r = spawnSync(process.execPath, [CLI, 'lint', DRAFT], { encoding: 'utf8', env: { ...CLI_ENV, PARTY_REPORT_CACHE_DIR: 'off', HOME: home, XDG_CACHE_HOME: path.join(home, '.cache') } });
    assert.equal(r.status, 1);
    assert.deepEqual(fs.readdirSync(home), []);
  });
});
