/** Reads a .docx given to the CLI as a draft: its Markdown form, and the way back to Word positions. */
import * as fs from 'node:fs';
import { loadWord, modelForImport, t, type DocxDraft, type ImportOptions } from '../../engine';
import { DraftReadError } from './read-draft';

export const isDocx = (file: string) => /\.docx$/i.test(file);

export function readDocxDraft(file: string, options: ImportOptions = {}): { bytes: Uint8Array; draft: DocxDraft } {
  let bytes: Uint8Array;
  try {
    bytes = fs.readFileSync(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? t('文件不存在') : code === 'EACCES' ? t('没有读取权限') : code === 'EISDIR' ? t('这是一个目录') : (err as Error).message;
    throw new DraftReadError(`${file}: ` + t('无法读取：{0}', reason));
  }
  const word = loadWord();
  try {
    return { bytes, draft: word.importDocx(bytes, modelForImport, options) };
  } catch (err) {
    if (err instanceof word.DocxError) throw new DraftReadError(`${file}: ` + t('无法读取：{0}', err.message));
    throw err;
  }
}

/** A diagnostic's range as Word paragraph (line) and character (0-based, like LSP positions). */
export function docxPositions(draft: DocxDraft) {
  return (d: { span: { start: number; end: number } }) => {
    const r = loadWord().wordRange(draft, d.span);
    const ordinal = (i: number) => draft.paragraphs[i]?.ordinal ?? 0;
    return { start: { line: ordinal(r.start.paragraph), character: r.start.character }, end: { line: ordinal(r.end.paragraph), character: r.end.character } };
  };
}
