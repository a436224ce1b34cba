/**
 * Reads a user's file without trusting what the path names. The file is opened without blocking
 * (a FIFO would otherwise wait forever for a writer), then checked through the open descriptor —
 * a regular file, within the size limit — before a byte is read; only then is it read, and never
 * more than the size it reported. What came back is remembered (size, time, hash) so that a
 * later write can tell whether someone else changed the file meanwhile (see write-file-atomic.ts).
 *
 * Encodings, as Windows users save their reports: UTF-8 (with or without BOM), UTF-16 LE/BE with
 * a BOM ("Unicode" in Notepad and Word), and GB18030 (GBK is a subset) when the bytes are not UTF-8
 * but decode cleanly as GB18030. A file with NUL bytes in it after that is a binary, and refused.
 */
import { t } from '../i18n';
import type * as Crypto from 'node:crypto';
import * as fs from 'node:fs';

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';
export const ENCODINGS: TextEncodingName[] = ['utf-8', 'utf-16le', 'utf-16be', 'gb18030'];

export class FileReadError extends Error {}

/** Config files, report type definitions and skeletons are a few kilobytes; this is generous. */
export const MAX_CONFIG_BYTES = 1_000_000;

/** What a file was when it was read: the write-back compares the file against it. */
export interface FileSnapshot {
  /** The path as given, and the real file behind it (symlinks followed). */
  path: string;
  realPath: string;
  size: number;
  mtimeMs: number;
  sha256: string;
  mode: number;
  uid: number;
  gid: number;
}

export interface TextFile {
  text: string;
  encoding: TextEncodingName;
  /** The file began with a byte-order mark; a write-back keeps it. */
  bom: boolean;
  snapshot: FileSnapshot;
}

export interface ReadOptions {
  /** Files larger than this many bytes are refused unread. */
  maxBytes: number;
  /** Force an encoding instead of detecting one. */
  encoding?: TextEncodingName;
}

function reasonFor(code: string | undefined): string | undefined {
  switch (code) {
    case 'ENOENT':
      return t('文件不存在');
    case 'EACCES':
    case 'EPERM':
      return t('没有读取权限');
    case 'EISDIR':
      return t('这是一个目录');
    case 'ELOOP':
      return t('符号链接层数过多（可能是循环链接）');
    case 'ENXIO':
      return t('这是套接字，不是普通文件');
    default:
      return undefined;
  }
}

/** Why a non-regular file is refused, in words the user knows. */
export function kindOf(stat: fs.Stats): string | undefined {
  if (stat.isFile()) return undefined;
  if (stat.isDirectory()) return t('这是一个目录');
  if (stat.isFIFO()) return t('这是命名管道（FIFO），不是普通文件');
  if (stat.isSocket()) return t('这是套接字，不是普通文件');
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return t('这是设备文件，不是普通文件');
  return t('不是普通文件');
}

function fail(file: string, reason: string): never {
  throw new FileReadError(`${file}: ` + t('无法读取：{0}', reason));
}

/** Reads at most `maxBytes` bytes of a regular file; anything else is refused before reading. */
export function readBytes(file: string, maxBytes: number): { bytes: Buffer; snapshot: FileSnapshot } {
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  } catch (err) {
    fail(file, reasonFor((err as NodeJS.ErrnoException).code) ?? (err as Error).message);
  }
  try {
    const stat = fs.fstatSync(fd);
    const kind = kindOf(stat);
    if (kind) fail(file, kind);
    if (stat.size > maxBytes) {
      fail(file, t('文件过大（{0} 字节，上限 {1} 字节），未读取', stat.size, maxBytes));
    }
    // Read what the file said it holds, plus one byte to notice it growing under us.
    const bytes = Buffer.alloc(stat.size + 1);
    let got = 0;
    for (;;) {
      const n = fs.readSync(fd, bytes, got, bytes.length - got, got);
      if (n === 0) break;
      got += n;
      if (got > stat.size) fail(file, t('读取时文件仍在变大，请稍后再试'));
    }
    const content = bytes.subarray(0, got);
    let hash: string | undefined;
    let realPath = file;
    try {
      realPath = fs.realpathSync(file);
    } catch {
      // Gone already: the write-back will notice.
    }
    return {
      bytes: content,
      snapshot: {
        path: file,
        realPath,
        size: got,
        mtimeMs: stat.mtimeMs,
        // Hashed when the write-back asks (lint --fix), not on every read: a run that only reads
        // then never loads node:crypto, a few milliseconds of start-up.
        get sha256() {
          return (hash ??= sha256(content));
        },
        mode: stat.mode,
        uid: stat.uid,
        gid: stat.gid,
      },
    };
  } finally {
    fs.closeSync(fd);
  }
}

