// Bundles the client, the language server and the CLI with esbuild into dist/.
// Data (report-types/, data/) is read from the package root at run time, so it is not bundled.
import * as esbuild from 'esbuild';
import { chmodSync } from 'node:fs';

const production = process.argv.includes('--production');
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  minify: production,
  sourcemap: production ? false : 'linked',
  logLevel: 'warning',
  legalComments: 'none',
};

await Promise.all([
  esbuild.build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] }),
  esbuild.build({
    ...common,
    entryPoints: ['server/src/main.ts'],
    outfile: 'dist/server.js',
    // Same V8 flag as the extension uses (client/src/extension.ts): keeps peak memory down.
    banner: { js: '#!/usr/bin/env -S node --max-semi-space-size=4' },
  }),
  esbuild.build({ ...common, entryPoints: ['cli/src/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } }),
  // The engine as a library, for benchmarks and for tools that embed it.
  esbuild.build({ ...common, entryPoints: ['engine/index.ts'], outfile: 'dist/engine.js' }),
  // The DOCX export, loaded by the server and the CLI only when a draft is exported.
  esbuild.build({ ...common, entryPoints: ['engine/export/index.ts'], outfile: 'dist/export.js' }),
]);
chmodSync('dist/server.js', 0o755);
// The manifest's rule settings, the schemas and the docs/rules.md index, from the registry just built.
await import('./generate.mjs');
chmodSync('dist/cli.js', 0o755);
