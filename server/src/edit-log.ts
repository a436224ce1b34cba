/**
 * The edits a document received since a version, so that an offset in the current text can be
 * mapped back to the same place in an older text. Completion and hover use this to answer from the
 * last lint result at once, instead of waiting for the lint of a version that is a keystroke newer
 * (a full lint of a 1 MB draft takes longer than a completion may).
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocumentContentChangeEvent, TextDocumentsConfiguration } from 'vscode-languageserver';

interface Change {
  /** The version this change produced. */
  version: number;
  start: number;
  end: number;
  length: number;
}

/** Beyond this many changes since the last lint, lint again instead of mapping. */
const MAX_CHANGES = 500;

export class EditLog {
  private readonly changes = new Map<string, Change[] | 'reset'>();

  /** A TextDocuments configuration that records every incremental change. */
  documents(): TextDocumentsConfiguration<TextDocument> {
    return {
      create: (uri, languageId, version, content) => {
        this.changes.delete(uri);
        return TextDocument.create(uri, languageId, version, content);
      },
      update: (doc, changes, version) => {
        // Applied one at a time: each change's range is in the text the previous one left.
        for (const c of changes) {
          this.record(doc, c, version);
          doc = TextDocument.update(doc, [c], version);
        }
        return doc;
      },
    };
  }

  private record(doc: TextDocument, c: TextDocumentContentChangeEvent, version: number): void {
    const list = this.changes.get(doc.uri);
    if (list === 'reset') return;
    if (!('range' in c) || (list && list.length >= MAX_CHANGES)) {
      this.changes.set(doc.uri, 'reset');
      return;
    }
    const start = doc.offsetAt(c.range.start);
    const end = doc.offsetAt(c.range.end);
    if (list) list.push({ version, start, end, length: c.text.length });
    else this.changes.set(doc.uri, [{ version, start, end, length: c.text.length }]);
  }

  /** A lint of `version` is at hand: changes up to it are no longer needed. */
  linted(uri: string, version: number): void {
    const list = this.changes.get(uri);
    if (list === 'reset' || !list) {
      this.changes.set(uri, []);
      return;
    }
    const keep = list.findIndex((c) => c.version > version);
    this.changes.set(uri, keep < 0 ? [] : list.slice(keep));
  }

  forget(uri: string): void {
    this.changes.delete(uri);
  }

  /**
   * `offset` in the current text, as an offset in the text of `version`; undefined when the log
   * cannot tell (a full replacement, too many changes). Inside text inserted since, the insertion point.
   */
  mapBack(uri: string, version: number, offset: number): number | undefined {
    const list = this.changes.get(uri);
    if (!list || list === 'reset') return undefined;
    let x = offset;
    for (let i = list.length - 1; i >= 0 && list[i].version > version; i--) {
      const c = list[i];
      if (x >= c.start + c.length) x += c.end - c.start - c.length;
      else if (x > c.start) x = c.start;
    }
    return x;
  }
}
