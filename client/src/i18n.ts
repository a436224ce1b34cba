/**
 * The client's words in the writer's language. VS Code's own l10n follows the display language
 * only; partyReport.locale can choose Chinese in an English VS Code (or the other way round), and
 * the server's messages follow it. The client follows the same setting, so a dialog or a status
 * bar never mixes the two languages. Source strings are English; l10n/bundle.l10n.zh-cn.json has
 * the Chinese.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

let chinese: Record<string, string> = {};

export function loadTranslations(extensionPath: string): void {
  try {
    chinese = JSON.parse(fs.readFileSync(path.join(extensionPath, 'l10n', 'bundle.l10n.zh-cn.json'), 'utf8'));
  } catch {
    chinese = {};
  }
}

/** zh-CN or en: partyReport.locale when set, else VS Code's display language. Read each time. */
export function clientLocale(): 'zh-CN' | 'en' {
  const chosen = vscode.workspace.getConfiguration('partyReport').get<string>('locale', 'auto');
  const tag = chosen && chosen !== 'auto' ? chosen : vscode.env.language;
  return /^zh/i.test(tag) ? 'zh-CN' : 'en';
}

export function tr(message: string, ...args: Array<string | number>): string {
  const text = clientLocale() === 'zh-CN' ? (chinese[message] ?? message) : message;
  return text.replace(/\{(\d+)\}/g, (m, i: string) => (args[Number(i)] === undefined ? m : String(args[Number(i)])));
}
