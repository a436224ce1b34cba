/**
 * Which report type a draft is. Front matter decides when it names one (`template: <id>` or the
 * type's Chinese name); otherwise each type collects evidence — its title, its opening, its
 * headings by name or by concept — and the best type above a threshold wins. A draft that reaches
 * the threshold for no type (a README, a news item, a speech) gets no type and so no diagnostics.
 * Weights, the threshold and the words that rule a document out are data (data/detection.yaml);
 * what tells the types apart is in each type's YAML. `explainDetection` lists the evidence.
 */
import { loadData } from '../data';
import { t } from '../i18n';
import type { ReportLine, ReportModel, Span } from '../model/types';
import { matchSections, type SectionMatch } from './match';
import type { ReportType } from './types';

export interface Evidence {
  /** What was found, in the user's language. */
  what: string;
  weight: number;
}

export interface TypeScore {
  type: ReportType;
  score: number;
  evidence: Evidence[];
  /** Why the type could not be chosen at all, if it could not. */
  ineligible?: string;
}

export interface Detection {
  type?: ReportType;
  /** How the type was chosen. */
  by: 'front-matter' | 'content' | 'option' | 'none';
  /** Front matter named a type that does not exist. */
  unknown?: string;
  /** Every type's evidence, best first (content detection only). */
  scores?: TypeScore[];
  threshold?: number;
  /** The chosen type's section match (content detection computes it): lint need not match again. */
  match?: SectionMatch;
}

interface DetectionData {
  'not-report-titles': string[];
  'not-report-title-words'?: string[];
  'report-openings': string[];
  'news-openings': string[];
  'news-titles'?: string[];
  'other-openings'?: string[];
  'opening-formulas'?: string[];
  weights: Record<string, number>;
  threshold: number;
}

let compiled: { notReport: string[]; notReportWords: string[]; reportOpenings: RegExp[]; news: RegExp[]; newsTitles: RegExp[]; otherOpenings: RegExp[]; formulas: RegExp[]; w: Record<string, number>; threshold: number } | undefined;

function detectionData() {
  if (compiled) return compiled;
  const d = loadData<DetectionData>('detection.yaml');
  compiled = {
    notReport: d['not-report-titles'] ?? [],
    notReportWords: d['not-report-title-words'] ?? [],
    reportOpenings: (d['report-openings'] ?? []).map((p) => new RegExp(p, 'u')),
    news: (d['news-openings'] ?? []).map((p) => new RegExp(p, 'u')),
    newsTitles: (d['news-titles'] ?? []).map((p) => new RegExp(p, 'u')),
    otherOpenings: (d['other-openings'] ?? []).map((p) => new RegExp(p, 'u')),
    formulas: (d['opening-formulas'] ?? []).map((p) => new RegExp(p, 'u')),
    w: d.weights ?? {},
    threshold: d.threshold ?? 4,
  };
  return compiled;
}

/** The formulas of any report's opening (根据……要求，现将……报告如下), which copied-paragraph masks. */
export function openingFormulas(): RegExp[] {
  const d = detectionData();
  return [...d.reportOpenings, ...d.formulas];
}

const TYPE_KEYS = ['template', 'type', '报告类型', '模板'];

/** How much of the draft a type's `requires-in-text` words are looked for in. */
export const REQUIRES_IN_TEXT_CHARS = 3000;

export function findType(types: ReportType[], name: string): ReportType | undefined {
  const n = name.trim();
  return types.find((t) => t.id === n || t.name === n || t.aliases.includes(n));
}

export function declaredType(model: ReportModel): string | undefined {
  const key = declaringKey(model);
  return key === undefined ? undefined : (model.frontMatter!.data![key] as string).trim();
}

/** The front matter key that names the type: the first of TYPE_KEYS with a value. */
function declaringKey(model: ReportModel): string | undefined {
  const data = model.frontMatter?.data;
  if (!data) return undefined;
  return TYPE_KEYS.find((key) => typeof data[key] === 'string' && (data[key] as string).trim() !== '');
}

/**
 * Where the front matter writes the type's name (`template: 会议纪要`, quoted or not), for a finding
 * about it; undefined when the line cannot be found as written (a YAML block or flow style).
 */
export function declaredTypeSpan(model: ReportModel): Span | undefined {
  const key = declaringKey(model);
  const front = model.frontMatter;
  if (key === undefined || !front) return undefined;
  const m = new RegExp(`^${key}[ \\t]*:[ \\t]*(["']?)([^\\r\\n]*?)\\1[ \\t]*$`, 'm').exec(model.text.slice(front.span.start, front.span.end));
  if (!m || m[2].length === 0) return undefined;
  const start = front.span.start + m.index + m[0].indexOf(m[2], m[0].indexOf(':') + 1);
  return { start, end: start + m[2].length };
}

