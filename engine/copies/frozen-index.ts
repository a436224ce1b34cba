/**
 * The paragraph index of a batch (the CLI): built once from every corpus file's signatures and then
 * only read, so it lives in a few typed arrays instead of objects and maps. Built in shared memory,
 * one copy serves every worker thread: nothing to rebuild or copy per thread.
 *
 * It answers exactly as a ParagraphIndex given the same files in the same order (the editor's
 * index, test/frozen-index.test.ts compares them): entries are numbered in corpus order, each
 * bucket keeps its first BUCKET_READ_LIMIT entries (all that a query reads), and candidates are
 * picked and verified by the same code.
 */
import { BANDS, BUCKET_READ_LIMIT, COPY_THRESHOLD, pickCandidates, ShingleSet, signatureOf, type CopyFinder, type IndexableParagraph, type IndexStats, type Location, type Masker, type Match } from './paragraph-index';

/** One corpus file's signed paragraphs, in typed arrays that cross threads without copying. */
export interface SignedFile {
  file: string;
  unit: Location['unit'];
  /** Source line (or .docx paragraph) of each paragraph kept; too short ones have no signature and are left out. */
  lines: Int32Array;
  /** Paragraph i's shingles are shingles[shingleEnds[i-1] .. shingleEnds[i]]. */
  shingleEnds: Uint32Array;
  shingles: Uint32Array;
  /** BANDS keys a paragraph, one paragraph after another. */
  bandKeys: Uint32Array;
}

/** What signFile gives: the file's signatures, the texts of the paragraphs kept (in the same order) and of those too short. */
export interface SignedTexts {
  signed: SignedFile;
  texts: string[];
  short: string[];
}

/** A file's paragraphs signed for the index. */
export function signFile(masker: Masker, file: string, unit: Location['unit'], paragraphs: IndexableParagraph[]): SignedTexts {
  const texts: string[] = [];
  const short: string[] = [];
  const lines: number[] = [];
  const sigs = [];
  let total = 0;
  for (const p of paragraphs) {
    const sig = signatureOf(masker, p.text);
    if (!sig) {
      short.push(p.text);
      continue;
    }
    texts.push(p.text);
    lines.push(p.line);
    sigs.push(sig);
    total += sig.shingles.length;
  }
  const shingleEnds = new Uint32Array(sigs.length);
  const shingles = new Uint32Array(total);
  const bandKeys = new Uint32Array(sigs.length * BANDS);
  let at = 0;
  sigs.forEach((sig, i) => {
    shingles.set(sig.shingles, at);
    shingleEnds[i] = at += sig.shingles.length;
    bandKeys.set(sig.bandKeys, i * BANDS);
  });
  return { signed: { file, unit, lines: Int32Array.from(lines), shingleEnds, shingles, bandKeys }, texts, short };
}

/** The index's arrays, in plain or shared memory: posted to worker threads as they are. */
export interface FrozenIndexData {
  files: string[];
  units: Array<Location['unit']>;
  /** File f's entries are numbered firstEntry[f] .. firstEntry[f + 1] - 1. */
  firstEntry: Int32Array;
  /** Per entry: its file's number, its line, where its shingles start (one more at the end) and its band keys. */
  fileOf: Int32Array;
  lines: Int32Array;
  shingleStarts: Uint32Array;
  shingles: Uint32Array;
  bandKeys: Uint32Array;
  /**
   * The buckets: per band an open-addressing table of `slots` slots (band b's at b × slots), each
   * three numbers side by side (one cache line read per look-up): its key, how many entries it
   * lists (0: empty slot) and where they start in `ids`.
   */
  slots: number;
  table: Int32Array;
  ids: Int32Array;
}

