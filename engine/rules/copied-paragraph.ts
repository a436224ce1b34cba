/**
 * A paragraph that is the same or nearly the same as one in another report of the workspace or in
 * the archive (.party-report/archive/): 对照检查材料 copied from last year's or a colleague's. Needs
 * the workspace's paragraph index (LintOptions.corpus); without one it says nothing.
 */
import { t } from '../i18n';
import { paragraphsOf } from '../copies/paragraph-index';
import type { DocumentRule } from './rule';

export const copiedParagraph: DocumentRule = {
  id: 'copied-paragraph',
  defaultSeverity: 'information',
  summary: '段落与工作区内其他文稿或归档材料相同或几乎相同（照搬）',
  source: '工作区文稿与归档材料（.party-report/archive/）',
  check(ctx) {
    const corpus = ctx.corpus;
    if (!corpus) return;
    const lines = new Map(ctx.model.lines.map((l) => [l.sourceLine, l]));
    for (const p of paragraphsOf(ctx.model)) {
      const match = corpus.index.best(corpus.self, p.text);
      if (!match) continue;
      const line = lines.get(p.line)!;
      const where = match.unit === 'paragraph' ? t('第 {0} 段', match.line + 1) : t('第 {0} 行', match.line + 1);
      const name = relativeTo(corpus.root, match.file);
      const percent = Math.round(match.similarity * 100);
      ctx.report({
        span: { start: line.starts[0], end: line.ends[line.ends.length - 1] },
        message:
          match.similarity >= 0.999
            ? t('本段与 {0} {1}的段落相同，像是照搬。请结合本人（本单位）的实际重新撰写。', name, where)
            : t('本段与 {0} {1}的段落几乎相同（相似度 {2}%），像是照搬。请结合本人（本单位）的实际重新撰写。', name, where, percent),
        related: [{ file: match.file, line: match.line, unit: match.unit, message: t('相似的段落（{0}%）', percent) }],
      });
    }
  },
};

/** `file` as named from `root` when it lies inside it (rules touch no file system, not even node:path). */
function relativeTo(root: string | undefined, file: string): string {
  if (!root) return file;
  const base = root.replace(/[\\/]+$/, '');
  return file.startsWith(base + '/') || file.startsWith(base + '\\') ? file.slice(base.length + 1).replace(/\\/g, '/') : file;
}