/**
 * Text copied out of a PDF keeps the spaces the PDF put between Chinese and digits ("2025 年度"):
 * the patterns are written for the text as typed.
 */
const pdfSpacing = (text: string) => text.replace(/(?<=[\u4e00-\u9fff])[ \t]+(?=[0-9])|(?<=[0-9])[ \t]+(?=[\u4e00-\u9fff])/g, '');

/** A title is short, is no sentence and is no salutation ("同志们："). */
const titleLike = (line: ReportLine | undefined): line is ReportLine =>
  Boolean(line && !line.numbering && line.text.trim().length <= 80 && !/[。！？；]/.test(line.text) && !/[：:]\s*$/.test(line.text));

/** A short line that ends with a colon and says nothing else: whom the report goes to. */
const ADDRESSEE_FIRST = /^[^\s：:，。；]{2,20}[：:]$/u;

/**
 * The draft's title as a reader sees it, and how many lines of the flow it takes: front matter, a
 * Markdown/recognised title, or a short first line. A title copied out of a PDF can come over on two
 * lines ("……民主生活会对照检" / "查材料"): the second line is taken in when the two together are a
 * type's title and the first alone is not.
 */
function titleOf(model: ReportModel, flow: ReportLine[], types: ReportType[]): { text: string; lines: number } {
  const fm = model.frontMatter?.data?.title;
  if (typeof fm === 'string' && fm.trim()) return { text: pdfSpacing(fm.trim()), lines: 0 };
  if (model.title) return { text: pdfSpacing(model.title.text.trim()), lines: 0 };
  const [first, second] = flow;
  // "机关党委：" above the title (an addressee put first, or a cover note): the title is the next line.
  if (first && ADDRESSEE_FIRST.test(first.text.trim()) && titleLike(second) && second.sourceLine <= first.sourceLine + 2) {
    return { text: pdfSpacing(second.text.trim()), lines: 2 };
  }
  if (!titleLike(first)) return { text: '', lines: 0 };
  const text = pdfSpacing(first.text.trim());
  const isTitle = (candidate: string) => types.some((type) => type.detect.titles.some((r) => r.test(candidate)));
  if (titleLike(second) && second.text.trim().length <= 20 && second.sourceLine === first.sourceLine + 1 && !isTitle(text)) {
    const joined = text + pdfSpacing(second.text.trim());
    if (isTitle(joined)) return { text: joined, lines: 2 };
  }
  return { text, lines: 1 };
}

/** What a report's title ends with: the part of "工作总结及下一步工作计划" that is a report. */
const REPORT_GENRE = /(总结|小结|报告|汇报|材料|清单|台账|提纲)$/u;

/**
 * The word of `kinds` that the title ends with, read as what the document is: "……的讲话",
 * "关于……的通知（草稿）". In "标题：副标题" either part may say it. A title that joins a report to
 * it ("工作总结及下一步工作计划") is the report first; a subject joined by 和 is not a report
 * ("关于开好民主生活会和组织生活会的通知").
 */
function otherKindOfTitle(title: string, kinds: string[], ownNames: string[]): string | undefined {
  for (const part of title.split(/[：:]|——|—/)) {
    // The type's own name is no other kind ("党小组会议纪要" for a unit's 会议纪要 type).
    const words = kindWords(without(part, ownNames));
    const kind = kinds.find((k) => words.endsWith(k));
    if (!kind) continue;
    const joined = part.split(/及|暨|和|以及|与/).slice(0, -1).map(kindWords);
    if (!joined.some((w) => REPORT_GENRE.test(w))) return kind;
  }
  return undefined;
}

/** The text with every occurrence of the names taken out. */
function without(text: string, names: string[]): string {
  for (const name of names) if (name) text = text.split(name).join('');
  return text;
}

