/** Reads an exported DOCX back: its XML parts, and its text through mammoth. */
import { strFromU8, unzipSync } from 'fflate';
import mammoth from 'mammoth';

export interface DocxParts {
  document: string;
  styles: string;
  settings: string;
  /** docProps/core.xml: title, author, dates. */
  core: string;
  footers: string[];
  files: string[];
}

export function readDocx(bytes: Uint8Array): DocxParts {
  const files = unzipSync(bytes);
  const text = (name: string) => (files[name] ? strFromU8(files[name]) : '');
  return {
    document: text('word/document.xml'),
    styles: text('word/styles.xml'),
    settings: text('word/settings.xml'),
    core: text('docProps/core.xml'),
    footers: Object.keys(files).filter((f) => /^word\/footer\d+\.xml$/.test(f)).sort().map(text),
    files: Object.keys(files),
  };
}

export async function docxText(bytes: Uint8Array): Promise<string> {
  const result = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
  return result.value;
}

/** The body's paragraphs (not those inside tables), as XML strings. */
export function bodyParagraphs(document: string): string[] {
  const body = document.slice(document.indexOf('<w:body>'), document.indexOf('<w:sectPr'));
  const withoutTables = body.replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, '');
  return withoutTables.match(/<w:p>[\s\S]*?<\/w:p>|<w:p\/>|<w:p [^>]*\/>/g) ?? [];
}

/** The style definition with this w:styleId. */
export function style(styles: string, id: string): string {
  const m = new RegExp(`<w:style [^>]*w:styleId="${id}"[\\s\\S]*?</w:style>`).exec(styles);
  return m ? m[0] : '';
}
