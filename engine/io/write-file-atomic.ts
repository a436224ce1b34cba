/**
 * Writes a file the safe way: never over an existing file unless forced, and always through a
 * temporary file beside the target renamed into place, so a failure never leaves half a file.
 */
import { t } from '../i18n';
import * as fs from 'node:fs';
import * as path from 'node:path';

export class WriteRefused extends Error {}

export function writeFileAtomic(target: string, data: string | Uint8Array, force: boolean): void {
  const dir = path.dirname(path.resolve(target));
  let stat: fs.Stats | undefined;
  try {
    stat = fs.statSync(dir);
  } catch {
    throw new WriteRefused(`${target}: ` + t('无法写入：目录 {0} 不存在', dir));
  }
  if (!stat.isDirectory()) throw new WriteRefused(`${target}: ` + t('无法写入：{0} 不是目录', dir));
  if (fs.existsSync(target) && !force) {
    throw new WriteRefused(`${target}: ` + t('文件已存在，未覆盖（其中可能有你在别处做的修改）。确需覆盖请加 --force，或用 -o 指定另一个文件名。'));
  }
  const temp = path.join(dir, `.${path.basename(target)}.${process.pid}.${Date.now()}.tmp`);
  try {
    fs.writeFileSync(temp, data, { flag: 'wx' });
    fs.renameSync(temp, target);
  } catch (err) {
    fs.rmSync(temp, { force: true });
    const code = (err as NodeJS.ErrnoException).code;
    const reason = code === 'EACCES' || code === 'EPERM' || code === 'EROFS' ? t('没有写入权限（目录只读）') : (err as Error).message;
    throw new WriteRefused(`${target}: ` + t('无法写入：{0}', reason));
  }
}
