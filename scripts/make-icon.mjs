// Draws images/icon.png (128 × 128): a red tile with a white page, lines of text and a check mark.
// Plain shapes rasterised here and written as PNG with zlib, so no image tool is needed.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';

const S = 128;
const px = new Uint8Array(S * S * 4);
const hex = (h) => [parseInt(h.slice(1, 3), 16), parseInt(h.slice(3, 5), 16), parseInt(h.slice(5, 7), 16)];
// Each pixel is sampled 4 × 4 times, so edges come out smooth.
function paint(inside, color) {
  const [r, g, b] = hex(color);
  for (let y = 0; y < S; y++)
    for (let x = 0; x < S; x++) {
      let hits = 0;
      for (let sy = 0; sy < 4; sy++) for (let sx = 0; sx < 4; sx++) if (inside(x + (sx + 0.5) / 4, y + (sy + 0.5) / 4)) hits++;
      if (!hits) continue;
      const a = hits / 16;
      const i = (y * S + x) * 4;
      const da = px[i + 3] / 255;
      const oa = a + da * (1 - a);
      for (const [k, c] of [[0, r], [1, g], [2, b]]) px[i + k] = Math.round((c * a + px[i + k] * da * (1 - a)) / oa);
      px[i + 3] = Math.round(oa * 255);
    }
}
const roundRect = (x0, y0, w, h, r) => (x, y) => {
  const cx = Math.min(Math.max(x, x0 + r), x0 + w - r);
  const cy = Math.min(Math.max(y, y0 + r), y0 + h - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r && x >= x0 && x <= x0 + w && y >= y0 && y <= y0 + h;
};
const circle = (cx, cy, r) => (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
const segment = (x1, y1, x2, y2, w) => (x, y) => {
  const dx = x2 - x1, dy = y2 - y1;
  const t = Math.max(0, Math.min(1, ((x - x1) * dx + (y - y1) * dy) / (dx * dx + dy * dy)));
  return (x - x1 - t * dx) ** 2 + (y - y1 - t * dy) ** 2 <= (w / 2) ** 2;
};

paint(roundRect(4, 4, 120, 120, 18), '#C8102E');
paint(roundRect(30, 20, 68, 88, 4), '#FFFFFF');
paint(roundRect(40, 34, 48, 7, 1), '#C8102E');
for (const [y, w] of [[50, 48], [60, 48], [70, 48], [80, 30]]) paint(roundRect(40, y, w, 4, 1), '#9A9A9A');
paint(circle(84, 94, 14), '#FFD700');
paint((x, y) => segment(77, 94, 82, 99, 4)(x, y) || segment(82, 99, 91, 88, 4)(x, y), '#C8102E');

// PNG: signature, IHDR, IDAT (filter byte 0 per row), IEND; CRC-32 over type and data.
const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type), data]);
  const sum = Buffer.alloc(4);
  sum.writeUInt32BE(crc(body));
  return Buffer.concat([len, body, sum]);
};
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(S, 0);
ihdr.writeUInt32BE(S, 4);
ihdr.set([8, 6, 0, 0, 0], 8);
const rows = Buffer.alloc(S * (S * 4 + 1));
for (let y = 0; y < S; y++) rows.set(px.subarray(y * S * 4, (y + 1) * S * 4), y * (S * 4 + 1) + 1);
const png = Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
const out = path.join(import.meta.dirname, '..', 'images', 'icon.png');
fs.writeFileSync(out, png);
console.log(`wrote ${out}`);
