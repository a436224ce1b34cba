/** 下一个待填项: selects the next unfilled placeholder after the cursor, wrapping at the end. */
import * as vscode from 'vscode';
import { tr } from '../i18n';

export function nextPlaceholder(): void {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return;
  const placeholders = vscode.languages
    .getDiagnostics(editor.document.uri)
    // The server names itself in the messages' language.
    .filter((d) => (d.source === '党建报告' || d.source === 'Party report') && (d.code === 'unfilled-placeholder' || (d.code as { value?: string })?.value === 'unfilled-placeholder'))
    .map((d) => d.range)
    .sort((a, b) => a.start.compareTo(b.start));
  if (placeholders.length === 0) {
    void vscode.window.showInformationMessage(tr('This draft has no unfilled placeholders.'));
    return;
  }
  const cursor = editor.selection.end;
  const next = placeholders.find((r) => r.start.isAfterOrEqual(cursor) && !r.isEqual(editor.selection)) ?? placeholders[0];
  editor.selection = new vscode.Selection(next.start, next.end);
  editor.revealRange(next, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}
