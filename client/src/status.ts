/**
 * The status-bar item "待填 N 项" (and " · 缺 M 节" only when a section is missing) for the active
 * report; a click goes to the next placeholder. For a draft recognised as no type but close to one,
 * "未识别为报告", and a click chooses its type.
 */
import * as vscode from 'vscode';
import { tr } from './i18n';
import type { ReportStatus } from '../../server/src/protocol';

export type { ReportStatus };

export class StatusItem implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('partyReport.status', vscode.StatusBarAlignment.Left, 100);
  private readonly byUri = new Map<string, ReportStatus>();
  private readonly subscription = vscode.window.onDidChangeActiveTextEditor(() => this.render());

  constructor() {
    this.item.name = tr('Party report');
    this.item.command = 'partyReport.nextPlaceholder';
  }

  update(status: ReportStatus): void {
    this.byUri.set(status.uri, status);
    this.render();
  }

  get(uri: string): ReportStatus | undefined {
    return this.byUri.get(uri);
  }

  /** Renders again, e.g. after partyReport.locale changed. */
  refresh(): void {
    this.item.name = tr('Party report');
    this.render();
  }

  private render(): void {
    const editor = vscode.window.activeTextEditor;
    const status = editor ? this.byUri.get(editor.document.uri.toString()) : undefined;
    // Menus show 导出为 DOCX only for reports.
    void vscode.commands.executeCommand('setContext', 'partyReport.isReport', Boolean(status?.type));
    if (!status?.type && status?.nearest) {
      // Not recognised, but close to a type: nothing was checked, and the writer may say what it is.
      this.item.text = `$(question) ${tr('Not recognised as a report')}`;
      this.item.tooltip = tr('This draft reads a little like a {0}, not enough to check it as one. Click to choose its report type.', status.nearest.name);
      this.item.command = 'partyReport.setReportType';
      this.item.show();
      return;
    }
    if (!status?.type) {
      this.item.hide();
      return;
    }
    this.item.command = 'partyReport.nextPlaceholder';
    const fill = status.placeholders > 0 ? tr('{0} to fill', status.placeholders) : tr('Nothing to fill');
    const missing = status.missingSections > 0 ? ' · ' + tr('{0} section(s) missing', status.missingSections) : '';
    this.item.text = `$(checklist) ${fill}${missing}`;
    this.item.tooltip = tr('{0}: click to go to the next placeholder', status.type.name);
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
    this.subscription.dispose();
  }
}
