/** Hovers: what a placeholder asks for, a formulation's standard text, and a finding's rule. */
import { t } from '../../engine';
import { MarkupKind, type Hover } from 'vscode-languageserver';
import { builtinFormulations, ruleInfo, type Formulation, type LintResult } from '../../engine';
import { placeholderHint } from '../../engine';

/**
 * `offset`: the place in the text `result` was computed from (which may be a few keystrokes older).
 * `formulations`: those the document is checked with (built-ins, the project's, the user's).
 */
export function hover(result: LintResult, offset: number, formulations: Formulation[] = builtinFormulations()): Hover | null {
  const model = result.model;
  if (!model) return null;
  const parts: string[] = [];

  const placeholder = model.placeholders.find((p) => p.span.start <= offset && offset < p.span.end);
  if (placeholder) parts.push(t('**待填项** `{0}`：{1}', placeholder.text, placeholderHint(placeholder.kind)));

  const line = model.lines.find((l) => l.starts.length > 0 && l.starts[0] <= offset && offset <= l.ends[l.ends.length - 1]);
  if (line) {
    const at = line.starts.findIndex((s, i) => s <= offset && offset < line.ends[i]);
    for (const f of formulations) {
      for (const word of new Set([f.name, f.text])) {
        for (let i = line.text.indexOf(word); i >= 0; i = line.text.indexOf(word, i + 1)) {
          if (at >= i && at < i + word.length) {
            parts.push(t('**规范表述：{0}**', f.name) + `\n\n${f.text}`);
            break;
          }
        }
      }
    }
  }

  for (const d of result.diagnostics) {
    if (d.span.start > offset || offset > d.span.end) continue;
    const rule = ruleInfo(d.rule);
    parts.push(`**${d.rule}**${rule ? `（${rule.summary}）` : ''}\n\n${d.message}\n\n` + (rule ? t('依据：{0}', rule.source) + '\n\n' : '') + t('规则说明见 docs/rules.md，可用 `<!-- party-report-disable-next-line {0} -->` 在下一行关闭。', d.rule));
  }
  if (parts.length === 0) return null;
  return { contents: { kind: MarkupKind.Markdown, value: [...new Set(parts)].join('\n\n---\n\n') } };
}
