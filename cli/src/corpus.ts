/**
 * copied-paragraph in the CLI: every file given (Markdown and .docx) and the archive folders above
 * them (.party-report/archive/) go into one paragraph index, built once before any file is checked.
 */
import * as path from 'node:path';
import { archiveFor, corpusFiles, indexFile, newIndex, type Corpus, type Formulation, type ParagraphIndex, type ReportType } from '../../engine';

export class CliCorpus {
  private readonly index: ParagraphIndex;

  constructor(files: string[], formulations: Formulation[], types: ReportType[]) {
    this.index = newIndex(formulations, types);
    const archives = new Set<string>();
    for (const f of files) {
      const a = archiveFor(f);
      if (a) archives.add(a);
    }
    // One file and no archive: nothing to compare with, so nothing is read twice.
    if (files.length < 2 && archives.size === 0) return;
    const all = new Set(files.map((f) => path.resolve(f)));
    for (const a of archives) for (const f of corpusFiles(a, 20000, true)) all.add(path.resolve(f));
    for (const f of all) indexFile(this.index, f);
  }

  /** Whether there is anything to compare with at all. */
  get useful(): boolean {
    return this.index.fileCount > 1;
  }

  for(file: string): Corpus {
    return { index: this.index, self: path.resolve(file), root: process.cwd() };
  }
}
