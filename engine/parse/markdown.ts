/**
 * CommonMark + GFM + YAML front matter + CJK-friendly emphasis, via micromark/mdast.
 *
 * Indented code is switched off: writers indent paragraphs with spaces when pasting from Word, and
 * a report never contains indented code; fenced code still works.
 * Strikethrough takes two tildes only (~~删除~~), as VS Code's preview does: reports write ranges
 * with one ("3~5人，10~20次"), which single-tilde strikethrough read as "35人，1020次".
 * GFM is taken part by part without its autolink literals ("www.example.com" turning into a link):
 * they add nothing to a report's prose, and the nodes that transform makes carry no source
 * positions, which would lose the text around them.
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
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
      gfmFootnote(),
      gfmStrikethrough({ singleTilde: false }),
      gfmTable(),
      gfmTaskListItem(),
      cjkFriendlyExtension(),
      gfmStrikethroughCjkFriendly({ singleTilde: false }),
      noIndentedCode,
    ],
    mdastExtensions: [
      ...(frontMatter ? [frontmatterFromMarkdown(['yaml'])] : []),
      gfmFootnoteFromMarkdown(),
      gfmStrikethroughFromMarkdown(),
      gfmTableFromMarkdown(),
      gfmTaskListItemFromMarkdown(),
    ],
  });
}
