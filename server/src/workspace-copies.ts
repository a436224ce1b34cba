/**
 * copied-paragraph in the editor: one paragraph index over the workspace's Markdown reports and
 * its archive (.party-report/archive/, .md and .docx), built once in the background in small
 * slices (the server keeps answering), then kept current file by file: open documents from their
 * text as it is checked, other files when the client reports them changed on disk.
 */
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { corpusFiles, indexFile, newIndex, paragraphsOf, type Corpus, type Formulation, type ParagraphIndex, type ReportModel, type ReportType } from '../../engine';

const fsPath = (uri: string): string | undefined => {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
  } catch {
    return undefined;
  }
};

/** Files indexed per slice of the background build. */
const SLICE = 25;
/** How long after a document's last check its paragraphs go into the index (unless asked for earlier). */
const FLUSH_AFTER_MS = 300;
/** The warm-up's sample, as the index sees it: not a path (a file name cannot hold NUL). */
const WARM_UP_SELF = '\u0000warm-up';

export class WorkspaceCopies {
  private index: ParagraphIndex | undefined;
  private ready = false;
  private generation = 0;
  private readonly open = new Set<string>();
  private roots: string[] = [];
  /** Open documents' paragraphs not yet in the index (updateOpen), and the timer that puts them in. */
  private readonly pending = new Map<string, ReportModel>();
  private flushTimer?: NodeJS.Timeout;

  /** (Re)builds the index over the roots; resolves when it is complete. */
  async build(roots: string[], formulations: Formulation[], types: ReportType[]): Promise<number> {
    const generation = ++this.generation;
    this.roots = roots;
    this.ready = false;
    const index = newIndex(formulations, types);
    this.index = index;
    const files = roots.flatMap((r) => corpusFiles(r));
    for (let i = 0; i < files.length; i += SLICE) {
      if (generation !== this.generation) return 0;
      for (const f of files.slice(i, i + SLICE)) if (!this.open.has(f)) indexFile(index, f);
      await new Promise((resolve) => setImmediate(resolve));
    }
    if (generation !== this.generation) return 0;
    this.ready = true;
    return files.length;
  }

  private key(uri: string): string {
    return fsPath(uri) ?? uri;
  }

  /** What a check of `uri` compares against, once the workspace has been read. */
  corpusFor(uri: string): Corpus | undefined {
    if (!this.index || !this.ready) return undefined;
    const self = this.key(uri);
    // Another document's latest paragraphs go in before this one is compared with them.
    this.flush(self);
    const root = this.roots.find((r) => self.startsWith(r.endsWith(path.sep) ? r : r + path.sep));
    return { index: this.index, self, root };
  }

  /**
   * What the typing warm-up (warm-up.ts) checks its sample against: the same index under a name no
   * file has, so that the rule's comparing code is compiled before the writer's first keystrokes
   * (in a workspace they took twice as long as later ones) and no document's answers are touched.
   */
  sampleCorpus(): Corpus | undefined {
    if (!this.index || !this.ready) return undefined;
    return { index: this.index, self: WARM_UP_SELF, root: undefined };
  }

  /**
   * An open document, from the text just checked. Its paragraphs go into the index once the writer
   * pauses, or before another document is checked against them: while typing in a long draft,
   * putting them in at every keystroke cost as much as a third of the keystroke (9 ms at 5 MB).
   * The model is kept until then, not its paragraphs: it is the document's latest (each check
   * replaces it here), and a model stays valid until the next check of its document.
   */
  updateOpen(uri: string, model: ReportModel): void {
    const key = this.key(uri);
    this.open.add(key);
    if (!this.index) return;
    this.pending.set(key, model);
    clearTimeout(this.flushTimer);
    this.flushTimer = setTimeout(() => this.flush(), FLUSH_AFTER_MS);
    this.flushTimer.unref?.();
  }

  /** Puts the open documents' paragraphs read since last time into the index (all but `except`'s). */
  flush(except?: string): void {
    for (const [key, model] of this.pending) {
      if (key === except) continue;
      this.pending.delete(key);
      this.index?.setFile(key, paragraphsOf(model), 'line', true);
    }
  }

  /** A closed document goes back to what is on disk. */
  closed(uri: string): void {
    const key = this.key(uri);
    this.open.delete(key);
    this.pending.delete(key);
    if (!this.index) return;
    if (!fsPath(uri) || !indexFile(this.index, key)) this.index.removeFile(key);
  }

  /**
   * A draft or archived file changed, was created or deleted on disk. 'reindexed' when the index
   * changed; 'open' for a document open in the editor (indexed from its text, nothing to read);
   * undefined for any other file.
   */
  changedOnDisk(uri: string, deleted: boolean): 'reindexed' | 'open' | undefined {
    const file = fsPath(uri);
    if (!file || !/\.(md|markdown|docx)$/i.test(file)) return undefined;
    const inArchive = file.includes(`${path.sep}.party-report${path.sep}archive${path.sep}`);
    if (/\.docx$/i.test(file) && !inArchive) return undefined;
    if (this.open.has(file)) return 'open';
    if (!this.index) return 'reindexed';
    if (deleted || !indexFile(this.index, file)) this.index.removeFile(file);
    return 'reindexed';
  }
}
