/**
 * What the preview sends to its webview, kept apart from the editor API so that tests and
 * bench/preview.mjs run it as is: parse the draft (reusing the parse of unchanged chunks), lay it out
 * with the export's line model, and send only the pages whose content changed since the last message.
 */
import { layoutModel, type LaidLine, type LaidPage, type LayoutOptions, type PageGeometry } from '../../../engine/layout';
import { buildModel } from '../../../engine/model/build';
import { ProseCache } from '../../../engine/parse/parse-prose';

/** An error finding as draft offsets, with its message. */
export interface ErrorSpan {
  start: number;
  end: number;
  message: string;
}

export type WireGeometry = Omit<PageGeometry, 'rowsFor' | 'sizes'> & { sizes: Record<string, number> };
export type WireLine = Omit<LaidLine, 'text'> & { error?: string };
export interface WirePage {
  number: number;
  lines: WireLine[];
  boxes: LaidPage['boxes'];
}

export interface PageUpdate {
  type: 'update';
  version: number;
  /** Present when the page geometry changed (first message, new page settings). */
  geometry?: WireGeometry;
  /** Total pages; the webview drops any beyond. */
  pageCount: number;
  pages: Array<{ index: number; page: WirePage }>;
}

export class PageState {
  private readonly cache = new ProseCache();
  private sent: string[] = [];
  private geometryKey = '';

  /** Forget what the webview has (it was reloaded): the next update sends every page. */
  reset(): void {
    this.sent = [];
    this.geometryKey = '';
  }

  update(text: string, version: number, options: LayoutOptions = {}, errors: ErrorSpan[] = [], extraPlaceholders?: string[]): PageUpdate {
    const model = buildModel(text, { cache: this.cache, extraPlaceholders });
    this.cache.rotate();
    const layout = layoutModel(model, options);
    const { rowsFor: _rows, sizes, ...rest } = layout.geometry;
    const geometry: WireGeometry = { ...rest, sizes: { ...sizes } };
    const geometryKey = JSON.stringify(geometry);
    const update: PageUpdate = { type: 'update', version, pageCount: layout.pages.length, pages: [] };
    if (geometryKey !== this.geometryKey) {
      update.geometry = geometry;
      this.geometryKey = geometryKey;
      this.sent = []; // every page is drawn anew at a new geometry
    }
    const sorted = [...errors].sort((a, b) => a.start - b.start);
    layout.pages.forEach((page, index) => {
      const wire = toWire(page, sorted);
      const key = JSON.stringify(wire);
      if (this.sent[index] === key) return;
      this.sent[index] = key;
      update.pages.push({ index, page: wire });
    });
    this.sent.length = layout.pages.length;
    return update;
  }
}

function toWire(page: LaidPage, errors: ErrorSpan[]): WirePage {
  return {
    number: page.number,
    boxes: page.boxes,
    lines: page.lines.map(({ text: _text, ...line }) => {
      const hit = errors.filter((e) => (e.start < line.srcEnd && e.end > line.src) || (e.start === e.end && e.start >= line.src && e.start <= line.srcEnd));
      return hit.length > 0 ? { ...line, error: hit.map((e) => e.message).join('\n') } : line;
    }),
  };
}
