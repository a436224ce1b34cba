/**
 * What the preview shows, as updates for its webview: the language server keeps one per previewed
 * draft (tests and bench/preview.mjs run it as is). Parse the draft (reusing the parse of unchanged chunks), lay it out
 * with the export's line model (re-breaking only edited paragraphs), and send only pages that changed
 * and that the writer can see; other changed pages are marked stale and sent when scrolled to.
 * Offsets inside a page are relative to the page's first line, so that typing on page 3 does not
 * change pages 4–60 unless their lines move.
 */
import type { ExportFonts } from '../export/gbt9704';
import { buildModel, type BuildOptions } from '../model/build';
import { ProseCache } from '../parse/parse-prose';
import { BreakCache } from './break-lines';
import { SourceBlockCache } from './source-block-cache';
import { fontStacks } from './fonts';
import type { PageGeometry } from './geometry';
import { layoutModel, mapOffsets, printedModel, type LayoutOptions } from './layout';
import type { ReportModel } from '../model/types';
import type { LaidLine, LaidPage } from './paginate';

/** An error finding as draft offsets, with its message. */
export interface ErrorSpan {
  start: number;
  end: number;
  message: string;
}

export type WireGeometry = Omit<PageGeometry, 'rowsFor' | 'sizes' | 'widowControl'> & {
  sizes: Record<string, number>;
  /** A CSS font-family per element: the export's font names, then local fallbacks. */
  fonts: Record<string, string>;
};

/** A line on the wire; `src`/`end` are relative to the page's base offset. */
export type WireLine = Omit<LaidLine, 'text'> & { error?: string };

export interface WirePage {
  number: number;
  lines: WireLine[];
  boxes: LaidPage['boxes'];
  rules: LaidPage['rules'];
  /** False on the 版记's page and the blank page before it: no page number. */
  numbered: boolean;
}

export interface PageUpdate {
  type: 'update';
  version: number;
  /** Present when the page geometry changed (first message, new page settings). */
  geometry?: WireGeometry;
  /** Total pages; the webview drops any beyond. */
  pageCount: number;
  /** Each page's base draft offset (add it to a line's src and end). */
  bases: number[];
  /** Pages that changed but are not in `pages`: the webview asks for them when they come into view. */
  stale: number[];
  pages: Array<{ index: number; page: WirePage }>;
}

export class PageState {
  private readonly cache = new ProseCache();
  private readonly breaks = new BreakCache();
  private readonly sourceBlocks = new SourceBlockCache();
  /** The last layout, its page bases and error messages per line. */
  private last: LaidPage[] = [];
  private lastBases: number[] = [];
  private lastErrors: Array<Array<string | undefined>> = [];
  /** Per page: whether the webview holds the last layout's content of it. */
  private current: boolean[] = [];
  private geometryKey = '';
  private version = 0;
  /** Pages the webview shows (first, last), as it last reported. */
  private visible: [number, number] = [0, 2];

  /** Forget what the webview has (it was reloaded): the next update sends what it shows. */
  reset(): void {
    this.current = [];
    this.geometryKey = '';
  }

  setVisible(first: number, last: number): void {
    this.visible = [Math.max(0, first), Math.max(first, last)];
  }

  /**
   * Lays out `text` and returns what the webview must redraw. `parsed` is the report model of this
   * very text when the caller has one (the checker's, for the same document version): then the
   * draft is not parsed again.
   */
  update(text: string, version: number, options: LayoutOptions = {}, errors: ErrorSpan[] = [], model: Omit<BuildOptions, 'cache'> = {}, parsed?: ReportModel): PageUpdate {
    let report = parsed;
    if (!report || report.text !== text) {
      // parseProse rotates the cache itself: rotating again here would empty it, and the next
      // update would parse every chunk afresh.
      report = buildModel(text, { ...model, cache: this.cache });
    }
    const printed = printedModel(text, report, model);
    const layout = layoutModel(printed.model, { ...options, cache: this.breaks, sourceBlocks: this.sourceBlocks });
    if (printed.unshift) mapOffsets(layout.pages, printed.unshift);
    const { rowsFor: _rows, widowControl: _widows, sizes, ...rest } = layout.geometry;
    const geometry: WireGeometry = { ...rest, sizes: { ...sizes }, fonts: fontStacks(options.fonts as Partial<ExportFonts> | undefined) };
    const geometryKey = JSON.stringify(geometry);
    this.version = version;
    const update: PageUpdate = { type: 'update', version, pageCount: layout.pages.length, bases: [], stale: [], pages: [] };
    if (geometryKey !== this.geometryKey) {
      update.geometry = geometry;
      this.geometryKey = geometryKey;
      this.current = []; // every page is drawn anew at a new geometry
    }
    const sorted = [...errors].sort((a, b) => a.start - b.start);
    const [first, last] = this.visible;
    const pages = layout.pages;
    const longest = sorted.reduce((m, e) => Math.max(m, e.end - e.start), 0);
    const lineErrors = pages.map((page) => page.lines.map((line) => errorAt(line, sorted, longest)));
    const current: boolean[] = [];
    pages.forEach((page, index) => {
      // A page without lines (the blank page before the 版记) keeps the one before's base.
      const base = page.lines[0]?.src ?? update.bases[index - 1] ?? 0;
      update.bases.push(base);
      const same =
        this.current[index] === true &&
        this.last[index] !== undefined &&
        samePage(page, base, lineErrors[index], this.last[index], this.lastBases[index], this.lastErrors[index]);
      if (same) {
        current[index] = true;
        return;
      }
      // Send what is on screen and a page either side; the rest waits until it is scrolled to.
      if (index >= first - 1 && index <= last + 1) {
        current[index] = true;
        update.pages.push({ index, page: toWire(page, base, lineErrors[index]) });
      } else {
        current[index] = false;
        // Only pages the webview holds a copy of need telling; it asks for pages it has no copy of.
        if (this.current[index]) update.stale.push(index);
      }
    });
    this.last = pages;
    this.lastBases = update.bases;
    this.lastErrors = lineErrors;
    this.current = current;
    return update;
  }

