/**
 * Reads a .docx into paragraphs and tables as a writer sees them in Word: the visible text of each
 * paragraph (with Word's automatic list number in front), bold ranges, style, outline level,
 * alignment and footnote references. Each paragraph also keeps where each of its characters lives
 * in the XML, so that a review copy can anchor a comment on exactly those words.
 */
import { ListNumbers } from './list-numbers';
import { strFromU8 } from 'fflate';
import { DRAFT_PROPERTY, type DraftMarker } from '../export/marker';
import { kid, kids, onOff, openPackage, parseXml, relatedPart, relatedParts, relationshipTarget, W, wAttr, type DocxPackage } from './ooxml';

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
  /** Pictures in the paragraph: where they stand in its text, their part in the package, their description. */
  images: Array<{ at: number; part: string; alt: string }>;
  /** A bulleted list item (Word's bullet is not in `text`), and its list level (0 = outermost). */
  bullet?: number;
  /** The paragraph lies in a text box (its text follows the paragraph that anchors the box). */
  inTextBox: boolean;
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
  /** Headers and footers, each part's paragraphs (not in `paragraphs`: they live in other parts). */
  marginal: Array<{ kind: 'header' | 'footer'; paragraphs: WordParagraph[] }>;
  /** What our own export recorded about the draft's front matter (docProps/custom.xml), if anything. */
  marker?: DraftMarker;
  /** Made by our export (its own paragraph styles are defined), with or without a marker. */
  ours: boolean;
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
  if (body) walkBlocks(body, false, blocks, { styles, numbers, paragraphs, part: pkg.main, pkg });
  let n = 0;
  for (const p of paragraphs) p.ordinal = p.text.trim() ? n++ : Math.max(0, n - 1);

  const marginal: WordDocument['marginal'] = [];
  for (const kind of ['header', 'footer'] as const) {
    for (const part of relatedParts(pkg, kind)) {
      const xml = parseXml(pkg, part);
      if (!xml) continue;
      const own: WordParagraph[] = [];
      // Numbering of its own: a header's list must not advance the body's counters.
      walkBlocks(xml.documentElement, false, [], { styles, numbers: new ListNumbers(undefined), paragraphs: own, part, pkg });
      marginal.push({ kind, paragraphs: own });
    }
  }
  return { pkg, document, blocks, paragraphs, footnotes, marginal, marker: readMarker(pkg), ours: styles.has('IssuerMark') && styles.has('HeadSpace') };
}

