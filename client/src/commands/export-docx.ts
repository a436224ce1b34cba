/**
 * 导出为 DOCX: asks before exporting a draft that still has placeholders or errors, lets the
 * writer choose where to save (the dialog asks before replacing a file), shows progress, and
 * offers to open or reveal the result. The server renders and writes the file atomically.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { StatusItem } from '../status';
import { request } from '../request';

/** 导出为 DOCX, or 导出为 PDF (the server converts through LibreOffice and says so when it is missing). */
export async function exportDocx(client: LanguageClient, status: StatusItem, resource?: vscode.Uri, format: 'docx' | 'pdf' = 'docx'): Promise<string | undefined> {
  const uri = resource ?? vscode.window.activeTextEditor?.document.uri;
  if (!uri) return undefined;
  const doc = await vscode.workspace.openTextDocument(uri);
  if (doc.languageId !== 'markdown') {
    void vscode.window.showWarningMessage(vscode.l10n.t('Only Markdown drafts can be exported to DOCX.'));
    return undefined;
  }
  const s = status.get(uri.toString());
  if (s && (s.placeholders > 0 || s.errors > 0)) {
    const exportAnyway = vscode.l10n.t('Export anyway');
    const go = await vscode.window.showWarningMessage(
      vscode.l10n.t('The draft still has {0} unfilled placeholder(s) and {1} error(s). Export anyway?', s.placeholders, s.errors),
      { modal: true },
      exportAnyway,
    );
    if (go !== exportAnyway) return undefined;
  }
  const base = doc.isUntitled ? vscode.l10n.t('Party report') : path.basename(uri.fsPath).replace(/\.(md|markdown)$/i, '');
  const defaultUri = doc.isUntitled ? undefined : vscode.Uri.file(path.join(path.dirname(uri.fsPath), `${base}.${format}`));
  const filters = format === 'pdf' ? { [vscode.l10n.t('PDF document')]: ['pdf'] } : { [vscode.l10n.t('Word document')]: ['docx'] };
  const target = await vscode.window.showSaveDialog({ defaultUri, filters, title: format === 'pdf' ? vscode.l10n.t('Export to PDF') : vscode.l10n.t('Export to DOCX') });
  if (!target) return undefined;
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Exporting {0}…', path.basename(target.fsPath)) },
    // The save dialog has already asked before replacing an existing file.
    () => request(client, format === 'pdf' ? 'partyReport/exportPdf' : 'partyReport/exportDocx', { uri: uri.toString(), target: target.fsPath, force: true }),
  );
  if (!result.ok) {
    void vscode.window.showErrorMessage(result.message ?? vscode.l10n.t('Export failed.'));
    return undefined;
  }
  // An image not found, code printed as text, a 公文 font substituted: worth a look, not a failure.
  for (const warning of result.warnings ?? []) void vscode.window.showWarningMessage(warning);
  const open = vscode.l10n.t('Open file');
  const reveal = vscode.l10n.t('Reveal in folder');
  void vscode.window.showInformationMessage(vscode.l10n.t('Exported {0}', path.basename(target.fsPath)), open, reveal).then((choice) => {
    if (choice === open) void vscode.env.openExternal(target);
    if (choice === reveal) void vscode.commands.executeCommand('revealFileInOS', target);
  });
  return target.fsPath;
}
