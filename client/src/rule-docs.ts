/** Opens a rule's description (docs/rules.md, shipped in the package) at its heading: hover links. */
import * as vscode from 'vscode';

export async function showRuleDocs(extensionUri: vscode.Uri, rule?: string): Promise<void> {
  const uri = vscode.Uri.joinPath(extensionUri, 'docs', 'rules.md');
  const doc = await vscode.workspace.openTextDocument(uri);
  const line = rule ? doc.getText().split(/\r?\n/).findIndex((l) => l.startsWith(`## ${rule}：`)) : -1;
  const at = new vscode.Position(Math.max(0, line), 0);
  const editor = await vscode.window.showTextDocument(doc, { preview: true, selection: new vscode.Selection(at, at) });
  editor.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.AtTop);
}
