/**
 * PDF through LibreOffice: the exported DOCX converted headless in a throw-away profile (so a
 * running LibreOffice is neither used nor disturbed), blank pages kept (the one before an even
 * 版记 page is printed), fonts embedded (LibreOffice embeds what it used). Before converting, each
 * 公文 font the document names is looked up with fontconfig; one that resolves to another family
 * will be substituted, and the writer is told which.
 */
import type * as ChildProcess from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { t } from '../i18n';
import { writeFileAtomic } from '../io/write-file-atomic';

/**
 * child_process, loaded when a PDF is made: loading it (with net, dgram and their bindings) costs the
 * CLI's DOCX export, which never spawns anything, a millisecond or two of its start.
 */
const childProcess = () => require('node:child_process') as typeof ChildProcess;

/** LibreOffice's program: the setting's path if it runs, else soffice or libreoffice on PATH. */
export function findSoffice(setting?: string): string | undefined {
  if (setting && setting.trim()) {
    const file = setting.trim();
    return fs.existsSync(file) ? file : undefined;
  }
  const names = process.platform === 'win32' ? ['soffice.exe', 'soffice.com'] : ['soffice', 'libreoffice'];
  const dirs = (process.env.PATH ?? '').split(path.delimiter).filter(Boolean);
  if (process.platform === 'darwin') dirs.push('/Applications/LibreOffice.app/Contents/MacOS');
  if (process.platform === 'win32') dirs.push('C:\\Program Files\\LibreOffice\\program');
  for (const dir of dirs) {
    for (const name of names) {
      const file = path.join(dir, name);
      try {
        if (fs.statSync(file).isFile()) return file;
      } catch {
        // not here
      }
    }
  }
  return undefined;
}

/** What to tell a writer without LibreOffice. */
export const noSofficeMessage = (setting?: string) =>
  setting && setting.trim()
    ? t('导出 PDF 需要 LibreOffice：指定的 soffice 路径 {0} 不存在。请改正设置 partyReport.export.soffice（命令行用 --soffice）中的路径，或删去它以在 PATH 中查找。', setting.trim())
    : t('导出 PDF 需要 LibreOffice：没有在 PATH 中找到 soffice。请安装 LibreOffice，或在设置 partyReport.export.soffice（命令行用 --soffice）中写明 soffice 的路径。');

/** Keeps the blank page a section break inserts, as a printer would print it. */
export const PDF_FILTER = 'pdf:writer_pdf_Export:{"IsSkipEmptyPages":{"type":"boolean","value":"false"}}';

/**
 * The font names the document uses that fontconfig resolves to another family (on systems
 * without fc-match, nothing is known and nothing is reported).
 */
export function substitutedFonts(names: string[], env: NodeJS.ProcessEnv = process.env): Array<{ font: string; instead: string }> {
  const out: Array<{ font: string; instead: string }> = [];
  for (const font of [...new Set(names)]) {
    // Asked for Chinese text, as LibreOffice asks when it lays the characters out: without the
    // language, fontconfig names a Latin font (DejaVu Sans) that the PDF never uses for them.
    const pattern = `${font.replace(/[\\:,-]/g, '\\$&')}:lang=zh-cn`;
    const r = childProcess().spawnSync('fc-match', ['-f', '%{family}', pattern], { encoding: 'utf8', env, timeout: 10000 });
    if (r.error || r.status !== 0) return [];
    const families = r.stdout.split(',').map((f) => f.trim());
    if (!families.some((f) => f.toLowerCase() === font.toLowerCase())) out.push({ font, instead: families[0] ?? '?' });
  }
  return out;
}

export class PdfError extends Error {}

/** Converts DOCX bytes to PDF bytes. Throws PdfError with a message for the writer. */
export function convertToPdf(docx: Uint8Array, soffice: string, env: NodeJS.ProcessEnv = process.env): Uint8Array {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'party-report-pdf-'));
  try {
    const input = path.join(dir, 'report.docx');
    writeFileAtomic(input, docx, false);
    const r = childProcess().spawnSync(
      soffice,
      ['--headless', '--norestore', '--nologo', `-env:UserInstallation=${pathToUrl(path.join(dir, 'profile'))}`, '--convert-to', PDF_FILTER, '--outdir', dir, input],
      { encoding: 'utf8', timeout: 300000, env },
    );
    const pdf = path.join(dir, 'report.pdf');
    if (!fs.existsSync(pdf)) {
      const why = r.error ? r.error.message : (r.stderr || r.stdout || '').trim().split('\n').pop() || String(r.status);
      throw new PdfError(t('LibreOffice 未能把文稿转换为 PDF：{0}', why));
    }
    return fs.readFileSync(pdf);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function pathToUrl(p: string): string {
  const forward = p.replace(/\\/g, '/');
  return 'file://' + (forward.startsWith('/') ? '' : '/') + encodeURI(forward);
}
