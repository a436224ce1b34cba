/**
 * The invariants docs/architecture.md names, checked on the sources: who may import what. Each `it`
 * here is one invariant; the document cites them by these titles.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO } from './helpers/shared';

interface Import {
  file: string;
  spec: string;
  typeOnly: boolean;
  /** The repository-relative file the import resolves to, for relative imports. */
  target?: string;
}

function sources(dir: string): string[] {
  const abs = path.join(REPO, dir);
  if (!fs.existsSync(abs)) return [];
  return fs.readdirSync(abs, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(path.join(dir, e.name)) : /\.ts$/.test(e.name) ? [path.join(dir, e.name)] : [],
  );
}

function resolve(from: string, spec: string): string {
  const base = path.normalize(path.join(path.dirname(from), spec));
  for (const candidate of [base + '.ts', path.join(base, 'index.ts'), base]) {
    if (fs.existsSync(path.join(REPO, candidate))) return candidate.split(path.sep).join('/');
  }
  return base.split(path.sep).join('/');
}

/** Static imports, re-exports and `import('…')` types, with whether they are type-only. */
function importsOf(file: string): Import[] {
  const text = fs.readFileSync(path.join(REPO, file), 'utf8');
  const found: Import[] = [];
  const statement = /^\s*(import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]/gm;
  for (const m of text.matchAll(statement)) {
    const typeOnly = Boolean(m[2]) || /^\s*import\s+\{\s*(type\s+[\w$]+(\s+as\s+[\w$]+)?\s*,?\s*)+\}\s+from/.test(m[0]);
    found.push({ file, spec: m[3], typeOnly });
  }
  for (const m of text.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)) found.push({ file, spec: m[1], typeOnly: /typeof\s+import\(/.test(text.slice(Math.max(0, m.index - 7), m.index + 7)) });
  for (const i of found) if (i.spec.startsWith('.')) i.target = resolve(file, i.spec);
  return found;
}

const files = (dirs: string[]) => dirs.flatMap(sources).map((f) => f.split(path.sep).join('/'));
const ENGINE = files(['engine']);

/** The layer a file of the engine belongs to: its folder, or the file itself at the top. */
function unit(file: string): string {
  const rel = file.replace(/^engine\//, '');
  return rel.includes('/') ? rel.slice(0, rel.indexOf('/')) : rel.replace(/\.ts$/, '');
}

describe('architecture', () => {
  it('server/ and cli/ reach the engine only through engine/index.ts', () => {
    const wrong = files(['server/src', 'cli/src'])
      .flatMap(importsOf)
      .filter((i) => i.target?.startsWith('engine/') && i.target !== 'engine/index.ts')
      // The CLI's launcher only loads the CLI's bundle through the code cache: through engine/index.ts
      // it would bundle the whole engine a second time, in front of the bundle it loads.
      .filter((i) => !(i.file === 'cli/src/launch.ts' && i.target === 'engine/io/code-cache.ts'))
      .map((i) => `${i.file} imports ${i.spec}`);
    assert.deepEqual(wrong, []);
  });

  it('client/ imports nothing of the engine or the server but protocol types', () => {
    const wrong = files(['client/src'])
      .flatMap(importsOf)
      .filter((i) => i.target && !i.target.startsWith('client/'))
      .filter((i) => !(i.target === 'server/src/protocol.ts' && i.typeOnly))
      .map((i) => `${i.file} imports ${i.spec}${i.typeOnly ? ' (type)' : ''}`);
    assert.deepEqual(wrong, []);
  });

  it('the engine imports no editor API and nothing from server/, client/ or cli/', () => {
    const wrong = ENGINE.flatMap(importsOf)
      .filter((i) => /^vscode(-|$)/.test(i.spec) || (i.target && !i.target.startsWith('engine/')))
      .map((i) => `${i.file} imports ${i.spec}`);
    assert.deepEqual(wrong, []);
  });

  it('imports between engine folders run one way (no cycles; parse ↛ model, export ↛ parse)', () => {
    const edges = new Map<string, Set<string>>();
    for (const i of ENGINE.flatMap(importsOf)) {
      if (!i.target?.startsWith('engine/')) continue;
      const [a, b] = [unit(i.file), unit(i.target)];
      if (a === b) continue;
      if (!edges.has(a)) edges.set(a, new Set());
      edges.get(a)!.add(b);
    }
    // Named arrows that once ran back up.
    assert.equal(edges.get('parse')?.has('model') ?? false, false, 'parse/ imports model/');
    assert.equal(edges.get('export')?.has('parse') ?? false, false, 'export/ imports parse/');
    // And no cycle at all among the folders and top-level files.
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (n: string, trail: string[]) => {
      if (state.get(n) === 'done') return;
      if (state.get(n) === 'open') {
        cycles.push([...trail.slice(trail.indexOf(n)), n].join(' → '));
        return;
      }
      state.set(n, 'open');
      for (const m of edges.get(n) ?? []) visit(m, [...trail, n]);
      state.set(n, 'done');
    };
    for (const n of edges.keys()) visit(n, []);
    assert.deepEqual(cycles, []);
  });

  it('rules are pure: no file system, network or process access in engine/rules/', () => {
    const wrong = files(['engine/rules'])
      .flatMap(importsOf)
      .filter((i) => i.spec.startsWith('node:') || (i.target && /^engine\/(io|data|config|export)\b/.test(i.target)))
      .map((i) => `${i.file} imports ${i.spec}`);
    assert.deepEqual(wrong, []);
    for (const f of files(['engine/rules'])) assert.doesNotMatch(fs.readFileSync(path.join(REPO, f), 'utf8'), /\bprocess\.|\brequire\(/, f);
  });

  it('every write to a user file goes through writeFileAtomic', () => {
    const wrong = files(['engine', 'server/src', 'cli/src', 'client/src'])
      .filter((f) => f !== 'engine/io/write-file-atomic.ts')
      // V8's code cache is no user file: it lives in the user's cache folder, written whole (temp + rename).
      .filter((f) => f !== 'engine/io/code-cache.ts')
      .filter((f) => /\b(writeFileSync|writeFile|appendFileSync|createWriteStream|renameSync)\s*\(/.test(fs.readFileSync(path.join(REPO, f), 'utf8')));
    assert.deepEqual(wrong, []);
  });
});
