/** The status-bar item "待填 N 项 · 缺 M 节" for the active report; a click goes to the next placeholder. */
import * as vscode from 'vscode';
import type { ReportStatus } from '../../server/src/protocol';

export type { ReportStatus };

export class StatusItem implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('partyReport.status', vscode.StatusBarAlignment.Left, 100);
  private readonly byUri = new Map<string, ReportStatus>();
  private readonly subscription = vscode.window.onDidChangeActiveTextEditor(() => this.render());

  constructor() {
    this.item.name = vscode.l10n.t('Party report');
    this.item.command = 'partyReport.nextPlaceholder';
  }

  update(status: ReportStatus): void {
    this.byUri.set(status.uri, status);
    this.render();
  }

  get(uri: string): ReportStatus | undefined {
    return this.byUri.get(uri);
  }

  private render(): void {
    const editor = vscode.window.activeTextEditor;
    const status = editor ? this.byUri.get(editor.document.uri.toString()) : undefined;
    // Menus show 导出为 DOCX only for reports.
    void vscode.commands.executeCommand('setContext', 'partyReport.isReport', Boolean(status?.type));
    if (!status?.type) {
      this.item.hide();
      return;
    }
    this.item.text = '$(checklist) ' + vscode.l10n.t('{0} to fill · {1} section(s) missing', status.placeholders, status.missingSections);
    this.item.tooltip = vscode.l10n.t('{0}: click to go to the next placeholder', status.type.name);
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
    this.subscription.dispose();
  }
}
