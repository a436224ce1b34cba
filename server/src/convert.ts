/** Engine results → LSP types. */
import { DiagnosticSeverity, type Diagnostic as LspDiagnostic, type TextEdit as LspTextEdit } from 'vscode-languageserver';
import type { Diagnostic, LineIndex, Severity, TextEdit } from '../../engine';
import { t } from '../../engine/i18n';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** The source shown beside each message (Problems panel, hover), in the messages' language. */
export const source = (): string => t('党建报告');

export function toLspDiagnostic(d: Diagnostic): LspDiagnostic {
  return {
    range: d.range,
    severity: SEVERITY[d.severity],
    code: d.rule,
    source: source(),
    message: d.message,
  };
}

export function toLspEdits(index: LineIndex, edits: TextEdit[]): LspTextEdit[] {
  return edits.map((e) => ({
    range: { start: index.positionAt(e.span.start), end: index.positionAt(e.span.end) },
    newText: e.newText,
  }));
}
