/** Engine results → LSP types. */
import { DiagnosticSeverity, type Diagnostic as LspDiagnostic, type TextEdit as LspTextEdit } from 'vscode-languageserver';
import { DIAGNOSTIC_SOURCE, type Diagnostic, type LineIndex, type Severity, type TextEdit } from '../../engine';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export const SOURCE = DIAGNOSTIC_SOURCE;

export function toLspDiagnostic(d: Diagnostic): LspDiagnostic {
  return {
    range: d.range,
    severity: SEVERITY[d.severity],
    code: d.rule,
    source: SOURCE,
    message: d.message,
  };
}

export function toLspEdits(index: LineIndex, edits: TextEdit[]): LspTextEdit[] {
  return edits.map((e) => ({
    range: { start: index.positionAt(e.span.start), end: index.positionAt(e.span.end) },
    newText: e.newText,
  }));
}
