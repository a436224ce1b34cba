/**
 * Finds paragraphs that are the same or nearly the same as a paragraph of another file, in time
 * linear in the total text. Each paragraph becomes a set of 3-character shingles (after masking
 * what every report may share: standard formulations, quotations, the report types' fixed phrases,
 * numbers). Similarity is the Jaccard index of two shingle sets; a pair counts as copied from
 * COPY_THRESHOLD. Candidates come from MinHash locality-sensitive hashing (60 hashes in 20 bands
 * of 3: a pair at the threshold shares a band with probability 0.99), so a query reads a bounded
 * number of entries whatever the corpus size; each candidate is then verified exactly.
 */
import type { Formulation } from '../formulations/load';
import type { ReportLine, ReportModel } from '../model/types';
import { openingFormulas } from '../report-types/detect';
import type { ReportType } from '../report-types/types';

/** Jaccard similarity of the shingle sets from which a paragraph counts as copied. */
export const COPY_THRESHOLD = 0.6;
/** Characters per shingle. */
export const SHINGLE = 3;
/** Paragraphs with fewer characters of their own (after masking) are too short to judge. */
export const MIN_OWN_CHARS = 24;
export const BANDS = 20;
const ROWS = 3;
const HASHES = BANDS * ROWS;
/** At most this many entries are read from one bucket (a boilerplate paragraph shared by thousands). */
export const BUCKET_READ_LIMIT = 64;
/** At most this many candidates are verified per query, those sharing most bands first. */
const VERIFY_LIMIT = 24;

export interface Location {
  file: string;
  /** 0-based source line of a Markdown draft, or 0-based paragraph of a .docx. */
  line: number;
  unit: 'line' | 'paragraph';
}

export interface Match extends Location {
  similarity: number;
  /** The matching paragraph's text (the editor's index keeps it; the CLI's frozen one does not). */
  text?: string;
}

/** What copied-paragraph asks of an index: the editor's ParagraphIndex, the CLI's FrozenParagraphIndex. */
export interface CopyFinder {
  /** The most similar paragraph of a file other than `self`, if it is similar enough. */
  best(self: string, text: string): Match | undefined;
  /**
   * A number that changes whenever a file other than `self` changes in the index: while it stays
   * the same, best(self, text) gives the same answer (the editor keeps answers per line with it).
   * Absent for an index that never changes.
   */
  othersVersion?(self: string): number;
}

export interface Signature {
  shingles: Uint32Array;
  bandKeys: Uint32Array;
}

/** Paragraph signatures kept (about 1 KB each); the cache starts over when full. */
const SIGNATURE_CACHE = 20_000;

interface Entry extends Location {
  /** The entry's number: buckets hold numbers, and queries count in arrays indexed by them. */
  id: number;
  text: string;
  shingles: Uint32Array;
  bandKeys: Uint32Array;
  alive: boolean;
}

export interface IndexStats {
  paragraphs: number;
  /** Bucket entries read by queries (bounded per query: the linearity guarantee). */
  visited: number;
  verified: number;
  queries: number;
}

const SEEDS = (() => {
  // Fixed seeds: the same corpus gives the same answers on every machine.
  const out = new Uint32Array(HASHES);
  let x = 0x2545f491;
  for (let i = 0; i < HASHES; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x >>> 0;
  }
  return out;
})();

function mix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** What a paragraph shares with every report by design, removed before comparing. */
export class Masker {
  private readonly fixed: RegExp | undefined;
  private readonly openings: RegExp | undefined;

  constructor(formulations: Formulation[], types: ReportType[]) {
    const phrases = new Set<string>();
    for (const f of formulations) for (const p of [f.text, ...f.members]) if (p.length >= 2) phrases.add(p);
    for (const type of types) {
      for (const s of type.sections) for (const p of [...s.phrases, s.title, ...s.variants]) addPieces(p, phrases);
      for (const p of type.closing.phrases) addPieces(p, phrases);
    }
    const list = [...phrases].sort((a, b) => b.length - a.length).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    this.fixed = list.length ? new RegExp(list.join('|'), 'g') : undefined;
    // The opening's formulas (根据……要求，现将……报告如下), any type's and each type's own.
    const openings = [...openingFormulas(), ...types.flatMap((type) => type.detect.openings)].map((r) => `(?:${r.source})`);
    this.openings = openings.length ? new RegExp(openings.join('|'), 'gu') : undefined;
  }

