/**
 * On a placeholder, the light bulb offers what the writer does next: go to the next placeholder
 * (the client's 下一个待填项 command), before "ignore on this line".
 */
import { t } from '../../engine';
import { CodeActionKind, type CodeAction, type CodeActionParams } from 'vscode-languageserver';
import type { LintResult } from '../../engine';
import { toLspDiagnostic } from './convert';

export const NEXT_PLACEHOLDER = 'partyReport.nextPlaceholder';

export function placeholderActions(params: CodeActionParams, result: LintResult): CodeAction[] {
  const only = params.context.only;
  if (only && !only.some((o) => o === CodeActionKind.QuickFix || CodeActionKind.QuickFix.startsWith(o + '.'))) return [];
  const r = params.range;
  const here = result.diagnostics.filter(
    (d) =>
      d.rule === 'unfilled-placeholder' &&
      !(d.range.end.line < r.start.line || (d.range.end.line === r.start.line && d.range.end.character < r.start.character)) &&
      !(d.range.start.line > r.end.line || (d.range.start.line === r.end.line && d.range.start.character > r.end.character)),
  );
  if (here.length === 0) return [];
  const left = result.diagnostics.filter((d) => d.rule === 'unfilled-placeholder').length;
  return [
    {
      title: t('下一个待填项（共 {0} 项，Ctrl+Alt+N）', left),
      kind: CodeActionKind.QuickFix,
      diagnostics: here.map(toLspDiagnostic),
      isPreferred: true,
      command: { title: t('下一个待填项'), command: NEXT_PLACEHOLDER },
    },
  ];
}
