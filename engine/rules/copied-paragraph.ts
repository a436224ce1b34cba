/**
 * A paragraph that is the same or nearly the same as one in another report of the workspace or in
 * the archive (.party-report/archive/): 对照检查材料 copied from last year's or a colleague's. Needs
 * the workspace's paragraph index (LintOptions.corpus); without one it says nothing.
 */
import { getLocale, t } from '../i18n';
import { isComparedParagraph, type Match } from '../copies/paragraph-index';
import type { ReportLine } from '../model/types';
import type { DocumentRule, RuleContext } from './rule';

/**
 * A line's answer, kept with the line while the index's other files stay as they were (the editor
 * asks at every keystroke: at 5 MB a fresh look-up for every paragraph doubled a keystroke's time).
 */
interface Answer {
  self: string;
  version: number;
  match: Match | undefined;
  /** The finding's message and related note, for the language and root they were made in. */
  said?: { locale: string; root: string | undefined; message: string; note: string };
}

const unanswered = (_line: ReportLine): Answer => ({ self: '', version: -1, match: undefined });

export const copiedParagraph: DocumentRule = {
  id: 'copied-paragraph',
  defaultSeverity: 'information',
  summary: '段落与工作区内其他文稿或归档材料相同或几乎相同（照搬）',
  source: '工作区文稿与归档材料（.party-report/archive/）',
  check(ctx) {
    const corpus = ctx.corpus;
    if (!corpus) return;
    const version = corpus.index.othersVersion?.(corpus.self);
    for (const line of ctx.model.lines) {
      if (!isComparedParagraph(line)) continue;
      let answer: Answer;
      if (version === undefined) answer = { self: corpus.self, version: -1, match: corpus.index.best(corpus.self, line.text) };
      else {
        answer = ctx.lineFacts(line, copiedParagraph.id, unanswered);
        if (answer.self !== corpus.self || answer.version !== version) {
          answer.self = corpus.self;
          answer.version = version;
          answer.match = corpus.index.best(corpus.self, line.text);
          answer.said = undefined;
        }
      }
      if (answer.match) report(ctx, line, answer, answer.match);
    }
  },
};

function report(ctx: RuleContext, line: ReportLine, answer: Answer, match: Match): void {
  const root = ctx.corpus?.root;
  const locale = getLocale();
  const percent = Math.round(match.similarity * 100);
  if (!answer.said || answer.said.locale !== locale || answer.said.root !== root) {
    const where = match.unit === 'paragraph' ? t('第 {0} 段', match.line + 1) : t('第 {0} 行', match.line + 1);
    const name = relativeTo(root, match.file);
    const message =
      match.similarity >= 0.999
        ? t('本段与 {0} {1}的段落相同，像是照搬。请结合本人（本单位）的实际重新撰写。', name, where)
        : t('本段与 {0} {1}的段落几乎相同（相似度 {2}%），像是照搬。请结合本人（本单位）的实际重新撰写。', name, where, percent);
    answer.said = { locale, root, message, note: t('相似的段落（{0}%）', percent) };
  }
  ctx.report({
    span: { start: line.starts[0], end: line.ends[line.ends.length - 1] },
    message: answer.said.message,
    related: [{ file: match.file, line: match.line, unit: match.unit, message: answer.said.note }],
  });
}

/** `file` as named from `root` when it lies inside it (rules touch no file system, not even node:path). */
function relativeTo(root: string | undefined, file: string): string {
  if (!root) return file;
  const base = root.replace(/[\\/]+$/, '');
  return file.startsWith(base + '/') || file.startsWith(base + '\\') ? file.slice(base.length + 1).replace(/\\/g, '/') : file;
}
