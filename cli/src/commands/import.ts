/** `party-report import <file.docx> [-o draft.md] [--force]`: a Markdown draft made from a Word document. */
import * as path from 'node:path';
import { t, WriteRefused, writeFileAtomic } from '../../../engine';
import { DraftReadError } from '../read-draft';
import { isDocx, readDocxDraft } from '../word-input';

export interface ImportArgs {
  file: string;
  /** "-" writes the draft to standard output. */
  output?: string;
  force: boolean;
}

export function runImport(args: ImportArgs, out: (s: string) => void, err: (s: string) => void): number {
  if (!isDocx(args.file)) {
    err(`${args.file}: ` + t('只能导入 .docx 文件（旧版 .doc 请先在 Word 或 WPS 中另存为 .docx）'));
    return 2;
  }
  let markdown: string;
  try {
    markdown = readDocxDraft(args.file).draft.markdown;
  } catch (e) {
    if (!(e instanceof DraftReadError)) throw e;
    err(e.message);
    return 2;
  }
  if (args.output === '-') {
    out(markdown);
    return 0;
  }
  const target = args.output ?? path.join(path.dirname(args.file), path.basename(args.file).replace(/\.docx$/i, '') + '.md');
  try {
    writeFileAtomic(target, markdown, args.force);
  } catch (e) {
    if (!(e instanceof WriteRefused)) throw e;
    err(e.message);
    return 2;
  }
  err(t('已导入 {0}', target));
  return 0;
}
