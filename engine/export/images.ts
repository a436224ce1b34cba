/**
 * Images a draft points to (`![说明](图.png)`): read from beside the draft and embedded at their
 * own size, scaled down to fit the text block (pictureBox). Only the formats Word embeds without a
 * converter; anything else is reported and its alt text kept.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LINE_PITCH, PICTURE_SPARE_LINES } from './gbt9704';

export interface LoadedImage {
  type: 'png' | 'jpg' | 'gif' | 'bmp';
  data: Uint8Array;
  /** Size in pixels at 96 dpi, as the docx library takes it. */
  width: number;
  height: number;
}

/** The pixel size from the file's header: PNG IHDR, GIF screen descriptor, BMP header, JPEG SOFn. */
export function imageSize(data: Uint8Array): Omit<LoadedImage, 'data'> | undefined {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  if (data.length > 24 && view.getUint32(0) === 0x89504e47) return { type: 'png', width: view.getUint32(16), height: view.getUint32(20) };
  if (data.length > 10 && data[0] === 0x47 && data[1] === 0x49 && data[2] === 0x46) return { type: 'gif', width: view.getUint16(6, true), height: view.getUint16(8, true) };
  if (data.length > 26 && data[0] === 0x42 && data[1] === 0x4d) return { type: 'bmp', width: view.getInt32(18, true), height: Math.abs(view.getInt32(22, true)) };
  if (data.length > 4 && data[0] === 0xff && data[1] === 0xd8) {
    let i = 2;
    while (i + 9 < data.length) {
      if (data[i] !== 0xff) return undefined;
      const marker = data[i + 1];
      const length = view.getUint16(i + 2);
      // SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry the frame size.
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        return { type: 'jpg', width: view.getUint16(i + 7), height: view.getUint16(i + 5) };
      }
      i += 2 + length;
    }
  }
  return undefined;
}

export type ImageResult = { image: LoadedImage } | { problem: 'missing' | 'format' | 'remote' };

/** Pixels at 96 dpi in `twips`. */
const pixels = (twips: number) => Math.floor(((twips / 20) * 96) / 72);

/**
 * The largest picture, in pixels at 96 dpi, for a text block this size (twips): as wide as the text
 * block, and as tall as its lines but PICTURE_SPARE_LINES, so that it never runs off the page.
 */
export function pictureBox(textWidth: number, textHeight: number): { width: number; height: number } {
  const lines = Math.max(1, Math.floor(textHeight / LINE_PITCH) - PICTURE_SPARE_LINES);
  return { width: pixels(textWidth), height: pixels(lines * LINE_PITCH) };
}

/** Loads `url` relative to `baseDir`, scaled down (never up) to fit `box`; remote and data URLs are not fetched. */
export function loadImage(url: string, baseDir: string | undefined, box: { width: number; height: number }): ImageResult {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) && !/^file:/i.test(url)) return { problem: 'remote' };
  let file = decodeURI(url.replace(/^file:\/\//i, '').split(/[?#]/)[0]);
  if (!path.isAbsolute(file)) {
    if (!baseDir) return { problem: 'missing' };
    file = path.join(baseDir, file);
  }
  let data: Uint8Array;
  try {
    data = fs.readFileSync(file);
  } catch {
    return { problem: 'missing' };
  }
  const size = imageSize(data);
  if (!size || size.width <= 0 || size.height <= 0) return { problem: 'format' };
  const scale = Math.min(1, box.width / size.width, box.height / size.height);
  return { image: { ...size, data, width: Math.round(size.width * scale), height: Math.round(size.height * scale) } };
}
