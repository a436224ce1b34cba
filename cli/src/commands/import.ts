/** `party-report import <file.docx> [-o draft.md] [--force]`: a Markdown draft made from a Word document. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { t, WriteRefused, writeFileAtomic, type DocxDraft } from '../../../engine';
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
  const toStdout = args.output === '-';
  const target = toStdout ? '' : args.output ?? path.join(path.dirname(args.file), path.basename(args.file).replace(/\.docx$/i, '') + '.md');
  // Pictures go to "<draft>.assets/" beside the draft; on standard output there is no beside.
  const assets = toStdout ? undefined : path.join(path.dirname(target), path.basename(target).replace(/\.(md|markdown)$/i, '') + '.assets');
  let draft: DocxDraft;
  try {
    draft = readDocxDraft(args.file, assets ? { assets: path.basename(assets) } : {}).draft;
  } catch (e) {
    if (!(e instanceof DraftReadError)) throw e;
    err(e.message);
    return 2;
  }
  if (toStdout) {
    out(draft.markdown);
    return 0;
  }
  try {
    const pictures = draft.media.map((m) => ({ file: path.join(assets!, m.name), data: m.data }));
    // Nothing is written unless everything can be: an existing file stops the import before the first write.
    if (!args.force) {
      for (const f of [target, ...pictures.map((p) => p.file)]) {
        if (fs.existsSync(f)) throw new WriteRefused(`${f}: ` + t('文件已存在，未覆盖（其中可能有你在别处做的修改）。确需覆盖请加 --force，或用 -o 指定另一个文件名。'));
      }
    }
    if (pictures.length > 0) fs.mkdirSync(assets!, { recursive: true });
    // The pictures first: the draft never points to a picture that is not there yet.
    for (const p of pictures) writeFileAtomic(p.file, p.data, args.force);
    writeFileAtomic(target, draft.markdown, args.force);
  } catch (e) {
    if (!(e instanceof WriteRefused)) throw e;
    err(e.message);
    return 2;
  }
  err(draft.media.length > 0 ? t('已导入 {0}（图片 {1} 张，在 {2}）', target, draft.media.length, assets!) : t('已导入 {0}', target));
  return 0;
}
