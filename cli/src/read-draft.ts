/** Reads a draft from disk as the editor would: UTF-8, BOM dropped, binary files refused. */
import { t } from '../../engine';
import * as fs from 'node:fs';

export class DraftReadError extends Error {}

const decoder = new TextDecoder('utf-8', { fatal: true });

export function readDraft(file: string): string {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT' ? t('文件不存在') : code === 'EACCES' ? t('没有读取权限') : code === 'EISDIR' ? t('这是一个目录') : (err as Error).message;
    throw new DraftReadError(`${file}: ` + t('无法读取：{0}', reason));
  }
  if (bytes.includes(0)) throw new DraftReadError(`${file}: ` + t('无法读取：{0}', t('文件含 NUL 字节，看起来是二进制文件，不是 Markdown 文稿')));
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    throw new DraftReadError(`${file}: ` + t('无法读取：{0}', t('不是有效的 UTF-8 编码（可能是 GBK），请另存为 UTF-8 后再试')));
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