  /** The paragraph's own words: pieces between masked parts, punctuation and spaces gone, numbers as 0. */
  ownText(text: string): string[] {
    let s = text
      // Quotations and titles of documents: “…” 「…」 『…』 "…" 《…》
      .replace(/“[^”]*”|「[^」]*」|『[^』]*』|"[^"]*"|《[^》]*》|【[^】]*】/g, '\u0000');
    if (this.openings) s = s.replace(this.openings, '\u0000');
    if (this.fixed) s = s.replace(this.fixed, '\u0000');
    return ownPieces(s);
  }
}

// What ownPieces does with each UTF-16 unit; 0: not looked at yet (most of 65,536 never are).
const KEEP = 1;
const DROP = 2;
const SPLIT = 3;
const DIGIT = 4;
const X_LIKE = 5;
const HIGH_SURROGATE = 6;
const KIND = new Uint8Array(0x10000);
KIND[0] = SPLIT;
for (const c of '0123456789０１２３４５６７８９') KIND[c.charCodeAt(0)] = DIGIT;
for (const c of 'XxＸ×*') KIND[c.charCodeAt(0)] = X_LIKE;
KIND.fill(HIGH_SURROGATE, 0xd800, 0xdc00);
const DROPPED = /^[\s\u3000\p{P}\p{S}]$/u;
const droppedPairs = new Map<string, boolean>();

function kindOf(c: number): number {
  return KIND[c] || (KIND[c] = DROPPED.test(String.fromCharCode(c)) ? DROP : KEEP);
}

/**
 * What is left of a masked paragraph, in pieces between the masks (\u0000): each run of digits
 * and each run of up to 4 X-like placeholders as one 0, spaces, punctuation and symbols gone. One
 * scan with a table per UTF-16 unit does what
 *   s.replace(/[0-9０-９]+|[XxＸ×*]{1,4}/g, '0').replace(/[\s\u3000\p{P}\p{S}]+/gu, '').split('\u0000').filter(Boolean)
 * does (a character outside the BMP is looked at as one, as the u flag does), in a quarter to a
 * third of the time; test/frozen-index.test.ts compares the two on random text.
 */
export function ownPieces(s: string): string[] {
  const pieces: string[] = [];
  let piece = '';
  /** Where the run of kept characters not yet added to `piece` starts. */
  let from = 0;
  const n = s.length;
  let i = 0;
  while (i < n) {
    const kind = kindOf(s.charCodeAt(i));
    if (kind === KEEP) {
      i++;
      continue;
    }
    if (kind === HIGH_SURROGATE) {
      const low = s.charCodeAt(i + 1);
      // A lone surrogate is neither punctuation nor a symbol: kept, as the regular expression keeps it.
      if (!(low >= 0xdc00 && low <= 0xdfff)) {
        i++;
        continue;
      }
      const pair = s.slice(i, i + 2);
      let dropped = droppedPairs.get(pair);
      if (dropped === undefined) droppedPairs.set(pair, (dropped = DROPPED.test(pair)));
      if (!dropped) {
        i += 2;
        continue;
      }
      piece += s.slice(from, i);
      from = i += 2;
      continue;
    }
    piece += s.slice(from, i);
    if (kind === SPLIT) {
      if (piece.length > 0) pieces.push(piece);
      piece = '';
      i++;
    } else if (kind === DIGIT) {
      do i++;
      while (i < n && KIND[s.charCodeAt(i)] === DIGIT);
      piece += '0';
    } else if (kind === X_LIKE) {
      let run = 0;
      do {
        i++;
        run++;
      } while (i < n && run < 4 && KIND[s.charCodeAt(i)] === X_LIKE);
      piece += '0';
    } else i++;
    from = i;
  }
  piece += s.slice(from);
  if (piece.length > 0) pieces.push(piece);
  return pieces;
}

