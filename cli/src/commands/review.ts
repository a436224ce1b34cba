/**
 * `party-report review <file.docx|draft.md> [-o reviewed.docx] [--force]`: a copy of the document
 * with each finding as a Word comment (批注) on the words it concerns, for reviewers who only use
 * Word or WPS. The original is only read.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { builtinFormulations, lint, loadExporter, loadWord, modelForImport, projectLintOptions, t, WriteRefused, writeFileAtomic } from '../../../engine';
import { CliCorpus } from '../corpus';
import { projectFor } from '../project';
import { DraftReadError, readDraft } from '../read-draft';
import { isDocx, readDocxDraft } from '../word-input';

export interface ReviewArgs {
  file: string;
  output?: string;
  force: boolean;
  template?: string;
}

/** report.docx → report-审阅稿.docx beside it. */
export function reviewTarget(file: string): string {
  return path.join(path.dirname(file), path.basename(file).replace(/\.(docx|md|markdown|txt)$/i, '') + '-审阅稿.docx');
}

export async function runReview(args: ReviewArgs, err: (s: string) => void): Promise<number> {
  const target = args.output ?? reviewTarget(args.file);
  if (fs.existsSync(target) && fs.existsSync(args.file) && fs.realpathSync(target) === fs.realpathSync(args.file)) {
    err(`${target}: ` + t('审阅稿不能写到原文件上（原文件保持不变）。请用 -o 指定另一个文件名。'));
    return 2;
  }
  const project = projectFor(args.file, err);
  const corpus = CliCorpus.read([args.file], projectLintOptions(project).formulations ?? builtinFormulations(), project.types);
  const options = projectLintOptions(project, { template: args.template, ...(corpus.useful ? { corpus: corpus.for(args.file) } : {}) });
  const word = loadWord();
  let result: { bytes: Uint8Array; comments: number };
  let recognised = false;
  try {
    if (isDocx(args.file)) {
      const { bytes } = readDocxDraft(args.file);
      result = word.reviewDocx(bytes, modelForImport, (draft) => {
        const linted = lint(draft.markdown, options);
        recognised = linted.type !== undefined;
        return linted.diagnostics;
      });
    } else {
      const text = readDraft(args.file);
      const linted = lint(text, options);
      recognised = linted.type !== undefined;
      const projectExport = project.config?.config.export ?? {};
      const exported = await loadExporter().exportDocx(text, { fonts: projectExport.fonts, page: projectExport.page });
      result = word.reviewExported(exported, linted.model!, linted.diagnostics);
    }
  } catch (e) {
    if (!(e instanceof DraftReadError)) throw e;
    err(e.message);
    return 2;
  }
  try {
    writeFileAtomic(target, result.bytes, args.force);
  } catch (e) {
    if (!(e instanceof WriteRefused)) throw e;
    err(e.message);
    return 2;
  }
  err(t('已生成审阅稿 {0}（{1} 条批注）', target, result.comments));
  // No comments because nothing was checked is not the same as a clean report.
  if (!recognised) err(t('注意：{0} 未识别为党建报告，没有检查，所以没有批注。若它是报告，请用 --template 指定类型再生成。', args.file));
  return 0;
}
