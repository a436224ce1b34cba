/**
 * 从 Word 导入 and 生成审阅稿. Import opens the draft made from a .docx as a new, unsaved Markdown
 * document (nothing is written until the writer saves it). The review copy is written where the
 * writer chooses (the save dialog asks before replacing a file); the source is only read.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { request } from '../request';

export async function importDocx(client: LanguageClient, resource?: vscode.Uri): Promise<vscode.TextDocument | undefined> {
  let uri = resource && /\.docx$/i.test(resource.fsPath) ? resource : undefined;
  if (!uri) {
    const picked = await vscode.window.showOpenDialog({
      canSelectMany: false,
      filters: { [vscode.l10n.t('Word document')]: ['docx'] },
      title: vscode.l10n.t('Import from Word'),
    });
    uri = picked?.[0];
  }
  if (!uri) return undefined;
  const result = await request(client, 'partyReport/importDocx', { path: uri.fsPath });
  if (!result.ok || result.markdown === undefined) {
    void vscode.window.showErrorMessage(result.message ?? vscode.l10n.t('Import failed.'));
    return undefined;
  }
  const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: result.markdown });
  await vscode.window.showTextDocument(doc);
  return doc;
}

export async function reviewCopy(client: LanguageClient, resource?: vscode.Uri): Promise<string | undefined> {
  const uri = resource ?? vscode.window.activeTextEditor?.document.uri;
  if (!uri || (uri.scheme !== 'file' && uri.scheme !== 'untitled')) return undefined;
  const isDocx = /\.docx$/i.test(uri.fsPath);
  if (!isDocx) {
    const doc = await vscode.workspace.openTextDocument(uri);
    if (doc.languageId !== 'markdown') {
      void vscode.window.showWarningMessage(vscode.l10n.t('A review copy can be made of a Markdown draft or a .docx file.'));
      return undefined;
    }
  }
  const base = uri.scheme === 'untitled' ? vscode.l10n.t('Party report') : path.basename(uri.fsPath).replace(/\.(md|markdown|docx)$/i, '');
  const defaultUri = uri.scheme === 'file' ? vscode.Uri.file(path.join(path.dirname(uri.fsPath), `${base}-审阅稿.docx`)) : undefined;
  const target = await vscode.window.showSaveDialog({ defaultUri, filters: { [vscode.l10n.t('Word document')]: ['docx'] }, title: vscode.l10n.t('Create Review Copy') });
  if (!target) return undefined;
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Writing the review copy {0}…', path.basename(target.fsPath)) },
    () => request(client, 'partyReport/reviewCopy', { uri: uri.toString(), target: target.fsPath, force: true }),
  );
  if (!result.ok) {
    void vscode.window.showErrorMessage(result.message ?? vscode.l10n.t('The review copy could not be written.'));
    return undefined;
  }
  const reveal = vscode.l10n.t('Reveal in folder');
  void vscode.window.showInformationMessage(vscode.l10n.t('Wrote {0} with {1} comment(s).', path.basename(target.fsPath), result.comments ?? 0), reveal).then((choice) => {
    if (choice === reveal) void vscode.commands.executeCommand('revealFileInOS', target);
  });
  return target.fsPath;
}
