/**
 * 新建报告: pick a type, answer its variables (Escape cancels the whole command), and open the
 * rendered draft. Unanswered variables stay as visible placeholders.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { request } from '../request';

export async function newReport(client: LanguageClient, typeId?: string): Promise<vscode.TextDocument | undefined> {
  const types = await request(client, 'partyReport/types', undefined);
  let type = types.find((t) => t.id === typeId);
  if (!type) {
    const picked = await vscode.window.showQuickPick(
      types.map((t) => ({ label: t.name, description: t.id, detail: t.description, type: t })),
      { title: vscode.l10n.t('New report: choose the report type'), placeHolder: vscode.l10n.t('The type of report to draft') },
    );
    if (!picked) return undefined;
    type = picked.type;
  }
  const values: Record<string, string> = {};
  for (const [i, v] of type.variables.entries()) {
    const answer = await vscode.window.showInputBox({
      title: vscode.l10n.t('New {0} ({1}/{2})', type.name, i + 1, type.variables.length),
      prompt: vscode.l10n.t('{0} (leave empty to keep the placeholder “{1}”; Esc cancels)', v.label, v.placeholder),
      placeHolder: v.placeholder,
      ignoreFocusOut: true,
    });
    if (answer === undefined) return undefined; // Escape: nothing is created
    values[v.name] = answer;
  }
  const content = await request(client, 'partyReport/renderDraft', { id: type.id, values });
  const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content });
  await vscode.window.showTextDocument(doc);
  return doc;
}
