/**
 * User-written patterns (placeholder formats in settings and in `.party-report.yaml`) run on every
 * line of every open document. JavaScript's backtracking engine can take exponential time on a
 * pattern such as `(a+)+$`, and the server is single-threaded: one such pattern would stop every
 * check. So user patterns are compiled with re2js, a port of RE2 that matches in time linear in
 * the input (no backreferences, no lookaround: the features that need backtracking).
 *
 * `LinearRegExp` is a RegExp whose `exec` runs on RE2: code written for a global RegExp (`exec`
 * with `lastIndex`, `test`, `String#match`) keeps working, in linear time.
 */
import { t } from '../i18n';
import type { RE2JS } from 're2js';
import { requireBundle } from '../io/require-bundle';

type Re2Module = typeof import('re2js');
let re2: Re2Module | undefined;

/**
 * re2js loads on the first user pattern. In the bundles it is the separate dist/re2.js (one copy,
 * not one in each bundle: the package stays under its size limit); from sources, the package.
 */
function loadRe2(): Re2Module {
  re2 ??= requireBundle<Re2Module>(__dirname, 're2.js', 're2js');
  return re2;
}

/** Longer patterns are refused: matching cost grows with the pattern's size as well as the text's. */
export const MAX_PATTERN_LENGTH = 500;

export type PatternCheck = { ok: true; re: RegExp } | { ok: false; reason: string };

class LinearRegExp extends RegExp {
  private readonly compiled: RE2JS;
  private readonly pattern: string;
  private input: string | undefined;
  private matcher: ReturnType<RE2JS['matcher']> | undefined;

  /** Also called by matchAll and split, through Symbol.species, with a LinearRegExp to copy. */
  constructor(pattern: string | LinearRegExp, compiled?: RE2JS | string, global = true) {
    // The inherited engine only ever sees an empty pattern; matching goes through exec below.
    super('(?:)', typeof compiled === 'string' ? compiled : global ? 'g' : '');
    if (pattern instanceof LinearRegExp) {
      this.pattern = pattern.pattern;
      this.compiled = pattern.compiled;
    } else {
      this.pattern = pattern;
      this.compiled = typeof compiled === 'object' ? compiled : loadRe2().RE2JS.compile(pattern);
    }
  }

  override get source(): string {
    return this.pattern;
  }

  override exec(input: string): RegExpExecArray | null {
    // Like RegExp: without the g flag, every search starts at 0 and leaves lastIndex alone.
    const from = this.global ? this.lastIndex : 0;
    if (from > input.length) {
      if (this.global) this.lastIndex = 0;
      return null;
    }
    // One matcher per input: making one converts the whole string, so a fresh matcher for each of
    // the k matches on a long line would cost k times its length.
    if (this.input !== input || !this.matcher) {
      this.input = input;
      this.matcher = this.compiled.matcher(input);
    }
    const m = this.matcher;
    if (!m.find(from)) {
      if (this.global) this.lastIndex = 0;
      return null;
    }
    const groups: Array<string | undefined> = [];
    for (let g = 0; g <= m.groupCount(); g++) groups.push(m.group(g) ?? undefined);
    const result = groups as unknown as RegExpExecArray;
    result.index = m.start();
    result.input = input;
    if (this.global) this.lastIndex = m.end();
    return result;
  }
}

/**
 * Compiles a user pattern for linear-time matching, or says in Chinese why it can't be. `global`
 * false gives a RegExp for test() (no lastIndex state), as for report type detection patterns.
 */
export function compileUserPattern(pattern: string, global = true): PatternCheck {
  if (pattern.length > MAX_PATTERN_LENGTH) {
    return { ok: false, reason: t('正则表达式过长（{0} 个字符，上限 {1}）', pattern.length, MAX_PATTERN_LENGTH) };
  }
  try {
    // Must also be valid JavaScript: the same text is shown and documented as a JS-style pattern.
    new RegExp(pattern);
  } catch (err) {
    return { ok: false, reason: t('不是有效的正则表达式：{0}', (err as Error).message) };
  }
  try {
    return { ok: true, re: new LinearRegExp(pattern, loadRe2().RE2JS.compile(pattern), global) };
  } catch (err) {
    const detail = (err as Error).message.replace(/^error parsing regexp: /, '');
    return {
      ok: false,
      reason: t('无法保证线性时间匹配（{0}）；不支持反向引用、环视（(?=…)、(?<=…)）和超过 1000 次的重复，请改写', detail),
    };
  }
}
