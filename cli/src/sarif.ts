/**
 * `lint --format sarif`: the findings as SARIF 2.1.0 (OASIS), which CI systems and code-review tools
 * read to show each finding on its line. Rule descriptors and help come from the engine's registry.
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ruleRegistry, t, type RuleInfo, type Severity } from '../../engine';
import type { FileReport } from './commands/lint';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

function descriptor(r: RuleInfo) {
  const help = t('{0}（依据：{1}）。说明见 docs/rules.md；可用 <!-- party-report-disable-next-line {2} --> 在下一行关闭。', r.summary, r.source, r.id);
  return {
    id: r.id,
    name: r.id,
    shortDescription: { text: r.summary },
    fullDescription: { text: `${r.summary} — ${r.source}` },
    help: { text: help, markdown: help.replace(/<!--.*?-->/, (m) => `\`${m}\``) },
    defaultConfiguration: { level: LEVEL[r.defaultSeverity] },
    properties: { fixable: r.fixable, source: r.source, kind: r.kind },
  };
}

export function toSarif(reports: FileReport[], version: string, cwd = process.cwd()): object {
  const rules = ruleRegistry();
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const base = pathToFileURL(cwd.endsWith(path.sep) ? cwd : cwd + path.sep).toString();
  const uri = (file: string) => {
    const rel = path.relative(cwd, path.resolve(cwd, file));
    return rel.startsWith('..') || path.isAbsolute(rel) ? { uri: pathToFileURL(path.resolve(cwd, file)).toString() } : { uri: rel.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: 'SRCROOT' };
  };
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'party-report', version, semanticVersion: version, rules: rules.map(descriptor) } },
        originalUriBaseIds: { SRCROOT: { uri: base } },
        // Columns count UTF-16 code units, as the editor and the text output do.
        columnKind: 'utf16CodeUnits',
        artifacts: reports.map((r) => ({ location: uri(r.file), properties: { template: r.template } })),
        results: reports.flatMap((r, artifact) =>
          r.diagnostics.map((d) => ({
            ruleId: d.code,
            ...(index.has(d.code) ? { ruleIndex: index.get(d.code) } : {}),
            level: LEVEL[d.severity],
            message: { text: d.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { ...uri(r.file), index: artifact },
                  region: { startLine: d.line, startColumn: d.column, endLine: d.endLine, endColumn: d.endColumn },
                },
              },
            ],
          })),
        ),
      },
    ],
  };
}