let crypto: typeof Crypto | undefined;

export function sha256(bytes: Uint8Array): string {
  crypto ??= require('node:crypto') as typeof Crypto;
  return crypto.createHash('sha256').update(bytes).digest('hex');
}

/** Decodes bytes in the given encoding, or detects it (BOM, then UTF-8, then GB18030). */
export function decodeText(bytes: Uint8Array, forced?: TextEncodingName): { text: string; encoding: TextEncodingName; bom: boolean } | { error: string } {
  const b0 = bytes[0];
  const b1 = bytes[1];
  let encoding: TextEncodingName | undefined = forced;
  let bom = false;
  if (b0 === 0xef && b1 === 0xbb && bytes[2] === 0xbf) {
    bom = encoding === undefined || encoding === 'utf-8';
    encoding ??= 'utf-8';
  } else if (b0 === 0xff && b1 === 0xfe) {
    bom = encoding === undefined || encoding === 'utf-16le';
    encoding ??= 'utf-16le';
  } else if (b0 === 0xfe && b1 === 0xff) {
    bom = encoding === undefined || encoding === 'utf-16be';
    encoding ??= 'utf-16be';
  }
  const body = bom ? bytes.subarray(encoding === 'utf-8' ? 3 : 2) : bytes;
  const decode = (name: TextEncodingName): string | undefined => {
    try {
      return new TextDecoder(name, { fatal: true, ignoreBOM: true }).decode(body);
    } catch {
      return undefined;
    }
  };
  let text: string | undefined;
  if (encoding) {
    text = decode(encoding);
    if (text === undefined) return { error: t('不是有效的 {0} 编码', encoding.toUpperCase()) };
  } else {
    // NUL bytes in a file without a UTF-16 BOM: not text in any encoding a report is saved in.
    if (body.includes(0)) {
      // Every other byte NUL: UTF-16 saved without its BOM (some Windows tools), not a binary file.
      if (looksLikeUtf16(body)) return { error: t('文件像是没有 BOM 的 UTF-16 编码：请加 --encoding utf-16le（或 utf-16be），或另存为 UTF-8') };
      return { error: t('文件含 NUL 字节，看起来是二进制文件，不是 Markdown 文稿') };
    }
    text = decode('utf-8');
    encoding = 'utf-8';
    if (text === undefined) {
      text = decode('gb18030');
      encoding = 'gb18030';
    }
    if (text === undefined) {
      return { error: t('既不是 UTF-8 也不是 GB18030（GBK）编码，可能是二进制文件；如是其他编码，请另存为 UTF-8 后再试') };
    }
  }
  // Control characters other than tab, line breaks and form feed: a binary that happened to decode.
  if (/[\0-\x08\x0e-\x1a\x1c-\x1f]/.test(text)) return { error: t('文件含控制字符（如 NUL），看起来是二进制文件，不是 Markdown 文稿') };
  return { text, encoding, bom };
}

/** A text file, read and decoded with the limits above. */
export function readTextFile(file: string, options: ReadOptions): TextFile {
  const { bytes, snapshot } = readBytes(file, options.maxBytes);
  const decoded = decodeText(bytes, options.encoding);
  if ('error' in decoded) fail(file, decoded.error);
  return { ...decoded, snapshot };
}

/** Text back to bytes in the encoding it was read in; GB18030 has no encoder in Node, so it is refused. */
export function encodeText(text: string, encoding: TextEncodingName, bom: boolean): Uint8Array | undefined {
  if (encoding === 'utf-8') return Buffer.from((bom ? '\ufeff' : '') + text, 'utf8');
  if (encoding === 'utf-16le') return Buffer.from((bom ? '\ufeff' : '') + text, 'utf16le');
  if (encoding === 'utf-16be') return Buffer.from((bom ? '\ufeff' : '') + text, 'utf16le').swap16();
  return undefined;
}

/**
 * Whether the opening reads as UTF-16 text: NUL bytes all on one side of the pairs (ASCII in UTF-16
 * has one in every pair, CJK few), and no control characters but tabs and line breaks once decoded.
 */
function looksLikeUtf16(body: Uint8Array): boolean {
  const n = Math.min(body.length, 4096) & ~1;
  if (n < 8) return false;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (body[i] === 0) even++;
    if (body[i + 1] === 0) odd++;
  }
  if ((even > 0) === (odd > 0)) return false;
  const text = new TextDecoder(odd > 0 ? 'utf-16le' : 'utf-16be').decode(body.subarray(0, n));
  return !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffd]/.test(text);
}
