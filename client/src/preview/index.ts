/** Registers 版面预览 (partyReport.preview); extension.ts calls this once. */
import * as vscode from 'vscode';
import { ReportPreview } from './preview-panel';

export function registerPreview(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('partyReport.preview', (uri?: vscode.Uri) => {
      ReportPreview.show(context, uri instanceof vscode.Uri ? uri : undefined);
    }),
    { dispose: () => ReportPreview.disposeAll() },
  );
}