/** Builds the index from the corpus files in corpus order (undefined: unreadable, left out). */
export function freezeIndex(files: Array<SignedFile | undefined>, shared: boolean): FrozenIndexData {
  const kept = files.filter((f): f is SignedFile => f !== undefined);
  const memory = (bytes: number) => (shared ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes));
  const u32 = (n: number) => new Uint32Array(memory(n * 4));
  const i32 = (n: number) => new Int32Array(memory(n * 4));
  const n = kept.reduce((sum, f) => sum + f.lines.length, 0);
  const shingleCount = kept.reduce((sum, f) => sum + f.shingles.length, 0);
  const data: FrozenIndexData = {
    files: kept.map((f) => f.file),
    units: kept.map((f) => f.unit),
    firstEntry: i32(kept.length + 1),
    fileOf: i32(n),
    lines: i32(n),
    shingleStarts: u32(n + 1),
    shingles: u32(shingleCount),
    bandKeys: u32(n * BANDS),
    slots: 16,
    table: new Int32Array(0),
    ids: new Int32Array(0),
  };
  let entry = 0;
  let shingle = 0;
  kept.forEach((f, fileNo) => {
    data.firstEntry[fileNo] = entry;
    data.lines.set(f.lines, entry);
    data.bandKeys.set(f.bandKeys, entry * BANDS);
    data.shingles.set(f.shingles, shingle);
    for (let i = 0; i < f.lines.length; i++) {
      data.fileOf[entry + i] = fileNo;
      data.shingleStarts[entry + i] = shingle + (i === 0 ? 0 : f.shingleEnds[i - 1]);
    }
    entry += f.lines.length;
    shingle += f.shingles.length;
  });
  data.firstEntry[kept.length] = entry;
  data.shingleStarts[n] = shingle;

  // Buckets: at most 3/4 of a band's slots used (every entry could have a key of its own).
  let slots = 16;
  while (slots * 3 < n * 4) slots *= 2;
  const mask = slots - 1;
  data.slots = slots;
  const table = (data.table = i32(BANDS * slots * 3));
  // First each entry's slot, and how many entries each slot lists (capped: no query reads more).
  const slotOf = new Int32Array(n * BANDS);
  for (let b = 0; b < BANDS; b++) {
    const base = b * slots;
    for (let id = 0; id < n; id++) {
      const key = data.bandKeys[id * BANDS + b] | 0;
      let at = key & mask;
      while (table[(base + at) * 3 + 1] !== 0 && table[(base + at) * 3] !== key) at = (at + 1) & mask;
      const slot = (base + at) * 3;
      if (table[slot + 1] === 0) table[slot] = key;
      if (table[slot + 1] < BUCKET_READ_LIMIT) table[slot + 1]++;
      slotOf[b * n + id] = slot;
    }
  }
  let listed = 0;
  for (let slot = 0; slot < table.length; slot += 3) {
    table[slot + 2] = listed;
    listed += table[slot + 1];
  }
  // Then the lists, in entry order: a bucket's first entries, as ParagraphIndex's buckets hold them.
  data.ids = i32(listed);
  const filled = new Uint8Array(BANDS * slots);
  for (let b = 0; b < BANDS; b++) {
    for (let id = 0; id < n; id++) {
      const slot = slotOf[b * n + id];
      if (filled[slot / 3] < table[slot + 1]) data.ids[table[slot + 2] + filled[slot / 3]++] = id;
    }
  }
  return data;
}

export class FrozenParagraphIndex implements CopyFinder {
  private readonly fileNumbers: Map<string, number>;
  /** Per file known here (the files this thread signed), its entries by text (-1: too short to compare). */
  private readonly own = new Map<string, Map<string, number>>();
  /** The query that last counted each entry, and how many bands it shared then. */
  private readonly seenBy: Int32Array;
  private readonly sharedBands: Uint8Array;
  private readonly seen: Int32Array;
  private queryCount = 0;
  /** Answers for the file asked about last (--fix checks a file several times over). */
  private answersFor: string | undefined;
  private readonly answers = new Map<string, Match | undefined>();
  readonly stats: IndexStats;

  constructor(
    private readonly data: FrozenIndexData,
    private readonly masker: Masker,
  ) {
    this.fileNumbers = new Map(data.files.map((f, i) => [f, i]));
    const n = data.fileOf.length;
    this.seenBy = new Int32Array(n);
    this.sharedBands = new Uint8Array(n);
    this.seen = new Int32Array(Math.min(n, BANDS * BUCKET_READ_LIMIT));
    this.stats = { paragraphs: n, visited: 0, verified: 0, queries: 0 };
  }

