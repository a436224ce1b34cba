/**
 * The preview's fonts: the face the export names for each element (settings may change them), then
 * faces common on writers' machines, then a generic family. Latin letters and digits come first from
 * Times New Roman, as the export writes them (the webview's stylesheet limits that face to ASCII).
 */
import { exportFonts, type ExportFonts } from '../export/gbt9704';

const FALLBACKS: Record<keyof ExportFonts, string[]> = {
  title: ['FZXiaoBiaoSong-B05S', 'STZhongsong', '华文中宋', 'Noto Serif CJK SC', 'Source Han Serif SC', 'SimSun', 'serif'],
  body: ['仿宋', 'FangSong', 'STFangsong', 'Noto Serif CJK SC', 'Source Han Serif SC', 'serif'],
  heading1: ['黑体', 'SimHei', 'STHeiti', 'Noto Sans CJK SC', 'Source Han Sans SC', 'sans-serif'],
  heading2: ['楷体', 'KaiTi', 'STKaiti', 'AR PL UKai CN', 'Noto Serif CJK SC', 'serif'],
  heading3: ['仿宋', 'FangSong', 'STFangsong', 'Noto Serif CJK SC', 'serif'],
  heading4: ['仿宋', 'FangSong', 'STFangsong', 'Noto Serif CJK SC', 'serif'],
  pageNumber: ['宋体', 'SimSun', 'Noto Serif CJK SC', 'serif'],
  latin: ['Times New Roman', 'Liberation Serif', 'serif'],
};

const GENERIC = new Set(['serif', 'sans-serif']);
const quote = (name: string) => (GENERIC.has(name) ? name : `"${name.replace(/["\\]/g, '')}"`);

/** One CSS font-family value per element. */
export function fontStacks(fonts: Partial<ExportFonts> = {}): Record<string, string> {
  const chosen = exportFonts(fonts);
  const out: Record<string, string> = {};
  for (const key of Object.keys(FALLBACKS) as Array<keyof ExportFonts>) {
    const names = [...new Set([chosen[key], ...FALLBACKS[key]])];
    out[key] = ['"party-report-latin"', ...names.map(quote)].join(', ');
  }
  return out;
}
