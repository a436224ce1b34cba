import { standardMarker } from '../model/numbering';
import { t } from '../i18n';
import type { Fix, DocumentRule, TextEdit } from './rule';
import { q, spanOf, trimmedSpan } from './util';

/** A required section of the report type is not in the draft. */
export const missingSection: DocumentRule = {
  id: 'missing-section',
  defaultSeverity: 'error',
  summary: '缺少报告类型要求的章节',
  fixable: true,
  source: '报告类型定义（report-types/）',
  check(ctx) {
    const { type, match, model } = ctx;
    // A draft whose headings stand for the type's sections only by concept words follows a
    // structure of its own ("一、基本情况 二、主要做法 三、评议结果"): what it lacks can't be told.
    const understood = match.roots.length === 0 || match.roots.some((r) => r.how === 'name' || r.how === 'theme' || r.how === 'item');
    if (!understood) return;
    // A report told in paragraphs, with no heading at all: a section is there when a paragraph speaks
    // of it (会前……征求意见 for the preparation); one nobody speaks of is missing all the same.
    const paragraphs = match.roots.length === 0 ? bodyText(model) : undefined;
    type.sections.forEach((section, index) => {
      if (!section.required || match.present.has(section.id)) return;
      if (paragraphs !== undefined && [section.title, ...section.variants, ...section.concepts].some((word) => paragraphs.includes(word))) return;
      // Reported where it belongs: on the heading it should precede, or after the section it follows.
      const before = type.sections.slice(0, index).reverse().find((s) => match.byId.has(s.id));
      const after = type.sections.slice(index + 1).find((s) => match.byId.has(s.id));
      const next = after ? match.byId.get(after.id)! : undefined;
      const prev = before ? match.byId.get(before.id)! : undefined;
      const anchor = next ? next.line : prev ? lastContentLine(model, prev.lastLine) : (model.title ?? model.lines.find((l) => l.block !== 'tableCell'));
      const span = anchor ? trimmedSpan(anchor) : { start: 0, end: 0 };
      ctx.report({
        span,
        message: next
          ? t('缺少{0}一节，应在{1}之前。', q(section.title), q(next.title))
          : prev
            ? t('缺少{0}一节，应在{1}之后。', q(section.title), q(prev.title))
            : t('缺少{0}一节。', q(section.title)),
        fix: ctx.renderSection ? lazyInsertFix(ctx, index) : undefined,
      });
    });
  },
};

/** The body's text (not the title: "……组织生活会和民主评议会总结" names the meeting, not its parts). */
const bodyText = (model: Parameters<DocumentRule['check']>[0]['model']) =>
  model.lines
    .filter((l) => l.role === 'body' && l.block !== 'tableCell')
    .map((l) => l.text)
    .join('\n');

/**
 * The skeleton is rendered only when the fix's edits are asked for (a quick fix offered or applied),
 * never while a draft is merely checked: a workspace skeleton may be large or slow to render.
 */
function lazyInsertFix(ctx: Parameters<DocumentRule['check']>[0], index: number): Fix {
  let edits: TextEdit[] | undefined;
  return {
    title: t('插入{0}一节', q(ctx.type.sections[index].title)),
    safe: false,
    get edits() {
      return (edits ??= insertFix(ctx, index).edits);
    },
  };
}

/** The last line of a section's text, before the closing (特此报告, signature, date) if any. */
function lastContentLine(model: Parameters<DocumentRule['check']>[0]['model'], lastIndex: number) {
  const lines = model.lines.filter((l) => l.block !== 'tableCell' && l.index <= lastIndex && (l.role === 'body' || l.role === 'heading'));
  return lines[lines.length - 1] ?? model.lines[lastIndex];
}

function insertFix(ctx: Parameters<DocumentRule['check']>[0], index: number) {
  const { type, match, model } = ctx;
  const section = type.sections[index];
  const after = type.sections.slice(index + 1).find((s) => match.byId.has(s.id));
  const before = type.sections.slice(0, index).reverse().find((s) => match.byId.has(s.id));
  const eol = model.lineIndex.eol();
  const next = after ? match.byId.get(after.id) : undefined;
  const prev = before ? match.byId.get(before.id) : undefined;
  // Number it to fit: one after the previous present section, or 一 when it comes first.
  const number = prev?.numbering ? prev.numbering.value + 1 : 1;
  const body = ctx.renderSection!(section.id, number);
  const edits = [];
  let at: number;
  let text: string;
  if (next) {
    at = model.lineIndex.lineStart(model.lineIndex.positionAt(next.line.starts[0]).line);
    text = body + eol + (model.markdownHeadings ? eol : '');
  } else {
    // Before the closing (特此报告, signature, date) if there is one, else after the last section.
    const closingLine = model.lines.find((l) => l.role === 'closing' || l.role === 'signature' || l.role === 'date');
    const content = model.lines.filter((l) => l.block !== 'tableCell' && (!closingLine || l.index < closingLine.index));
    const last = prev ? content.filter((l) => l.index <= prev.lastLine).pop() : undefined;
    const anchorLine = last ?? closingLine ?? content[content.length - 1];
    if (anchorLine && anchorLine === closingLine) {
      at = model.lineIndex.lineStart(model.lineIndex.positionAt(anchorLine.starts[0]).line);
      text = body + eol + (model.markdownHeadings ? eol : '');
    } else {
      at = anchorLine ? model.lineIndex.lineEnd(model.lineIndex.positionAt(anchorLine.ends[anchorLine.ends.length - 1] - 1).line) : model.text.length;
      text = eol + (model.markdownHeadings ? eol : '') + body;
    }
  }
  edits.push({ span: { start: at, end: at }, newText: text });
  // Renumber the sections after it so the sequence runs on from the inserted one.
  if (next) {
    let following = number;
    for (const root of match.roots) {
      const n = root.section.numbering;
      if (!n || root.section.line.index < next.line.index) continue;
      const line = root.section.line;
      const marker = standardMarker(n.level, ++following);
      if (marker !== n.marker) edits.push({ span: spanOf(line, n.from, n.to), newText: marker });
    }
  }
  return { title: t('插入{0}一节', q(section.title)), edits, safe: false };
}
