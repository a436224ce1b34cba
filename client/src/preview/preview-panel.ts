/**
 * 版面预览 (partyReport.preview): a webview beside the draft showing its printed pages. On every
 * change it asks the language server for the pages that changed (partyReport/preview: the engine's
 * line model, with the export's settings), passes them to the webview, follows the editor's scrolling
 * and scrolls it back, and a click on a line puts the cursor on that line's words in the draft.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { PreviewParams } from '../../../server/src/protocol';
import { request } from '../request';
import { previewHtml } from './html';

type FromWebview =
  | { type: 'ready' }
  | { type: 'painted'; version: number; pages: number }
  | { type: 'click'; offset: number }
  | { type: 'scrolled'; offset: number }
  | { type: 'visible'; first: number; last: number }
  | { type: 'need'; pages: number[] }
  | { type: 'toggles'; marks: boolean; errors: boolean };

/** Where the toolbar's switches are remembered between previews. */
const TOGGLES_KEY = 'partyReport.preview.toggles';

const VIEW_TYPE = 'partyReport.preview';

export class ReportPreview implements vscode.Disposable {
  private static readonly open = new Map<string, ReportPreview>();

  private readonly disposables: vscode.Disposable[] = [];
  private scheduled = false;
  /** A request is out: later changes wait for it and then cost one request. */
  private busy = false;
  private again = false;
  private ready = false;
  private reset = false;
  private visible: [number, number] | undefined;
  private disposed = false;
  /** Until then, the editor's visible-range changes come from our own reveal and are not echoed. */
  private editorQuietUntil = 0;

  static show(context: vscode.ExtensionContext, client: LanguageClient, resource?: vscode.Uri): ReportPreview | undefined {
    const editor = vscode.window.activeTextEditor;
    const uri = resource ?? editor?.document.uri;
    if (!uri) return undefined;
    const existing = ReportPreview.open.get(uri.toString());
    if (existing) {
      existing.panel.reveal(undefined, true);
      return existing;
    }
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (!doc || doc.languageId !== 'markdown') {
      void vscode.window.showWarningMessage(vscode.l10n.t('Open a Markdown report draft to preview its pages.'));
      return undefined;
    }
    const media = vscode.Uri.joinPath(context.extensionUri, 'media', 'preview');
    const panel = vscode.window.createWebviewPanel(
      VIEW_TYPE,
      vscode.l10n.t('Page preview: {0}', doc.uri.path.split('/').pop() ?? ''),
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      { enableScripts: true, localResourceRoots: [media], enableFindWidget: true },
    );
    const preview = new ReportPreview(panel, doc, media, context.globalState, client);
    ReportPreview.open.set(uri.toString(), preview);
    return preview;
  }

  private constructor(
    private readonly panel: vscode.WebviewPanel,
    private readonly doc: vscode.TextDocument,
    media: vscode.Uri,
    private readonly memento: vscode.Memento,
    private readonly client: LanguageClient,
  ) {
    const toggles = memento.get(TOGGLES_KEY, { marks: true, errors: true });
    panel.webview.html = previewHtml(panel.webview, media, toggles);
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((m: FromWebview) => this.receive(m)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === this.doc && e.contentChanges.length > 0) this.schedule();
      }),
      vscode.languages.onDidChangeDiagnostics((e) => {
        if (e.uris.some((u) => u.toString() === this.doc.uri.toString())) this.schedule();
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('partyReport', this.doc.uri)) this.schedule();
      }),
      vscode.window.onDidChangeTextEditorVisibleRanges((e) => {
        if (e.textEditor.document !== this.doc || Date.now() < this.editorQuietUntil || e.visibleRanges.length === 0) return;
        void panel.webview.postMessage({ type: 'reveal', offset: this.doc.offsetAt(e.visibleRanges[0].start) });
      }),
      vscode.workspace.onDidCloseTextDocument((d) => {
        if (d === this.doc) panel.dispose();
      }),
    );
  }

  /** Asks for the pages at most once per turn of the event loop, and never twice at once. */
  private schedule(): void {
    if (!this.ready || this.disposed) return;
    if (this.busy) {
      this.again = true;
      return;
    }
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      void this.post({ uri: this.doc.uri.toString() });
    });
  }

  private async post(params: PreviewParams): Promise<void> {
    this.busy = true;
    try {
      if (this.reset) params.reset = true;
      if (this.visible) params.visible = this.visible;
      this.reset = false;
      const update = await request(this.client, 'partyReport/preview', params);
      if (update) void this.panel.webview.postMessage(update);
    } catch {
      // The server is starting or restarting: ask again shortly (keeping a pending reset).
      this.reset ||= Boolean(params.reset);
      setTimeout(() => this.schedule(), 1000);
    } finally {
      this.busy = false;
      if (this.again) {
        this.again = false;
        this.schedule();
      }
    }
  }

  private receive(m: FromWebview): void {
    switch (m.type) {
      case 'ready':
        // A new or reloaded webview has nothing yet: send every page.
        this.ready = true;
        this.reset = true;
        this.schedule();
        break;
      case 'visible':
        this.visible = [m.first, m.last];
        break;
      case 'need':
        void request(this.client, 'partyReport/preview', { uri: this.doc.uri.toString(), need: m.pages, visible: this.visible }).then(
          (update) => update && this.panel.webview.postMessage(update),
          () => undefined,
        );
        break;
      case 'toggles':
        void this.memento.update(TOGGLES_KEY, { marks: m.marks, errors: m.errors });
        break;
      case 'painted':
        break; // the benchmark's and the end-to-end test's signal; nothing to do here
      case 'click':
        void this.revealInDraft(m.offset, true);
        break;
      case 'scrolled':
        void this.revealInDraft(m.offset, false);
        break;
    }
  }

  private editor(): vscode.TextEditor | undefined {
    return vscode.window.visibleTextEditors.find((e) => e.document === this.doc);
  }

  private async revealInDraft(offset: number, select: boolean): Promise<void> {
    const position = this.doc.positionAt(offset);
    if (select) {
      const column = this.editor()?.viewColumn ?? vscode.ViewColumn.One;
      const editor = await vscode.window.showTextDocument(this.doc, { viewColumn: column, preserveFocus: false, selection: new vscode.Range(position, position) });
      editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
      return;
    }
    const editor = this.editor();
    if (!editor) return;
    this.editorQuietUntil = Date.now() + 400;
    editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.AtTop);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    ReportPreview.open.delete(this.doc.uri.toString());
    for (const d of this.disposables.splice(0)) d.dispose();
    this.panel.dispose();
  }

  static disposeAll(): void {
    for (const p of [...ReportPreview.open.values()]) p.dispose();
  }
}
