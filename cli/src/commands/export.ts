/** `party-report export <draft.md> [-o out.docx] [--force] [--pdf]`: a GB/T 9704 DOCX (or PDF) of the draft. */
import { t } from '../../../engine';
import * as path from 'node:path';
import { WriteRefused, writeFileAtomic } from '../../../engine';
import { loadExporter } from '../../../engine';
import { fontProblem } from '../../../engine';
import { DraftReadError, readDraft } from '../read-draft';
import type { TextEncodingName } from '../../../engine';
import { projectFor } from '../project';

export interface ExportArgs {
  file: string;
  output?: string;
  force: boolean;
  /** "title=方正小标宋_GBK" and the like. */
  fonts: string[];
  encoding?: TextEncodingName;
  /** PDF through LibreOffice instead of DOCX. */
  pdf?: boolean;
  /** LibreOffice's soffice, when it is not on PATH. */
  soffice?: string;
}



export async function runExport(args: ExportArgs, err: (s: string) => void): Promise<number> {
  let text: string;
  try {
    text = readDraft(args.file, args.encoding);
  } catch (e) {
    if (!(e instanceof DraftReadError)) throw e;
    err(e.message);
    return 2;
  }
  const extension = args.pdf ? '.pdf' : '.docx';
  const target = args.output ?? path.join(path.dirname(args.file), path.basename(args.file).replace(/\.(md|markdown|txt)$/i, '') + extension);
  const fonts: Record<string, string> = {};
  for (const pair of args.fonts) {
    const [key, ...rest] = pair.split('=');
    const wrong = fontProblem(key, rest.join('='));
    if (wrong) {
      err(`--font ${pair}: ` + wrong);
      return 2;
    }
    fonts[key] = rest.join('=').trim();
  }
  // The project file's export settings, then --font on top.
  const projectExport = projectFor(args.file, err).config?.config.export ?? {};
  const options = { fonts: { ...projectExport.fonts, ...fonts }, page: projectExport.page, baseDir: path.dirname(path.resolve(args.file)) };
  const exporter = loadExporter();
  let bytes: Uint8Array;
  if (args.pdf) {
    const soffice = exporter.findSoffice(args.soffice);
    if (!soffice) {
      err(exporter.noSofficeMessage());
      return 2;
    }
    try {
      const result = await exporter.exportPdf(text, { ...options, soffice });
      result.warnings.forEach((w) => err(w));
      bytes = result.pdf;
    } catch (e) {
      if (!(e instanceof exporter.PdfError)) throw e;
      err(e.message);
      return 2;
    }
  } else {
    const result = await exporter.exportReport(text, options);
    result.warnings.forEach((w) => err(w));
    bytes = result.docx;
  }
  try {
    writeFileAtomic(target, bytes, args.force);
  } catch (e) {
    if (!(e instanceof WriteRefused)) throw e;
    err(e.message);
    return 2;
  }
  err(t('已导出 {0}', target));
  return 0;
}