/** The export's custom property, if the document has one that reads as a marker. */
function readMarker(pkg: DocxPackage): DraftMarker | undefined {
  const bytes = pkg.files['docProps/custom.xml'];
  if (!bytes) return undefined;
  const xml = strFromU8(bytes);
  const escaped = DRAFT_PROPERTY.replace(/[.]/g, '\\.');
  const m = new RegExp(`<property\\b[^>]*\\bname="${escaped}"[^>]*>\\s*<vt:lpwstr>([^<]*)</vt:lpwstr>`).exec(xml);
  if (!m) return undefined;
  try {
    const value = JSON.parse(m[1].replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'));
    const strings = (v: unknown) => Array.isArray(v) && v.every((k) => typeof k === 'string');
    if (value && value.v === 1 && strings(value.keys) && strings(value.lists) && strings(value.body) && value.hidden && typeof value.hidden === 'object') return value as DraftMarker;
  } catch {
    // A property someone edited by hand: read the document as anyone's.
  }
  return undefined;
}

interface Ctx {
  styles: Map<string, StyleInfo>;
  numbers: ListNumbers;
  paragraphs: WordParagraph[];
  /** The part being read, to resolve its pictures' relationships. */
  part: string;
  pkg: DocxPackage;
}

/** Block-level content: paragraphs, tables, and the containers (content controls, custom XML) around them. */
function walkBlocks(parent: Element, inTable: boolean, out: WordBlock[], ctx: Ctx): void {
  for (const el of kids(parent)) {
    if (el.namespaceURI !== W) continue;
    switch (el.localName) {
      case 'p': {
        const boxes: Element[] = [];
        out.push({ kind: 'paragraph', paragraph: readParagraph(el, inTable, ctx, boxes) });
        // A text box's paragraphs read after the paragraph that anchors it, where Word shows it.
        for (const box of boxes) {
          const inner: WordBlock[] = [];
          walkBlocks(box, inTable, inner, ctx);
          for (const b of inner) {
            if (b.kind === 'paragraph') b.paragraph.inTextBox = true;
            out.push(b);
          }
        }
        break;
      }
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

function readParagraph(p: Element, inTable: boolean, ctx: Ctx, boxes: Element[]): WordParagraph {
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
    images: [],
    inTextBox: false,
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
    if (ctx.numbers.isBullet(numId, ilvl)) para.bullet = ilvl;
  }
  const paragraphBold = chain.find((s) => s.bold !== undefined)?.bold ?? false;
  const inline: Inline = { para, styles: ctx.styles, paragraphBold: paragraphBold && outlineLevel === undefined && !para.titleStyle, boxes, ctx };
  readInline(p, inline);
  return para;
}

function styleChain(id: string | undefined, styles: Map<string, StyleInfo>): StyleInfo[] {
  const out: StyleInfo[] = [];
  for (let s = id ? styles.get(id) : undefined; s && out.length < 10; s = s.basedOn ? styles.get(s.basedOn) : undefined) out.push(s);
  return out;
}

interface Inline {
  para: WordParagraph;
  styles: Map<string, StyleInfo>;
  paragraphBold: boolean;
  /** Text boxes met in the paragraph (their w:txbxContent), read after it. */
  boxes: Element[];
  ctx: Ctx;
}

function readInline(parent: Element, inline: Inline): void {
  for (const el of kids(parent)) {
    if (el.namespaceURI !== W) {
      // mc:AlternateContent: the fallback is what every reader understands.
      if (el.localName === 'AlternateContent') {
        const fallback = kids(el).find((k) => k.localName === 'Fallback');
        if (fallback) readInline(fallback, inline);
      }
      continue;
    }
    switch (el.localName) {
      case 'r':
        readRun(el, inline);
        break;
      case 'hyperlink':
      case 'ins':
      case 'moveTo':
      case 'smartTag':
      case 'fldSimple':
      case 'customXml':
      case 'dir':
      case 'bdo':
        readInline(el, inline);
        break;
      case 'sdt':
        readInline(kid(el, 'sdtContent') ?? el, inline);
        break;
      // w:del and w:moveFrom are deleted text; w:pPr is formatting.
    }
  }
}

function readRun(r: Element, inline: Inline): void {
  const { para, styles, paragraphBold } = inline;
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
    if (el.namespaceURI !== W) {
      // A drawing written twice (DrawingML, and VML for older readers): read the first choice only.
      if (el.localName === 'AlternateContent') {
        const choice = kids(el).find((k) => k.localName === 'Choice') ?? kids(el).find((k) => k.localName === 'Fallback');
        if (choice) readGraphic(choice, inline);
      }
      continue;
    }
    switch (el.localName) {
      case 'drawing':
      case 'pict':
      case 'object':
        readGraphic(el, inline);
        break;
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

const A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const WP = 'http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing';
const V = 'urn:schemas-microsoft-com:vml';
const R_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/**
 * A drawing or VML shape in a run: a picture becomes an image at this place in the text; a text
 * box's content is kept to be read after the paragraph. Nested text boxes are reached when their
 * own paragraph is read.
 */
function readGraphic(el: Element, inline: Inline): void {
  const { para, ctx } = inline;
  const boxes = descendants(el, W, 'txbxContent').filter((b) => !hasAncestor(b, el, W, 'txbxContent'));
  inline.boxes.push(...boxes);
  const pictures: Array<{ id: string; alt: string }> = [];
  for (const blip of descendants(el, A, 'blip')) {
    // A picture inside a text box belongs to the box's own paragraph.
    if (hasAncestor(blip, el, W, 'txbxContent')) continue;
    const id = blip.getAttributeNS(R_NS, 'embed') || blip.getAttribute('r:embed') || '';
    pictures.push({ id, alt: describe(blip, WP) });
  }
  for (const data of descendants(el, V, 'imagedata')) {
    if (hasAncestor(data, el, W, 'txbxContent')) continue;
    const id = data.getAttributeNS(R_NS, 'id') || data.getAttribute('r:id') || '';
    pictures.push({ id, alt: data.getAttribute('o:title') || '' });
  }
  for (const p of pictures) {
    const part = p.id ? relationshipTarget(ctx.pkg, ctx.part, p.id) : undefined;
    if (part && ctx.pkg.files[part]) para.images.push({ at: para.text.length, part, alt: p.alt });
  }
}

/** The picture's description (wp:docPr descr, else its title), looked up from the blip to the drawing's frame. */
function describe(blip: Element, wp: string): string {
  for (let n: Node | null = blip.parentNode; n; n = n.parentNode) {
    const e = n as Element;
    if (e.nodeType === 1 && (e.localName === 'inline' || e.localName === 'anchor') && e.namespaceURI === wp) {
      const docPr = descendants(e, wp, 'docPr')[0];
      return (docPr?.getAttribute('descr') || docPr?.getAttribute('title') || '').trim();
    }
  }
  return '';
}

function descendants(el: Element, ns: string, local: string): Element[] {
  const list = el.getElementsByTagNameNS(ns, local);
  const out: Element[] = [];
  for (let i = 0; i < list.length; i++) out.push(list[i]);
  return out;
}

/** True if `node` has an ns:local ancestor strictly between it and `top`. */
function hasAncestor(node: Element, top: Element, ns: string, local: string): boolean {
  for (let n = node.parentNode; n && n !== top; n = n.parentNode) {
    const e = n as Element;
    if (e.nodeType === 1 && e.localName === local && e.namespaceURI === ns) return true;
  }
  return false;
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

const EMPTY_PACKAGE: DocxPackage = { files: {}, main: '' };

function readNotes(doc: Document | undefined, styles: Map<string, StyleInfo>, numbers: ListNumbers): Map<string, string> {
  const out = new Map<string, string>();
  if (!doc) return out;
  for (const note of kids(doc.documentElement, 'footnote')) {
    const type = wAttr(note, 'type');
    if (type === 'separator' || type === 'continuationSeparator' || type === 'continuationNotice') continue;
    const paras: WordParagraph[] = [];
    const blocks: WordBlock[] = [];
    walkBlocks(note, false, blocks, { styles, numbers, paragraphs: paras, part: '', pkg: EMPTY_PACKAGE });
    out.set(wAttr(note, 'id') ?? '', paras.map((p) => p.text.trim()).filter(Boolean).join(' '));
  }
  return out;
}