  /** The current content of pages the webview asks for (scrolled into view). */
  pages(indices: number[]): PageUpdate {
    const update: PageUpdate = { type: 'update', version: this.version, pageCount: this.last.length, bases: this.lastBases, stale: [], pages: [] };
    for (const index of indices) {
      if (index < 0 || index >= this.last.length || this.current[index]) continue;
      this.current[index] = true;
      update.pages.push({ index, page: toWire(this.last[index], this.lastBases[index], this.lastErrors[index]) });
    }
    return update;
  }
}

/**
 * The messages of the errors touching a line. `errors` is sorted by start and none is longer than
 * `longest`: only those starting in [line.src − longest, line.srcEnd] can touch it (binary search,
 * since it runs for every line on every keystroke).
 */
function errorAt(line: LaidLine, errors: ErrorSpan[], longest: number): string | undefined {
  if (errors.length === 0) return undefined;
  let lo = 0;
  let hi = errors.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (errors[mid].start < line.src - longest) lo = mid + 1;
    else hi = mid;
  }
  let hit: string[] | undefined;
  for (let k = lo; k < errors.length && errors[k].start <= line.srcEnd; k++) {
    const e = errors[k];
    if ((e.start < line.srcEnd && e.end > line.src) || (e.start === e.end && e.start >= line.src && e.start <= line.srcEnd)) (hit ??= []).push(e.message);
  }
  return hit?.join('\n');
}

/** Same content on the page, offsets compared relative to each page's base (no allocation: runs on every keystroke). */
function samePage(a: LaidPage, baseA: number, errA: Array<string | undefined>, b: LaidPage, baseB: number, errB: Array<string | undefined>): boolean {
  if (a.number !== b.number || a.numbered !== b.numbered || a.lines.length !== b.lines.length || a.boxes.length !== b.boxes.length || a.rules.length !== b.rules.length) return false;
  for (let i = 0; i < a.boxes.length; i++) {
    const x = a.boxes[i];
    const y = b.boxes[i];
    if (x.top !== y.top || x.left !== y.left || x.width !== y.width || x.height !== y.height || x.image !== y.image) return false;
  }
  for (let i = 0; i < a.rules.length; i++) {
    const x = a.rules[i];
    const y = b.rules[i];
    if (x.top !== y.top || x.left !== y.left || x.width !== y.width || x.thickness !== y.thickness || x.color !== y.color) return false;
  }
  for (let i = 0; i < a.lines.length; i++) {
    const x = a.lines[i];
    const y = b.lines[i];
    if (
      x.text !== y.text ||
      x.top !== y.top ||
      x.left !== y.left ||
      x.width !== y.width ||
      x.height !== y.height ||
      x.align !== y.align ||
      x.kind !== y.kind ||
      x.color !== y.color ||
      x.size !== y.size ||
      x.spacing !== y.spacing ||
      x.src - baseA !== y.src - baseB ||
      x.srcEnd - baseA !== y.srcEnd - baseB ||
      errA[i] !== errB[i] ||
      x.pieces.length !== y.pieces.length ||
      (x.marks?.length ?? 0) !== (y.marks?.length ?? 0)
    ) {
      return false;
    }
    for (let k = 0; k < x.pieces.length; k++) {
      const p = x.pieces[k];
      const q = y.pieces[k];
      if (p.text !== q.text || p.font !== q.font || p.bold !== q.bold || p.sup !== q.sup || p.strike !== q.strike) return false;
    }
    for (let k = 0; k < (x.marks?.length ?? 0); k++) if (x.marks![k][0] !== y.marks![k][0] || x.marks![k][1] !== y.marks![k][1]) return false;
  }
  return true;
}

function toWire(page: LaidPage, base: number, errors: Array<string | undefined>): WirePage {
  return {
    number: page.number,
    numbered: page.numbered,
    boxes: page.boxes,
    rules: page.rules,
    lines: page.lines.map(({ text: _text, ...line }, i) => {
      const wire: WireLine = { ...line, src: line.src - base, srcEnd: line.srcEnd - base };
      if (errors[i]) wire.error = errors[i];
      return wire;
    }),
  };
}
