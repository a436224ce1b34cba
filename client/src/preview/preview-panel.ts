/**
 * 版面预览 (partyReport.preview): a webview beside the draft showing its printed pages. It lays the
 * draft out in the extension host with the export's line model on every change (page-state.ts),
 * posts only the pages that changed, follows the editor's scrolling and scrolls it back, and a click
 * on a line puts the cursor on that line's words in the draft.
 */
import * as vscode from 'vscode';
import { findProjectRoot, loadProjectConfig } from '../../../engine/config/project-config';
import type { LayoutOptions } from '../../../engine/layout';
import { previewHtml } from './html';
import { PageState, type ErrorSpan } from './page-state';

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

/** Export settings as the server applies them: the project file over user settings, neither when untrusted. */
function layoutOptions(doc: vscode.TextDocument): LayoutOptions & { placeholders?: string[] } {
  if (!vscode.workspace.isTrusted) return {};
  const config = vscode.workspace.getConfiguration('partyReport', doc.uri);
  let project: { fonts?: Record<string, string>; page?: Record<string, number | boolean> } = {};
  if (doc.uri.scheme === 'file') {
    const found = findProjectRoot(doc.uri.fsPath);
    if (found?.config) project = loadProjectConfig(found.config).config.export ?? {};
  }
  return {
    fonts: { ...config.get<Record<string, string>>('export.fonts', {}), ...project.fonts },
    page: { ...config.get<Record<string, number | boolean>>('export.page', {}), ...project.page },
    placeholders: config.get<string[]>('placeholders', []),
  };
}

export class ReportPreview implements vscode.Disposable {
  private static readonly open = new Map<string, ReportPreview>();

  private readonly state = new PageState();
  private readonly disposables: vscode.Disposable[] = [];
  private options: ReturnType<typeof layoutOptions>;
  private scheduled = false;
  private ready = false;
  /** Until then, the editor's visible-range changes come from our own reveal and are not echoed. */
  private editorQuietUntil = 0;

  static show(context: vscode.ExtensionContext, resource?: vscode.Uri): ReportPreview | undefined {
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
    const preview = new ReportPreview(panel, doc, media, context.globalState);
    ReportPreview.open.set(uri.toString(), preview);
    return preview;
  }

  private constructor(
    private readonly panel: vscode.WebviewPanel,
    private readonly doc: vscode.TextDocument,
    media: vscode.Uri,
    private readonly memento: vscode.Memento,
  ) {
    this.options = layoutOptions(doc);
    const toggles = memento.get(TOGGLES_KEY, { marks: true, errors: true });
    panel.webview.html = previewHtml(panel.webview, media, this.options.fonts ?? {}, toggles);
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
        if (e.affectsConfiguration('partyReport', this.doc.uri)) {
          this.options = layoutOptions(this.doc);
          this.schedule();
        }
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

  /** Lays out at most once per turn of the event loop: a burst of edits costs one layout. */
  private schedule(): void {
    if (this.scheduled || !this.ready) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.post();
    });
  }

  private post(): void {
    const text = this.doc.getText();
    const { placeholders, ...options } = this.options;
    const update = this.state.update(text, this.doc.version, options, this.errors(), placeholders);
    void this.panel.webview.postMessage(update);
  }

  private errors(): ErrorSpan[] {
    return vscode.languages
      .getDiagnostics(this.doc.uri)
      .filter((d) => d.severity === vscode.DiagnosticSeverity.Error)
      .map((d) => ({ start: this.doc.offsetAt(d.range.start), end: this.doc.offsetAt(d.range.end), message: d.message }));
  }

  private receive(m: FromWebview): void {
    switch (m.type) {
      case 'ready':
        // A new or reloaded webview has nothing yet: send every page.
        this.ready = true;
        this.state.reset();
        this.post();
        break;
      case 'visible':
        this.state.setVisible(m.first, m.last);
        break;
      case 'need':
        void this.panel.webview.postMessage(this.state.pages(m.pages));
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
    ReportPreview.open.delete(this.doc.uri.toString());
    for (const d of this.disposables.splice(0)) d.dispose();
    this.panel.dispose();
  }

  static disposeAll(): void {
    for (const p of [...ReportPreview.open.values()]) p.dispose();
  }
}
