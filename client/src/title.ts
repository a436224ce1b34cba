/** A draft's title (its first line of text) as a file name: for untitled drafts' Save and Export. */

/** The front matter's title, else the first line of text, without Markdown heading marks or emphasis. */
export function draftTitle(text: string): string | undefined {
  let body = text.replace(/^\uFEFF/, '');
  const fm = /^---\r?\n[\s\S]*?\r?\n---[ \t]*(?:\r?\n|$)/.exec(body);
  if (fm) {
    const title = /^title:[ \t]*["']?(.*?)["']?[ \t]*$/m.exec(fm[0])?.[1];
    if (title) return title;
    body = body.slice(fm[0].length);
  }
  for (const raw of body.split(/\r?\n/)) {
    const line = raw.replace(/^#{1,6}\s*/, '').replace(/\*\*|__|<!--.*?-->/g, '').trim();
    if (line) return line;
  }
  return undefined;
}

/** Characters no file system accepts are dropped; long titles are cut. */
export function safeFileName(title: string, fallback = 'report'): string {
  const name = title.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '').replace(/\s+/g, ' ').trim().slice(0, 60).replace(/[. ]+$/, '');
  return name || fallback;
}
