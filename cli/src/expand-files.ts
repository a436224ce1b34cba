/** Expands the CLI's file arguments: plain files, directories (their Markdown files), and globs. */
import * as fs from 'node:fs';
import * as path from 'node:path';

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

/** Arguments that name nothing come back in `missing`, so the caller can say so. */
export function expandFiles(args: string[]): { files: string[]; missing: string[] } {
  const files: string[] = [];
  const missing: string[] = [];
  for (const arg of args) {
    if (/[*?]/.test(arg)) {
      const parts = arg.split('/');
      const firstGlob = parts.findIndex((p) => /[*?]/.test(p));
      const root = parts.slice(0, firstGlob).join('/') || '.';
      const all: string[] = [];
      walk(root, all);
      const re = globToRegExp(path.posix.normalize(arg));
      const matched = all.filter((f) => re.test(path.posix.normalize(f.split(path.sep).join('/'))));
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
    else if (stat.isDirectory()) walk(arg, files);
    else files.push(arg);
  }
  return { files: [...new Set(files)], missing };
}
