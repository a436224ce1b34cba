/**
 * Once, when the first report is detected: offer to show suggestions while typing in Markdown
 * (VS Code keeps them off there, so snippets such as kt, btfy, tcbg never appear by themselves) and
 * to turn off the "non-basic ASCII" highlight that marks a Chinese draft all over. Nothing changes
 * without the writer's choice, and the writer chooses where: this workspace or all of them.
 */
import * as vscode from 'vscode';
import { tr } from './i18n';

export const OFFERED_KEY = 'partyReport.editorSettingsOffered';

/** The Markdown settings the offer changes, with the values it sets. */
export const MARKDOWN_SETTINGS: ReadonlyArray<[string, unknown]> = [
  ['editor.quickSuggestions', { other: 'on', comments: 'off', strings: 'off' }],
  ['editor.unicodeHighlight.nonBasicASCII', false],
];

/** True when Markdown already behaves so (nothing to offer). */
function alreadySet(): boolean {
  const config = vscode.workspace.getConfiguration('editor', { languageId: 'markdown' });
  const quick = config.get<unknown>('quickSuggestions');
  const on = quick === true || (typeof quick === 'object' && quick !== null && ['on', 'inline', true].includes((quick as { other?: unknown }).other as never));
  return on && config.get('unicodeHighlight.nonBasicASCII') === false;
}

export async function applyMarkdownSettings(target: vscode.ConfigurationTarget): Promise<void> {
  const config = vscode.workspace.getConfiguration('', { languageId: 'markdown' });
  for (const [key, value] of MARKDOWN_SETTINGS) await config.update(key, value, target, true);
}

let offering = false;

export async function offerEditorSettings(state: vscode.Memento): Promise<void> {
  if (offering || state.get(OFFERED_KEY)) return;
  offering = true;
  await state.update(OFFERED_KEY, true);
  if (!alreadySet()) await askEditorSettings();
}

/** The offer itself; also the command 输入时提示补全 (the walkthrough's snippet step). */
export async function askEditorSettings(): Promise<void> {
  if (alreadySet()) {
    void vscode.window.showInformationMessage(tr('Suggestions while typing are already on for Markdown.'));
    return;
  }
  const workspace = tr('For this workspace');
  const user = tr('For all my folders');
  const choices = vscode.workspace.workspaceFolders?.length ? [workspace, user] : [user];
  const choice = await vscode.window.showInformationMessage(
    tr('This looks like a Party report. Show suggestions (snippets such as kt, btfy, tcbg) while typing in Markdown, and stop highlighting Chinese characters as “non-basic ASCII”?'),
    ...choices,
    tr('No, thanks'),
  );
  if (choice === workspace) await applyMarkdownSettings(vscode.ConfigurationTarget.Workspace);
  if (choice === user) await applyMarkdownSettings(vscode.ConfigurationTarget.Global);
}
