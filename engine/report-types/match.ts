/**
 * Which of a draft's top-level sections stand for which sections of a report type.
 *
 * Real reports rarely use the type's own words for their headings: "一、细化环节抓筹备，夯实会议思想
 * 根基" is the 会前准备 section, "一、完善制度规范，民主型支部显温度" is part of a 述职报告's 履职情况.
 * So a heading stands for a section in one of three ways, tried in this order:
 * - by name: it is the section's title or a listed variant (or contains one);
 * - by concept: it (or, more weakly, its sub-headings and paragraphs) uses the section's concept
 *   words, preferring sections no other heading stands for yet;
 * - by theme: it stands for nothing else and the type has a section that thematic headings make up
 *   (`absorbs-themes`, e.g. 主要工作, 履职情况).
 * Before all three, a heading that a section's `item-headings` match is one of that section's items
 * ("一、关于……的问题" of a 整改方案), whatever other section's name it contains.
 * Only name matches take part in ordering checks; every kind keeps a section from being "missing".
 */
import type { ReportLine, ReportModel, Section } from '../model/types';
import type { ReportType, TypeSection } from './types';

/**
 * name: the section's title or a variant; concept: a partial name or the section's concept words in
 * the heading; content: concept words only in the sub-headings and paragraphs; theme: see above;
 * item: one of the section's items by its `item-headings`.
 */
export type MatchKind = 'name' | 'concept' | 'content' | 'theme' | 'item';

export interface SectionMatch {
  /** Top-level sections of the draft, each with the type section it stands for (if any). */
  roots: Array<{ section: Section; typeSection?: TypeSection; index: number; how?: MatchKind }>;
  /** Type section id → the draft's first section that stands for it (by any kind of match). */
  byId: Map<string, Section>;
  /**
   * Type section ids the draft has, under a heading or not: a draft with no headings at all is
   * taken to be the `absorbs-themes` section (a 工作总结 that is one running account).
   */
  present: Set<string>;
}

/** Words only: no spaces, punctuation or quotes, so 会前准备情况 matches "会前准备情况：". */
export function normalizeTitle(s: string): string {
  return s.replace(/[\s\u3000\p{P}\p{S}]/gu, '');
}

/** A type's titles, normalized once: a draft with 100 000 headings asks for them 100 000 times. */
const normalizedCandidates = new WeakMap<TypeSection, string[]>();

/** How well a heading names a section: > 0 when it contains the title or a variant. */
export function nameScore(title: string, section: TypeSection): number {
  let best = 0;
  let candidates = normalizedCandidates.get(section);
  if (!candidates) normalizedCandidates.set(section, (candidates = [section.title, ...section.variants].map(normalizeTitle)));
  for (const v of candidates) {
    if (!v) continue;
    if (title === v) return 100;
    if (title.includes(v)) best = Math.max(best, 10 + v.length);
  }
  return best;
}

/** A heading that is part of a name ("基本情况" of "会议基本情况"): a hint, not a name. */
function partOfName(title: string, section: TypeSection): boolean {
  if (title.length < 4) return false;
  return [section.title, ...section.variants].some((c) => normalizeTitle(c).includes(title));
}

function conceptHits(text: string, concepts: string[]): number {
  let n = 0;
  for (const c of concepts) if (c && text.includes(c)) n++;
  return n;
}

/** How many paragraphs under a heading are read for concept words: enough to tell, cheap at 1 MB. */
const BODY_LINES_READ = 6;

function contentText(section: Section): string {
  const parts: string[] = [];
  for (const child of section.children) parts.push(child.title);
  const body: ReportLine[] = section.body.filter((l) => l.role === 'body').slice(0, BODY_LINES_READ);
  for (const line of body) parts.push(line.text.slice(0, 200));
  return parts.join('\n');
}

/** Concept score of a heading for a section: the heading's own words count double. */
function conceptScore(section: Section, typeSection: TypeSection): { score: number; inHeading: boolean } {
  const partial = partOfName(normalizeTitle(section.title), typeSection) ? 2 : 0;
  if (typeSection.concepts.length === 0) return { score: partial, inHeading: partial > 0 };
  const heading = conceptHits(section.title, typeSection.concepts);
  const content = Math.min(conceptHits(contentText(section), typeSection.concepts), 3);
  return { score: partial + heading * 2 + content, inHeading: partial + heading > 0 };
}

export function topSections(model: ReportModel): Section[] {
  const roots = model.sections.filter((s) => !s.parent);
  const level = Math.min(...roots.map((s) => s.level));
  return roots.filter((s) => s.level === level);
}

/** The Markdown level of the draft's top-level section headings ("# 一、" is 1); undefined when they are plain lines. */
export function topHeadingDepth(model: ReportModel): number | undefined {
  return model.sections.find((s) => !s.parent && s.line.headingDepth > 0)?.line.headingDepth;
}

export function matchSections(model: ReportModel, type: ReportType): SectionMatch {
  const roots: SectionMatch['roots'] = topSections(model).map((section) => ({ section, index: -1 }));
  const byId = new Map<string, Section>();
  // Type sections some heading already stands for, kept as headings are claimed (not recounted per heading).
  const taken = new Set<string>();
  const claim = (root: SectionMatch['roots'][number], index: number, how: MatchKind) => {
    root.typeSection = type.sections[index];
    root.index = index;
    root.how = how;
    taken.add(root.typeSection.id);
  };

  if (type.sections.some((s) => s.itemHeadings.length > 0)) {
    for (const root of roots) {
      const index = type.sections.findIndex((s) => s.itemHeadings.some((r) => r.test(root.section.title)));
      if (index >= 0) claim(root, index, 'item');
    }
  }

  for (const root of roots) {
    if (root.typeSection) continue;
    const title = normalizeTitle(root.section.title);
    let best: { score: number; index: number } | undefined;
    type.sections.forEach((s, index) => {
      const sc = nameScore(title, s);
      if (sc > 0 && (!best || sc > best.score)) best = { score: sc, index };
    });
    if (best) claim(root, best.index, 'name');
  }

  for (const root of roots) {
    if (root.typeSection) continue;
    let best: { score: number; index: number; inHeading: boolean } | undefined;
    type.sections.forEach((s, index) => {
      const raw = conceptScore(root.section, s);
      if (raw.score < 2) return;
      // A heading most likely stands for a section nothing else stands for yet.
      const score = raw.score + (taken.has(s.id) ? 0 : 2);
      if (!best || score > best.score) best = { score, index, inHeading: raw.inHeading };
    });
    if (best) claim(root, best.index, best.inHeading ? 'concept' : 'content');
  }

  const themeIndex = type.sections.findIndex((s) => s.absorbsThemes);
  if (themeIndex >= 0) {
    for (const root of roots) if (!root.typeSection) claim(root, themeIndex, 'theme');
  }

  for (const root of roots) {
    if (root.typeSection && !byId.has(root.typeSection.id)) byId.set(root.typeSection.id, root.section);
  }
  const present = new Set(byId.keys());
  if (themeIndex >= 0 && roots.length === 0 && model.lines.some((l) => l.role === 'body')) {
    present.add(type.sections[themeIndex].id);
  }
  return { roots, byId, present };
}
