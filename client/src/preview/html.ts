/**
 * The preview's page: a strict content security policy (scripts only from this extension's
 * media/preview with a nonce, styles from there, no network at all) and the toolbar's words in the
 * editor's language. The font stacks (local fonts only) arrive with the first pages.
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';

const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

export function previewHtml(webview: vscode.Webview, media: vscode.Uri, toggles: { marks: boolean; errors: boolean }): string {
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
<body data-labels="${attr(JSON.stringify(labels))}" data-toggles="${attr(JSON.stringify(toggles))}">
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
