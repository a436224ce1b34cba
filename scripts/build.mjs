// Bundles the client, the language server and the CLI with esbuild into dist/.
// The shipped data (report-types/, data/) is compiled into the bundles: parsed here, at build time,
// by the engine's own loaders, so start-up parses no YAML (engine/data.ts). The files still ship,
// and the engine reads them when it runs from source.
import * as esbuild from 'esbuild';
import { createHash } from 'node:crypto';
import { chmodSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { docxFastPaths } from './docx-fast-paths.mjs';

const production = process.argv.includes('--production');
// --profile: the production build with its names kept (not minified), for `node --cpu-prof`.
const minify = production && !process.argv.includes('--profile');

/**
 * `import * as fs from 'node:fs'` in our sources is bundled as `__toESM(require("node:fs"))`, which
 * copies every export of the module onto a new object through getters: some 40 such imports cost
 * 10 ms and more of each CLI start. `import fs = require('node:fs')` (the TypeScript form, same
 * meaning for a namespace of a Node built-in) is bundled as a plain require. Sources keep the usual form.
 */
const builtinNamespaces = {
  name: 'builtin-namespaces',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, async (args) => {
      if (args.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
      const source = await readFile(args.path, 'utf8');
      return { contents: source.replace(/^import \* as ([\w$]+) from '(node:[\w/]+)';$/gm, "import $1 = require('$2');"), loader: 'ts' };
    });
  },
};
const ROOT = path.resolve(import.meta.dirname, '..');
/**
 * `yaml` is loaded on first use: its 70 modules ran at every start (half a millisecond and more of
 * a short CLI run), though a bundle with the data compiled in parses YAML only for front matter and
 * project files. Our sources import it as `import YAML from 'yaml'` (the default export, any member)
 * and by the names below; the stand-in module answers for them and requires the package when one is
 * first used. A named import not listed here fails the build (esbuild: no matching export).
 */
const LAZY_YAML_FUNCTIONS = ['isMap', 'isSeq'];
const LAZY_YAML_CLASSES = ['LineCounter'];
const lazyYaml = {
  name: 'lazy-yaml',
  setup(build) {
    build.onResolve({ filter: /^yaml$/ }, (args) =>
      args.namespace === 'lazy-yaml' || args.importer.includes(`${path.sep}node_modules${path.sep}`) ? undefined : { path: 'yaml', namespace: 'lazy-yaml' },
    );
    build.onLoad({ filter: /.*/, namespace: 'lazy-yaml' }, () => ({
      resolveDir: ROOT,
      loader: 'js',
      contents: [
        'let loaded;',
        "const yaml = () => (loaded === undefined ? (loaded = require('yaml')) : loaded);",
        'export default new Proxy({}, { get: (_, key) => yaml()[key], has: (_, key) => key in yaml() });',
        ...LAZY_YAML_FUNCTIONS.map((name) => `export function ${name}(...args) { return yaml().${name}(...args); }`),
        // Made with \`new\`: a constructor that returns the package's instance.
        ...LAZY_YAML_CLASSES.map((name) => `export function ${name}(...args) { return new (yaml().${name})(...args); }`),
      ].join('\n'),
    }));
  },
};
/**
 * @vscode/l10n's Node build requires node:fs/promises at load (to read a bundle from a file: URI),
 * which costs a short CLI run 1–2 ms; its browser build is the same config() and t() without the
 * readers. engine/i18n.ts only gives it the messages' contents, so every bundle takes the browser build.
 */
const l10nWithoutReaders = {
  name: 'l10n-without-readers',
  setup(build) {
    build.onResolve({ filter: /^@vscode\/l10n$/ }, () => ({ path: path.join(ROOT, 'node_modules', '@vscode', 'l10n', 'dist', 'browser.js') }));
  },
};
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  minify,
  sourcemap: production ? false : 'linked',
  logLevel: 'warning',
  legalComments: 'none',
  // docxFastPaths: four of docx's internals done the same way, faster (scripts/docx-fast-paths.mjs).
  plugins: [builtinNamespaces, docxFastPaths, l10nWithoutReaders, lazyYaml],
};

/** The built-in data as the engine reads it from the YAML files, with paths relative to the package root. */
async function compileData() {
  const tool = path.join(ROOT, 'dist', '.compile-data.cjs');
  await esbuild.build({
    ...common,
    minify: false,
    sourcemap: false,
    stdin: {
      contents:
        "export { loadData } from './engine/data'; export { builtinTypes } from './engine/report-types/load'; export { builtinReference } from './engine/unit/load'; export { makeFixedPartsTable, exportWords } from './engine/export/index';",
      resolveDir: ROOT,
      loader: 'ts',
    },
    outfile: tool,
  });
  try {
    const engine = createRequire(import.meta.url)(tool);
    const rel = (file) => path.relative(ROOT, file).split(path.sep).join('/');
    const loaded = engine.builtinTypes();
    const types = {
      types: loaded.types.map((t) => ({ ...t, source: rel(t.source) })),
      errors: loaded.errors.map((e) => ({ ...e, file: rel(e.file) })),
    };
    const data = {};
    for (const name of readdirSync(path.join(ROOT, 'data')).filter((n) => n.endsWith('.yaml'))) data[name] = engine.loadData(name);
    const withRelativeFile = (item) => ({ ...item, file: rel(item.file) });
    const ref = engine.builtinReference();
    const reference = { quotations: ref.quotations.map(withRelativeFile), years: ref.years.map(withRelativeFile), problems: ref.problems.map(withRelativeFile) };
    // The DOCX parts that do not depend on the draft, as this build's docx writes them (engine/export/fixed-parts.ts).
    const fixedParts = engine.makeFixedPartsTable();
    // What the export reads of the built-in types (engine/export/index.ts), so that it need not parse them all.
    const exportWords = engine.exportWords();
    return { data, types, reference, fixedParts, exportWords };
  } finally {
    rmSync(tool, { force: true });
  }
}

