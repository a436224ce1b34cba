/**
 * Which findings a writer is shown when a file has more than can usefully be shown (the editor's
 * Problems panel, the CLI's output). Chosen by what the writer needs first: findings in the part of
 * the file on screen (when the editor says which part that is), then errors before warnings before
 * the rest, then the earlier ones in the file. A note says how many were left out and of what kind.
 * The order in which rules happen to run plays no part.
 */
import { t } from './i18n';
import type { Diagnostic } from './lint';
import type { Severity } from './model/types';

const RANK: Record<Severity, number> = { error: 0, warning: 1, information: 2, hint: 3 };

/** Lines on screen, 0-based and inclusive, as the client last reported them. */
export interface LineRange {
  start: number;
  end: number;
}

const visibleIn = (d: Diagnostic, ranges: LineRange[]) => ranges.some((r) => d.range.start.line <= r.end && d.range.end.line >= r.start);

/** Where the findings are shown: the note says how to fix many at once there. */
export type CapAudience = 'editor' | 'cli';

/**
 * At most `max` findings (in document order), plus a note when some were left out. `diagnostics`
 * are in document order, as lint returns them.
 */
export function capDiagnostics(diagnostics: Diagnostic[], max: number, visible: LineRange[] = [], audience: CapAudience = 'editor'): Diagnostic[] {
  if (diagnostics.length <= max) return diagnostics;
  // Sort keys once: visible first, then severity, then position (the index, as the input is in order).
  const keyed = diagnostics.map((d, i) => ({ i, key: (visible.length > 0 && visibleIn(d, visible) ? 0 : 4) + RANK[d.severity] }));
  keyed.sort((a, b) => a.key - b.key || a.i - b.i);
  const chosen = keyed.slice(0, max).map((k) => k.i).sort((a, b) => a - b);
  const shown = chosen.map((i) => diagnostics[i]);
  const left = diagnostics.length - max;
  const counts = new Map<Severity, number>();
  for (const k of keyed.slice(max)) {
    const s = diagnostics[k.i].severity;
    counts.set(s, (counts.get(s) ?? 0) + 1);
  }
  const LABEL: Record<Severity, string> = { error: t('错误'), warning: t('警告'), information: t('信息'), hint: t('提示') };
  const detail = (['error', 'warning', 'information', 'hint'] as Severity[])
    .filter((s) => counts.has(s))
    .map((s) => `${LABEL[s]} ${counts.get(s)}`)
    .join(t('、'));
  const note: Diagnostic = {
    rule: 'too-many',
    severity: 'information',
    message:
      audience === 'editor'
        ? t('问题太多，只显示 {0} 条（先显示屏幕上的部分，再按严重程度和位置），另有 {1} 条未显示（{2}）。请先修复已显示的问题（可用“修复所有”）。', max, left, detail)
        : t('问题太多，只显示 {0} 条（按严重程度和位置），另有 {1} 条未显示（{2}）。请先修复已显示的问题（--fix 可自动修复其中一部分），或用 --max-diagnostics 显示更多。', max, left, detail),
    span: { start: 0, end: 0 },
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
  };
  return [note, ...shown];
}