  /** How many files could be read: with fewer than two there is nothing to compare. */
  get fileCount(): number {
    return this.data.files.length;
  }

  /**
   * The texts of `file`'s paragraphs (as signFile gave them), where this thread signed it: a query
   * for one of them then reads the signature from the index instead of computing it again.
   */
  knowTexts(file: string, { texts, short }: Pick<SignedTexts, 'texts' | 'short'>): void {
    const f = this.fileNumbers.get(file);
    if (f === undefined) return;
    const first = this.data.firstEntry[f];
    const own = new Map<string, number>(short.map((text) => [text, -1]));
    texts.forEach((text, i) => own.set(text, first + i));
    this.own.set(file, own);
  }

  best(self: string, text: string): Match | undefined {
    if (self !== this.answersFor) {
      this.answersFor = self;
      this.answers.clear();
    }
    if (this.answers.has(text)) return this.answers.get(text);
    const match = this.search(self, text);
    this.answers.set(text, match);
    return match;
  }

  private search(self: string, text: string): Match | undefined {
    const d = this.data;
    let shingles: Uint32Array;
    let keys: Uint32Array;
    const own = this.own.get(self)?.get(text);
    if (own === -1) return undefined;
    if (own !== undefined) {
      shingles = d.shingles.subarray(d.shingleStarts[own], d.shingleStarts[own + 1]);
      keys = d.bandKeys.subarray(own * BANDS, own * BANDS + BANDS);
    } else {
      const sig = signatureOf(this.masker, text);
      if (!sig) return undefined;
      ({ shingles, bandKeys: keys } = sig);
    }
    this.stats.queries++;
    const query = ++this.queryCount;
    // The file's own entries are numbered [selfFirst, selfEnd): skipped.
    const selfNo = this.fileNumbers.get(self);
    const selfFirst = selfNo === undefined ? 0 : d.firstEntry[selfNo];
    const selfEnd = selfNo === undefined ? 0 : d.firstEntry[selfNo + 1];
    const { seenBy, sharedBands, seen } = this;
    const { table, ids } = d;
    const mask = d.slots - 1;
    // Entries sharing a band with the query, in the order first read, each with how many it shares.
    let count = 0;
    let most = 0;
    for (let b = 0; b < BANDS; b++) {
      const key = keys[b] | 0;
      const base = b * d.slots;
      let at = key & mask;
      while (table[(base + at) * 3 + 1] !== 0 && table[(base + at) * 3] !== key) at = (at + 1) & mask;
      const slot = (base + at) * 3;
      const n = table[slot + 1];
      if (n === 0) continue;
      this.stats.visited += n;
      const first = table[slot + 2];
      for (let k = first; k < first + n; k++) {
        const id = ids[k];
        if (id >= selfFirst && id < selfEnd) continue;
        if (seenBy[id] !== query) {
          seenBy[id] = query;
          sharedBands[id] = 0;
          seen[count++] = id;
        }
        if (++sharedBands[id] > most) most = sharedBands[id];
      }
    }
    if (count === 0) return undefined;
    let best: Match | undefined;
    let bestFile = -1;
    const mine = new ShingleSet(shingles);
    for (const id of pickCandidates(seen, count, sharedBands, most)) {
      this.stats.verified++;
      // A candidate below the threshold, or below the best so far, can be given up half-way.
      const similarity = mine.jaccardFrom(d.shingles, best ? Math.max(COPY_THRESHOLD, best.similarity) : COPY_THRESHOLD, d.shingleStarts[id], d.shingleStarts[id + 1]);
      const f = d.fileOf[id];
      if (similarity >= COPY_THRESHOLD && (!best || similarity > best.similarity || (similarity === best.similarity && d.files[f] < d.files[bestFile]))) {
        best = { file: d.files[f], line: d.lines[id], unit: d.units[f], similarity };
        bestFile = f;
      }
    }
    return best;
  }
}
