/**
 * copied-paragraph in the CLI: every file given (Markdown and .docx) and the archive folders above
 * them (.party-report/archive/) go into one paragraph index, built once before any file is checked
 * and then only read (engine/copies/frozen-index.ts). With worker threads, the workers read and sign
 * the corpus files (the costly part: parsing and hashing every paragraph) and send the signatures
 * back; this thread builds the index from them in shared memory, which every worker then reads
 * (cli/src/parallel.ts). Each worker keeps the texts of the files it signed: it checks those files
 * too, and finds their paragraphs' signatures in the index instead of computing them again.
 */
import * as path from 'node:path';
import { archiveFor, builtinFormulations, corpusFiles, FrozenParagraphIndex, freezeIndex, Masker, readCorpusFile, projectLintOptions, signFile, type Corpus, type Formulation, type FrozenIndexData, type ReportType, type SignedFile, type SignedTexts } from '../../engine';
import { projectFor } from './project';

/** Every file the index holds: the files given and the archives above them, resolved; [] when one file alone. */
export function corpusFilesFor(files: string[]): string[] {
  const archives = new Set<string>();
  const known = new Map<string, string | undefined>();
  for (const f of files) {
    const a = archiveFor(f, known);
    if (a) archives.add(a);
  }
  // One file and no archive: nothing to compare with, so nothing is read twice.
  if (files.length < 2 && archives.size === 0) return [];
  // Nor when every file's project turns copied-paragraph off.
  if (files.every((f) => projectFor(f).config?.config.rules?.['copied-paragraph'] === 'off')) return [];
  const all = new Set(files.map((f) => path.resolve(f)));
  for (const a of archives) for (const f of corpusFiles(a, 20000, true)) all.add(path.resolve(f));
  return [...all];
}

/** The formulations and report types (masked before comparing) of the project in the working folder. */
export function cwdMasking(): [Formulation[], ReportType[]] {
  const project = projectFor(process.cwd());
  return [projectLintOptions(project).formulations ?? builtinFormulations(), project.types];
}

/** What the project in the working folder shares by design, masked before comparing. */
export function cwdMasker(): Masker {
  return new Masker(...cwdMasking());
}

/** Reads and signs one corpus file (in a worker): its signatures and the texts they are of; undefined when it cannot be read. */
export function signCorpusFile(masker: Masker, file: string): SignedTexts | undefined {
  const read = readCorpusFile(file);
  return read && signFile(masker, file, read.unit, read.paragraphs);
}

/** The typed arrays of a signed file, to transfer them to another thread rather than copy them. */
export function buffersOf(signed: SignedFile): ArrayBuffer[] {
  return [signed.lines.buffer, signed.shingleEnds.buffer, signed.shingles.buffer, signed.bandKeys.buffer] as ArrayBuffer[];
}

export class CliCorpus {
  private constructor(private readonly index: FrozenParagraphIndex) {}

  /** Reads and signs `all` (by default every file given and the archives above them) in this thread. */
  static read(files: string[], formulations: Formulation[], types: ReportType[], all = corpusFilesFor(files)): CliCorpus {
    const masker = new Masker(formulations, types);
    const signed = all.map((f) => signCorpusFile(masker, f));
    const corpus = new CliCorpus(new FrozenParagraphIndex(freezeIndex(signed.map((s) => s?.signed), false), masker));
    for (const s of signed) if (s) corpus.index.knowTexts(s.signed.file, s);
    return corpus;
  }

  /** The index built elsewhere (freezeIndex, in shared memory), masking as the working folder's project. */
  static fromData(data: FrozenIndexData, masker = cwdMasker()): CliCorpus {
    return new CliCorpus(new FrozenParagraphIndex(data, masker));
  }

  /** The texts of a file this thread signed (see FrozenParagraphIndex.knowTexts). */
  knowTexts(file: string, texts: Pick<SignedTexts, 'texts' | 'short'>): void {
    this.index.knowTexts(file, texts);
  }

  /** Whether there is anything to compare with at all: two files that could be read. */
  get useful(): boolean {
    return this.index.fileCount > 1;
  }

  for(file: string): Corpus {
    return { index: this.index, self: path.resolve(file), root: process.cwd() };
  }
}
