/**
 * What the report model leaves out on purpose (it holds prose to check) but a printed document
 * must still carry: footnote definitions, fenced code, raw HTML blocks, where images point and
 * which words are struck through.
 * Read from one Markdown parse of the draft, with document offsets like the model's.
 */
import type { Nodes, Parents } from 'mdast';
import { parseMarkdown } from '../parse/markdown';
import type { Span } from './types';

export interface FootnoteDefinition {
  label: string;
  span: Span;
  /** The note's text, one entry a paragraph. */
  paragraphs: string[];
}

/** A block printed as its plain lines: fenced code, or raw HTML with its tags removed. */
export interface LiteralBlock {
  kind: 'code' | 'html';
  span: Span;
  lines: string[];
}

export interface SourceBlocks {
  footnotes: FootnoteDefinition[];
  literals: LiteralBlock[];
  /** Image URL and alt text by the image's start offset. */
  images: Map<number, { url: string; alt: string }>;
  /** Struck-through text (~~删除~~), markers included, in source order. */
  struck: Span[];
}

const PHRASING_PARENTS = new Set(['paragraph', 'heading', 'tableCell', 'emphasis', 'strong', 'delete', 'link', 'linkReference']);
const COMMENT_ONLY = /^\s*(<!--[\s\S]*?-->\s*)+$/;

function plain(node: Nodes): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value;
  if (node.type === 'image') return node.alt ?? '';
  if ('children' in node) return (node.children as Nodes[]).map(plain).join('');
  return '';
}

/** Tags out, entities for the few characters a report uses decoded, blank lines dropped. */
export function htmlText(html: string): string[] {
  const text = html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li|tr|h\d)>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
  return text.split('\n').map((l) => l.trim()).filter(Boolean);
}

/** Anything that could open a footnote, fenced code, HTML, an image or struck text; without it, no second parse. */
const MAY_HAVE_BLOCKS = /\[\^|```|~~|<[A-Za-z!/?]|!\[/;

export function sourceBlocks(text: string): SourceBlocks {
  if (!MAY_HAVE_BLOCKS.test(text)) return { footnotes: [], literals: [], images: new Map(), struck: [] };
  const base = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const tree = parseMarkdown(base ? text.slice(1) : text);
  const out: SourceBlocks = { footnotes: [], literals: [], images: new Map(), struck: [] };
  const span = (n: Nodes): Span => ({ start: base + (n.position?.start.offset ?? 0), end: base + (n.position?.end.offset ?? 0) });
  const stack: Nodes[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    switch (node.type) {
      case 'footnoteDefinition':
        out.footnotes.push({
          label: node.identifier,
          span: span(node),
          paragraphs: node.children.map((c) => plain(c).trim()).filter(Boolean),
        });
        continue;
      case 'code':
        out.literals.push({ kind: 'code', span: span(node), lines: node.value.split(/\r?\n/) });
        continue;
      case 'html':
        if (!COMMENT_ONLY.test(node.value)) {
          // Only blocks: inline HTML sits in a paragraph and stays part of its line.
          const lines = htmlText(node.value);
          if (lines.length > 0) out.literals.push({ kind: 'html', span: span(node), lines });
        }
        continue;
      case 'image':
        out.images.set(span(node).start, { url: node.url, alt: node.alt ?? '' });
        continue;
      case 'delete':
        // Its words are the model's; what they lack is the strike (and what they hold is looked at below).
        out.struck.push(span(node));
        break;
    }
    if ('children' in node) {
      const parent = node as Parents;
      // Inline HTML inside a paragraph or a heading is not a block of its own.
      const children = PHRASING_PARENTS.has(node.type) ? parent.children.filter((c) => c.type !== 'html') : parent.children;
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as Nodes);
    }
  }
  out.literals.sort((a, b) => a.span.start - b.span.start);
  out.struck.sort((a, b) => a.start - b.start);
  return out;
}
