/** Registers 版面预览 (partyReport.preview); extension.ts calls this once. */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ReportPreview } from './preview-panel';

export function registerPreview(context: vscode.ExtensionContext, client: LanguageClient): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('partyReport.preview', (uri?: vscode.Uri) => {
      ReportPreview.show(context, client, uri instanceof vscode.Uri ? uri : undefined);
    }),
    { dispose: () => ReportPreview.disposeAll() },
  );
}
