/** The watchdog (watchdog.ts) on the real client: ping request, restart, output channel, notification. */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { DEFAULT_WATCHDOG, Watchdog } from './watchdog';

export function startWatchdog(client: LanguageClient): vscode.Disposable {
  const watchdog = new Watchdog(
    {
      ping: () => client.sendRequest('partyReport/ping'),
      restart: async () => {
        try {
          // A hung server cannot answer shutdown: after the timeout the library kills its process.
          await client.stop(2000);
        } catch {
          // Timed out stopping: the process is being killed; start a new one regardless.
        }
        await client.start();
      },
      isRunning: () => client.isRunning(),
      log: (message) => client.outputChannel.appendLine(`[watchdog] ${message}`),
      notify: (message) => void vscode.window.showErrorMessage(message),
    },
    {
      ...DEFAULT_WATCHDOG,
      messages: {
        restarting: (seconds, attempt, max) =>
          vscode.l10n.t('The Party Report language server did not answer for {0} seconds; restarting it (attempt {1} of {2}).', seconds, attempt, max),
        gaveUp: (restarts) =>
          vscode.l10n.t('The Party Report language server still did not answer after {0} restarts in a row; it will not be restarted again. See the "Party Report Assistant" output, then run "Developer: Reload Window" to try again.', restarts),
      },
    },
  );
  watchdog.start();
  return { dispose: () => watchdog.dispose() };
}
