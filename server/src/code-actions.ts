/**
 * Quick fixes: each finding's own fix, "fix all of this kind", "ignore on this line", and a
 * source.fixAll action that applies every safe fix in one edit; for a draft recognised as no type
 * but close to one, "check it as that type" (front matter `template:`) on its first line.
 *
 * VS Code asks for code actions on every cursor move (the light bulb), so offering them must be
 * cheap. The two bulk actions are offered without their edit when the client can resolve it
 * (`codeAction/resolve`): the edit, which needs rounds of linting, is computed only when the writer
 * picks the action. A client that cannot resolve gets source.fixAll only when it asks for that kind
 * (`only`, e.g. fix on save), and the per-kind action computed at once.
 */
import { declareTypeEdit, nearestType, ruleTitle, t } from '../../engine';
import { CodeActionKind, type CodeAction, type CodeActionParams } from 'vscode-languageserver';
import { editsPerLine, fixAll, lineAt, type Diagnostic, type LintOptions, type LintResult, type TextEdit } from '../../engine';
import { toLspDiagnostic, toLspEdits } from './convert';

const inRange = (d: Diagnostic, r: CodeActionParams['range']) =>
  !(d.range.end.line < r.start.line ||
    (d.range.end.line === r.start.line && d.range.end.character < r.start.character) ||
    d.range.start.line > r.end.line ||
    (d.range.start.line === r.end.line && d.range.start.character > r.end.character));

const wants = (only: string[] | undefined, kind: string) =>
  !only || only.some((o) => kind === o || kind.startsWith(o + '.'));

/** What a bulk action carries until it is resolved: which document, and which rule (all if none). */
export interface FixAllData {
  partyReportFixAll: true;
  uri: string;
  rule?: string;
}

export const isFixAllData = (data: unknown): data is FixAllData =>
  typeof data === 'object' && data !== null && (data as FixAllData).partyReportFixAll === true && typeof (data as FixAllData).uri === 'string';

export interface CodeActionContext {
  text: string;
  /** The uncapped lint of `text` (every finding): the first round of fix-all. */
  result: LintResult;
  options: LintOptions;
  /** The client resolves `edit` lazily (codeAction/resolve). */
  lazy: boolean;
}

export function codeActions(params: CodeActionParams, c: CodeActionContext): CodeAction[] {
  const { result } = c;
  const model = result.model;
  if (!model) return [];
  const uri = params.textDocument.uri;
  const index = model.lineIndex;
  const only = params.context.only;
  const actions: CodeAction[] = [];
  const edit = (edits: TextEdit[]) => ({ changes: { [uri]: toLspEdits(index, edits) } });

  if (wants(only, CodeActionKind.QuickFix)) {
    const here = result.diagnostics.filter((d) => inRange(d, params.range));
    // Safe fixes per rule, counted once per request (only when a finding here has one).
    let safeByRule: Map<string, number> | undefined;
    const safeCount = (rule: string) => {
      if (!safeByRule) {
        safeByRule = new Map();
        for (const x of result.diagnostics) if (x.fix?.safe) safeByRule.set(x.rule, (safeByRule.get(x.rule) ?? 0) + 1);
      }
      return safeByRule.get(rule) ?? 0;
    };
    const fixAllDone = new Set<string>();
    for (const d of here) {
      const lsp = toLspDiagnostic(d);
      if (d.fix) {
        actions.push({ title: d.fix.title, kind: CodeActionKind.QuickFix, diagnostics: [lsp], isPreferred: d.fix.safe, edit: edit(d.fix.edits) });
      }
      const sameKind = d.fix?.safe ? safeCount(d.rule) : 0;
      if (sameKind > 1 && !fixAllDone.has(d.rule)) {
        fixAllDone.add(d.rule);
        const title = t('修复本文件中所有此类问题（{0}，{1} 处）', ruleTitle(d.rule), sameKind);
        if (c.lazy) {
          actions.push({ title, kind: CodeActionKind.QuickFix, diagnostics: [lsp], data: { partyReportFixAll: true, uri, rule: d.rule } satisfies FixAllData });
        } else {
          const all = fixAll(c.text, c.options, d.rule, result);
          if (all.edit) actions.push({ title, kind: CodeActionKind.QuickFix, diagnostics: [lsp], edit: edit(editsPerLine(c.text, all.edit)) });
        }
      }
      if (!lineCommentFits(model, d)) continue;
      const line = d.range.start.line;
      const at = index.lineStart(line);
      actions.push({
        title: t('在此行忽略“{0}”', ruleTitle(d.rule)),
        kind: CodeActionKind.QuickFix,
        diagnostics: [lsp],
        edit: edit([{ span: { start: at, end: at }, newText: `<!-- party-report-disable-next-line ${d.rule} -->${index.eol()}` }]),
      });
    }
  }
  const title = t('修复所有可自动修复的党建报告问题');
  if (wants(only, CodeActionKind.SourceFixAll) && (only || result.diagnostics.some((d) => d.fix?.safe))) {
    if (c.lazy) {
      // Offered when a safe fix exists; asked for explicitly (fix on save), only when one does.
      if (result.diagnostics.some((d) => d.fix?.safe)) {
        actions.push({ title, kind: CodeActionKind.SourceFixAll, data: { partyReportFixAll: true, uri } satisfies FixAllData });
      }
    } else if (only) {
      const all = fixAll(c.text, c.options, undefined, result);
      if (all.edit) actions.push({ title, kind: CodeActionKind.SourceFixAll, edit: edit(editsPerLine(c.text, all.edit)) });
    }
  }
  // A draft recognised as no type, close to one: on its first line, offer to check it as that type.
  const near = wants(only, CodeActionKind.RefactorRewrite) && params.range.start.line === 0 ? nearestType(result.detection) : undefined;
  if (near) {
    actions.push({
      title: t('按“{0}”检查：在文首写明 template: {1}', near.name, near.id),
      kind: CodeActionKind.RefactorRewrite,
      edit: edit([declareTypeEdit(c.text, near.id)]),
    });
  }
  return actions;
}

/** codeAction/resolve for a bulk action: its edit, computed on the document's current text. */
export function resolveFixAll(action: CodeAction, data: FixAllData, c: Omit<CodeActionContext, 'lazy'>): CodeAction {
  const model = c.result.model;
  if (!model) return action;
  const all = fixAll(c.text, c.options, data.rule, c.result);
  // Nothing left to fix (the text changed since the action was offered): an empty edit.
  const edits = all.edit ? toLspEdits(model.lineIndex, editsPerLine(c.text, all.edit)) : [];
  return { ...action, edit: { changes: { [data.uri]: edits } } };
}

/**
 * Whether "在此行忽略" can put its comment line above the finding's line without changing the draft:
 * not in the front matter (above its "---" it ends the front matter, inside it it is YAML), not in a
 * table (a line between two rows ends the table), a list or a quote (it splits them). Between two
 * lines of a paragraph it is fine: each line of a draft is read as a paragraph of its own.
 */
function lineCommentFits(model: NonNullable<LintResult['model']>, d: Diagnostic): boolean {
  if (d.rule === 'front-matter') return false;
  const fm = model.frontMatter?.span;
  if (fm && d.span.start < fm.end) return false;
  const line = lineAt(model, d.span.start);
  if (!line) return true;
  return line.block !== 'tableCell' && !line.inList && !line.inQuote;
}
