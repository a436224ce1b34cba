/**
 * 导出为 DOCX: asks before exporting a draft that still has placeholders or errors (and offers to
 * go to the first placeholder instead), lets the writer choose where to save (an untitled draft is
 * named after its title; the dialog asks before replacing a file), shows progress, and then offers
 * what works where VS Code runs: on a desktop, open the file or reveal it in the system's file
 * manager; in a browser or a remote window, reveal it in the Explorer or download it.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { tr } from '../i18n';
import type { StatusItem } from '../status';
import { request } from '../request';
import { draftTitle, safeFileName } from '../title';
import { nextPlaceholder } from './next-placeholder';

/** One sentence in one language, naming only what is actually left. */
export function leftToDo(placeholders: number, errors: number): string {
  if (placeholders > 0 && errors > 0) return tr('The draft still has {0} unfilled placeholder(s) and {1} error(s). Export anyway?', placeholders, errors);
  if (placeholders > 0) return tr('The draft still has {0} unfilled placeholder(s). Export anyway?', placeholders);
  return tr('The draft still has {0} error(s). Export anyway?', errors);
}

/** Where the file opens for the writer: the desktop's own apps, or only through the Explorer. */
export function canOpenLocally(): boolean {
  return vscode.env.uiKind === vscode.UIKind.Desktop && !vscode.env.remoteName;
}

/** 导出为 DOCX, or 导出为 PDF (the server converts through LibreOffice and says so when it is missing). */
export async function exportDocx(client: LanguageClient, status: StatusItem, resource?: vscode.Uri, format: 'docx' | 'pdf' = 'docx'): Promise<string | undefined> {
  const uri = resource ?? vscode.window.activeTextEditor?.document.uri;
  if (!uri) return undefined;
  const doc = await vscode.workspace.openTextDocument(uri);
  if (doc.languageId !== 'markdown') {
    void vscode.window.showWarningMessage(tr('Only Markdown drafts can be exported to DOCX.'));
    return undefined;
  }
  const s = status.get(uri.toString());
  if (s && (s.placeholders > 0 || s.errors > 0)) {
    const exportAnyway: vscode.MessageItem = { title: tr('Export anyway') };
    const goFill: vscode.MessageItem = { title: tr('Go to placeholder') };
    // Our own Cancel, so the dialog's every button is in the draft's language (VS Code's own
    // Cancel follows the display language).
    const cancel: vscode.MessageItem = { title: tr('Cancel'), isCloseAffordance: true };
    const choices = s.placeholders > 0 ? [exportAnyway, goFill, cancel] : [exportAnyway, cancel];
    const go = await vscode.window.showWarningMessage(leftToDo(s.placeholders, s.errors), { modal: true }, ...choices);
    if (go === goFill) {
      const editor = await vscode.window.showTextDocument(doc);
      editor.selection = new vscode.Selection(0, 0, 0, 0);
      nextPlaceholder();
      return undefined;
    }
    if (go !== exportAnyway) return undefined;
  }
  const filters = format === 'pdf' ? { [tr('PDF document')]: ['pdf'] } : { [tr('Word document')]: ['docx'] };
  const target = await vscode.window.showSaveDialog({ defaultUri: defaultTarget(doc, format), filters, title: format === 'pdf' ? tr('Export to PDF') : tr('Export to DOCX') });
  if (!target) return undefined;
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: tr('Exporting {0}…', path.basename(target.fsPath)) },
    // The save dialog has already asked before replacing an existing file.
    () => request(client, format === 'pdf' ? 'partyReport/exportPdf' : 'partyReport/exportDocx', { uri: uri.toString(), target: target.fsPath, force: true }),
  );
  if (!result.ok) {
    void vscode.window.showErrorMessage(result.message ?? tr('Export failed.'));
    return undefined;
  }
  // An image not found, code printed as text, a 公文 font substituted: worth a look, not a failure.
  for (const warning of result.warnings ?? []) void vscode.window.showWarningMessage(warning);
  void offerResult(target);
  return target.fsPath;
}

/** Beside the draft, named like it; an untitled draft is named after its title. */
function defaultTarget(doc: vscode.TextDocument, format: string): vscode.Uri | undefined {
  if (!doc.isUntitled) return doc.uri.with({ path: doc.uri.path.replace(/\.(md|markdown)$/i, '') + `.${format}` });
  const name = `${safeFileName(draftTitle(doc.getText()) ?? tr('Party report'))}.${format}`;
  // An untitled draft opened from the Explorer already has a folder.
  if (doc.uri.path.includes('/')) return vscode.Uri.joinPath(vscode.Uri.file(path.posix.dirname(doc.uri.path)), name);
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  return folder ? vscode.Uri.joinPath(folder, name) : vscode.Uri.file(name);
}

async function offerResult(target: vscode.Uri): Promise<void> {
  const inWorkspace = Boolean(vscode.workspace.getWorkspaceFolder(target));
  const open = tr('Open file');
  const reveal = tr('Reveal in folder');
  const explorer = tr('Reveal in Explorer');
  const download = tr('Download');
  const choices = canOpenLocally() ? [open, reveal] : inWorkspace ? [explorer, ...(vscode.env.uiKind === vscode.UIKind.Web ? [download] : [])] : [];
  const choice = await vscode.window.showInformationMessage(tr('Exported {0}', path.basename(target.fsPath)), ...choices);
  if (choice === open) await vscode.env.openExternal(target);
  if (choice === reveal) await vscode.commands.executeCommand('revealFileInOS', target);
  if (choice === explorer || choice === download) {
    await vscode.commands.executeCommand('revealInExplorer', target);
    // The Explorer's Download… acts on its selection, which revealing has just set.
    if (choice === download) await vscode.commands.executeCommand('explorer.download');
  }
}
