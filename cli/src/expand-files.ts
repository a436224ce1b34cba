/** Expands the CLI's file arguments: plain files, directories (their Markdown files), and globs. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { t } from '../../engine';

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

/**
 * What a folder holds besides drafts: a Word document beside a Markdown draft of the same name is
 * that draft exported (checking both would report everything twice, and each as a copy of the
 * other), and X-审阅稿.docx beside X is a review copy of it. Named on their own, they are checked.
 * Only the same folder is looked at: exports written elsewhere (export -o) cannot be told apart.
 */
function withoutDerivedWord(found: string[]): string[] {
  const isWord = (f: string) => DOCX.test(path.basename(f));
  const stem = (f: string) => f.replace(MARKDOWN, '').replace(/\.docx$/i, '').toLowerCase();
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

/**
 * Arguments that name nothing come back in `missing` (a pattern that matches no draft), folders
 * without a draft in `empty`, so the caller can say so.
 */
export function expandFiles(args: string[]): { files: string[]; missing: string[]; empty: string[] } {
  const files: string[] = [];
  const missing: string[] = [];
  const empty: string[] = [];
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
      const found: string[] = [];
      walk(arg, found);
      if (found.length === 0) empty.push(arg);
      files.push(...withoutDerivedWord(found));
    } else files.push(arg);
  }
  return { files: [...new Set(files)], missing, empty };
}

/** Says which arguments gave no draft (for lint and export alike); how many, for the exit code. */
export function sayUnmatched({ missing, empty }: { missing: string[]; empty: string[] }, err: (s: string) => void): number {
  for (const m of missing) err(`${m}: ` + t('没有匹配的 Markdown 或 Word 文稿'));
  for (const m of empty) err(`${m}: ` + t('目录中没有 Markdown 或 Word 文稿（.md、.docx）；其他文件（如 .txt）请逐个写出文件名。'));
  return missing.length + empty.length;
}