/** Sentences of a fixed phrase between its "……"/"XX" gaps, each long enough to mean something. */
function addPieces(phrase: string, into: Set<string>): void {
  for (const piece of phrase.split(/……|…|XX|X|[。；，、：]/)) if (piece.length >= 4) into.add(piece);
}

export function shinglesOf(pieces: string[]): Uint32Array {
  let count = 0;
  for (const piece of pieces) count += Math.max(0, piece.length - SHINGLE + 1);
  // Every shingle's hash, then sorted and each kept once (a Set of numbers this large allocates
  // a heap number for every hash above 2^30).
  const all = new Uint32Array(count);
  let n = 0;
  for (const piece of pieces) {
    for (let i = 0; i + SHINGLE <= piece.length; i++) {
      // FNV-1a over the shingle's UTF-16 units.
      let h = 0x811c9dc5;
      for (let k = i; k < i + SHINGLE; k++) h = Math.imul(h ^ piece.charCodeAt(k), 0x01000193);
      all[n++] = h >>> 0;
    }
  }
  all.sort();
  let kept = 0;
  for (let k = 0; k < n; k++) if (k === 0 || all[k] !== all[k - 1]) all[kept++] = all[k];
  return all.slice(0, kept);
}

export function jaccard(a: Uint32Array, b: Uint32Array): number {
  let i = 0;
  let j = 0;
  let both = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      both++;
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  const union = a.length + b.length - both;
  return union === 0 ? 0 : both / union;
}

/**
 * A paragraph's shingles in an open-addressing hash table, for counting in one pass how many of a
 * candidate's shingles it shares (a sorted merge steps through both sets, with a branch per step
 * that no processor predicts).
 */
export class ShingleSet {
  private readonly slots: Uint32Array;
  private readonly mask: number;
  /** Zero marks an empty slot, so whether the shingle 0 is in the set is kept apart. */
  private readonly hasZero: boolean;

  constructor(readonly shingles: Uint32Array) {
    let size = 16;
    while (size < shingles.length * 2) size *= 2;
    this.slots = new Uint32Array(size);
    this.mask = size - 1;
    let zero = false;
    for (let k = 0; k < shingles.length; k++) {
      const x = shingles[k];
      if (x === 0) {
        zero = true;
        continue;
      }
      let at = Math.imul(x, 0x9e3779b1) >>> 0 & this.mask;
      while (this.slots[at] !== 0) at = (at + 1) & this.mask;
      this.slots[at] = x;
    }
    this.hasZero = zero;
  }

  has(x: number): boolean {
    if (x === 0) return this.hasZero;
    let at = Math.imul(x, 0x9e3779b1) >>> 0 & this.mask;
    for (;;) {
      const y = this.slots[at];
      if (y === x) return true;
      if (y === 0) return false;
      at = (at + 1) & this.mask;
    }
  }

  /**
   * jaccard(this, b) when it is at least `bar`, else -1: the count stops as soon as b's shingles
   * left cannot bring the number in common up to what `bar` needs (most candidates are far below).
   * b's shingles are b[from .. to] (a frozen index keeps all paragraphs' in one array).
   */
  jaccardFrom(b: Uint32Array, bar: number, from = 0, to = b.length): number {
    const size = to - from;
    const total = this.shingles.length + size;
    // The fewest shingles in common that reach `bar`, computed as jaccard computes (so ties stay ties).
    const reaches = (both: number) => total - both > 0 && both / (total - both) >= bar;
    let need = Math.max(0, Math.ceil((bar * total) / (1 + bar)) - 1);
    while (need <= total && !reaches(need)) need++;
    if (need > Math.min(this.shingles.length, size)) return -1;
    // Give up once more than this many of b's shingles are missing from this set.
    const missesAllowed = size - need;
    let misses = 0;
    for (let k = from; k < to; k++) {
      if (!this.has(b[k]) && ++misses > missesAllowed) return -1;
    }
    const both = size - misses;
    const union = total - both;
    return union === 0 ? 0 : both / union;
  }
}

