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

/** `frontMatter: false` for a piece from inside a document, where `---` can't open front matter. */
export function parseMarkdown(source: string, frontMatter = true): Root {
  return fromMarkdown(source, {
    extensions: [
      ...(frontMatter ? [frontmatter(['yaml'])] : []),
      gfm(),
      cjkFriendlyExtension(),
      gfmStrikethroughCjkFriendly(),
      noIndentedCode,
    ],
    mdastExtensions: [...(frontMatter ? [frontmatterFromMarkdown(['yaml'])] : []), gfmFromMarkdown()],
  });
}
