/** Expands the CLI's file arguments: plain files, directories (their Markdown files), and globs. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadWord, t } from '../../engine';

const MARKDOWN = /\.(md|markdown|mdown|mkd)$/i;
/** Word documents are checked too (not Word's ~$ lock files). */
const DOCX = /^(?!~\$).*\.docx$/i;
// .party-report holds templates and the archive of old materials: never drafts to check.
const SKIP_DIRS = new Set(['node_modules', '.git', 'dist', '.vscode-test', '.party-report']);

function walk(dir: string, out: string[]): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (!SKIP_DIRS.has(e.name)) walk(full, out);
    } else if (e.isFile() && (MARKDOWN.test(e.name) || DOCX.test(e.name))) out.push(full);
  }
}

function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') {
      if (glob[i + 1] === '*') {
        re += '.*';
        i++;
        if (glob[i + 1] === '/') i++;
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

/** A draft's path without its extension, in lower case: X.md, X.docx and X-审阅稿.docx pair by it. */
const stem = (f: string) => f.replace(MARKDOWN, '').replace(/\.docx$/i, '').toLowerCase();
const isWord = (f: string) => DOCX.test(path.basename(f));

/**
 * What a folder holds besides drafts: a Word document beside a Markdown draft of the same name is
 * that draft exported (checking both would report everything twice, and each as a copy of the
 * other), and X-审阅稿.docx beside X is a review copy of it. Named on their own, they are checked.
 * Exports written to another folder (export -o) are found by exportsOfDrafts below.
 */
function withoutDerivedWord(found: string[]): string[] {
  const markdown = new Set(found.filter((f) => MARKDOWN.test(f)).map(stem));
  const any = new Set(found.filter((f) => MARKDOWN.test(f) || isWord(f)).map(stem));
  return found.filter((f) => {
    if (!isWord(f)) return true;
    // Exported from the Markdown draft beside it.
    if (markdown.has(stem(f))) return false;
    // A review copy of a draft or a Word document beside it; a review copy alone is checked.
    const reviewed = /-审阅稿$/i.exec(stem(f));
    return !(reviewed && any.has(stem(f).slice(0, reviewed.index)));
  });
}

/** The stem of the file name alone: exports in another folder pair with their drafts by name. */
const stemOf = (f: string) => stem(path.basename(f));

/**
 * Word documents found in a folder or by a pattern that are the export of a Markdown draft of the same
 * name elsewhere in the run (export -o writes them to another folder): checking them would report
 * every finding of the draft twice, and each paragraph as a copy of the other. Told by the export's
 * own styles (madeByExport), so a Word document of the same name written by anyone else is checked.
 */
function exportsOfDrafts(files: string[], found: Set<string>): Map<string, string> {
  const drafts = new Map<string, string>();
  for (const f of files) if (MARKDOWN.test(f) && !drafts.has(stemOf(f))) drafts.set(stemOf(f), f);
  const derived = new Map<string, string>();
  for (const f of files) {
    const draft = drafts.get(stemOf(f));
    if (!draft || !found.has(path.resolve(f)) || !isWord(f)) continue;
    let bytes: Uint8Array;
    try {
      bytes = fs.readFileSync(f);
    } catch {
      continue; // checked as it is, with the reason it cannot be read
    }
    if (loadWord().madeByExport(bytes)) derived.set(f, draft);
  }
  return derived;
}

/**
 * Arguments that name nothing come back in `missing` (a pattern that matches no draft), folders
 * without a draft in `empty`, so the caller can say so. `derived`: Word documents left out as the
 * export of a draft in another folder of the run (exportsOfDrafts), with that draft.
 */
export function expandFiles(args: string[]): { files: string[]; missing: string[]; empty: string[]; derived: Map<string, string> } {
  const files: string[] = [];
  const missing: string[] = [];
  const empty: string[] = [];
  // Files a folder or a pattern gave, not named one by one: only these are left out as exports.
  const found = new Set<string>();
  const named = new Set<string>();
  for (const arg of args) {
    if (/[*?]/.test(arg)) {
      const parts = arg.split('/');
      const firstGlob = parts.findIndex((p) => /[*?]/.test(p));
      const root = parts.slice(0, firstGlob).join('/') || '.';
      const all: string[] = [];
      walk(root, all);
      const re = globToRegExp(path.posix.normalize(arg));
      const matched = withoutDerivedWord(all.filter((f) => re.test(path.posix.normalize(f.split(path.sep).join('/')))));
      if (matched.length === 0) missing.push(arg);
      files.push(...matched);
      for (const f of matched) found.add(path.resolve(f));
      continue;
    }
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(arg);
    } catch {
      stat = undefined;
    }
    if (!stat) files.push(arg); // reported as unreadable, with the reason
    else if (stat.isDirectory()) {
      const inFolder: string[] = [];
      walk(arg, inFolder);
      if (inFolder.length === 0) empty.push(arg);
      const kept = withoutDerivedWord(inFolder);
      files.push(...kept);
      for (const f of kept) found.add(path.resolve(f));
    } else {
      files.push(arg);
      named.add(path.resolve(arg));
    }
  }
  // A file both named and found in a folder is checked: it was asked for by name.
  for (const f of named) found.delete(f);
  const unique = [...new Set(files)];
  const derived = exportsOfDrafts(unique, found);
  return { files: unique.filter((f) => !derived.has(f)), missing, empty, derived };
}

/** Says which Word documents were left out as another folder's drafts exported (lint). */
export function sayDerived(derived: Map<string, string>, err: (s: string) => void): void {
  for (const [word, draft] of derived) err(`${word}: ` + t('是 {0} 导出的 Word 文档，已随该文稿检查，不再重复检查；要检查它，请单独写出它的文件名。', draft));
}

/** Says which arguments gave no draft (for lint and export alike); how many, for the exit code. */
export function sayUnmatched({ missing, empty }: { missing: string[]; empty: string[] }, err: (s: string) => void): number {
  for (const m of missing) err(`${m}: ` + t('没有匹配的 Markdown 或 Word 文稿'));
  for (const m of empty) err(`${m}: ` + t('目录中没有 Markdown 或 Word 文稿（.md、.docx）；其他文件（如 .txt）请逐个写出文件名。'));
  return missing.length + empty.length;
}
