/**
 * 指定报告类型: for a draft the checker recognised as no type, the writer picks what it is (the type
 * it came closest to first) and the draft's front matter names it (`template: <id>`), so that it is
 * checked as that type. The server makes the edit (the same as its code action's).
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { tr } from '../i18n';
import { inWritersOrder } from '../report-order';
import { request } from '../request';
import type { StatusItem } from '../status';

export async function setReportType(client: LanguageClient, status: StatusItem): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return;
  const document = editor.document;
  const nearest = status.get(document.uri.toString())?.nearest;
  const types = inWritersOrder(await request(client, 'partyReport/types', { uri: document.uri.toString() }));
  const ordered = nearest ? [...types.filter((t) => t.id === nearest.id), ...types.filter((t) => t.id !== nearest.id)] : types;
  const picked = await vscode.window.showQuickPick(
    ordered.map((t) => ({ label: t.name, description: t.id === nearest?.id ? tr('closest') : undefined, detail: t.description, type: t })),
    { title: tr('Check this draft as: choose the report type'), placeHolder: tr('The draft will name it in its front matter (template: …)'), matchOnDetail: true },
  );
  if (!picked) return;
  const e = await request(client, 'partyReport/declareType', { uri: document.uri.toString(), id: picked.type.id });
  if (!e) return;
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, new vscode.Range(e.range.start.line, e.range.start.character, e.range.end.line, e.range.end.character), e.newText);
  await vscode.workspace.applyEdit(edit);
}
