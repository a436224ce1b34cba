/**
 * Reads a .docx into paragraphs and tables as a writer sees them in Word: the visible text of each
 * paragraph (with Word's automatic list number in front), bold ranges, style, outline level,
 * alignment and footnote references. Each paragraph also keeps where each of its characters lives
 * in the XML, so that a review copy can anchor a comment on exactly those words.
 */
import { ListNumbers } from './list-numbers';
import { kid, kids, onOff, openPackage, parseXml, relatedPart, W, wAttr, type DocxPackage } from './ooxml';

/** A text node (w:t), or a w:tab / w:sym that stands for one character, and its place in the paragraph. */
export interface Piece {
  node: Element;
  from: number;
  to: number;
}

export interface WordParagraph {
  /** 0-based, in document order, counting every paragraph of the body (empty ones and those in tables too). */
  index: number;
  /** 0-based among the paragraphs that have text (what a reader counts): the "paragraph" of positions. */
  ordinal: number;
  text: string;
  /** Length of Word's automatic number at the start of `text` (not stored in the paragraph itself). */
  numberLength: number;
  bold: Array<[number, number]>;
  styleName?: string;
  /** 0 for a level-1 heading; undefined for body text. */
  outlineLevel?: number;
  titleStyle: boolean;
  alignment?: string;
  footnotes: Array<{ at: number; id: string }>;
  inTable: boolean;
  pieces: Piece[];
  element: Element;
}

export type WordBlock = { kind: 'paragraph'; paragraph: WordParagraph } | { kind: 'table'; rows: WordParagraph[][][] };

export interface WordDocument {
  pkg: DocxPackage;
  document: Document;
  blocks: WordBlock[];
  paragraphs: WordParagraph[];
  /** Footnote text by id. */
  footnotes: Map<string, string>;
}

interface StyleInfo {
  name?: string;
  basedOn?: string;
  outlineLevel?: number;
  bold?: boolean;
  numId?: string;
  ilvl?: number;
}

export function readDocx(bytes: Uint8Array): WordDocument {
  const pkg = openPackage(bytes);
  const document = parseXml(pkg, pkg.main)!;
  const styles = readStyles(parseXml(pkg, relatedPart(pkg, 'styles') ?? 'word/styles.xml'));
  const numbers = new ListNumbers(parseXml(pkg, relatedPart(pkg, 'numbering') ?? 'word/numbering.xml'));
  const footnotes = readNotes(parseXml(pkg, relatedPart(pkg, 'footnotes') ?? 'word/footnotes.xml'), styles, numbers);

  const paragraphs: WordParagraph[] = [];
  const body = kid(document.documentElement, 'body');
  const blocks: WordBlock[] = [];
  if (body) walkBlocks(body, false, blocks, { styles, numbers, paragraphs });
  let n = 0;
  for (const p of paragraphs) p.ordinal = p.text.trim() ? n++ : Math.max(0, n - 1);
  return { pkg, document, blocks, paragraphs, footnotes };
}

interface Ctx {
  styles: Map<string, StyleInfo>;
  numbers: ListNumbers;
  paragraphs: WordParagraph[];
}

/** Block-level content: paragraphs, tables, and the containers (content controls, custom XML) around them. */
function walkBlocks(parent: Element, inTable: boolean, out: WordBlock[], ctx: Ctx): void {
  for (const el of kids(parent)) {
    if (el.namespaceURI !== W) continue;
    switch (el.localName) {
      case 'p':
        out.push({ kind: 'paragraph', paragraph: readParagraph(el, inTable, ctx) });
        break;
      case 'tbl': {
        const rows: WordParagraph[][][] = [];
        for (const tr of rowsOf(el)) {
          const cells: WordParagraph[][] = [];
          for (const tc of cellsOf(tr)) {
            const inner: WordBlock[] = [];
            walkBlocks(tc, true, inner, ctx);
            const paras = inner.flatMap((b) => (b.kind === 'paragraph' ? [b.paragraph] : b.rows.flat(2)));
            const span = Number(wAttr(kid(kid(tc, 'tcPr'), 'gridSpan'), 'val') ?? 1);
            const vMerge = kid(kid(tc, 'tcPr'), 'vMerge');
            const continued = vMerge !== undefined && wAttr(vMerge, 'val') !== 'restart';
            cells.push(continued ? [] : paras);
            for (let i = 1; i < span; i++) cells.push([]);
          }
          rows.push(cells);
        }
        out.push({ kind: 'table', rows });
        break;
      }
      case 'sdt':
        walkBlocks(kid(el, 'sdtContent') ?? el, inTable, out, ctx);
        break;
      case 'customXml':
        walkBlocks(el, inTable, out, ctx);
        break;
    }
  }
}

