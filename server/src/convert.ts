/** Engine results → LSP types. */
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, type Diagnostic as LspDiagnostic, type TextEdit as LspTextEdit } from 'vscode-languageserver';
import { DIAGNOSTIC_SOURCE, t, type Diagnostic, type LineIndex, type Severity, type TextEdit } from '../../engine';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export const SOURCE = DIAGNOSTIC_SOURCE;

export function toLspDiagnostic(d: Diagnostic): LspDiagnostic {
  const lsp: LspDiagnostic = { range: d.range, severity: SEVERITY[d.severity], code: d.rule, source: SOURCE, message: d.message };
  // A .docx has no text lines an editor can show: its paragraph is named in the message.
  if (d.related) {
    lsp.relatedInformation = d.related.map((r) => ({
      location: {
        uri: r.file.includes('://') ? r.file : pathToFileURL(r.file).toString(),
        range: { start: { line: r.unit === 'line' ? r.line : 0, character: 0 }, end: { line: r.unit === 'line' ? r.line : 0, character: 0 } },
      },
      message: r.unit === 'line' ? r.message : `${r.message}（${t('第 {0} 段', r.line + 1)}）`,
    }));
  }
  return lsp;
}

export function toLspEdits(index: LineIndex, edits: TextEdit[]): LspTextEdit[] {
  return edits.map((e) => ({
    range: { start: index.positionAt(e.span.start), end: index.positionAt(e.span.end) },
    newText: e.newText,
  }));
}