const compiled = await compileData();
// Each part goes in as a JSON text, parsed on first use (engine/data.ts). Regular expressions (report
// types' title and opening patterns) travel as { $regexp, flags }.
const toJson = (value) => JSON.stringify(value, (key, v) => (v instanceof RegExp ? { $regexp: v.source, flags: v.flags } : v));
const parts = {
  data: Object.fromEntries(Object.entries(compiled.data).map(([name, value]) => [name, toJson(value)])),
  types: toJson(compiled.types),
  reference: toJson(compiled.reference),
};
const dataDefine = {
  __PARTY_REPORT_COMPILED_DATA__: JSON.stringify(parts),
  // A JSON text, parsed on the first export.
  __PARTY_REPORT_FIXED_PARTS__: JSON.stringify(JSON.stringify(compiled.fixedParts)),
  __PARTY_REPORT_EXPORT_WORDS__: JSON.stringify(JSON.stringify(compiled.exportWords)),
};
// The exporter is a bundle of its own (dist/export.js), loaded on demand (engine/export/load.ts)…
const withData = { ...common, define: { ...dataDefine, __PARTY_REPORT_EXPORTER_BUILT_IN__: 'false' } };
// …except in the CLI's export bundle, which has it built in.
const withDataAndExporter = { ...common, define: { ...dataDefine, __PARTY_REPORT_EXPORTER_BUILT_IN__: 'true' } };

await Promise.all([
  esbuild.build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] }),
  esbuild.build({
    ...withData,
    entryPoints: ['server/src/main.ts'],
    outfile: 'dist/server.js',
    // Same V8 flag as the extension uses (client/src/extension.ts): keeps peak memory down.
    banner: { js: '#!/usr/bin/env -S node --max-semi-space-size=8' },
  }),
  // The CLI: a small launcher (the `party-report` command) that loads the CLI's bundle through V8's
  // code cache (engine/io/code-cache.ts).
  esbuild.build({ ...common, entryPoints: ['cli/src/launch.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } }),
  esbuild.build({ ...withData, entryPoints: ['cli/src/main.ts'], outfile: 'dist/cli-main.js' }),
  // `party-report export` alone, with the exporter built in: one bundle to load, not two, and
  // without the checks and the other commands (cli/src/export-main.ts).
  esbuild.build({ ...withDataAndExporter, entryPoints: ['cli/src/export-main.ts'], outfile: 'dist/cli-export.js' }),
  // The engine as a library, for benchmarks and for tools that embed it.
  esbuild.build({ ...withData, entryPoints: ['engine/index.ts'], outfile: 'dist/engine.js' }),
  // The RE2 engine for user patterns, loaded on demand by engine/text/safe-regex.ts.
  esbuild.build({ ...common, entryPoints: ['node_modules/re2js/build/index.cjs'], outfile: 'dist/re2.js' }),
  // The DOCX export, loaded by the server and the CLI only when a draft is exported.
  esbuild.build({ ...withData, entryPoints: ['engine/export/index.ts'], outfile: 'dist/export.js' }),
  // Word import, .docx checks and review copies: loaded on demand, like the export (its data is read
  // from the package at run time, as from sources: the compiled copy would double the package's data).
  esbuild.build({ ...common, entryPoints: ['engine/word/index.ts'], outfile: 'dist/word.js' }),
]);
chmodSync('dist/server.js', 0o755);
// esbuild escapes non-ASCII characters in strings but leaves them in regular expression literals (the
// engine's Chinese patterns), so a bundle read as UTF-8 became a two-byte string: twice the memory, a
// slower read and compile. Escaped here as \uXXXX (an escape that was \字 becomes \uXXXX), each bundle is ASCII.
// Then each bundle's last line names its build (a hash of its content): the code cache of one build is
// never used for another (engine/io/code-cache.ts), which also reads a bundle with this line as Latin-1.
const asciiOnly = (source) => source.replace(/(\\*)([^\x00-\x7f])/g, (_, slashes, ch) => `${slashes.length % 2 ? slashes.slice(1) : slashes}\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
for (const name of readdirSync(path.join(ROOT, 'dist')).filter((n) => n.endsWith('.js'))) {
  const file = path.join(ROOT, 'dist', name);
  const source = asciiOnly(readFileSync(file, 'utf8'));
  if (/[^\x00-\x7f]/.test(source)) throw new Error(`${name}: not ASCII after escaping`);
  writeFileSync(file, `${source}${source.endsWith('\n') ? '' : '\n'}//# build=${createHash('sha256').update(source).digest('hex').slice(0, 16)}\n`);
}
// The manifest's rule settings, the schemas and the docs/rules.md index, from the registry just built.
await import('./generate.mjs');
chmodSync('dist/cli.js', 0o755);