function rowsOf(tbl: Element): Element[] {
  return kids(tbl).flatMap((el) => (el.localName === 'tr' ? [el] : el.localName === 'sdt' || el.localName === 'customXml' ? rowsOf(kid(el, 'sdtContent') ?? el) : []));
}

function cellsOf(tr: Element): Element[] {
  return kids(tr).flatMap((el) => (el.localName === 'tc' ? [el] : el.localName === 'sdt' || el.localName === 'customXml' ? cellsOf(kid(el, 'sdtContent') ?? el) : []));
}

function readParagraph(p: Element, inTable: boolean, ctx: Ctx): WordParagraph {
  const pPr = kid(p, 'pPr');
  const styleId = wAttr(kid(pPr, 'pStyle'), 'val');
  const chain = styleChain(styleId, ctx.styles);
  const styleName = chain[0]?.name;
  const own = wAttr(kid(pPr, 'outlineLvl'), 'val');
  let outlineLevel = own !== undefined ? Number(own) : chain.find((s) => s.outlineLevel !== undefined)?.outlineLevel;
  const named = /^heading\s*(\d)$/i.exec(styleName ?? '') ?? /^Heading(\d)$/.exec(styleId ?? '');
  if (outlineLevel === undefined && named) outlineLevel = Number(named[1]) - 1;
  if (outlineLevel !== undefined && (outlineLevel < 0 || outlineLevel > 8)) outlineLevel = undefined;

  const para: WordParagraph = {
    index: ctx.paragraphs.length,
    ordinal: -1,
    text: '',
    numberLength: 0,
    bold: [],
    styleName,
    outlineLevel,
    titleStyle: /^title$/i.test(styleName ?? '') || styleId === 'Title',
    alignment: wAttr(kid(pPr, 'jc'), 'val'),
    footnotes: [],
    inTable,
    pieces: [],
    element: p,
  };
  ctx.paragraphs.push(para);

  // Word's own list number: direct numPr, else the style's.
  const numPr = kid(pPr, 'numPr');
  const numId = numPr ? wAttr(kid(numPr, 'numId'), 'val') : chain.find((s) => s.numId !== undefined)?.numId;
  const ilvl = numPr ? Number(wAttr(kid(numPr, 'ilvl'), 'val') ?? 0) : (chain.find((s) => s.numId !== undefined)?.ilvl ?? 0);
  if (numId !== undefined) {
    const number = ctx.numbers.next(numId, ilvl);
    para.text = number;
    para.numberLength = number.length;
  }
  const paragraphBold = chain.find((s) => s.bold !== undefined)?.bold ?? false;
  readInline(p, para, ctx.styles, paragraphBold && outlineLevel === undefined && !para.titleStyle);
  return para;
}

function styleChain(id: string | undefined, styles: Map<string, StyleInfo>): StyleInfo[] {
  const out: StyleInfo[] = [];
  for (let s = id ? styles.get(id) : undefined; s && out.length < 10; s = s.basedOn ? styles.get(s.basedOn) : undefined) out.push(s);
  return out;
}

