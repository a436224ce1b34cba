/**
 * Writes a file the safe way: through a temporary file beside the target, renamed into place, so a
 * failure never leaves half a file; and never over something the user did not mean:
 *  - an existing file only when forced (export, new) or when it is the file just read (lint --fix);
 *  - a file read earlier only if it is still exactly what was read (size, time and SHA-256 checked
 *    again just before the rename), and never brought back if it was deleted meanwhile;
 *  - only regular files: a device, FIFO, socket or directory is refused even with --force;
 *  - a symlink is followed and its target replaced, so the link stays a link;
 *  - the replaced file keeps its permissions and owner; a read-only file is left alone.
 */
import { t } from '../i18n';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { kindOf, readBytes, sha256, type FileSnapshot } from './read-file';

export class WriteRefused extends Error {}

export interface WriteOptions {
  /** Replace an existing regular file. */
  force?: boolean;
  /** The file as it was read: write only if it is still that file, unchanged. Implies replacing it. */
  expect?: FileSnapshot;
}

function refuse(target: string, reason: string): never {
  throw new WriteRefused(`${target}: ` + t('无法写入：{0}', reason));
}

/** The file a write to `target` lands in: the target itself, or what its symlink points to. */
function resolveTarget(target: string): { file: string; stat?: fs.Stats } {
  let link: fs.Stats;
  try {
    link = fs.lstatSync(target);
  } catch {
    return { file: target };
  }
  if (!link.isSymbolicLink()) return { file: target, stat: link };
  let real: string;
  try {
    real = fs.realpathSync(target);
  } catch {
    refuse(target, t('这是指向不存在的文件的符号链接（{0}），未写入', fs.readlinkSync(target)));
  }
  return { file: real, stat: fs.statSync(real) };
}

function unchanged(file: string, expect: FileSnapshot): boolean {
  let now: fs.Stats;
  try {
    now = fs.statSync(file);
  } catch {
    return false;
  }
  if (!now.isFile() || now.size !== expect.size || now.mtimeMs !== expect.mtimeMs) return false;
  try {
    return sha256(readBytes(file, expect.size).bytes) === expect.sha256;
  } catch {
    return false;
  }
}

/**
 * Throws WriteRefused if a write to `target` would be refused before anything is written (a file that
 * exists without force, a directory, a device, a read-only file, a missing folder). An export asks
 * first: LibreOffice's conversion took seconds before "文件已存在，未覆盖" was said.
 */
export function checkWritable(target: string, forceOrOptions: boolean | WriteOptions): void {
  preflight(target, typeof forceOrOptions === 'boolean' ? { force: forceOrOptions } : forceOrOptions);
}

function preflight(target: string, options: WriteOptions): { file: string; stat?: fs.Stats; dir: string } {
  const { file, stat } = resolveTarget(target);
  const expect = options.expect;
  if (expect && !stat) refuse(target, t('文件在读取后被删除，未重新创建'));
  if (stat) {
    const kind = kindOf(stat);
    if (kind) refuse(target, t('{0}，不能覆盖', kind));
    if (!options.force && !expect) {
      throw new WriteRefused(`${target}: ` + t('文件已存在，未覆盖（其中可能有你在别处做的修改）。确需覆盖请加 --force，或用 -o 指定另一个文件名。'));
    }
    if ((stat.mode & 0o222) === 0) refuse(target, t('文件是只读的（权限 {0}），未修改；确需修改请先去掉只读属性', (stat.mode & 0o777).toString(8)));
  }
  const dir = path.dirname(path.resolve(file));
  let dirStat: fs.Stats;
  try {
    dirStat = fs.statSync(dir);
  } catch {
    throw new WriteRefused(`${target}: ` + t('无法写入：目录 {0} 不存在', dir));
  }
  if (!dirStat.isDirectory()) throw new WriteRefused(`${target}: ` + t('无法写入：{0} 不是目录', dir));
  return { file, stat, dir };
}

export function writeFileAtomic(target: string, data: string | Uint8Array, forceOrOptions: boolean | WriteOptions): void {
  const options: WriteOptions = typeof forceOrOptions === 'boolean' ? { force: forceOrOptions } : forceOrOptions;
  const { file, stat, dir } = preflight(target, options);
  const expect = options.expect;

  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.${Date.now()}.${Math.random().toString(36).slice(2, 8)}.tmp`);
  try {
    fs.writeFileSync(temp, data, { flag: 'wx', mode: 0o600 });
    if (stat) {
      // The umask does not apply to chmod: the replaced file gets exactly the old permissions.
      fs.chmodSync(temp, stat.mode & 0o7777);
      if (stat.uid !== process.getuid?.() || stat.gid !== process.getgid?.()) {
        try {
          fs.chownSync(temp, stat.uid, stat.gid);
        } catch {
          refuse(target, t('无法保留文件的属主（{0}:{1}），未修改', stat.uid, stat.gid));
        }
      }
    } else {
      fs.chmodSync(temp, 0o666 & ~process.umask());
    }
    // The last moment before the rename: is the file still what was read?
    if (expect && !unchanged(file, expect)) {
      if (!fs.existsSync(file)) refuse(target, t('文件在读取后被删除，未重新创建'));
      refuse(target, t('文件在读取后被其他程序修改过，未写入，以免覆盖那些修改；请重新运行'));
    }
    fs.renameSync(temp, file);
  } catch (err) {
    fs.rmSync(temp, { force: true });
    if (err instanceof WriteRefused) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    // Node's own text names the temporary file, which the writer never asked for.
    const reason =
      code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
        ? t('没有写入权限（目录只读）')
        : code === 'ENOENT' || code === 'ENOTDIR'
          ? t('不能在目录 {0} 中创建文件', dir)
          : code === 'ENOSPC'
            ? t('磁盘空间不足')
            : (code ?? (err as Error).message);
    throw new WriteRefused(`${target}: ` + t('无法写入：{0}', reason));
  }
}
