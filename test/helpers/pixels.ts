/** A rendered page as pixels (pdftoppm), for what text extraction cannot see: coloured ink and ruled lines. */
import { spawnSync } from 'node:child_process';

export interface PageImage {
  width: number;
  height: number;
  /** RGB, three bytes a pixel, row by row. */
  data: Buffer;
  /** Pixels per millimetre. */
  scale: number;
}

export function pageImage(pdf: string, page: number, dpi = 150): PageImage {
  const r = spawnSync('pdftoppm', ['-r', String(dpi), '-f', String(page), '-l', String(page), pdf], { maxBuffer: 64 * 1024 * 1024 });
  const out = r.stdout as Buffer;
  // P6 header: "P6\n<w> <h>\n255\n".
  const header = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(out.subarray(0, 40).toString('latin1'));
  if (!header) throw new Error(`pdftoppm gave no picture of page ${page}: ${r.stderr}`);
  return { width: Number(header[1]), height: Number(header[2]), data: out.subarray(header[0].length), scale: dpi / 25.4 };
}

export type Ink = (r: number, g: number, b: number) => boolean;
export const RED_INK: Ink = (r, g, b) => r > 180 && g < 110 && b < 110;
export const DARK_INK: Ink = (r, g, b) => r < 110 && g < 110 && b < 110;

export interface Box {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** The box (mm) of the ink in a band of the page (mm from the top), or undefined when there is none. */
export function inkBox(img: PageImage, ink: Ink, band: { from: number; to: number } = { from: 0, to: 1e9 }): Box | undefined {
  let box: Box | undefined;
  const y0 = Math.max(0, Math.floor(band.from * img.scale));
  const y1 = Math.min(img.height, Math.ceil(band.to * img.scale));
  for (let y = y0; y < y1; y++) {
    for (let x = 0; x < img.width; x++) {
      const i = (y * img.width + x) * 3;
      if (!ink(img.data[i], img.data[i + 1], img.data[i + 2])) continue;
      if (!box) box = { top: y, bottom: y, left: x, right: x };
      box.top = Math.min(box.top, y);
      box.bottom = Math.max(box.bottom, y);
      box.left = Math.min(box.left, x);
      box.right = Math.max(box.right, x);
    }
  }
  return box && { top: box.top / img.scale, bottom: (box.bottom + 1) / img.scale, left: box.left / img.scale, right: (box.right + 1) / img.scale };
}

export interface Rule {
  /** Middle of the line, mm from the page's top. */
  y: number;
  /** Thickness in mm. */
  thickness: number;
  left: number;
  right: number;
}

/** Horizontal lines at least `minLength` mm long, drawn in this ink, top to bottom. */
export function horizontalRules(img: PageImage, ink: Ink, minLength = 100): Rule[] {
  const rows: Array<{ y: number; left: number; right: number }> = [];
  for (let y = 0; y < img.height; y++) {
    let run = 0;
    let best = { left: 0, right: 0 };
    for (let x = 0; x <= img.width; x++) {
      const i = (y * img.width + x) * 3;
      if (x < img.width && ink(img.data[i], img.data[i + 1], img.data[i + 2])) run++;
      else {
        if (run > best.right - best.left) best = { left: x - run, right: x };
        run = 0;
      }
    }
    if ((best.right - best.left) / img.scale >= minLength) rows.push({ y, ...best });
  }
  const rules: Rule[] = [];
  for (const row of rows) {
    const last = rules[rules.length - 1];
    const y = row.y / img.scale;
    if (last && y - (last.y + last.thickness / 2) <= 1.5 / img.scale) {
      const top = last.y - last.thickness / 2;
      last.thickness = y + 1 / img.scale - top;
      last.y = top + last.thickness / 2;
    } else rules.push({ y: y + 0.5 / img.scale, thickness: 1 / img.scale, left: row.left / img.scale, right: row.right / img.scale });
  }
  return rules;
}
