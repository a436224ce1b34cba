/** Fixtures mark expected ranges as ⟦…⟧; this strips the marks and returns the text and the spans. */
export interface Marked {
  text: string;
  spans: Array<{ start: number; end: number }>;
}

export function parseMarked(source: string): Marked {
  let text = '';
  const spans: Marked['spans'] = [];
  let open: number | undefined;
  for (const ch of source) {
    if (ch === '⟦') {
      if (open !== undefined) throw new Error('nested ⟦ in fixture');
      open = text.length;
    } else if (ch === '⟧') {
      if (open === undefined) throw new Error('⟧ without ⟦ in fixture');
      spans.push({ start: open, end: text.length });
      open = undefined;
    } else text += ch;
  }
  if (open !== undefined) throw new Error('unclosed ⟦ in fixture');
  return { text, spans };
}
