/**
 * 新建报告: pick a type (by its Chinese name, in the order writers reach for them), answer its
 * variables (Escape cancels the whole command), and open the rendered draft. Unanswered variables
 * stay as visible placeholders. From the Explorer's context menu the draft belongs to that folder:
 * saving it offers a file named after its title there.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { request } from '../request';
import { tr } from '../i18n';
import { inWritersOrder } from '../report-order';
import { draftTitle, safeFileName } from '../title';

export async function newReport(client: LanguageClient, arg?: string | vscode.Uri): Promise<vscode.TextDocument | undefined> {
  const typeId = typeof arg === 'string' ? arg : undefined;
  const folder = arg instanceof vscode.Uri ? await folderOf(arg) : undefined;
  const types = await request(client, 'partyReport/types', folder ? { uri: folder.toString() } : undefined);
  let type = types.find((t) => t.id === typeId);
  if (!type) {
    const picked = await vscode.window.showQuickPick(
      inWritersOrder(types).map((t) => ({ label: t.name, description: t.workspace ? tr('this workspace') : undefined, detail: t.description, type: t })),
      { title: tr('New report: choose the report type'), placeHolder: tr('The type of report to draft'), matchOnDetail: true },
    );
    if (!picked) return undefined;
    type = picked.type;
  }
  const values: Record<string, string> = {};
  for (const [i, v] of type.variables.entries()) {
    // VS Code's input box already says that Escape cancels: the prompt does not repeat it.
    const answer = await vscode.window.showInputBox({
      title: tr('New {0} ({1}/{2})', type.name, i + 1, type.variables.length),
      prompt: tr('{0} (leave empty to keep the placeholder “{1}”)', v.label, v.placeholder),
      placeHolder: v.placeholder,
      ignoreFocusOut: true,
    });
    if (answer === undefined) return undefined; // Escape: nothing is created
    values[v.name] = answer;
  }
  const content = await request(client, 'partyReport/renderDraft', { id: type.id, values });
  let doc: vscode.TextDocument;
  if (folder) {
    // An untitled document with a path: Save proposes <folder>/<title>.md without asking where.
    const target = await freeName(folder, safeFileName(draftTitle(content) ?? type.name));
    doc = await vscode.workspace.openTextDocument(target.with({ scheme: 'untitled' }));
    const editor = await vscode.window.showTextDocument(doc);
    await editor.edit((e) => e.insert(new vscode.Position(0, 0), content));
    return doc;
  }
  doc = await vscode.workspace.openTextDocument({ language: 'markdown', content });
  await vscode.window.showTextDocument(doc);
  return doc;
}

/** <name>.md in the folder, or <name> 2.md… when that file exists: Save never replaces a file. */
async function freeName(folder: vscode.Uri, name: string): Promise<vscode.Uri> {
  for (let i = 1; ; i++) {
    const uri = vscode.Uri.joinPath(folder, i === 1 ? `${name}.md` : `${name} ${i}.md`);
    try {
      await vscode.workspace.fs.stat(uri);
    } catch {
      return uri;
    }
  }
}

/** The folder itself, or the folder a file is in. */
async function folderOf(uri: vscode.Uri): Promise<vscode.Uri | undefined> {
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    return stat.type & vscode.FileType.Directory ? uri : vscode.Uri.joinPath(uri, '..');
  } catch {
    return undefined;
  }
}
