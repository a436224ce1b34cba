/**
 * Adds Word comments (批注) to a document read by readDocx: each one anchored on a range of a
 * paragraph's characters (w:commentRangeStart … w:commentRangeEnd, then a w:commentReference run),
 * its text in word/comments.xml. Runs are split where a range starts or ends inside them; nothing
 * else in the document changes. Works on the parsed copy: the caller's file is never touched.
 */
import { strFromU8, strToU8, zipSync } from 'fflate';
import { kid, kids, parseXml, relsName, serialize, W, wAttr } from './ooxml';
import type { Piece, WordDocument, WordParagraph } from './read-docx';

export interface CommentSpec {
  paragraph: number;
  /** Character range in the paragraph's text; an empty range is widened to the whole paragraph. */
  from: number;
  to: number;
  /** The comment's paragraphs. */
  lines: string[];
}

export interface CommentOptions {
  author: string;
  initials: string;
  /** ISO 8601, without fractions (Word's own form). */
  date: string;
}

const COMMENTS_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml';
const COMMENTS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments';

export function addComments(doc: WordDocument, comments: CommentSpec[], options: CommentOptions): Uint8Array {
  const { pkg } = doc;
  const commentsPart = pkg.main.replace(/[^/]+$/, 'comments.xml');
  const existing = parseXml(pkg, commentsPart);
  const commentsDoc = existing ?? parseXmlString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:comments xmlns:w="${W}"/>`);
  let nextId = 0;
  for (const c of kids(commentsDoc.documentElement, 'comment')) nextId = Math.max(nextId, Number(wAttr(c, 'id') ?? -1) + 1);

  for (const spec of comments) {
    const para = doc.paragraphs[spec.paragraph];
    if (!para) continue;
    const id = String(nextId++);
    anchor(doc.document, para, spec.from, spec.to, id);
    commentsDoc.documentElement.appendChild(commentElement(commentsDoc, id, spec.lines, options));
  }

  const files = { ...pkg.files };
  files[pkg.main] = strToU8(serialize(doc.document));
  files[commentsPart] = strToU8(serialize(commentsDoc));
  if (!existing) {
    const types = strFromU8(files['[Content_Types].xml']);
    if (!types.includes(`PartName="/${commentsPart}"`)) {
      files['[Content_Types].xml'] = strToU8(types.replace('</Types>', `<Override PartName="/${commentsPart}" ContentType="${COMMENTS_TYPE}"/></Types>`));
    }
    const relsPart = relsName(pkg.main);
    const rels = files[relsPart] ? strFromU8(files[relsPart]) : '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
    if (!rels.includes(COMMENTS_REL)) {
      const used = new Set([...rels.matchAll(/Id="([^"]+)"/g)].map((m) => m[1]));
      let n = 1;
      while (used.has(`rIdComments${n}`)) n++;
      files[relsPart] = strToU8(rels.replace('</Relationships>', `<Relationship Id="rIdComments${n}" Type="${COMMENTS_REL}" Target="comments.xml"/></Relationships>`));
    }
  }
  return zipSync(files, { level: 6 });
}

function parseXmlString(xml: string): Document {
  return parseXml({ files: { x: strToU8(xml) }, main: 'x' }, 'x')!;
}

function commentElement(doc: Document, id: string, lines: string[], options: CommentOptions): Element {
  const comment = doc.createElementNS(W, 'w:comment');
  comment.setAttributeNS(W, 'w:id', id);
  comment.setAttributeNS(W, 'w:author', options.author);
  comment.setAttributeNS(W, 'w:date', options.date);
  comment.setAttributeNS(W, 'w:initials', options.initials);
  lines.forEach((text, i) => {
    const p = doc.createElementNS(W, 'w:p');
    if (i === 0) {
      const r = doc.createElementNS(W, 'w:r');
      r.appendChild(doc.createElementNS(W, 'w:annotationRef'));
      p.appendChild(r);
    }
    const r = doc.createElementNS(W, 'w:r');
    const t = doc.createElementNS(W, 'w:t');
    t.setAttribute('xml:space', 'preserve');
    t.appendChild(doc.createTextNode(text));
    r.appendChild(t);
    p.appendChild(r);
    comment.appendChild(p);
  });
  return comment;
}

function anchor(doc: Document, para: WordParagraph, from: number, to: number, id: string): void {
  const mark = (name: string) => {
    const el = doc.createElementNS(W, `w:${name}`);
    el.setAttributeNS(W, 'w:id', id);
    return el;
  };
  const reference = () => {
    const r = doc.createElementNS(W, 'w:r');
    r.appendChild(mark('commentReference'));
    return r;
  };
  const textStart = para.numberLength;
  const textEnd = para.text.length;
  from = Math.max(from, textStart);
  to = Math.min(to, textEnd);
  if (to <= from) {
    from = textStart;
    to = textEnd;
  }
  if (para.pieces.length === 0 || to <= from) {
    // Nothing to hold on to: a point comment at the paragraph's end.
    const p = para.element;
    p.appendChild(mark('commentRangeStart'));
    p.appendChild(mark('commentRangeEnd'));
    p.appendChild(reference());
    return;
  }
  splitAt(doc, para, from);
  splitAt(doc, para, to);
  const first = para.pieces.find((p) => p.from >= from && p.to > p.from)!;
  const last = [...para.pieces].reverse().find((p) => p.to <= to && p.from >= from) ?? first;
  const startRun = runOf(first.node);
  const endRun = runOf(last.node);
  startRun.parentNode!.insertBefore(mark('commentRangeStart'), startRun);
  const after = endRun.nextSibling;
  endRun.parentNode!.insertBefore(mark('commentRangeEnd'), after);
  endRun.parentNode!.insertBefore(reference(), after);
}

function runOf(node: Element): Element {
  return node.parentNode as Element;
}

/** Makes `at` a piece boundary that is also a run boundary. */
function splitAt(doc: Document, para: WordParagraph, at: number): void {
  const i = para.pieces.findIndex((p) => p.from < at && at < p.to);
  if (i >= 0) {
    const piece = para.pieces[i];
    const text = piece.node.textContent ?? '';
    const cut = at - piece.from;
    const tail = doc.createElementNS(W, 'w:t');
    tail.setAttribute('xml:space', 'preserve');
    tail.appendChild(doc.createTextNode(text.slice(cut)));
    while (piece.node.firstChild) piece.node.removeChild(piece.node.firstChild);
    piece.node.appendChild(doc.createTextNode(text.slice(0, cut)));
    piece.node.setAttribute('xml:space', 'preserve');
    piece.node.parentNode!.insertBefore(tail, piece.node.nextSibling);
    const next: Piece = { node: tail, from: at, to: piece.to };
    piece.to = at;
    para.pieces.splice(i + 1, 0, next);
  }
  // The run that holds the first piece at `at` must begin with it.
  const first = para.pieces.find((p) => p.from >= at);
  if (!first) return;
  const run = runOf(first.node);
  const before = kids(run).filter((el) => !(el.localName === 'rPr' && el.namespaceURI === W));
  if (before[0] === first.node) return;
  const head = run.cloneNode(false) as Element;
  const rPr = kid(run, 'rPr');
  if (rPr) head.appendChild(rPr.cloneNode(true));
  for (const el of before) {
    if (el === first.node) break;
    head.appendChild(el);
  }
  run.parentNode!.insertBefore(head, run);
}