function bandKeys(shingles: Uint32Array): Uint32Array {
  const mins = new Uint32Array(HASHES).fill(0xffffffff);
  for (let s = 0; s < shingles.length; s++) {
    const x = shingles[s];
    for (let i = 0; i < HASHES; i++) {
      const v = mix(x ^ SEEDS[i]);
      if (v < mins[i]) mins[i] = v;
    }
  }
  const keys = new Uint32Array(BANDS);
  for (let b = 0; b < BANDS; b++) {
    let h = 0x811c9dc5 ^ b;
    for (let r = 0; r < ROWS; r++) h = mix(Math.imul(h ^ mins[b * ROWS + r], 0x01000193));
    keys[b] = h;
  }
  return keys;
}

/** A paragraph's shingles and band keys; null when too little of it is its own to judge. */
export function signatureOf(masker: Masker, text: string): Signature | null {
  const own = masker.ownText(text);
  if (own.reduce((n, s) => n + s.length, 0) < MIN_OWN_CHARS) return null;
  const shingles = shinglesOf(own);
  return shingles.length ? { shingles, bandKeys: bandKeys(shingles) } : null;
}

/**
 * Of the entries a query read (`seen`, in the order first read, each sharing `sharedBands[id]`
 * bands with it, at most `most`), the VERIFY_LIMIT to verify: those sharing most bands first, ties
 * in the order read (what a stable sort of all by count gives). The counts (at most BANDS) say
 * from which count on they are taken, and one pass picks them.
 */
export function pickCandidates(seen: ArrayLike<number>, count: number, sharedBands: Uint8Array, most: number): number[] {
  const perCount = PER_COUNT.fill(0);
  for (let k = 0; k < count; k++) perCount[sharedBands[seen[k]]]++;
  let from = most;
  for (let taken = perCount[most]; from > 1 && taken < VERIFY_LIMIT; ) taken += perCount[--from];
  let room = VERIFY_LIMIT;
  for (let c = most; c > from; c--) room -= perCount[c];
  const picked: number[] = [];
  for (let k = 0; k < count; k++) {
    const id = seen[k];
    if (sharedBands[id] > from) picked.push(id);
    else if (sharedBands[id] === from && room > 0) {
      picked.push(id);
      room--;
    }
  }
  // Most shared first, ties kept in order: an insertion sort, as there are at most VERIFY_LIMIT.
  for (let k = 1; k < picked.length; k++) {
    const id = picked[k];
    let j = k;
    for (; j > 0 && sharedBands[picked[j - 1]] < sharedBands[id]; j--) picked[j] = picked[j - 1];
    picked[j] = id;
  }
  return picked;
}
const PER_COUNT = new Uint32Array(BANDS + 1);

export interface IndexableParagraph {
  line: number;
  text: string;
  /** Offset of the paragraph's first character in the draft. */
  start: number;
}

/**
 * The paragraphs of a draft worth comparing: body text (and run-in headings), in the sections and
 * outside them — the opening before the first section (its formulas, 根据……要求 and 现将……报告如下,
 * are masked like fixed phrases) and every paragraph of a draft with no sections at all; not
 * tables, not the title, addressee, closing, signature or date lines.
 */
export function paragraphsOf(model: ReportModel): IndexableParagraph[] {
  const out: IndexableParagraph[] = [];
  for (const l of model.lines) if (isComparedParagraph(l)) out.push({ line: l.sourceLine, text: l.text, start: l.starts[0] });
  return out;
}

/** A paragraph of body text (or a heading that runs into its paragraph): what copies are looked for in. */
export function isComparedParagraph(l: ReportLine): boolean {
  return l.block === 'paragraph' && (l.role === 'body' || (l.role === 'heading' && l.section?.runIn === true));
}

