/** The title endings and closing phrases of a set of report types, for building the model. */
import type { DocumentWords } from '../model/types';
import type { ReportType } from './types';

const cache = new WeakMap<readonly ReportType[], DocumentWords>();

export function documentWords(types: readonly ReportType[]): DocumentWords {
  let words = cache.get(types);
  if (!words) {
    words = {
      titleSuffixes: [...new Set(types.flatMap((t) => t.title.suffixes))],
      closings: [...new Set(types.flatMap((t) => t.closing.phrases))],
    };
    cache.set(types, words);
  }
  return words;
}
