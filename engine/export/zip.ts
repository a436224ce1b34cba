/**
 * The DOCX package written as a ZIP file (APPNOTE 6.3: local headers, the data, a central directory,
 * its end record), each part compressed by Node's zlib. A DOCX is a handful of parts whose bytes are all
 * at hand, so this is the plain, whole-file form of the format: sizes and CRC-32 in the headers, no
 * streaming, no ZIP64 (a part or a package over 4 GB is refused), no extra fields.
 *
 * Why not fflate, which wrote it before: docx carries its own copy of fflate inside its bundle, so
 * importing the package beside it built fflate's tables a second time at every load, and its
 * streaming writer then ran cold for what is a few headers. zlib does the compression and the
 * CRC-32; this file only writes the headers.
 */
import * as zlib from 'node:zlib';

interface Entry {
  name: Buffer;
  crc: number;
  size: number;
  data: Buffer;
  offset: number;
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const VERSION = 20; // 2.0: DEFLATE
const DEFLATE = 8;
const UTF8_NAME = 0x0800; // general-purpose flag bit 11: the name is UTF-8

/** MS-DOS time and date fields (local time, two-second steps), as ZIP stores a file's modification time. */
function dosDateTime(when: Date): { time: number; date: number } {
  const year = Math.min(Math.max(when.getFullYear(), 1980), 2107);
  return {
    time: (when.getHours() << 11) | (when.getMinutes() << 5) | (when.getSeconds() >> 1),
    date: ((year - 1980) << 9) | ((when.getMonth() + 1) << 5) | when.getDate(),
  };
}

/**
 * One part, compressed (DEFLATE, level 6) with its CRC-32, by zlib: raw DEFLATE and zlib.crc32 (Node
 * 20.15 and later), else a gzip member, whose body is the same raw DEFLATE stream and whose trailer
 * holds the CRC-32.
 */
export function deflated(data: Uint8Array): { data: Buffer; crc: number } {
  if (typeof zlib.crc32 === 'function') return { data: zlib.deflateRawSync(data, { level: 6 }), crc: zlib.crc32(data) };
  const gz = zlib.gzipSync(data, { level: 6 });
  // Node writes the 10-byte header without optional fields (FLG = 0); anything else is not expected.
  if (gz[0] !== 0x1f || gz[1] !== 0x8b || gz[2] !== 8 || gz[3] !== 0) throw new Error('unexpected gzip header');
  return { data: gz.subarray(10, gz.length - 8), crc: gz.readUInt32LE(gz.length - 8) };
}

/** A part compressed beforehand (fixed-parts.ts): its DEFLATE data, the CRC-32 and length of its content. */
export interface Deflated {
  deflated: Buffer;
  crc: number;
  size: number;
}

/** A part's content: its bytes, or the same compressed beforehand. */
export type PackedPart = Uint8Array | Deflated;

/** The files (path in the package → content) as one ZIP file, in the order given. */
export function zipFiles(files: Record<string, PackedPart>, modified = new Date()): Buffer {
  const { time, date } = dosDateTime(modified);
  const entries: Entry[] = [];
  const chunks: Buffer[] = [];
  let offset = 0;
  const flagsOf = (name: Buffer, path: string) => (name.length !== path.length ? UTF8_NAME : 0);

  for (const [path, content] of Object.entries(files)) {
    const name = Buffer.from(path, 'utf8');
    const { data, crc } = content instanceof Uint8Array ? deflated(content) : { data: content.deflated, crc: content.crc };
    const size = content instanceof Uint8Array ? content.length : content.size;
    if (size > 0xffffffff || data.length > 0xffffffff || name.length > 0xffff) throw new Error(`${path}: too large for a ZIP file without ZIP64`);
    const header = Buffer.alloc(30);
    header.writeUInt32LE(LOCAL_HEADER, 0);
    header.writeUInt16LE(VERSION, 4);
    header.writeUInt16LE(flagsOf(name, path), 6);
    header.writeUInt16LE(DEFLATE, 8);
    header.writeUInt16LE(time, 10);
    header.writeUInt16LE(date, 12);
    header.writeUInt32LE(crc, 14);
    header.writeUInt32LE(data.length, 18);
    header.writeUInt32LE(size, 22);
    header.writeUInt16LE(name.length, 26);
    header.writeUInt16LE(0, 28); // no extra field
    entries.push({ name, crc, size, data, offset });
    chunks.push(header, name, data);
    offset += header.length + name.length + data.length;
  }

  const directoryStart = offset;
  for (const entry of entries) {
    const header = Buffer.alloc(46);
    header.writeUInt32LE(CENTRAL_HEADER, 0);
    header.writeUInt16LE(VERSION, 4); // made by: MS-DOS attributes, version 2.0
    header.writeUInt16LE(VERSION, 6);
    header.writeUInt16LE(flagsOf(entry.name, entry.name.toString('utf8')), 8);
    header.writeUInt16LE(DEFLATE, 10);
    header.writeUInt16LE(time, 12);
    header.writeUInt16LE(date, 14);
    header.writeUInt32LE(entry.crc, 16);
    header.writeUInt32LE(entry.data.length, 20);
    header.writeUInt32LE(entry.size, 24);
    header.writeUInt16LE(entry.name.length, 28);
    // Extra field, comment, disk number, internal and external attributes: none (zero).
    header.writeUInt32LE(entry.offset, 42);
    chunks.push(header, entry.name);
    offset += header.length + entry.name.length;
  }
  if (offset > 0xffffffff || entries.length > 0xffff) throw new Error('package too large for a ZIP file without ZIP64');

  const end = Buffer.alloc(22);
  end.writeUInt32LE(END_OF_CENTRAL_DIRECTORY, 0);
  // Disk numbers: 0.
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(offset - directoryStart, 12);
  end.writeUInt32LE(directoryStart, 16);
  // No comment.
  chunks.push(end);
  return Buffer.concat(chunks);
}