export class ParagraphIndex {
  /**
   * Per band, the entries (by number) whose band key is the bucket's key. A query reads up to
   * BUCKET_READ_LIMIT of them in each of 20 buckets, and entries sit in the arrays below, indexed by
   * number, rather than in objects all over the heap: reading a thousand of them stays in cache.
   */
  private readonly bands: Array<Map<number, number[]>> = Array.from({ length: BANDS }, () => new Map());
  private readonly entries: Array<Entry | undefined> = [];
  private readonly freeIds: number[] = [];
  /** Each entry's file as a small number (self is skipped), the query that last counted it, and how many bands it shared then. */
  private fileOf = new Int32Array(1024);
  private seenBy = new Int32Array(1024);
  private sharedBands = new Uint8Array(1024);
  private readonly files = new Map<string, Entry[]>();
  private readonly fileIds = new Map<string, number>();
  /** Each file's entries by text: a query for a paragraph the index holds reuses its signature. */
  private readonly byText = new Map<string, Map<string, Entry>>();
  private queryCount = 0;
  readonly stats: IndexStats = { paragraphs: 0, visited: 0, verified: 0, queries: 0 };

  /**
   * Signatures by paragraph text. An open draft is re-indexed and queried on every check while the
   * writer types, yet only the edited paragraph is new: the others come from here.
   */
  private readonly signatures = new Map<string, Signature | null>();
  /**
   * Answers by (file, paragraph text), valid while no other file has changed: re-checking a draft
   * as the writer types asks again for every paragraph, and only the edited one is new.
   */
  private readonly answers = new Map<string, { others: number; match: Match | undefined }>();
  private changes = 0;
  private readonly changesOf = new Map<string, number>();

  constructor(readonly masker: Masker) {}

  private signature(text: string, remember: boolean): Signature | null {
    let sig = this.signatures.get(text);
    if (sig !== undefined) return sig;
    sig = signatureOf(this.masker, text);
    if (!remember) return sig;
    if (this.signatures.size >= SIGNATURE_CACHE) this.signatures.clear();
    this.signatures.set(text, sig);
    return sig;
  }

  /**
   * Replaces everything known about `file` (call again when it changes). `remember` keeps the
   * paragraphs' signatures for the next time: for a document being edited.
   */
  setFile(file: string, paragraphs: IndexableParagraph[], unit: Location['unit'] = 'line', remember = false): void {
    // Paragraphs whose text is unchanged keep their entry (only the line moves): typing in a draft
    // re-registers just the paragraph being edited.
    const old = new Map<string, Entry[]>();
    for (const e of this.files.get(file) ?? []) {
      if (e.unit !== unit) continue;
      const list = old.get(e.text);
      if (list) list.push(e);
      else old.set(e.text, [e]);
    }
    const entries: Entry[] = [];
    let dirty = false;
    for (const p of paragraphs) {
      const kept = old.get(p.text)?.shift();
      if (kept) {
        if (kept.line !== p.line) dirty = true;
        kept.line = p.line;
        entries.push(kept);
        continue;
      }
      const sig = this.signature(p.text, remember);
      if (!sig) continue;
      const entry: Entry = { file, id: this.newId(this.fileId(file)), line: p.line, unit, text: p.text, shingles: sig.shingles, bandKeys: sig.bandKeys, alive: true };
      this.entries[entry.id] = entry;
      entries.push(entry);
      dirty = true;
      for (let b = 0; b < BANDS; b++) {
        const bucket = this.bands[b].get(entry.bandKeys[b]);
        if (bucket) bucket.push(entry.id);
        else this.bands[b].set(entry.bandKeys[b], [entry.id]);
      }
    }
    const gone = [...old.values()].flat();
    const before = this.files.get(file)?.length ?? 0;
    for (const e of this.files.get(file) ?? []) if (e.unit !== unit) gone.push(e);
    this.unregister(gone);
    this.files.set(file, entries);
    this.byText.set(file, new Map(entries.map((e) => [e.text, e])));
    this.stats.paragraphs += entries.length - before;
    // Other files' cached answers name this file's lines: any change, a moved line too, voids them.
    if (dirty || gone.length > 0) this.changed(file);
  }

  /** A number for a new entry of file `fileId` (those of removed entries are used again). */
  private newId(fileId: number): number {
    const id = this.freeIds.pop() ?? this.entries.length;
    if (id >= this.fileOf.length) {
      const grow = <T extends Int32Array | Uint8Array>(a: T, make: (n: number) => T): T => {
        const b = make(a.length * 2);
        b.set(a);
        return b;
      };
      this.fileOf = grow(this.fileOf, (n) => new Int32Array(n));
      this.seenBy = grow(this.seenBy, (n) => new Int32Array(n));
      this.sharedBands = grow(this.sharedBands, (n) => new Uint8Array(n));
    }
    this.fileOf[id] = fileId;
    this.seenBy[id] = 0;
    return id;
  }

