/**
 * The real-report corpus (../shared/corpus): recognition, silence on non-reports and warning-level
 * precision, with the targets of docs/accuracy.md. Skipped where ../shared is absent.
 * `npm run accuracy` prints the full table.
 */
import * as assert from 'node:assert/strict';
import { CORPUS, corpusAvailable, formatFigures, measureCorpus, type CorpusFigures } from './helpers/corpus';

describe('real-report corpus (../shared/corpus)', function () {
  let figures: CorpusFigures;
  before(function () {
    if (!corpusAvailable()) {
      // Named on the command line (`npm run accuracy`), this file is asked for the figures: without the
      // corpus there are none, and it must say so. In the whole suite it is skipped like the others.
      if (process.argv.some((a) => a.endsWith('corpus.test.ts'))) throw new Error(`没有找到语料 ${CORPUS}/manifest.yaml：语料应在仓库旁边的 shared/corpus（见 docs/accuracy.md“怎样复现”）。`);
      this.skip();
    }
    figures = measureCorpus();
    if (process.env.CORPUS_REPORT !== '0') console.log(formatFigures(figures).replace(/^/gm, '      '));
  });

  it('also counts information-level findings (placeholders are information since 0.2.0) and prints them', function () {
    const all = measureCorpus({ allLevels: true });
    if (process.env.CORPUS_REPORT !== '0') console.log('      with information level:\n' + formatFigures(all).replace(/^/gm, '        '));
    assert.ok(all.tp > figures.tp, 'information-level findings are counted too');
  });

  it('with each report checked as its labelled type, keeps warning-level precision at 95 % or more', function () {
    const forced = measureCorpus({ forced: true });
    if (process.env.CORPUS_REPORT !== '0') console.log(`      forced type: precision ${forced.tp}/${forced.tp + forced.fp}, truncation artefacts ${forced.truncation}`);
    assert.ok(forced.tp / (forced.tp + forced.fp) >= 0.95, formatFigures(forced));
  });

  it('recognises at least 95 % of the files correctly (type, or none for a non-report)', function () {
    assert.ok(figures.recognised / figures.files.length >= 0.95, `${figures.recognised}/${figures.files.length}`);
  });

  it('gives no diagnostic at all on any non-report', function () {
    const noisy = figures.files.filter((f) => !f.expected && (f.detected || f.falsePositives.length));
    assert.deepEqual(noisy.map((f) => f.file), []);
  });

  it('has warning-level precision of at least 95 %', function () {
    assert.ok(figures.tp + figures.fp > 0, 'no warning-level finding at all: the measure would mean nothing');
    assert.ok(figures.tp / (figures.tp + figures.fp) >= 0.95, `${figures.tp} right, ${figures.fp} wrong`);
  });
});
