/**
 * 导出为 DOCX: asks before exporting a draft that still has placeholders or errors, lets the
 * writer choose where to save (the dialog asks before replacing a file), shows progress, and
 * offers to open or reveal the result. The server renders and writes the file atomically.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { StatusItem } from '../status';

interface ExportResult {
  ok: boolean;
  target?: string;
  message?: string;
}

export async function exportDocx(client: LanguageClient, status: StatusItem, resource?: vscode.Uri): Promise<string | undefined> {
  const uri = resource ?? vscode.window.activeTextEditor?.document.uri;
  if (!uri) return undefined;
  const doc = await vscode.workspace.openTextDocument(uri);
  if (doc.languageId !== 'markdown') {
    void vscode.window.showWarningMessage('只有 Markdown 文稿可以导出为 DOCX。');
    return undefined;
  }
  const s = status.get(uri.toString());
  if (s && (s.placeholders > 0 || s.errors > 0)) {
    const parts = [s.placeholders > 0 ? `${s.placeholders} 个待填项` : '', s.errors > 0 ? `${s.errors} 个错误` : ''].filter(Boolean);
    const go = await vscode.window.showWarningMessage(`文稿还有${parts.join('、')}，仍要导出吗？`, { modal: true }, '仍然导出');
    if (go !== '仍然导出') return undefined;
  }
  const base = doc.isUntitled ? '党建报告' : path.basename(uri.fsPath).replace(/\.(md|markdown)$/i, '');
  const defaultUri = doc.isUntitled ? undefined : vscode.Uri.file(path.join(path.dirname(uri.fsPath), `${base}.docx`));
  const target = await vscode.window.showSaveDialog({ defaultUri, filters: { 'Word 文档': ['docx'] }, title: '导出为 DOCX' });
  if (!target) return undefined;
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `正在导出 ${path.basename(target.fsPath)}……` },
    // The save dialog has already asked before replacing an existing file.
    () => client.sendRequest<ExportResult>('partyReport/exportDocx', { uri: uri.toString(), target: target.fsPath, force: true }),
  );
  if (!result.ok) {
    void vscode.window.showErrorMessage(result.message ?? '导出失败。');
    return undefined;
  }
  void vscode.window.showInformationMessage(`已导出 ${path.basename(target.fsPath)}`, '打开文件', '在文件夹中显示').then((choice) => {
    if (choice === '打开文件') void vscode.env.openExternal(target);
    if (choice === '在文件夹中显示') void vscode.commands.executeCommand('revealFileInOS', target);
  });
  return target.fsPath;
}