  private fileId(file: string): number {
    let id = this.fileIds.get(file);
    if (id === undefined) this.fileIds.set(file, (id = this.fileIds.size + 1));
    return id;
  }

  private changed(file: string): void {
    this.changes++;
    this.changesOf.set(file, (this.changesOf.get(file) ?? 0) + 1);
  }

  private unregister(entries: Entry[]): void {
    for (const e of entries) {
      e.alive = false;
      for (let b = 0; b < BANDS; b++) {
        const bucket = this.bands[b].get(e.bandKeys[b]);
        if (!bucket) continue;
        const at = bucket.indexOf(e.id);
        if (at < 0) continue;
        if (bucket.length === 1) this.bands[b].delete(e.bandKeys[b]);
        else bucket.splice(at, 1);
      }
      this.entries[e.id] = undefined;
      this.freeIds.push(e.id);
    }
  }

  removeFile(file: string): void {
    const old = this.files.get(file);
    if (!old) return;
    this.unregister(old);
    this.files.delete(file);
    this.byText.delete(file);
    this.stats.paragraphs -= old.length;
    this.changed(file);
  }

  has(file: string): boolean {
    return this.files.has(file);
  }

  get fileCount(): number {
    return this.files.size;
  }

  othersVersion(self: string): number {
    return this.changes - (this.changesOf.get(self) ?? 0);
  }

  /** The most similar paragraph of another file, if it is similar enough. */
  best(self: string, text: string): Match | undefined {
    const others = this.othersVersion(self);
    const key = `${self}\u0000${text}`;
    const known = this.answers.get(key);
    if (known && known.others === others) return known.match;
    const match = this.search(self, text);
    if (this.answers.size >= SIGNATURE_CACHE) this.answers.clear();
    this.answers.set(key, { others, match });
    return match;
  }

  private search(self: string, text: string): Match | undefined {
    // The file's own paragraph (the usual query) has its signature computed already.
    const sig = this.byText.get(self)?.get(text) ?? this.signature(text, true);
    if (!sig) return undefined;
    const { shingles, bandKeys: keys } = sig;
    this.stats.queries++;
    const query = ++this.queryCount;
    const selfId = this.fileIds.get(self) ?? 0;
    const { fileOf, seenBy, sharedBands } = this;
    // Entries sharing a band with the query, in the order first read, each with how many it shares.
    const seen: number[] = [];
    let most = 0;
    for (let b = 0; b < BANDS; b++) {
      const bucket = this.bands[b].get(keys[b]);
      if (!bucket) continue;
      const n = Math.min(bucket.length, BUCKET_READ_LIMIT);
      this.stats.visited += n;
      for (let k = 0; k < n; k++) {
        const id = bucket[k];
        if (fileOf[id] === selfId) continue;
        if (seenBy[id] !== query) {
          seenBy[id] = query;
          sharedBands[id] = 0;
          seen.push(id);
        }
        if (++sharedBands[id] > most) most = sharedBands[id];
      }
    }
    const candidates = pickCandidates(seen, seen.length, sharedBands, most).map((id) => this.entries[id]!);
    let best: Match | undefined;
    const mine = candidates.length ? new ShingleSet(shingles) : undefined;
    for (const e of candidates) {
      this.stats.verified++;
      // A candidate below the threshold, or below the best so far, can be given up half-way.
      const similarity = mine!.jaccardFrom(e.shingles, best ? Math.max(COPY_THRESHOLD, best.similarity) : COPY_THRESHOLD);
      if (similarity >= COPY_THRESHOLD && (!best || similarity > best.similarity || (similarity === best.similarity && e.file < best.file))) {
        best = { file: e.file, line: e.line, unit: e.unit, similarity, text: e.text };
      }
    }
    return best;
  }

}