function readInline(parent: Element, para: WordParagraph, styles: Map<string, StyleInfo>, paragraphBold: boolean): void {
  for (const el of kids(parent)) {
    if (el.namespaceURI !== W) {
      // mc:AlternateContent: the fallback is what every reader understands.
      if (el.localName === 'AlternateContent') {
        const fallback = kids(el).find((k) => k.localName === 'Fallback');
        if (fallback) readInline(fallback, para, styles, paragraphBold);
      }
      continue;
    }
    switch (el.localName) {
      case 'r':
        readRun(el, para, styles, paragraphBold);
        break;
      case 'hyperlink':
      case 'ins':
      case 'moveTo':
      case 'smartTag':
      case 'fldSimple':
      case 'customXml':
      case 'dir':
      case 'bdo':
        readInline(el, para, styles, paragraphBold);
        break;
      case 'sdt':
        readInline(kid(el, 'sdtContent') ?? el, para, styles, paragraphBold);
        break;
      // w:del and w:moveFrom are deleted text; w:pPr is formatting.
    }
  }
}

function readRun(r: Element, para: WordParagraph, styles: Map<string, StyleInfo>, paragraphBold: boolean): void {
  const rPr = kid(r, 'rPr');
  const direct = onOff(kid(rPr, 'b'));
  const runStyle = styleChain(wAttr(kid(rPr, 'rStyle'), 'val'), styles).find((s) => s.bold !== undefined)?.bold;
  const bold = direct ?? runStyle ?? paragraphBold;
  const add = (node: Element, text: string) => {
    if (!text) return;
    const from = para.text.length;
    para.text += text;
    para.pieces.push({ node, from, to: para.text.length });
    if (bold) {
      const last = para.bold[para.bold.length - 1];
      if (last && last[1] === from) last[1] = para.text.length;
      else para.bold.push([from, para.text.length]);
    }
  };
  for (const el of kids(r)) {
    if (el.namespaceURI !== W) continue;
    switch (el.localName) {
      case 't':
        add(el, el.textContent ?? '');
        break;
      case 'tab':
      case 'ptab':
        add(el, '\t');
        break;
      case 'noBreakHyphen':
        add(el, '-');
        break;
      case 'sym': {
        const code = parseInt(wAttr(el, 'char') ?? '', 16);
        // Symbol-font code points (F0xx) have no Unicode meaning of their own.
        if (code && !(code >= 0xf000 && code <= 0xf0ff)) add(el, String.fromCodePoint(code));
        break;
      }
      case 'footnoteReference':
        para.footnotes.push({ at: para.text.length, id: wAttr(el, 'id') ?? '' });
        break;
      // w:br and w:cr break a line inside one paragraph (a long title): the words go on.
      // w:delText, w:instrText (field codes), drawings and the like are not the paragraph's words.
    }
  }
}

function readStyles(doc: Document | undefined): Map<string, StyleInfo> {
  const out = new Map<string, StyleInfo>();
  if (!doc) return out;
  for (const s of kids(doc.documentElement, 'style')) {
    const id = wAttr(s, 'styleId');
    if (!id) continue;
    const pPr = kid(s, 'pPr');
    const lvl = wAttr(kid(pPr, 'outlineLvl'), 'val');
    const numPr = kid(pPr, 'numPr');
    out.set(id, {
      name: wAttr(kid(s, 'name'), 'val'),
      basedOn: wAttr(kid(s, 'basedOn'), 'val'),
      outlineLevel: lvl !== undefined ? Number(lvl) : undefined,
      bold: onOff(kid(kid(s, 'rPr'), 'b')),
      numId: numPr ? wAttr(kid(numPr, 'numId'), 'val') : undefined,
      ilvl: numPr ? Number(wAttr(kid(numPr, 'ilvl'), 'val') ?? 0) : undefined,
    });
  }
  return out;
}

function readNotes(doc: Document | undefined, styles: Map<string, StyleInfo>, numbers: ListNumbers): Map<string, string> {
  const out = new Map<string, string>();
  if (!doc) return out;
  for (const note of kids(doc.documentElement, 'footnote')) {
    const type = wAttr(note, 'type');
    if (type === 'separator' || type === 'continuationSeparator' || type === 'continuationNotice') continue;
    const paras: WordParagraph[] = [];
    const blocks: WordBlock[] = [];
    walkBlocks(note, false, blocks, { styles, numbers, paragraphs: paras });
    out.set(wAttr(note, 'id') ?? '', paras.map((p) => p.text.trim()).filter(Boolean).join(' '));
  }
  return out;
}
