/**
 * Loads a bundle of dist/ with V8's code cache, so that a short run (the CLI checking one draft,
 * exporting one) does not spend a third of its time compiling the same 700 KB of JavaScript again.
 * Node 20 has no built-in compile cache (module.enableCompileCache came in Node 22), so the
 * bundle is compiled here through vm.Script with the cached data of an earlier run.
 *
 * The cache lives in the user's cache folder (never in a project), one file per installed bundle,
 * its build, the Node version, architecture, V8 flags and the kind of run (the CLI's command): the
 * cache holds what its first run compiled, so a cache that `rules` wrote would leave `lint` to
 * compile most of what it runs. It is only an accelerator: a missing, stale, corrupt or
 * unwritable cache means the bundle is compiled as usual. V8 checks the data against its version,
 * flags and the source's length and rejects what does not fit; the build writes a hash of each
 * bundle's content into its last line, so another build of the bundle never meets this cache.
 * Files are written whole (temporary file, then rename, readable by this user only) and the
 * superseded ones removed; a cache file this user did not write is never used. Installs that are
 * gone (npx puts each version in a new folder) leave caches nobody will use, so the folder is kept
 * to the most recently used CACHE_LIMITS.files files and CACHE_LIMITS.bytes: a cache in use has its
 * time refreshed once a day, and the least recently used go first.
 * PARTY_REPORT_CACHE_DIR chooses the folder; PARTY_REPORT_CACHE_DIR=off turns the cache off.
 */
import * as fs from 'node:fs';
import type * as NodeModule from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vm from 'node:vm';

/**
 * How much the cache folder keeps. A whole install's caches (a cache for each command of
 * dist/cli-main.js and one of dist/cli-export.js) are about 8 files and 9 MB.
 */
export const CACHE_LIMITS = { files: 32, bytes: 48 * 2 ** 20 };

/** A cache in use gets its modification time refreshed when it is older than this. */
const REFRESH_AFTER_MS = 24 * 60 * 60 * 1000;

/** The last line scripts/build.mjs appends to each bundle: `//# build=<hex>`. */
const BUILD_ID = /\/\/# build=([0-9a-f]{8,64})\s*$/;

/** Where caches go: PARTY_REPORT_CACHE_DIR, else the platform's per-user cache folder. */
export function cacheDir(): string | undefined {
  const chosen = process.env.PARTY_REPORT_CACHE_DIR;
  if (chosen === 'off') return undefined;
  if (chosen) return chosen;
  const home = os.homedir();
  if (process.platform === 'win32') return path.join(process.env.LOCALAPPDATA || path.join(home, 'AppData', 'Local'), 'party-report', 'Cache');
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Caches', 'party-report');
  return path.join(process.env.XDG_CACHE_HOME || path.join(home, '.cache'), 'party-report');
}

/** A short, stable tag of a string (FNV-1a): a path, or the V8 flags this process runs with. */
function tag(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(16).padStart(8, '0');
}

/**
 * `require(file)` for a bundle, through the code cache when the bundle carries a build id.
 * `kind`: what this run will do with the bundle (the CLI's command); each kind has its own cache.
 */
