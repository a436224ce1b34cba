/**
 * The corpus copied-paragraph compares against: the Markdown reports of a folder (the workspace,
 * or the folders given to the CLI) and the archive (.party-report/archive/, .md and .docx, e.g.
 * last year's materials). Built once; each file is re-indexed on its own when it changes.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildModel } from '../model/build';
import { builtinTypes } from '../report-types/load';
import { documentWords } from '../report-types/words';
import type { Formulation } from '../formulations/load';
import type { ReportType } from '../report-types/types';
import { loadWord, modelForImport } from '../word/load';
import { Masker, ParagraphIndex, paragraphsOf, type IndexableParagraph, type Location } from './paragraph-index';

export const ARCHIVE_DIR = path.join('.party-report', 'archive');
const SKIP_DIRS = new Set(['node_modules', '.git', 'dist', '.vscode-test', '.tools']);
const MARKDOWN = /\.(md|markdown)$/i;
const MAX_BYTES = 15_000_000;
/** Word's lock files (~$报告.docx) are not documents. */
const DOCX = /^(?!~\$).*\.docx$/i;

export function newIndex(formulations: Formulation[], types: ReportType[]): ParagraphIndex {
  return new ParagraphIndex(new Masker(formulations, types));
}

/** What a file gives the index: its paragraphs worth comparing, and how they are numbered. */
export interface CorpusFileParagraphs {
  unit: Location['unit'];
  paragraphs: IndexableParagraph[];
}

function markdownParagraphs(text: string): IndexableParagraph[] {
  return paragraphsOf(buildModel(text, { words: documentWords(builtinTypes().types) }));
}

/** Indexes a Markdown draft's text under `file`. */
export function indexMarkdown(index: ParagraphIndex, file: string, text: string): void {
  index.setFile(file, markdownParagraphs(text));
}

/** A .docx's paragraphs, numbered as Word counts them; undefined when it cannot be read. */
function docxParagraphs(bytes: Uint8Array): IndexableParagraph[] | undefined {
  try {
    const draft = loadWord().importDocx(bytes, modelForImport);
    const model = buildModel(draft.markdown, { words: documentWords(builtinTypes().types) });
    return paragraphsOf(model).map((p) => ({ ...p, line: draft.paragraphs[draft.paragraphAt[p.start]]?.ordinal ?? 0 }));
  } catch {
    return undefined;
  }
}

/** Indexes a .docx by paragraph numbers; an unreadable file is skipped (returns false). */
export function indexDocx(index: ParagraphIndex, file: string, bytes: Uint8Array): boolean {
  const paragraphs = docxParagraphs(bytes);
  if (paragraphs) index.setFile(file, paragraphs, 'paragraph');
  return paragraphs !== undefined;
}

/**
 * Reads a file of the corpus from disk by its kind (Markdown or .docx): what indexFile puts in the
 * index, for those who index elsewhere (the CLI's workers). Undefined when it cannot be read.
 */
export function readCorpusFile(file: string): CorpusFileParagraphs | undefined {
  try {
    // Files too large to check are not compared either: 15 MB is about the default check limit of
    // 5 million characters in Chinese UTF-8.
    if (fs.statSync(file).size > MAX_BYTES) return undefined;
    if (DOCX.test(path.basename(file))) {
      const paragraphs = docxParagraphs(fs.readFileSync(file));
      return paragraphs && { unit: 'paragraph', paragraphs };
    }
    let text = fs.readFileSync(file, 'utf8');
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    return { unit: 'line', paragraphs: markdownParagraphs(text) };
  } catch {
    return undefined;
  }
}

/** Indexes a file from disk by its kind; false when it cannot be read. */
export function indexFile(index: ParagraphIndex, file: string): boolean {
  const read = readCorpusFile(file);
  if (read) index.setFile(file, read.paragraphs, read.unit);
  return read !== undefined;
}

/** The Markdown files under `root` (not in its archive) and every .md/.docx in its archive. */
export function corpusFiles(root: string, limit = 20000, archiveOnly = false): string[] {
  const out: string[] = [];
  const walk = (dir: string, archive: boolean) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      if (out.length >= limit) return;
      const full = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (SKIP_DIRS.has(e.name)) continue;
        if (!archive && e.name === '.party-report') {
          walk(path.join(full, 'archive'), true);
          continue;
        }
        walk(full, archive);
      } else if (e.isFile() && (MARKDOWN.test(e.name) || (archive && DOCX.test(e.name)))) out.push(full);
    }
  };
  walk(root, archiveOnly);
  return out;
}

/**
 * The nearest archive folder above `file` (or in `file` when it is a folder), if any. `known` keeps
 * the answer for each folder looked at: a folder of 1,000 drafts then asks the file system once.
 */
export function archiveFor(fileOrDir: string, known?: Map<string, string | undefined>): string | undefined {
  let dir = path.resolve(fileOrDir);
  try {
    if (!fs.statSync(dir).isDirectory()) dir = path.dirname(dir);
  } catch {
    dir = path.dirname(dir);
  }
  const start = dir;
  if (known?.has(start)) return known.get(start);
  let found: string | undefined;
  for (;;) {
    const candidate = path.join(dir, ARCHIVE_DIR);
    if (fs.existsSync(candidate)) {
      found = candidate;
      break;
    }
    const up = path.dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  known?.set(start, found);
  return found;
}
