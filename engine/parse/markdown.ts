/**
 * CommonMark + GFM + YAML front matter + CJK-friendly emphasis, via micromark/mdast.
 *
 * Indented code is switched off: writers indent paragraphs with spaces when pasting from Word, and
 * a report never contains indented code; fenced code still works.
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfm } from 'micromark-extension-gfm';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { frontmatter } from 'micromark-extension-frontmatter';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { cjkFriendlyExtension } from 'micromark-extension-cjk-friendly';
import { gfmStrikethroughCjkFriendly } from 'micromark-extension-cjk-friendly-gfm-strikethrough';
import type { Root } from 'mdast';

const noIndentedCode = { disable: { null: ['codeIndented'] } };

export function parseMarkdown(source: string): Root {
  return fromMarkdown(source, {
    extensions: [
      frontmatter(['yaml']),
      gfm(),
      cjkFriendlyExtension(),
      gfmStrikethroughCjkFriendly(),
      noIndentedCode,
    ],
    mdastExtensions: [frontmatterFromMarkdown(['yaml']), gfmFromMarkdown()],
  });
}
