/**
 * Completions by context: at a line start, the next sections the report type expects; inside a
 * section, that section's standard phrases; after (or while typing) a formulation's name, its
 * standard text. Every item carries a text edit over what the writer already typed, so accepting
 * "四个意识" → "政治意识、大局意识、核心意识、看齐意识" replaces the name instead of appending to it.
 */
import { t } from '../../engine';
import { CompletionItemKind, InsertTextFormat, type CompletionItem, type Position, type Range } from 'vscode-languageserver';
import { builtinFormulations, type Formulation, type LintResult } from '../../engine';
import { standardMarker } from '../../engine';
import { matchSections, topHeadingDepth, topSections } from '../../engine';

/** How many of the last characters of `typed` begin `target` (the longest such run, at least `min`). */
export function typedPrefix(typed: string, target: string, min: number): number {
  for (let k = Math.min(typed.length, target.length - 1); k >= min; k--) {
    if (target.startsWith(typed.slice(typed.length - k))) return k;
  }
  return 0;
}

/** 一是, 二是 … 十是 at the end of what was typed, and at the start of a phrase. */
const ORDINAL_AT_END = /[一二三四五六七八九十]是$/;
const ORDINAL_AT_START = /^[一二三四五六七八九十]是/;

/** A snippet body that inserts `text` literally, with each …… as a tab stop to type over. */
function phraseSnippet(text: string): string {
  let n = 0;
  return text
    .split('……')
    .map((part) => part.replace(/[\\$}]/g, '\\$&'))
    .reduce((out, part) => `${out}\${${++n}:……}${part}`);
}

/**
 * `prefix` is the cursor's line up to the cursor, in the current text; `offset` is the cursor's
 * place in the text `result` was computed from (which may be a few keystrokes older).
 * `formulations`: those the document is checked with (built-ins, the project's, the user's).
 */
export function completions(result: LintResult, position: Position, prefix: string, offset: number, formulations: Formulation[] = builtinFormulations()): CompletionItem[] {
  const model = result.model;
  if (!model) return [];
  const back = (n: number): Range => ({ start: { line: position.line, character: position.character - n }, end: position });
  const items: CompletionItem[] = [];

  // One item per standard text: where two formulations share it, the one that covers more of
  // what was typed wins (a wrong form over the start of a name).
  const byText = new Map<string, CompletionItem>();
  const covered = (i: CompletionItem) => position.character - ((i.textEdit as { range: Range }).range.start.character);
  for (const f of formulations) {
    for (const item of formulationItems(f, prefix, back)) {
      const had = byText.get(item.label);
      if (!had || covered(item) > covered(had)) byText.set(item.label, item);
    }
  }
  items.push(...byText.values());

  const type = result.type;
  if (!type) return items;
  const atLineStart = /^[\s\u3000]*(#{1,6}\s*)?$/.test(prefix);
  const typedHashes = atLineStart ? /#{1,6}/.exec(prefix)?.[0] : undefined;
  const match = matchSections(model, type);

  // Before any text: the type's example title (report-types/<id>.yaml, title.example).
  if (atLineStart && !model.title && type.title.example && !model.lines.some((l) => l.starts[0] < offset)) {
    items.push({
      label: type.title.example,
      kind: CompletionItemKind.Text,
      detail: t('{0}：标题示例', type.name),
      sortText: '0',
      // Over what was typed: "#" alone (no space yet) would otherwise give "#关于…", which is no heading.
      textEdit: { range: back(prefix.length), newText: `${typedHashes ?? '#'} ${type.title.example}` },
    });
  }

  if (atLineStart) {
    // The sections the type still lacks, numbered after the top-level sections above the cursor.
    const above = topSections(model).filter((s) => s.line.starts[0] < offset).length;
    // A heading's "#"s typed (with or without their space) or the draft's own way of writing
    // headings: the line is written anew from its start, so that it is a heading ("#二、" and
    // "　　## 二、" are not). A draft of plain lines keeps what was typed before (an indent).
    const asHeading = typedHashes !== undefined || model.markdownHeadings;
    const hashes = asHeading ? `${typedHashes ?? '#'.repeat(topHeadingDepth(model) ?? 2)} ` : '';
    let n = above;
    type.sections.forEach((s, i) => {
      if (match.byId.has(s.id)) return;
      n++;
      const heading = `${standardMarker(1, n)}${s.title}`;
      items.push({
        label: heading,
        kind: CompletionItemKind.Module,
        detail: s.required ? t('{0}：必备章节', type.name) : t('{0}：可选章节', type.name),
        documentation: s.hint,
        sortText: `1${String(i).padStart(2, '0')}`,
        textEdit: { range: back(asHeading ? prefix.length : 0), newText: hashes + heading },
      });
    });
  }

  // Standard phrases of the section the cursor is in: over the start of the phrase already typed.
  const line = model.lines.filter((l) => l.starts[0] !== undefined && l.starts[0] <= offset).pop();
  let section = line?.section;
  while (section?.parent) section = section.parent;
  const typeSection = match.roots.find((r) => r.section === section)?.typeSection;
  // On a heading's own line the writer is naming a section, not writing its text.
  const inHeading = line !== undefined && (line.role === 'heading' || line.role === 'title') && offset <= line.ends[line.ends.length - 1];
  if (typeSection && !inHeading) {
    // "一是" typed, a phrase of 二是 chosen: it replaces the 一是 (it gave 一是二是……).
    const typedOrdinal = ORDINAL_AT_END.exec(prefix)?.[0];
    typeSection.phrases.forEach((phrase, i) => {
      let typed = typedPrefix(prefix, phrase, 1);
      let filterText = phrase;
      if (typed === 0 && typedOrdinal && ORDINAL_AT_START.test(phrase)) {
        typed = typedOrdinal.length;
        // The editor filters by what the range covers: the phrase is offered under the ordinal typed.
        filterText = typedOrdinal + phrase;
      }
      items.push({
        label: phrase,
        kind: CompletionItemKind.Snippet,
        detail: t('{0}：常用表述', typeSection.title),
        sortText: `2${String(i).padStart(2, '0')}`,
        filterText,
        textEdit: { range: back(typed), newText: phraseSnippet(phrase) },
        insertTextFormat: InsertTextFormat.Snippet,
      });
    });
  }
  return items;
}

/**
 * A formulation's standard text, replacing what was typed: its full name (with a following
 * "，" "：" or "即"), a wrong form of it, or the first two or more characters of its name or text.
 */
function formulationItems(f: Formulation, prefix: string, back: (n: number) => Range): CompletionItem[] {
  const item = (typed: number, filterText: string): CompletionItem => ({
    label: f.text,
    kind: CompletionItemKind.Text,
    detail: t('{0}（规范表述）', f.name),
    sortText: '0',
    filterText,
    textEdit: { range: back(typed), newText: f.text },
  });
  // Already written in full (a name can be the end of its own text): nothing to offer.
  if (prefix.endsWith(f.text)) return [];
  // The longest wrong form typed (a shorter one, or the name, may be the end of a longer one).
  const wrong = [...f.wrong].sort((a, b) => b.length - a.length).find((w) => prefix.endsWith(w));
  if (wrong) return [item(wrong.length, wrong)];
  if (f.name !== f.text) {
    const named = new RegExp(`${escape(f.name)}[，,：:即]?$`).exec(prefix);
    if (named) return [item(prefix.length - named.index, prefix.slice(named.index))];
  }
  for (const target of new Set([f.name, f.text])) {
    const typed = typedPrefix(prefix, target, 2);
    if (typed > 0) return [item(typed, target)];
  }
  return [];
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
