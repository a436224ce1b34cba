/**
 * The preview's page: a strict content security policy (scripts only from this extension's
 * media/preview with a nonce, styles from there, no network at all), local fonts named in a stack that
 * ends in generic families, and the toolbar's words in the editor's language.
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { DEFAULT_FONTS, type ExportFonts } from '../../../engine/export/gbt9704';

/** Faces tried after the one the export names, for machines without the 公文 fonts. */
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

/** One CSS font-family value per element: Latin letters in Times New Roman first, then the Chinese face. */
export function fontStacks(fonts: Partial<ExportFonts> = {}): Record<string, string> {
  const chosen = { ...DEFAULT_FONTS, ...fonts };
  const out: Record<string, string> = {};
  for (const key of Object.keys(FALLBACKS) as Array<keyof ExportFonts>) {
    const names = [...new Set([chosen[key], ...FALLBACKS[key]])];
    out[key] = ['"party-report-latin"', ...names.map(quote)].join(', ');
  }
  return out;
}

const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

export function previewHtml(webview: vscode.Webview, media: vscode.Uri, fonts: Partial<ExportFonts>, toggles: { marks: boolean; errors: boolean }): string {
  const nonce = randomBytes(16).toString('base64');
  const script = webview.asWebviewUri(vscode.Uri.joinPath(media, 'preview.js'));
  const style = webview.asWebviewUri(vscode.Uri.joinPath(media, 'preview.css'));
  const csp = [
    "default-src 'none'",
    `style-src ${webview.cspSource}`,
    `font-src ${webview.cspSource}`,
    `img-src ${webview.cspSource}`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
  const labels = {
    pages: vscode.l10n.t('{0} page(s)'),
  };
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style}">
<title>${attr(vscode.l10n.t('Page preview'))}</title>
</head>
<body data-labels="${attr(JSON.stringify(labels))}" data-fonts="${attr(JSON.stringify(fontStacks(fonts)))}" data-toggles="${attr(JSON.stringify(toggles))}">
<div id="toolbar" role="toolbar">
<label><input type="checkbox" id="show-marks">${attr(vscode.l10n.t('Tint placeholders'))}</label>
<label><input type="checkbox" id="show-errors">${attr(vscode.l10n.t('Mark errors'))}</label>
<span class="count" id="count"></span>
</div>
<div id="pages" role="document" aria-label="${attr(vscode.l10n.t('Page preview'))}"></div>
<script nonce="${nonce}" src="${script}"></script>
</body>
</html>`;
}
