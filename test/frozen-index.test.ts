/**
 * The CLI's frozen paragraph index (engine/copies/frozen-index.ts) against the editor's
 * ParagraphIndex given the same files in the same order: the same answer to every query, the same
 * bucket entries read and the same candidates verified — on corpora whose buckets overflow the read
 * limit, with ties, .docx-numbered files, files that could not be read and files with nothing to compare.
 */
import * as assert from 'node:assert/strict';
import { builtinFormulations, builtinTypes } from '../engine';
import { newIndex } from '../engine/copies/corpus';
import { FrozenParagraphIndex, freezeIndex, signFile, type SignedTexts } from '../engine/copies/frozen-index';
import { Masker, ownPieces, type IndexableParagraph, type Location, type Match } from '../engine/copies/paragraph-index';
import { paragraph, rng } from './helpers/generate-reports';

interface File {
  name: string;
  unit: Location['unit'];
  paragraphs: IndexableParagraph[];
}

/** Paragraphs of one to four sentences from a small pool: near-copies everywhere, buckets of hundreds. */
function crowdedCorpus(count: number, seed: number): File[] {
  const random = rng(seed);
  const pool = Array.from({ length: 12 }, () => paragraph(random).split('，').slice(0, 3).join('，') + '。');
  return Array.from({ length: count }, (_, f) => ({
    name: `/work/crowded-${String(f).padStart(3, '0')}.${f % 9 === 4 ? 'docx' : 'md'}`,
    unit: f % 9 === 4 ? 'paragraph' : 'line',
    paragraphs: Array.from({ length: Math.floor(random() * 6) }, (_, line) => {
      const sentences = Array.from({ length: 1 + Math.floor(random() * 4) }, () => pool[Math.floor(random() * pool.length)]);
      // Now and then too short to judge, or with numbers (masked) that differ.
      const text = random() < 0.1 ? '会议结束。' : `${random() < 0.3 ? `共征求意见${Math.floor(random() * 30)}条，` : ''}${sentences.join('')}`;
      return { line: line * 2, text, start: 0 };
    }),
  }));
}

/** Distinct paragraphs, a few copied between files: what a real folder looks like. */
function sparseCorpus(count: number, seed: number): File[] {
  const random = rng(seed);
  const files: File[] = Array.from({ length: count }, (_, f) => ({
    name: `/work/sparse-${f}.md`,
    unit: 'line',
    paragraphs: Array.from({ length: 4 }, (_, line) => ({ line, text: paragraph(random), start: 0 })),
  }));
  for (let f = 5; f < count; f += 7) files[f].paragraphs[1] = { ...files[f - 5].paragraphs[2], line: 1 };
  return files;
}

const plain = (m: Match | undefined) => m && { file: m.file, line: m.line, unit: m.unit, similarity: m.similarity };

function compare(files: File[], unreadable: Set<number>): number {
  const masker = new Masker(builtinFormulations(), builtinTypes().types);
  const reference = newIndex(builtinFormulations(), builtinTypes().types);
  const signed: Array<SignedTexts | undefined> = files.map((f, i) => {
    if (unreadable.has(i)) return undefined;
    reference.setFile(f.name, f.paragraphs, f.unit);
    return signFile(masker, f.name, f.unit, f.paragraphs);
  });
  const frozen = new FrozenParagraphIndex(freezeIndex(signed.map((s) => s?.signed), true), masker);
  // Texts known for every other file only: the others' signatures are computed at query time.
  signed.forEach((s, i) => s && i % 2 === 0 && frozen.knowTexts(s.signed.file, s));
  assert.equal(frozen.fileCount, reference.fileCount);
  let found = 0;
  const ask = (self: string, text: string) => {
    const a = plain(frozen.best(self, text));
    assert.deepEqual(a, plain(reference.best(self, text)), `${self}: ${text}`);
    if (a) found++;
  };
  for (const f of files) for (const p of f.paragraphs) ask(f.name, p.text);
  // A file outside the index, and paragraphs no file has.
  for (const f of files.slice(0, 20)) for (const p of f.paragraphs) ask('/elsewhere/new.md', p.text);
  const random = rng(3);
  for (let i = 0; i < 30; i++) ask(files[i % files.length].name, paragraph(random));
  assert.deepEqual(
    { visited: frozen.stats.visited, verified: frozen.stats.verified, queries: frozen.stats.queries },
    { visited: reference.stats.visited, verified: reference.stats.verified, queries: reference.stats.queries },
    'the same entries read and the same candidates verified',
  );
  return found;
}

describe('the frozen paragraph index (CLI)', function () {
  this.timeout(120000);

  it('answers as the editor’s index where buckets overflow the read limit', () => {
    const files = crowdedCorpus(400, 21);
    const found = compare(files, new Set([7, 100, 101]));
    assert.ok(found > 800, String(found));
  });

  it('answers as the editor’s index on a folder of distinct reports with a few copies', () => {
    const found = compare(sparseCorpus(300, 5), new Set([0, 13]));
    assert.ok(found >= 80, String(found));
  });

  it('has nothing to compare with one readable file, and says so', () => {
    const masker = new Masker(builtinFormulations(), builtinTypes().types);
    const [one] = sparseCorpus(1, 9);
    const frozen = new FrozenParagraphIndex(freezeIndex([signFile(masker, one.name, one.unit, one.paragraphs).signed, undefined], false), masker);
    assert.equal(frozen.fileCount, 1);
    assert.equal(frozen.best(one.name, one.paragraphs[0].text), undefined);
    assert.equal(frozen.best('/work/other.md', one.paragraphs[0].text)?.similarity, 1);
  });
});

describe('the paragraph’s own words (ownPieces)', () => {
  // The regular expressions ownPieces replaces: its specification.
  const reference = (s: string) =>
    s
      .replace(/[0-9０-９]+|[XxＸ×*]{1,4}/g, '0')
      .replace(/[\s\u3000\p{P}\p{S}]+/gu, '')
      .split('\u0000')
      .filter((p) => p.length > 0);

  it('gives what the regular expressions give, on random text of every kind of character', () => {
    const random = rng(77);
    const alphabet = [...'党支部学习０９09XxＸ×*，。、；：“”《》【】!?.,-_ \t\n\u3000\u0000', '😀', '𠀋', '\ud800', '\udc00', '➕', '①', '\u00a0', '\ufeff', '\u200b', '©'];
    for (let k = 0; k < 3000; k++) {
      let s = '';
      const length = Math.floor(random() * 40);
      for (let i = 0; i < length; i++) s += alphabet[Math.floor(random() * alphabet.length)];
      assert.deepEqual(ownPieces(s), reference(s), JSON.stringify(s));
    }
  });

  it('gives what the regular expressions give on the generated reports', () => {
    const random = rng(8);
    for (let k = 0; k < 300; k++) {
      const s = `2025年共征求意见${k}条，XXXXX同志${paragraph(random)}\u0000（第${k}项）`;
      assert.deepEqual(ownPieces(s), reference(s));
    }
  });
});
