/** 下一个待填项: selects the next unfilled placeholder after the cursor, wrapping at the end. */
import * as vscode from 'vscode';
import type { DiagnosticSource } from '../../../server/src/protocol';

/** The server's diagnostics carry this source (engine/severity.ts); the type checks the spelling. */
const SOURCE: DiagnosticSource = '党建报告';

export function nextPlaceholder(): void {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return;
  const placeholders = vscode.languages
    .getDiagnostics(editor.document.uri)
    .filter((d) => d.source === SOURCE && (d.code === 'unfilled-placeholder' || (d.code as { value?: string })?.value === 'unfilled-placeholder'))
    .map((d) => d.range)
    .sort((a, b) => a.start.compareTo(b.start));
  if (placeholders.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('This draft has no unfilled placeholders.'));
    return;
  }
  const cursor = editor.selection.end;
  const next = placeholders.find((r) => r.start.isAfterOrEqual(cursor) && !r.isEqual(editor.selection)) ?? placeholders[0];
  editor.selection = new vscode.Selection(next.start, next.end);
  editor.revealRange(next, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}
