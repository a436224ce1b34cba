/** 插入章节: pick one of the sections the draft lacks and insert it where the type's order puts it. */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { request } from '../request';

export async function insertSection(client: LanguageClient): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'markdown') return;
  const uri = editor.document.uri.toString();
  const missing = await request(client, 'partyReport/missingSections', { uri });
  if (missing.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('This draft lacks no section (or it is not recognised as a Party report).'));
    return;
  }
  const picked = await vscode.window.showQuickPick(
    missing.map((m) => ({ label: m.title, detail: m.message, m })),
    { title: vscode.l10n.t('Insert section'), placeHolder: vscode.l10n.t('Choose the section to insert') },
  );
  if (!picked) return;
  const edit = new vscode.WorkspaceEdit();
  for (const [target, edits] of Object.entries(picked.m.edit.changes ?? {})) {
    for (const e of edits) {
      edit.replace(
        vscode.Uri.parse(target),
        new vscode.Range(e.range.start.line, e.range.start.character, e.range.end.line, e.range.end.character),
        e.newText,
      );
    }
  }
  await vscode.workspace.applyEdit(edit);
}
