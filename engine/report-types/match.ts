/** Which of a draft's top-level sections stand for which sections of a report type. */
import type { ReportModel, Section } from '../model/types';
import type { ReportType, TypeSection } from './types';

export interface SectionMatch {
  /** Top-level sections of the draft, each with the type section it stands for (if any). */
  roots: Array<{ section: Section; typeSection?: TypeSection; index: number }>;
  /** Type section id → the draft's first section that stands for it. */
  byId: Map<string, Section>;
}

/** Words only: no spaces, punctuation or quotes, so 会前准备情况 matches "会前准备情况：". */
export function normalizeTitle(s: string): string {
  return s.replace(/[\s\u3000\p{P}\p{S}]/gu, '');
}

/** A type's titles, normalized once: a draft with 100 000 headings asks for them 100 000 times. */
const normalizedCandidates = new WeakMap<TypeSection, string[]>();

function score(title: string, section: TypeSection): number {
  let best = 0;
  let candidates = normalizedCandidates.get(section);
  if (!candidates) normalizedCandidates.set(section, (candidates = [section.title, ...section.variants].map(normalizeTitle)));
  for (const v of candidates) {
    if (!v) continue;
    if (title === v) return 100;
    if (title.includes(v)) best = Math.max(best, 10 + v.length);
    else if (v.includes(title) && title.length >= 4) best = Math.max(best, 5 + title.length);
  }
  return best;
}

export function topSections(model: ReportModel): Section[] {
  const roots = model.sections.filter((s) => !s.parent);
  const level = Math.min(...roots.map((s) => s.level));
  return roots.filter((s) => s.level === level);
}

export function matchSections(model: ReportModel, type: ReportType): SectionMatch {
  const roots: SectionMatch['roots'] = [];
  const byId = new Map<string, Section>();
  for (const section of topSections(model)) {
    const title = normalizeTitle(section.title);
    let best: { s: TypeSection; score: number; index: number } | undefined;
    type.sections.forEach((s, index) => {
      const sc = score(title, s);
      if (sc > 0 && (!best || sc > best.score)) best = { s, score: sc, index };
    });
    roots.push({ section, typeSection: best?.s, index: best?.index ?? -1 });
    if (best && !byId.has(best.s.id)) byId.set(best.s.id, section);
  }
  return { roots, byId };
}
