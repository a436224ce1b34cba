/** The report's outline (document symbols): its title and its numbered sections, nested by level. */
import { DocumentSymbol, SymbolKind } from 'vscode-languageserver';
import type { ReportModel, Section } from '../../engine';

export function documentSymbols(model: ReportModel): DocumentSymbol[] {
  const toRange = (start: number, end: number) => ({
    start: model.lineIndex.positionAt(start),
    end: model.lineIndex.positionAt(end),
  });
  const lineEnd = (index: number) => {
    const line = model.lines[index];
    return line.ends[line.ends.length - 1] ?? line.starts[0];
  };
  const symbol = (s: Section): DocumentSymbol => {
    const head = s.line;
    const selection = toRange(head.starts[0], lineEnd(head.index));
    return {
      name: (s.numbering ? s.numbering.marker : '') + s.title || head.text.trim(),
      kind: s.level === 1 ? SymbolKind.Module : SymbolKind.Namespace,
      range: toRange(head.starts[0], lineEnd(s.lastLine)),
      selectionRange: selection,
      children: s.children.map(symbol),
    };
  };
  const roots = model.sections.filter((s) => !s.parent).map(symbol);
  if (model.title) {
    const t = model.title;
    const range = toRange(t.starts[0], t.ends[t.ends.length - 1]);
    return [{ name: t.text.trim(), kind: SymbolKind.File, range, selectionRange: range }, ...roots];
  }
  return roots;
}
