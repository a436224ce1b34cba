/**
 * `lint --format sarif`: the findings as SARIF 2.1.0 (OASIS), which CI systems and code-review tools
 * read to show each finding on its line. Rule descriptors and help come from the engine's registry.
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ruleRegistry, t, type RuleInfo, type Severity } from '../../engine';
import type { FileReport } from './commands/lint';
// The SARIF 2.1.0 object model (@types/sarif): the type checker holds the output to the spec's shape.
import type * as Sarif from 'sarif';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

function descriptor(r: RuleInfo): Sarif.ReportingDescriptor {
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

/** A finding's fix, its edits as 0-based line/character positions (LSP's, UTF-16). */
export interface LocatedFix {
  title: string;
  edits: Array<{ start: { line: number; character: number }; end: { line: number; character: number }; newText: string }>;
}

/** `fixesOf(report)[i]` is the fix of the report's i-th finding, if it has one. */
export function toSarif(reports: FileReport[], version: string, cwd = process.cwd(), fixesOf: (r: FileReport) => Array<LocatedFix | undefined> = () => []): Sarif.Log {
  const rules = ruleRegistry();
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const base = pathToFileURL(cwd.endsWith(path.sep) ? cwd : cwd + path.sep).toString();
  const uri = (file: string): Sarif.ArtifactLocation => {
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
          r.diagnostics.map((d, i): Sarif.Result => ({
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
            ...fixOf(fixesOf(r)[i], { ...uri(r.file), index: artifact }),
          })),
        ),
      },
    ],
  };
}

/** A SARIF fix: the edits as replacements of 1-based regions (end column exclusive). */
function fixOf(fix: LocatedFix | undefined, artifactLocation: Sarif.ArtifactLocation): { fixes?: Sarif.Fix[] } {
  if (!fix) return {};
  const replacements = fix.edits.map((e) => ({
    deletedRegion: { startLine: e.start.line + 1, startColumn: e.start.character + 1, endLine: e.end.line + 1, endColumn: e.end.character + 1 },
    insertedContent: { text: e.newText },
  }));
  return { fixes: [{ description: { text: fix.title }, artifactChanges: [{ artifactLocation, replacements }] }] };
}