export function requireWithCodeCache(file: string, kind = ''): unknown {
  const dir = cacheDir();
  let source: string | undefined;
  let id: string | undefined;
  if (dir) {
    try {
      const bytes = fs.readFileSync(file);
      id = BUILD_ID.exec(bytes.toString('latin1', Math.max(0, bytes.length - 100)))?.[1];
      // scripts/build.mjs writes the id into a bundle once it has made it ASCII: such a bundle decodes
      // the same as Latin-1, which is a third quicker than UTF-8 for a megabyte.
      source = bytes.toString(id === undefined ? 'utf8' : 'latin1');
    } catch {
      source = undefined;
    }
  }
  if (!dir || source === undefined || id === undefined) return require(file);

  // The bundle's name and where it is installed: each install keeps its own cache, and a new build
  // of it replaces the old one's.
  const name = `${path.basename(file, '.js')}.${tag(path.resolve(file))}`;
  const cacheFile = path.join(dir, `${name}.${id}.${process.version}.${process.arch}.${tag(process.execArgv.join(' ') + (kind && `\0${kind}`))}.v8cache`);
  const cachedData = readOwnCache(cacheFile);
  // The CommonJS wrapper, as Node's loader applies it; a leading #! line is no JavaScript.
  const body = source.startsWith('#!') ? '//' + source.slice(2) : source;
  let script: vm.Script;
  try {
    script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${body}\n})`, { filename: file, cachedData });
  } catch {
    return require(file);
  }
  if (cachedData === undefined || script.cachedDataRejected) {
    // Made at exit, so that the functions this run compiled lazily are in it too.
    process.once('exit', () => writeCache(script, dir, cacheFile, name, id));
  }
  const module = { exports: {} as unknown, filename: file, id: file, loaded: false, children: [], paths: [] as string[] };
  const fn = script.runInThisContext() as (e: unknown, r: NodeRequire, m: typeof module, f: string, d: string) => void;
  // A bundle beside this one (the launcher and dist/cli-*.js) resolves what it requires from the same
  // folder as this module's require does: no new require function (createRequire) for it.
  // node:module is loaded only then: it costs a short run half a millisecond.
  const requireFromBundle = path.dirname(path.resolve(file)) === __dirname ? require : (require('node:module') as typeof NodeModule).createRequire(file);
  fn.call(module.exports, module.exports, requireFromBundle, module, file, path.dirname(file));
  module.loaded = true;
  return module.exports;
}

/**
 * The cache file, if this user wrote it: code cache is code, so a file another user could have
 * written (someone else's, or group- or world-writable) is never run. Checked on the open file.
 */
function readOwnCache(cacheFile: string): Buffer | undefined {
  let fd: number | undefined;
  try {
    fd = fs.openSync(cacheFile, 'r');
    const stat = fs.fstatSync(fd);
    const uid = process.getuid?.();
    if (!stat.isFile() || (uid !== undefined && stat.uid !== uid) || (process.platform !== 'win32' && (stat.mode & 0o022) !== 0)) return undefined;
    const data = fs.readFileSync(fd);
    // In use: the folder's pruning (pruneCacheFolder) goes by this time.
    const now = Date.now();
    if (now - stat.mtimeMs > REFRESH_AFTER_MS) refreshTime(cacheFile, now);
    return data;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

function writeCache(script: vm.Script, dir: string, cacheFile: string, name: string, id: string): void {
  const temp = `${cacheFile}.${process.pid}.${Math.random().toString(36).slice(2, 8)}.tmp`;
  try {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    fs.writeFileSync(temp, script.createCachedData(), { flag: 'wx', mode: 0o600 });
    fs.renameSync(temp, cacheFile);
    // Caches of earlier builds of this installed bundle are of no more use (those of another Node may be).
    for (const old of fs.readdirSync(dir)) {
      if (old.startsWith(`${name}.`) && old.endsWith('.v8cache') && !old.startsWith(`${name}.${id}.`)) fs.rmSync(path.join(dir, old), { force: true });
    }
    pruneCacheFolder(dir, cacheFile);
  } catch {
    try {
      fs.rmSync(temp, { force: true });
    } catch {
      // Nothing was written, or the folder is not usable: the cache just stays off.
    }
  }
}

/** By path: Windows refuses to set the times through a handle opened for reading. */
function refreshTime(file: string, now: number): void {
  try {
    fs.utimesSync(file, now / 1000, now / 1000);
  } catch {
    // A read-only cache folder: the cache still works, it may only be pruned earlier.
  }
}

/**
 * Keeps the folder's caches within CACHE_LIMITS, the most recently used first; `kept` (the cache
 * just written) always stays. Runs only when a cache is written, which is rare.
 */
export function pruneCacheFolder(dir: string, kept: string): void {
  const caches: { file: string; time: number; size: number }[] = [];
  for (const entry of fs.readdirSync(dir)) {
    if (!entry.endsWith('.v8cache')) continue;
    const file = path.join(dir, entry);
    try {
      const stat = fs.statSync(file);
      if (stat.isFile()) caches.push({ file, time: stat.mtimeMs, size: stat.size });
    } catch {
      // Removed meanwhile by another run.
    }
  }
  caches.sort((a, b) => (a.file === kept ? -1 : b.file === kept ? 1 : b.time - a.time));
  let files = 0;
  let bytes = 0;
  let full = false;
  for (const cache of caches) {
    full ||= files + 1 > CACHE_LIMITS.files || bytes + cache.size > CACHE_LIMITS.bytes;
    if (full && cache.file !== kept) {
      fs.rmSync(cache.file, { force: true });
    } else {
      files++;
      bytes += cache.size;
    }
  }
}
