/**
 * Disable comments, as Markdown linters use them:
 *   <!-- party-report-disable [rule…] -->            from here on (all rules if none named)
 *   <!-- party-report-enable [rule…] -->             back on
 *   <!-- party-report-disable-next-line [rule…] -->  the next line only
 *   <!-- party-report-disable-file [rule…] -->       the whole file
 */
import type { HtmlComment } from './model/types';
import type { LineIndex } from './text/line-index';

const DIRECTIVE = /^party-report-(disable-next-line|disable-file|disable|enable)\b(.*)$/s;
const ALL = '*';

interface Event {
  line: number;
  kind: 'disable' | 'enable';
  rules: string[];
}

export class Suppressions {
  private readonly file = new Set<string>();
  private readonly nextLine = new Map<number, Set<string>>();
  private readonly events: Event[] = [];

  constructor(comments: HtmlComment[], index: LineIndex) {
    for (const c of comments) {
      const m = DIRECTIVE.exec(c.body);
      if (!m) continue;
      const rules = m[2].split(/[\s,，]+/).filter(Boolean);
      const names = rules.length ? rules : [ALL];
      const line = index.positionAt(c.span.start).line;
      switch (m[1]) {
        case 'disable-file':
          names.forEach((r) => this.file.add(r));
          break;
        case 'disable-next-line': {
          const target = index.positionAt(c.span.end).line + 1;
          const set = this.nextLine.get(target) ?? new Set<string>();
          names.forEach((r) => set.add(r));
          this.nextLine.set(target, set);
          break;
        }
        default:
          this.events.push({ line, kind: m[1] as 'disable' | 'enable', rules: names });
      }
    }
    this.events.sort((a, b) => a.line - b.line);
  }

  isSuppressed(rule: string, line: number): boolean {
    if (this.file.has(ALL) || this.file.has(rule)) return true;
    const next = this.nextLine.get(line);
    if (next && (next.has(ALL) || next.has(rule))) return true;
    let off = false;
    for (const e of this.events) {
      if (e.line > line) break;
      if (e.rules.includes(ALL) || e.rules.includes(rule)) off = e.kind === 'disable';
    }
    return off;
  }
}
