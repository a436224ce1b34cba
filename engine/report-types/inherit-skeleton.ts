/**
 * The skeleton a type made with `extends:` takes from its built-in parent when it brings none of its
 * own. The parent's skeleton names the parent in its front matter and has blocks only for the
 * parent's sections; as it is, a new draft would be checked as the parent and lack the sections the
 * definition adds. So the front matter names the new type, and each added section gets a block
 * (its hint as the text to replace) after the section it follows.
 */
export interface InheritingType {
  id: string;
  sections: ReadonlyArray<{ id?: unknown; hint?: unknown }>;
}

export function inheritSkeleton(skeleton: string, parent: { id: string; sections: ReadonlyArray<{ id: string }> }, child: InheritingType): string {
  let out = renameInFrontMatter(skeleton, parent.id, child.id);
  // Only the sections the definition adds: a parent's section its skeleton leaves out on purpose
  // (an optional one) stays out of the new draft, as it is out of the parent's.
  const inherited = new Set(parent.sections.map((s) => s.id));
  const ids = child.sections.map((s) => (typeof s.id === 'string' ? s.id : undefined));
  for (const [i, section] of child.sections.entries()) {
    const id = ids[i];
    if (id === undefined || inherited.has(id) || blockOf(out, id)) continue;
    // The hint is the writer's text, not Handlebars: braces would be read as a helper or a variable.
    const given = typeof section.hint === 'string' ? section.hint.trim().replace(/\{/g, '｛').replace(/\}/g, '｝') : '';
    const hint = given !== '' ? given : '写明本节内容';
    const block = `{{#section "${id}"}}\n【${hint}】\n{{/section}}`;
    // After the nearest earlier section that has a block; before the first later one; else at the end.
    const before = ids.slice(0, i).reverse().map((x) => x && blockOf(out, x)).find(Boolean);
    const after = ids.slice(i + 1).map((x) => x && blockOf(out, x)).find(Boolean);
    if (before) out = `${out.slice(0, before.end)}\n\n${block}${out.slice(before.end)}`;
    else if (after) out = `${out.slice(0, after.start)}${block}\n\n${out.slice(after.start)}`;
    else out = `${out.trimEnd()}\n\n${block}\n`;
  }
  return out;
}

/** Where a `{{#section "id"}}…{{/section}}` block stands in the skeleton. */
function blockOf(skeleton: string, id: string): { start: number; end: number } | undefined {
  const open = new RegExp(`\\{\\{#section\\s+["']${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}["']\\s*\\}\\}`).exec(skeleton);
  if (!open) return undefined;
  const close = skeleton.indexOf('{{/section}}', open.index);
  return close < 0 ? undefined : { start: open.index, end: close + '{{/section}}'.length };
}

/** `template: <parent>` in the skeleton's front matter becomes `template: <child>`. */
function renameInFrontMatter(skeleton: string, parentId: string, childId: string): string {
  const front = /^---\r?\n[\s\S]*?\r?\n---(?:\r?\n|$)/.exec(skeleton);
  if (!front) return skeleton;
  const renamed = front[0].replace(new RegExp(`^(template:[ \\t]*)${parentId}[ \\t]*$`, 'm'), `$1${childId}`);
  return renamed + skeleton.slice(front[0].length);
}
