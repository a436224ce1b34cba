import type { ReportModel, Section } from '../model/types';

/**
 * "（二）抓安全生产的韧劲不足，对在建工地安全隐患排查多、跟踪销号少。" then "（三）……。": numbered
 * lines that are sentences — longer than a heading, a comma inside, a full stop at the end, nothing
 * under them, and a neighbour of the same kind — are a list of points (the problems a 整改方案 lists),
 * not headings that lost their text. heading-punctuation and empty-section leave them alone. A short
 * pair of phrases ("（一）强化理论武装，筑牢思想根基。") is a heading with a stray full stop.
 */
export function isSentenceItem(model: ReportModel, section: Section): boolean {
  if (!isBareSentence(section)) return false;
  return sameLevelNeighbours(model, section).some(isBareSentence);
}

/** Longer than the two short phrases a heading joins with a comma. */
const SENTENCE_LENGTH = 20;

function isBareSentence(section: Section): boolean {
  if (section.line.headingDepth > 0 || section.children.length > 0 || section.body.some((l) => l.role === 'body')) return false;
  const text = section.line.text.slice(section.numbering?.to ?? 0).trim();
  return text.length > SENTENCE_LENGTH && /[，,；;]/.test(text) && /[。；！]$/.test(text);
}

/**
 * The sections just before and after one that has no sub-sections, when they are its siblings at its
 * level. Sections are in document order and a section's id is its index, so this is two lookups,
 * not a search: a draft of 20,000 numbered lines asks it 20,000 times.
 */
export function sameLevelNeighbours(model: ReportModel, section: Section): Section[] {
  const all = model.sections;
  const at = all[section.id] === section ? section.id : all.indexOf(section);
  const out: Section[] = [];
  // Before it: the previous sibling, unless that one has children (then the section before is a child's).
  const before = all[at - 1];
  if (before && before.parent === section.parent && before.level === section.level) out.push(before);
  const after = all[at + 1];
  if (section.children.length === 0 && after && after.parent === section.parent && after.level === section.level) out.push(after);
  return out;
}
