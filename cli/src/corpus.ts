/**
 * copied-paragraph in the CLI: every file given (Markdown and .docx) and the archive folders above
 * them (.party-report/archive/) go into one paragraph index, built once before any file is checked.
 * With worker threads, the workers read and sign the corpus files (the costly part: parsing and
 * hashing every paragraph) and send them back packed; each then rebuilds the same index from the
 * packs in the same order, which only files entries into buckets (cli/src/parallel.ts).
 */
import * as path from 'node:path';
import { archiveFor, builtinFormulations, corpusFiles, newIndex, readCorpusFile, projectLintOptions, type Corpus, type Formulation, type ParagraphIndex, type ReportType, type SignedParagraph } from '../../engine';
import { projectFor } from './project';

/** One corpus file's paragraphs with their signatures, in typed arrays that cross threads cheaply. */
export interface PackedCorpusFile {
  file: string;
  unit: 'line' | 'paragraph';
  texts: string[];
  lines: Int32Array;
  starts: Int32Array;
  /** Paragraph i's shingles are shingles[shingleEnds[i-1] .. shingleEnds[i]]. */
  shingleEnds: Uint32Array;
  shingles: Uint32Array;
  /** BANDS keys a paragraph, one after another. */
  bandKeys: Uint32Array;
}

/** Every file the index holds: the files given and the archives above them, resolved; [] when one file alone. */
export function corpusFilesFor(files: string[]): string[] {
  const archives = new Set<string>();
  for (const f of files) {
    const a = archiveFor(f);
    if (a) archives.add(a);
  }
  // One file and no archive: nothing to compare with, so nothing is read twice.
  if (files.length < 2 && archives.size === 0) return [];
  const all = new Set(files.map((f) => path.resolve(f)));
  for (const a of archives) for (const f of corpusFiles(a, 20000, true)) all.add(path.resolve(f));
  return [...all];
}

/** The formulations and report types (masked before comparing) of the project in the working folder. */
export function cwdMasking(): [Formulation[], ReportType[]] {
  const project = projectFor(process.cwd());
  return [projectLintOptions(project).formulations ?? builtinFormulations(), project.types];
}

/** An empty index masking what the project in the working folder shares by design. */
export function emptyIndex(): ParagraphIndex {
  return newIndex(...cwdMasking());
}

/** Reads and signs one corpus file (in a worker); undefined when it cannot be read. */
export function packCorpusFile(index: ParagraphIndex, file: string): PackedCorpusFile | undefined {
  const read = readCorpusFile(file);
  if (!read) return undefined;
  const signed = index.sign(read.paragraphs);
  const shingleEnds = new Uint32Array(signed.length);
  let total = 0;
  signed.forEach((p, i) => (shingleEnds[i] = total += p.shingles.length));
  const shingles = new Uint32Array(total);
  const bands = signed[0]?.bandKeys.length ?? 0;
  const bandKeys = new Uint32Array(signed.length * bands);
  signed.forEach((p, i) => {
    shingles.set(p.shingles, shingleEnds[i] - p.shingles.length);
    bandKeys.set(p.bandKeys, i * bands);
  });
  return {
    file,
    unit: read.unit,
    texts: signed.map((p) => p.text),
    lines: Int32Array.from(signed, (p) => p.line),
    starts: Int32Array.from(signed, (p) => p.start),
    shingleEnds,
    shingles,
    bandKeys,
  };
}

function unpack(pack: PackedCorpusFile): SignedParagraph[] {
  const bands = pack.texts.length ? pack.bandKeys.length / pack.texts.length : 0;
  return pack.texts.map((text, i) => ({
    text,
    line: pack.lines[i],
    start: pack.starts[i],
    // Views, not copies: the packs stay alive as long as the index.
    shingles: pack.shingles.subarray(i === 0 ? 0 : pack.shingleEnds[i - 1], pack.shingleEnds[i]),
    bandKeys: pack.bandKeys.subarray(i * bands, (i + 1) * bands),
  }));
}

export class CliCorpus {
  private readonly index: ParagraphIndex;

  /** Reads `all` (by default every file given and the archives above them) in this thread. */
  constructor(files: string[], formulations: Formulation[], types: ReportType[], all = corpusFilesFor(files)) {
    this.index = newIndex(formulations, types);
    for (const f of all) {
      const read = readCorpusFile(f);
      if (read) this.index.setFile(f, read.paragraphs, read.unit);
    }
  }

  /** The same index from files read and signed elsewhere (undefined: unreadable), in corpus order. */
  static fromPacks(packs: Array<PackedCorpusFile | undefined>): CliCorpus {
    const corpus = new CliCorpus([], ...cwdMasking(), []);
    for (const p of packs) if (p) corpus.index.setFile(p.file, unpack(p), p.unit);
    return corpus;
  }

  /** Whether there is anything to compare with at all. */
  get useful(): boolean {
    return this.index.fileCount > 1;
  }

  for(file: string): Corpus {
    return { index: this.index, self: path.resolve(file), root: process.cwd() };
  }
}
