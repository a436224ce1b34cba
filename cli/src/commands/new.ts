/** `party-report new <type> [--set key=value…] [-o file.md] [--force]`: a new draft from a type's skeleton. */
import { t } from '../../../engine';
import { findType, renderDraft } from '../../../engine';
import { projectFor } from '../project';
import { SkeletonLimitError, WriteRefused, writeFileAtomic } from '../../../engine';

export interface NewArgs {
  type: string;
  set: string[];
  output?: string;
  force: boolean;
}

export function runNew(args: NewArgs, out: (s: string) => void, err: (s: string) => void): number {
  let types = projectFor(args.output ?? process.cwd(), err).types;
  let type = findType(types, args.type);
  if (!type && args.output) {
    // A type of the project the writer is in, the draft saved elsewhere (-o /tmp/x.md): made all the
    // same, with a word that it is checked as that type only inside the project.
    const here = projectFor(process.cwd(), err);
    type = findType(here.types, args.type);
    if (type) err(t('注意：{0} 不在定义类型 {1} 的项目（{2}）里，在那里检查时认不出这个类型；请把文稿移进该项目再检查。', args.output, type.id, here.root));
    else types = [...types, ...here.types.filter((x) => !types.includes(x))];
  }
  if (!type) {
    err(t('未知的报告类型 {0}；可用的类型：{1}', JSON.stringify(args.type), types.map((x) => x.id).join(t('、'))));
    return 2;
  }
  // No prototype: a variable named __proto__ or constructor is set like any other.
  const values: Record<string, string> = Object.create(null);
  for (const pair of args.set) {
    const eq = pair.indexOf('=');
    const key = eq > 0 ? pair.slice(0, eq) : '';
    if (!key || !type.variables.some((v) => v.name === key)) {
      err(`--set ${pair}: ` + t('应为 键=值，键是以下之一：{0}', type.variables.map((v) => `${v.name}（${v.label}）`).join(t('、'))));
      return 2;
    }
    values[key] = pair.slice(eq + 1);
  }
  let draft: string;
  try {
    draft = renderDraft(type, { values });
  } catch (e) {
    if (!(e instanceof SkeletonLimitError)) throw e;
    err(`${type.source ?? type.id}: ${e.message}`);
    return 2;
  }
  if (!args.output) {
    out(draft);
    return 0;
  }
  try {
    writeFileAtomic(args.output, draft, args.force);
  } catch (e) {
    if (!(e instanceof WriteRefused)) throw e;
    err(e.message);
    return 2;
  }
  err(t('已生成 {0}（{1}）', args.output, type.name));
  return 0;
}
