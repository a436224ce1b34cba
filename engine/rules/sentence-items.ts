import type { ReportModel, Section } from '../model/types';

/**
 * "（二）抓安全生产的韧劲不足，对在建工地安全隐患排查多、跟踪销号少。" then "（三）……。": numbered
 * lines that are sentences — a comma inside, a full stop at the end, nothing under them, and a
 * neighbour of the same kind — are a list of points (the problems a 整改方案 lists), not headings
 * that lost their text. heading-punctuation and empty-section leave them alone.
 */
export function isSentenceItem(model: ReportModel, section: Section): boolean {
  if (!isBareSentence(section)) return false;
  const siblings = section.parent ? section.parent.children : model.sections.filter((s) => !s.parent);
  const at = siblings.indexOf(section);
  return [siblings[at - 1], siblings[at + 1]].some((s) => s !== undefined && s.level === section.level && isBareSentence(s));
}

function isBareSentence(section: Section): boolean {
  if (section.line.headingDepth > 0 || section.children.length > 0 || section.body.some((l) => l.role === 'body')) return false;
  const text = section.line.text.slice(section.numbering?.to ?? 0).trim();
  return /[，,；;]/.test(text) && /[。；！]$/.test(text);
}
