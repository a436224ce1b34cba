/** The server's side of 从 Word 导入 and 生成审阅稿: the client asks, the server reads and writes. */
import * as fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { lint, loadExporter, loadWord, modelForImport, t, WriteRefused, writeFileAtomic, type LayoutOptions, type LintOptions } from '../../engine';
import type { ImportResult, ReviewResult } from './protocol';

export function importDocxRequest(file: string): ImportResult {
  const word = loadWord();
  try {
    return { ok: true, markdown: word.importDocx(fs.readFileSync(file), modelForImport).markdown };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? t('文件不存在') : (err as Error).message;
    return { ok: false, message: `${file}: ` + t('无法读取：{0}', reason) };
  }
}

/**
 * A review copy of a .docx file, or of a Markdown draft (its open text when `text` is given).
 * The source is only read; the copy is written atomically and never over the source.
 */
export async function reviewCopyRequest(
  p: { uri: string; target: string; force: boolean },
  text: string | undefined,
  options: LintOptions,
  layout: LayoutOptions,
): Promise<ReviewResult> {
  try {
    const source = p.uri.startsWith('file:') ? fileURLToPath(p.uri) : undefined;
    if (source && fs.existsSync(p.target) && fs.realpathSync(p.target) === fs.realpathSync(source)) {
      return { ok: false, message: t('审阅稿不能写到原文件上（原文件保持不变）。请用 -o 指定另一个文件名。') };
    }
    const word = loadWord();
    let result: { bytes: Uint8Array; comments: number };
    if (source && /\.docx$/i.test(source)) {
      result = word.reviewDocx(fs.readFileSync(source), modelForImport, (draft) => lint(draft.markdown, options).diagnostics);
    } else {
      const draft = text ?? (source ? fs.readFileSync(source, 'utf8') : '');
      const linted = lint(draft, options);
      const exported = await loadExporter().exportDocx(draft, layout);
      result = word.reviewExported(exported, linted.model!, linted.diagnostics);
    }
    writeFileAtomic(p.target, result.bytes, p.force);
    return { ok: true, target: p.target, comments: result.comments };
  } catch (err) {
    if (err instanceof WriteRefused) return { ok: false, message: err.message };
    return { ok: false, message: t('生成审阅稿失败：{0}', (err as Error).message) };
  }
}
