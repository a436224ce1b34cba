/**
 * The VS Code side stays thin: it starts the language server for Markdown files, forwards settings,
 * and offers commands that ask the server for what they need. All checking happens in the server.
 * Settings and workspace trust apply while VS Code runs: the server hears of every change, and a
 * restarted server is started with the values of that moment.
 */
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { exportDocx } from './commands/export-docx';
import { insertSection } from './commands/insert-section';
import { newReport } from './commands/new-report';
import { nextPlaceholder } from './commands/next-placeholder';
import { setReportType } from './commands/set-report-type';
import { askEditorSettings, offerEditorSettings } from './editor-offer';
import { loadTranslations, tr } from './i18n';
import { showRuleDocs } from './rule-docs';
import { importDocx, reviewCopy } from './commands/word';
import { registerPreview } from './preview';
import { StatusItem } from './status';
import type { ClientNotifications, Notifications } from '../../server/src/protocol';
import { startWatchdog } from './watchdog-wiring';

let client: LanguageClient | undefined;

/**
 * A smaller young generation than V8's default (16 MB semi-spaces): parsing leaves short-lived
 * garbage, and V8 otherwise lets the heap grow well past what the server keeps (1 MB draft, 400
 * keystrokes: about 160 MB peak with the default, 111–126 MB with 4 MB, 124–125 MB with 8 MB).
 * 8 rather than 4: fewer scavenges, each keystroke about 1 ms less server CPU at 1 MB and 3–5 ms at
 * 5 MB (docs/benchmarks.md, session 6). scripts/build.mjs gives dist/server.js the same flag.
 */
const SERVER_EXEC_ARGV = ['--max-semi-space-size=8'];

/** What the server needs to know at start; a function, so a restart sends the current values. */
export function initializationOptions(): { trusted: boolean; locale: string; editorCommands: boolean } {
  return {
    trusted: vscode.workspace.isTrusted,
    // This client runs the partyReport.* commands that hovers link to and code actions call.
    editorCommands: true,
    locale: vscode.workspace.getConfiguration('partyReport').get<string>('locale', 'auto'),
  };
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  loadTranslations(context.extensionPath);
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { execArgv: SERVER_EXEC_ARGV } },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_EXEC_ARGV, '--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { language: 'markdown', scheme: 'file' },
      { language: 'markdown', scheme: 'untitled' },
    ],
    synchronize: {
      configurationSection: 'partyReport',
      // Project config and workspace report types: the server reloads them when they change.
      fileEvents: [
        vscode.workspace.createFileSystemWatcher('**/.party-report.{yaml,yml,json}'),
        vscode.workspace.createFileSystemWatcher('**/.party-report/**'),
        // Other drafts (and, above, the archive), for copied-paragraph.
        vscode.workspace.createFileSystemWatcher('**/*.md'),
      ],
    },
    // In Restricted Mode the server ignores workspace report types and export settings.
    initializationOptions,
    // Hovers link a rule's name to its description; no other command runs from server text.
    markdown: { isTrusted: { enabledCommands: ['partyReport.showRuleDocs'] } },
    outputChannelName: tr('Party Report Assistant'),
  };
  client = new LanguageClient('partyReport', tr('Party Report Assistant'), serverOptions, clientOptions);
  registerPreview(context, client);
  const status = new StatusItem();
  const c = client;
  context.subscriptions.push(
    status,
    vscode.commands.registerCommand('partyReport.newReport', (arg?: string | vscode.Uri) => newReport(c, arg)),
    vscode.commands.registerCommand('partyReport.nextPlaceholder', nextPlaceholder),
    vscode.commands.registerCommand('partyReport.setReportType', () => setReportType(c, status)),
    vscode.commands.registerCommand('partyReport.insertSection', () => insertSection(c)),
    vscode.commands.registerCommand('partyReport.exportDocx', (uri?: vscode.Uri) => exportDocx(c, status, uri)),
    vscode.commands.registerCommand('partyReport.setUpEditor', askEditorSettings),
    vscode.commands.registerCommand('partyReport.showRuleDocs', (rule?: string) => showRuleDocs(context.extensionUri, rule)),
    vscode.commands.registerCommand('partyReport.exportPdf', (uri?: vscode.Uri) => exportDocx(c, status, uri, 'pdf')),
    vscode.commands.registerCommand('partyReport.importDocx', (uri?: vscode.Uri) => importDocx(c, uri)),
    vscode.commands.registerCommand('partyReport.reviewCopy', (uri?: vscode.Uri) => reviewCopy(c, uri)),
  );
  context.subscriptions.push(
    // Trust granted: the project file and workspace types apply now, without a reload.
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      const granted: ClientNotifications['partyReport/trust'] = { trusted: true };
      void client?.sendNotification('partyReport/trust' satisfies keyof ClientNotifications, granted);
    }),
    // The server hears of partyReport.* changes itself (and re-checks); the client's own words follow the language.
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('partyReport.locale')) status.refresh();
    }),
  );
  await client.start();
  context.subscriptions.push(startWatchdog(c));
  context.subscriptions.push(
    client.onNotification('partyReport/status' satisfies keyof Notifications, (s: Notifications['partyReport/status']) => {
      status.update(s);
      if (s.type) void offerEditorSettings(context.globalState);
    }),
  );
  context.subscriptions.push(...reportVisibleRanges(c));
}

/**
 * The server shows at most 2,000 findings a file, those on screen first: it learns which lines are
 * on screen from here (a notification a moment after scrolling stops).
 */
function reportVisibleRanges(c: LanguageClient): vscode.Disposable[] {
  let timer: NodeJS.Timeout | undefined;
  const send = (editor: vscode.TextEditor | undefined) => {
    clearTimeout(timer);
    if (!editor || editor.document.languageId !== 'markdown') return;
    timer = setTimeout(() => {
      const params: ClientNotifications['partyReport/visibleRanges'] = {
        uri: editor.document.uri.toString(),
        ranges: editor.visibleRanges.map((r) => ({ start: r.start.line, end: r.end.line })),
      };
      void c.sendNotification('partyReport/visibleRanges' satisfies keyof ClientNotifications, params).catch(() => undefined);
    }, 150);
  };
  send(vscode.window.activeTextEditor);
  return [
    vscode.window.onDidChangeTextEditorVisibleRanges((e) => send(e.textEditor)),
    vscode.window.onDidChangeActiveTextEditor(send),
    { dispose: () => clearTimeout(timer) },
  ];
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
