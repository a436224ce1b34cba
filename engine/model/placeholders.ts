/** Finds unfilled placeholders (X, XX, ××, 【…】, {{…}}) in prose lines, from data/placeholders.yaml. */
import { t } from '../i18n';
import { loadData } from '../data';
import { compileUserPattern } from '../text/safe-regex';
import type { Placeholder, ProseLine } from './types';

interface PatternData {
  patterns: Array<{ kind: string; pattern: string; hint: string }>;
}

let compiled: Array<{ kind: string; re: RegExp; hint: string }> | undefined;

export function placeholderPatterns(extra: string[] = []): Array<{ kind: string; re: RegExp; hint: string }> {
  compiled ??= loadData<PatternData>('placeholders.yaml').patterns.map((p) => ({
    kind: p.kind,
    re: new RegExp(p.pattern, 'g'),
    hint: p.hint,
  }));
  if (extra.length === 0) return compiled;
  return [
    ...compiled,
    ...extra.flatMap((pattern) => {
      // User patterns run on RE2 (linear time); one it can't take is reported where it is set.
      const linear = compileUserPattern(pattern);
      return linear.ok ? [{ kind: 'custom', re: linear.re, hint: t('按单位约定的占位格式填写实际内容。') }] : [];
    }),
  ];
}

export function placeholderHint(kind: string): string {
  const hint = placeholderPatterns().find((p) => p.kind === kind)?.hint;
  return hint ? t(hint) : t('填写实际内容。');
}

export function findPlaceholders(lines: ProseLine[], extra: string[] = []): Placeholder[] {
  const found: Placeholder[] = [];
  const patterns = placeholderPatterns(extra);
  const any = extra.length > 0 ? undefined : /[XＸx×○□＊△【（({]/;
  for (const line of lines) {
    if (any && !any.test(line.text)) continue;
    const taken: Array<[number, number]> = [];
    for (const { kind, re } of patterns) {
      re.lastIndex = 0;
      for (let m = re.exec(line.text); m; m = re.exec(line.text)) {
        if (m[0].length === 0) {
          re.lastIndex++;
          continue;
        }
        const from = m.index;
        const to = from + m[0].length;
        // An X inside 【填写XX】 belongs to the hint already found.
        if (taken.some(([a, b]) => from < b && to > a)) continue;
        taken.push([from, to]);
        found.push({ span: { start: line.starts[from], end: line.ends[to - 1] }, text: m[0], kind, line });
      }
    }
  }
  return found.sort((a, b) => a.span.start - b.span.start);
}
