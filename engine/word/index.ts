/**
 * Word in, Word out: read a .docx as a Markdown draft (import, lint), and write a review copy with
 * each finding as a Word comment (批注). Loaded on demand (dist/word.js) like the export, so that
 * checking Markdown never pays for the XML parser.
 */
import type { ReportModel, Severity, Span } from '../model/types';
import { unzipSync, strFromU8 } from 'fflate';
import { t } from './text';
import { addComments, type CommentSpec } from './comments';
import { readDocx, type WordDocument, type WordParagraph } from './read-docx';
import { toMarkdown, type DocxDraft, type ImportOptions, type ModelBuilder, type WordPosition } from './to-markdown';

export { DocxError } from './ooxml';
export { setTranslator } from './text';
export { readDocx, type WordDocument, type WordParagraph } from './read-docx';
export type { DocxDraft, ImportOptions, ModelBuilder, WordPosition } from './to-markdown';

export const REVIEW_AUTHOR = '党建报告助手';

/** What a comment is made of: a finding of the checks (the engine's Finding has these fields). */
export interface Finding {
  rule: string;
  severity: Severity;
  message: string;
  span: Span;
  fix?: { title: string };
}

/** A .docx as a Markdown draft, with the way back from each character to its Word paragraph. */
export function importDocx(bytes: Uint8Array, buildModel: ModelBuilder, options: ImportOptions = {}): DocxDraft {
  return toMarkdown(readDocx(bytes), buildModel, options);
}

/**
 * Where a span of the imported draft lies in Word: the paragraph of its first character from the
 * document, and characters in that paragraph. Spans over added markup (front matter, `## `) move
 * to the nearest character that came from the document.
 */
export function wordRange(draft: DocxDraft, span: Span): { start: WordPosition; end: WordPosition } {
  const n = draft.paragraphAt.length;
  let s = Math.min(span.start, n);
  while (s < n && draft.paragraphAt[s] < 0) s++;
  if (s >= n) {
    s = Math.min(span.start, n) - 1;
    while (s >= 0 && draft.paragraphAt[s] < 0) s--;
  }
  if (s < 0) return { start: { paragraph: 0, character: 0 }, end: { paragraph: 0, character: 0 } };
  const paragraph = draft.paragraphAt[s];
  const start = { paragraph, character: draft.characterAt[s] };
  // The end: the last character from the same paragraph inside the span.
  let e = Math.min(span.end, n) - 1;
  while (e > s && (draft.paragraphAt[e] !== paragraph)) e--;
  const end = { paragraph, character: e >= s && span.end > span.start ? draft.characterAt[e] + 1 : start.character };
  if (end.character < start.character) end.character = start.character;
  return { start, end };
}

/**
 * Whether a Word document was written by the export: it has the export's own paragraph styles
 * (Word and WPS keep a document's styles when they save it, so an export edited since still counts).
 * Only word/styles.xml is inflated; anything unreadable is not one.
 */
export function madeByExport(bytes: Uint8Array): boolean {
  try {
    const styles = unzipSync(bytes, { filter: (f) => f.name === 'word/styles.xml' })['word/styles.xml'];
    if (!styles) return false;
    const xml = strFromU8(styles);
    return xml.includes('w:styleId="IssuerMark"') && xml.includes('w:styleId="HeadSpace"');
  } catch {
    return false;
  }
}

/** What a comment says: the rule, the message, and the fix where there is one. */
export function commentLines(f: Pick<Finding, 'rule' | 'message' | 'fix' | 'severity'>): string[] {
  const level = { error: t('错误'), warning: t('警告'), information: t('提示'), hint: t('建议') }[f.severity];
  const lines = [`[${f.rule}] ${level}：${f.message}`];
  if (f.fix) lines.push(t('修改建议：{0}', f.fix.title));
  return lines;
}

export interface ReviewOptions {
  date?: Date;
}

function commentOptions(options: ReviewOptions) {
  return { author: REVIEW_AUTHOR, initials: '助手', date: (options.date ?? new Date()).toISOString().replace(/\.\d+Z$/, 'Z') };
}

/** A review copy of a .docx: the findings on its imported draft, as comments. */
export function reviewDocx(bytes: Uint8Array, buildModel: ModelBuilder, findings: (draft: DocxDraft) => Finding[], options: ReviewOptions = {}): { bytes: Uint8Array; comments: number } {
  const doc = readDocx(bytes);
  const draft = toMarkdown(doc, buildModel);
  const specs: CommentSpec[] = findings(draft).map((f) => {
    const r = wordRange(draft, f.span);
    return { paragraph: r.start.paragraph, from: r.start.character, to: r.end.character, lines: commentLines(f) };
  });
  return { bytes: addComments(doc, specs, commentOptions(options)), comments: specs.length };
}

/**
 * A review copy of a Markdown draft: its export, with the draft's own findings placed by matching
 * the draft's lines to the exported paragraphs by their text (the export's layout may change; the
 * words do not).
 */
export function reviewExported(exported: Uint8Array, model: ReportModel, findings: Finding[], options: ReviewOptions = {}): { bytes: Uint8Array; comments: number } {
  const doc = readDocx(exported);
  const specs = anchorByText(model, findings, doc);
  return { bytes: addComments(doc, specs, commentOptions(options)), comments: specs.length };
}

const trimmed = (s: string) => {
  const lead = /^[\s\u3000\u00a0]*/.exec(s)![0].length;
  return { lead, text: s.slice(lead).replace(/[\s\u3000\u00a0]+$/, '') };
};
/** The export writes inline code and images as their text; compare without them. */
const comparable = (s: string) => s.replace(/\uFFFC/g, '');

export function anchorByText(model: ReportModel, findings: Finding[], doc: WordDocument): CommentSpec[] {
  const paras = doc.paragraphs.filter((p) => p.text.trim());
  const pairs = new Map<number, WordParagraph>();
  let j = 0;
  for (const line of model.lines) {
    const want = comparable(trimmed(line.text).text);
    if (!want) continue;
    for (let k = j; k < paras.length && k < j + 200; k++) {
      if (comparable(trimmed(paras[k].text).text) === want) {
        pairs.set(line.index, paras[k]);
        j = k + 1;
        break;
      }
    }
  }
  const fallback = paras[paras.length - 1];
  const specs: CommentSpec[] = [];
  for (const f of findings) {
    // The line that holds the span's start, else the next line that was matched.
    let line = model.lines.find((l) => l.starts.length > 0 && l.starts[0] <= f.span.start && f.span.start < l.ends[l.ends.length - 1] + 1 && pairs.has(l.index));
    let from = 0;
    let to = 0;
    if (line) {
      const lead = trimmed(line.text).lead;
      const para = pairs.get(line.index)!;
      const pLead = trimmed(para.text).lead;
      const a = indexAt(line.starts, f.span.start);
      const b = f.span.end > f.span.start ? indexAt(line.starts, f.span.end) : a;
      from = pLead + Math.max(0, a - lead);
      to = pLead + Math.max(0, b - lead);
      specs.push({ paragraph: para.index, from, to, lines: commentLines(f) });
      continue;
    }
    line = model.lines.find((l) => l.starts.length > 0 && l.starts[0] >= f.span.start && pairs.has(l.index));
    const para = line ? pairs.get(line.index)! : fallback;
    if (para) specs.push({ paragraph: para.index, from: 0, to: 0, lines: commentLines(f) });
  }
  return specs;
}

/** The index of the first character of the line at or after source offset `at`. */
function indexAt(starts: Int32Array, at: number): number {
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid] < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
