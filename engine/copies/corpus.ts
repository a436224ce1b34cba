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
import { Masker, ParagraphIndex, paragraphsOf } from './paragraph-index';

export const ARCHIVE_DIR = path.join('.party-report', 'archive');
const SKIP_DIRS = new Set(['node_modules', '.git', 'dist', '.vscode-test', '.tools']);
const MARKDOWN = /\.(md|markdown)$/i;
const MAX_BYTES = 15_000_000;
/** Word's lock files (~$报告.docx) are not documents. */
const DOCX = /^(?!~\$).*\.docx$/i;

export function newIndex(formulations: Formulation[], types: ReportType[]): ParagraphIndex {
  return new ParagraphIndex(new Masker(formulations, types));
}

/** Indexes a Markdown draft's text under `file`. */
export function indexMarkdown(index: ParagraphIndex, file: string, text: string): void {
  index.setFile(file, paragraphsOf(buildModel(text, { words: documentWords(builtinTypes().types) })));
}

/** Indexes a .docx by paragraph numbers; an unreadable file is skipped (returns false). */
export function indexDocx(index: ParagraphIndex, file: string, bytes: Uint8Array): boolean {
  try {
    const draft = loadWord().importDocx(bytes, modelForImport);
    const model = buildModel(draft.markdown, { words: documentWords(builtinTypes().types) });
    const paragraphs = paragraphsOf(model).map((p) => ({ ...p, line: draft.paragraphs[draft.paragraphAt[p.start]]?.ordinal ?? 0 }));
    index.setFile(file, paragraphs, 'paragraph');
    return true;
  } catch {
    return false;
  }
}

/** Indexes a file from disk by its kind; false when it cannot be read. */
export function indexFile(index: ParagraphIndex, file: string): boolean {
  try {
    // Files too large to check are not compared either: 15 MB is about the default check limit of
    // 5 million characters in Chinese UTF-8.
    if (fs.statSync(file).size > MAX_BYTES) return false;
    if (DOCX.test(path.basename(file))) return indexDocx(index, file, fs.readFileSync(file));
    let text = fs.readFileSync(file, 'utf8');
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    indexMarkdown(index, file, text);
    return true;
  } catch {
    return false;
  }
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

/** The nearest archive folder above `file` (or in `file` when it is a folder), if any. */
export function archiveFor(fileOrDir: string): string | undefined {
  let dir = path.resolve(fileOrDir);
  try {
    if (!fs.statSync(dir).isDirectory()) dir = path.dirname(dir);
  } catch {
    dir = path.dirname(dir);
  }
  for (;;) {
    const candidate = path.join(dir, ARCHIVE_DIR);
    if (fs.existsSync(candidate)) return candidate;
    const up = path.dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}
