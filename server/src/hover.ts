/**
 * Hovers: for a finding, its rule's name (a link to the rule's documentation) and how to fix it
 * (the editor shows the finding's message itself); on a placeholder without a finding, what
 * belongs there; on a formulation, its standard text. Nothing is said twice.
 */
import { t } from '../../engine';
import { MarkupKind, type Hover } from 'vscode-languageserver';
import { builtinFormulations, lineAt, placeholderAdvice, ruleInfo, ruleTitle, type Diagnostic, type Formulation, type LintResult } from '../../engine';

/** The client command that opens docs/rules.md at a rule's heading (trusted for hovers only). */
export const SHOW_RULE_DOCS = 'partyReport.showRuleDocs';

/**
 * What the editor can do that the words may name: our VS Code client runs the partyReport.* commands
 * (a rule's description, the next placeholder) and has VS Code's keys; Neovim, Helix or Emacs have
 * neither, and a command link or "Ctrl+." would mislead there.
 */
export interface EditorFeatures {
  commands: boolean;
}

export const VS_CODE: EditorFeatures = { commands: true };

export function ruleLink(rule: string, editor: EditorFeatures = VS_CODE): string {
  if (!editor.commands) return ruleTitle(rule);
  return `[${ruleTitle(rule)}](command:${SHOW_RULE_DOCS}?${encodeURIComponent(JSON.stringify([rule]))} "${t('打开规则说明')}")`;
}

function findingPart(d: Diagnostic, editor: EditorFeatures): string {
  const how =
    d.rule === 'unfilled-placeholder'
      ? editor.commands
        ? t('填入实际内容，提示即消失；按 Ctrl+Alt+N（或点状态栏）跳到下一个待填项。')
        : t('填入实际内容，提示即消失。')
      : d.fix
        ? editor.commands
          ? t('{0}（按 Ctrl+. 应用快速修复）', d.fix.title)
          : t('{0}（可用快速修复）', d.fix.title)
        : // No fix to name: what the rule looks for, so that the hover says more than the rule's name.
          (ruleInfo(d.rule)?.summary ?? '');
  // The message itself VS Code already shows above the hover (with every diagnostic under the
  // cursor): repeating it here made the same sentence appear twice.
  const source = ruleInfo(d.rule)?.source;
  return [`**${ruleLink(d.rule, editor)}**`, how].filter(Boolean).join(t('：')) + (source ? '\n\n' + t('依据：{0}', source) : '');
}

/**
 * `offset`: the place in the text `result` was computed from (which may be a few keystrokes older).
 * `formulations`: those the document is checked with (built-ins, the project's, the user's).
 */
export function hover(result: LintResult, offset: number, formulations: Formulation[] = builtinFormulations(), editor: EditorFeatures = VS_CODE): Hover | null {
  const model = result.model;
  if (!model) return null;
  const here = result.diagnostics.filter((d) => d.span.start <= offset && offset <= d.span.end);
  const parts: string[] = [];
  const seen = new Set<string>();
  for (const d of here) {
    if (seen.has(d.rule + d.message)) continue;
    seen.add(d.rule + d.message);
    parts.push(findingPart(d, editor));
  }

  const placeholder = model.placeholders.find((p) => p.span.start <= offset && offset < p.span.end);
  if (placeholder && !here.some((d) => d.rule === 'unfilled-placeholder')) {
    parts.push(t('**待填项** `{0}`：{1}', placeholder.text, placeholderAdvice(placeholder)));
  }

  // A formulation's standard text, unless a finding here already quotes it.
  const line = lineAt(model, offset);
  if (line && !here.some((d) => d.rule === 'standard-formulation')) {
    const at = line.starts.findIndex((s, i) => s <= offset && offset < line.ends[i]);
    const shown = new Set<string>();
    for (const f of formulations) {
      if (shown.has(f.text)) continue;
      const under = [...new Set([f.name, f.text])].some((word) => {
        for (let i = line.text.indexOf(word); i >= 0; i = line.text.indexOf(word, i + 1)) if (at >= i && at < i + word.length) return true;
        return false;
      });
      if (!under) continue;
      shown.add(f.text);
      parts.push(f.name === f.text ? t('**规范表述**：{0}', f.text) : t('**规范表述：{0}**', f.name) + `\n\n${f.text}`);
    }
  }
  if (parts.length === 0) return null;
  return { contents: { kind: MarkupKind.Markdown, value: parts.join('\n\n---\n\n') } };
}
