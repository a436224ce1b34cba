/**
 * Completions by context: at a line start, the next sections the report type expects; inside a
 * section, that section's standard phrases; after a formulation's name, its standard text.
 */
import { t } from '../../engine';
import { CompletionItemKind, InsertTextFormat, type CompletionItem, type Position } from 'vscode-languageserver';
import { builtinFormulations, type Formulation, type LintResult } from '../../engine';
import { standardMarker } from '../../engine';
import { matchSections, topSections } from '../../engine';

/**
 * `prefix` is the cursor's line up to the cursor, in the current text; `offset` is the cursor's
 * place in the text `result` was computed from (which may be a few keystrokes older).
 * `formulations`: those the document is checked with (built-ins, the project's, the user's).
 */
export function completions(result: LintResult, position: Position, prefix: string, offset: number, formulations: Formulation[] = builtinFormulations()): CompletionItem[] {
  const model = result.model;
  if (!model) return [];
  const items: CompletionItem[] = [];

  // After a formulation's name: its standard text.
  for (const f of formulations) {
    if (f.name === f.text || f.kind === 'phrase') continue;
    const m = new RegExp(`${escape(f.name)}[，,：:即]?$`).exec(prefix);
    if (!m) continue;
    items.push({
      label: f.text,
      kind: CompletionItemKind.Text,
      detail: t('{0}（规范表述）', f.name),
      sortText: '0',
      filterText: prefix.slice(m.index),
      textEdit: { range: { start: position, end: position }, newText: f.text },
    });
  }

  const type = result.type;
  if (!type) return items;
  const atLineStart = /^[\s\u3000]*(#{1,6}\s*)?$/.test(prefix);
  const match = matchSections(model, type);

  // Before any text: the type's example title (report-types/<id>.yaml, title.example).
  if (atLineStart && !model.title && type.title.example && !model.lines.some((l) => l.starts[0] < offset)) {
    items.push({
      label: type.title.example,
      kind: CompletionItemKind.Text,
      detail: t('{0}：标题示例', type.name),
      sortText: '0',
      insertText: (/#/.test(prefix) ? '' : '# ') + type.title.example,
    });
  }

  if (atLineStart) {
    // The sections the type still lacks, numbered after the top-level sections above the cursor.
    const above = topSections(model).filter((s) => s.line.starts[0] < offset).length;
    const hashes = /#/.test(prefix) ? '' : model.markdownHeadings ? '## ' : '';
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
        insertText: hashes + heading,
      });
    });
  }

  // Standard phrases of the section the cursor is in.
  const line = model.lines.filter((l) => l.starts[0] !== undefined && l.starts[0] <= offset).pop();
  let section = line?.section;
  while (section?.parent) section = section.parent;
  const typeSection = match.roots.find((r) => r.section === section)?.typeSection;
  if (typeSection) {
    typeSection.phrases.forEach((phrase, i) => {
      items.push({
        label: phrase,
        kind: CompletionItemKind.Snippet,
        detail: t('{0}：常用表述', typeSection.title),
        sortText: `2${String(i).padStart(2, '0')}`,
        insertText: phrase.replace(/……/g, '${1:……}'),
        insertTextFormat: InsertTextFormat.Snippet,
      });
    });
  }
  return items;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
