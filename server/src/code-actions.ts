/**
 * Quick fixes sent with their edits: each finding's own fix, "fix all of this kind", "ignore on
 * this line", and a source.fixAll action that applies every safe fix in one edit.
 */
import { t } from '../../engine';
import { CodeActionKind, type CodeAction, type CodeActionParams } from 'vscode-languageserver';
import { fixAll, type Diagnostic, type LintOptions, type LintResult, type TextEdit } from '../../engine';
import { toLspDiagnostic, toLspEdits } from './convert';

const inRange = (d: Diagnostic, r: CodeActionParams['range']) =>
  !(d.range.end.line < r.start.line ||
    (d.range.end.line === r.start.line && d.range.end.character < r.start.character) ||
    d.range.start.line > r.end.line ||
    (d.range.start.line === r.end.line && d.range.start.character > r.end.character));

const wants = (only: string[] | undefined, kind: string) =>
  !only || only.some((o) => kind === o || kind.startsWith(o + '.'));

export function codeActions(params: CodeActionParams, text: string, result: LintResult, options: LintOptions): CodeAction[] {
  const model = result.model;
  if (!model) return [];
  const uri = params.textDocument.uri;
  const index = model.lineIndex;
  const only = params.context.only;
  const actions: CodeAction[] = [];
  const edit = (edits: TextEdit[]) => ({ changes: { [uri]: toLspEdits(index, edits) } });

  if (wants(only, CodeActionKind.QuickFix)) {
    const here = result.diagnostics.filter((d) => inRange(d, params.range));
    const fixAllDone = new Set<string>();
    for (const d of here) {
      const lsp = toLspDiagnostic(d);
      if (d.fix) {
        actions.push({ title: d.fix.title, kind: CodeActionKind.QuickFix, diagnostics: [lsp], isPreferred: d.fix.safe, edit: edit(d.fix.edits) });
      }
      const sameKind = result.diagnostics.filter((x) => x.rule === d.rule && x.fix?.safe);
      if (d.fix?.safe && sameKind.length > 1 && !fixAllDone.has(d.rule)) {
        fixAllDone.add(d.rule);
        const all = fixAll(text, options, d.rule);
        if (all.edit) {
          actions.push({ title: t('修复本文件中所有此类问题（{0}，{1} 处）', d.rule, sameKind.length), kind: CodeActionKind.QuickFix, diagnostics: [lsp], edit: edit([all.edit]) });
        }
      }
      const line = d.range.start.line;
      const at = index.lineStart(line);
      actions.push({
        title: t('在此行忽略 {0}', d.rule),
        kind: CodeActionKind.QuickFix,
        diagnostics: [lsp],
        edit: edit([{ span: { start: at, end: at }, newText: `<!-- party-report-disable-next-line ${d.rule} -->${index.eol()}` }]),
      });
    }
  }
  if (wants(only, CodeActionKind.SourceFixAll) && (only || result.diagnostics.some((d) => d.fix?.safe))) {
    const all = fixAll(text, options);
    if (all.edit) actions.push({ title: t('修复所有可自动修复的党建报告问题'), kind: CodeActionKind.SourceFixAll, edit: edit([all.edit]) });
  }
  return actions;
}
