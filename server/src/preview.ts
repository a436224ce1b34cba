/**
 * 版面预览 (partyReport/preview): one page state per previewed draft. The layout reads the export's
 * settings as the export does; the draft is parsed once per version: when the checker has already
 * built the report model of the version the preview asks for (the request that follows new
 * diagnostics), the preview lays out that model instead of parsing the text again.
 */
import { fileURLToPath } from 'node:url';
import * as path from 'node:path';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { imageSizes, PageState, type BuildOptions, type ErrorSpan, type PageLayoutOptions, type PageUpdate, type ReportModel } from '../../engine';
import type { PreviewParams } from './protocol';

/** What the preview asks of the server. */
export interface PreviewHost {
  document(uri: string): TextDocument | undefined;
  /** The checker's last result: the version it checked, its report model and its errors. */
  lastCheck(uri: string): { version: number; model?: ReportModel; errors: ErrorSpan[] } | undefined;
  /** Page setup and fonts as the export takes them, and how the draft is read (placeholders, title words). */
  options(uri: string): Promise<{ layout: PageLayoutOptions; model: Omit<BuildOptions, 'cache'> }>;
}

interface Preview {
  state: PageState;
  imageSize: NonNullable<PageLayoutOptions['imageSize']>;
}

export class Previews {
  private readonly open = new Map<string, Preview>();

  constructor(private readonly host: PreviewHost) {}

  async request(p: PreviewParams): Promise<PageUpdate | null> {
    if (!this.host.document(p.uri)) return null;
    let preview = this.open.get(p.uri);
    if (!preview || p.reset) {
      // A (re)loaded webview: pictures are read again, once, beside the draft.
      const state = preview?.state ?? new PageState();
      preview = { state, imageSize: imageSizes(draftFolder(p.uri)) };
      this.open.set(p.uri, preview);
    }
    const { state } = preview;
    if (p.reset) state.reset();
    if (p.visible) state.setVisible(p.visible[0], p.visible[1]);
    if (p.need) return state.pages(p.need);
    const { layout, model } = await this.host.options(p.uri);
    const doc = this.host.document(p.uri);
    if (!doc) return null;
    const check = this.host.lastCheck(p.uri);
    // The last check's errors (a keystroke older at most; the client asks again when diagnostics change).
    const errors = check?.errors ?? [];
    // A model read partly as plain lines (over the checker's time budget) is not what the export prints.
    const parsed = check?.version === doc.version && !check.model?.parseNote ? check.model : undefined;
    return state.update(doc.getText(), doc.version, { ...layout, imageSize: preview.imageSize }, errors, model, parsed);
  }

  closed(uri: string): void {
    this.open.delete(uri);
  }
}

function draftFolder(uri: string): string | undefined {
  try {
    return uri.startsWith('file:') ? path.dirname(fileURLToPath(uri)) : undefined;
  } catch {
    return undefined;
  }
}