/** A title's words as its kind ends them: past a trailing （…）, 稿, 范文, 全文, 摘要, quotes and spaces. */
const kindWords = (part: string) => part.replace(/(?:[（(][^（）()]*[）)]|[\s\u3000“”"《》]|稿|范文|全文|摘要)+$/u, '');

/** The first few paragraphs after the title: where a report says what it is. */
function openingText(flow: ReportLine[], title: { text: string; lines: number }): string {
  const body: string[] = [];
  for (let i = title.lines; i < flow.length && body.length < 3; i++) {
    const l = flow[i];
    if (l.role !== 'title' && !l.numbering && l.headingDepth === 0 && l.text.trim() !== title.text) body.push(pdfSpacing(l.text.trim()));
  }
  return body.join('\n');
}

export function detectType(model: ReportModel, types: ReportType[], forced?: string): Detection {
  if (forced) {
    const type = findType(types, forced);
    return type ? { type, by: 'option' } : { by: 'none', unknown: forced };
  }
  const declared = declaredType(model);
  if (declared) {
    const type = findType(types, declared);
    return type ? { type, by: 'front-matter' } : { by: 'none', unknown: declared };
  }
  return detectFromContent(model, types);
}

function detectFromContent(model: ReportModel, types: ReportType[]): Detection {
  const data = detectionData();
  const w = (key: string) => data.w[key] ?? 0;
  const flow = model.flow;
  const titled = titleOf(model, flow, types);
  const title = titled.text;
  const opening = openingText(flow, titled);
  const firstOpening = opening.split('\n')[0] ?? '';

  // A title that names another kind of document rules every type out — except where the word is
  // part of the type's own name ("党小组会议纪要" for a unit's 会议纪要 type).
  const vetoFor = (type: ReportType) => {
    const ownNames = [type.name, ...type.aliases];
    const rest = without(title, ownNames);
    return data.notReportWords.find((word) => rest.includes(word)) ?? otherKindOfTitle(title, data.notReport, ownNames);
  };
  const reportOpening = data.reportOpenings.some((r) => r.test(opening));
  const news = data.news.some((r) => r.test(firstOpening));
  const newsTitle = data.newsTitles.some((r) => r.test(title));
  const otherOpening = data.otherOpenings.map((r) => r.exec(opening)?.[0]).find((m) => m !== undefined);
  const head = model.text.slice(0, REQUIRES_IN_TEXT_CHARS);
  const tops = model.sections.filter((s) => !s.parent);
  const topTitles = tops.map((s) => s.title).join('\n');

  const scores: TypeScore[] = [];
  const matches = new Map<ReportType, SectionMatch>();
  for (const type of types) {
    const evidence: Evidence[] = [];
    const add = (weight: number, what: string) => {
      if (weight) evidence.push({ what, weight });
    };
    const d = type.detect;
    const requiredWord = d.requires.length === 0 || d.requires.some((word) => title.includes(word) || firstOpening.includes(word) || topTitles.includes(word));
    const requiredInText = d.requiresInText.length === 0 || d.requiresInText.some((word) => head.includes(word));

    // A headline that names the type ("镇雄：……述责述廉") is news about it: not the type's title.
    const titlePattern = title && !newsTitle ? d.titles.find((r) => r.test(title)) : undefined;
    if (titlePattern) add(w('title'), t('标题“{0}”是{1}的标题', title, type.name));
    const openingPattern = d.openings.find((r) => r.test(opening));
    if (openingPattern) add(w('opening'), t('开头“{0}”说明是{1}', snippet(opening, openingPattern), type.name));
    else if (reportOpening) add(w('report-opening'), t('开头有“现将……报告如下”一类的话'));
    // Keywords count in the title and the first sentence-line only: "现将工作总结如下" deep in an
    // opening says little, "……组织生活会情况总结" as a title says a lot.
    const keyword = d.keywords.find((k) => title.includes(k) || firstOpening.includes(k));
    const titleKeyword = d.keywords.find((k) => title.includes(k));
    if (titleKeyword && !titlePattern) {
      // "开好组织生活会的几点做法", "……召开2025年度组织生活会": a title about the subject that is not
      // this type's title is another kind of writing about it.
      add(w('other-title'), t('标题提到“{0}”，但不是{1}的标题', titleKeyword, type.name));
    } else if (keyword && !titlePattern && !openingPattern) add(w('keyword'), t('标题或开头有“{0}”', keyword));
    const exclude = d.excludes.find((k) => title.includes(k) || firstOpening.includes(k));
    if (exclude) add(w('exclude'), t('标题或开头有“{0}”，不像{1}', exclude, type.name));
    if (news) add(w('news'), t('开头像新闻稿或文章（电头、日期、记者署名或作者口吻）'));
    else if (newsTitle) add(w('news'), t('标题像新闻标题（以“地名：”开头）'));
    // A plan's own opening (特制定本方案) says nothing against it when its title or opening names the type.
    if (otherOpening && !(d.opensAsAPlan && (titlePattern || openingPattern))) add(w('other-opening'), t('开头“{0}”说明是方案、规定一类的文件', otherOpening));

    const match = matchSections(model, type);
    const seen = new Set<string>();
    let conceptPoints = 0;
    for (const root of match.roots) {
      const s = root.typeSection;
      if (!s || seen.has(s.id) || root.how === 'theme' || root.how === 'item') continue;
      seen.add(s.id);
      if (root.how === 'name') add(s.required ? w('required-section') : w('optional-section'), t('标题“{0}”即“{1}”一节', root.section.title, s.title));
      else if (root.how === 'concept' && conceptPoints < 2) {
        conceptPoints++;
        add(w('concept-section'), t('标题“{0}”讲的是“{1}”', root.section.title, s.title));
      }
    }
    const first = match.roots[0];
    const firstSection = type.sections.find((s) => s.required) ?? type.sections[0];
    if (first?.how === 'name' && firstSection && (first.typeSection === firstSection || first.index <= type.sections.indexOf(firstSection))) {
      add(w('first-section'), t('第一节就是“{0}”，与本类型的顺序一致', first.typeSection!.title));
    }
    if (d.subheadingEndings.length > 0) {
      const typical = model.sections.filter((s) => s.parent && d.subheadingEndings.some((e) => s.title.endsWith(e)));
      if (typical.length >= 2) add(w('subheadings'), t('小标题多以“{0}”结尾', d.subheadingEndings.join(t('、'))));
    }
    if (type.tables.length > 0 && model.tables.length > 0 && keyword) add(w('table'), t('有表格，且标题或开头有“{0}”', keyword));

    const score = evidence.reduce((n, e) => n + e.weight, 0);
    const veto = vetoFor(type);
    const ineligible = veto
      ? t('标题含“{0}”，说明它是另一类文件，不是党建报告', veto)
      : !requiredWord ? t('标题、开头第一段和一级标题里没有{0}中的任何一个词', d.requires.map((x) => `“${x}”`).join(t('、')))
      : !requiredInText ? t('文稿前 {0} 字里没有{1}中的任何一个词', String(REQUIRES_IN_TEXT_CHARS), d.requiresInText.map((x) => `“${x}”`).join(t('、'))) : undefined;
    scores.push({ type, score, evidence, ineligible });
    matches.set(type, match);
  }
  scores.sort((a, b) => b.score - a.score);
  const best = scores.find((s) => !s.ineligible && s.score >= data.threshold);
  return { type: best?.type, by: best ? 'content' : 'none', scores, threshold: data.threshold, match: best ? matches.get(best.type) : undefined };
}

function snippet(text: string, pattern: RegExp): string {
  const m = pattern.exec(text);
  return m ? m[0].slice(0, 40) : text.slice(0, 40);
}

/** A readable account of a detection, one line a fact (the CLI's `--explain`, the title hover). */
export function explainDetection(d: Detection): string[] {
  if (d.by === 'option') return [t('类型由命令行或设置指定：{0}', d.type?.name ?? d.unknown ?? '')];
  if (d.by === 'front-matter') return [t('类型由文首元数据指定：{0}', d.type?.name ?? '')];
  if (d.unknown) return [t('文首元数据指定的类型“{0}”不存在', d.unknown)];
  const lines: string[] = [];
  lines.push(d.type ? t('识别为{0}（得分达到阈值 {1}）', d.type.name, d.threshold ?? 0) : t('未识别为任何党建报告类型（阈值 {0}），不作检查', d.threshold ?? 0));
  for (const s of d.scores ?? []) {
    const status = s.ineligible ? t('不可选：{0}', s.ineligible) : '';
    lines.push(`  ${s.type.name}（${s.type.id}）: ${s.score}${status ? `，${status}` : ''}`);
    for (const e of s.evidence) lines.push(`    ${e.weight > 0 ? '+' : ''}${e.weight}  ${e.what}`);
  }
  return lines;
}

/** A type whose evidence came this close to the threshold is worth offering to the writer. */
const NEAR_FROM = 2;

/**
 * For a draft recognised as no type: the type it came closest to, if its evidence was worth
 * mentioning — the editor offers to check the draft as that type (front matter `template:`), never
 * reports anything on its own.
 */
export function nearestType(detection: Detection | undefined): ReportType | undefined {
  // Scores exist only when the content was weighed (no front matter, no --template).
  if (!detection || detection.type || detection.unknown || !detection.scores) return undefined;
  const best = detection.scores?.find((s) => !s.ineligible);
  return best && best.score >= NEAR_FROM ? best.type : undefined;
}
