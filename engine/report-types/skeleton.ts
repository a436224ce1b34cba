/**
 * Renders a report type's Handlebars skeleton: a whole new draft, or one section for the quick fix
 * that inserts a missing one. Each `{{#section "id"}}…{{/section}}` block writes the section's
 * numbered heading and its body.
 *
 * Templates are data: they are compiled in an isolated Handlebars environment with only the
 * `section` helper, no prototype access and no HTML escaping (the output is Markdown).
 *
 * And they may be hostile: `{{#each this}}` nested eight deep over twelve variables is 12⁸ passes.
 * Every block (built-in helpers and `section`) runs under a budget of time and output, and a
 * render that exceeds it stops with SkeletonLimitError instead of taking minutes and gigabytes.
 * checkSkeleton tries each type once at load, so a broken or runaway skeleton is reported in its
 * definition file. Variables live in objects without a prototype: a variable named `constructor`
 * or `__proto__` is just a name.
 */
// Loaded when a skeleton is first rendered (new drafts, section quick fixes), not at every start.
import type Handlebars from 'handlebars';
import { standardMarker } from '../model/numbering';
import type { ReportType } from './types';
import { t } from '../i18n';

export type HeadingStyle = 'markdown' | 'bare';

export interface RenderOptions {
  /** Answers to the type's variables; unanswered ones render as their visible placeholder. */
  values?: Record<string, string>;
  headingStyle?: HeadingStyle;
  eol?: string;
}

interface SectionRender {
  only?: string;
  number?: number;
  captured?: string;
}

/** What one render may take. A real skeleton is a few kilobytes and renders in a millisecond. */
export const SKELETON_LIMITS = {
  /** Characters of output, counted over every block's passes. */
  maxOutput: 1_000_000,
  maxMs: 1000,
  /** Characters of one variable's value. */
  maxValue: 2000,
  /** Characters of the .hbs file. */
  maxSource: 200_000,
};

export class SkeletonLimitError extends Error {}

class Budget {
  private produced = 0;
  private readonly deadline = performance.now() + SKELETON_LIMITS.maxMs;

  check(): void {
    if (performance.now() > this.deadline) throw new SkeletonLimitError(t('骨架渲染超过 {0} 毫秒，已停止（可能有多层嵌套的 each 循环）', SKELETON_LIMITS.maxMs));
  }

  count(text: string): string {
    this.produced += text.length;
    if (this.produced > SKELETON_LIMITS.maxOutput) {
      throw new SkeletonLimitError(t('骨架渲染结果超过 {0} 个字符，已停止（可能有多层嵌套的 each 循环）', SKELETON_LIMITS.maxOutput));
    }
    this.check();
    return text;
  }

  /** A block's template functions, metered: every pass of every block counts. */
  wrap(options: Handlebars.HelperOptions): Handlebars.HelperOptions {
    const meter = (fn: Handlebars.TemplateDelegate | undefined) =>
      fn &&
      Object.assign(
        function (this: unknown, ...args: Parameters<Handlebars.TemplateDelegate>) {
          return budgetOf(this).count(fn.apply(this, args));
        },
        fn,
      );
    return { ...options, fn: meter(options.fn)!, inverse: meter(options.inverse)! };
  }
}

// The budget of the render in progress (renders are synchronous, so one at a time).
let current: Budget | undefined;
const budgetOf = (_self: unknown): Budget => (current ??= new Budget());

const BLOCK_HELPERS = ['each', 'if', 'unless', 'with'];

function compile(type: ReportType, state: SectionRender, style: HeadingStyle) {
  const hb = (require('handlebars') as typeof Handlebars).create();
  // The built-in block helpers, metered. lookup, log and the missing-helper hooks stay as they are.
  for (const name of BLOCK_HELPERS) {
    const builtin = hb.helpers[name];
    hb.registerHelper(name, function (this: unknown, ...args: unknown[]) {
      const budget = budgetOf(this);
      budget.check();
      const options = args.pop() as Handlebars.HelperOptions;
      return builtin.call(this, ...args, budget.wrap(options));
    });
  }
  let counter = 0;
  hb.registerHelper('section', function (this: unknown, id: unknown, raw: Handlebars.HelperOptions) {
    const options = budgetOf(this).wrap(raw);
    budgetOf(this).check();
    const section = type.sections.find((s) => s.id === id);
    if (!section) return '';
    counter++;
    const number = state.number ?? counter;
    const heading = `${standardMarker(1, number)}${section.title}`;
    let body = String(options.fn(this)).trim();
    if (style === 'bare') body = body.replace(/\n{2,}/g, '\n');
    const text = style === 'markdown' ? `## ${heading}\n\n${body}` : `${heading}\n${body}`;
    if (state.only === id) state.captured = text;
    // The block's own lines are removed by Handlebars (standalone tags): keep a blank line after it.
    return text + '\n';
  });
  return hb.compile(type.skeleton, {
    noEscape: true,
    strict: false,
    knownHelpers: { section: true },
    knownHelpersOnly: true,
  });
}

function context(type: ReportType, values: Record<string, string> = {}): Record<string, string> {
  // No prototype: "constructor" or "__proto__" as a variable name is an ordinary key here.
  const ctx: Record<string, string> = Object.create(null);
  for (const v of type.variables) {
    const given = Object.prototype.hasOwnProperty.call(values, v.name) ? values[v.name] : undefined;
    if (typeof given === 'string' && given.length > SKELETON_LIMITS.maxValue) {
      throw new SkeletonLimitError(t('变量 {0} 的值过长（{1} 个字符，上限 {2}）', v.name, given.length, SKELETON_LIMITS.maxValue));
    }
    ctx[v.name] = typeof given === 'string' && given.trim() !== '' ? given : v.placeholder;
  }
  return ctx;
}

const runtimeOptions = { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false };

/** Runs a render under a fresh budget; the finished text is counted too. */
function metered(render: () => string): string {
  const outer = current;
  current = new Budget();
  try {
    return current.count(render());
  } finally {
    current = outer;
  }
}

/** A new draft of this type. Throws SkeletonLimitError if the skeleton exceeds SKELETON_LIMITS. */
export function renderDraft(type: ReportType, options: RenderOptions = {}): string {
  const template = compile(type, {}, options.headingStyle ?? 'markdown');
  const text = metered(() => template(context(type, options.values), runtimeOptions)).replace(/\n{3,}/g, '\n\n');
  return options.eol && options.eol !== '\n' ? text.replace(/\n/g, options.eol) : text;
}

/**
 * Whether a type's skeleton compiles and renders within the limits, rendered once with its
 * placeholders: the loader reports what this returns in the definition file.
 */
export function checkSkeleton(type: ReportType): string | undefined {
  if (!type.skeleton) return undefined;
  if (type.skeleton.length > SKELETON_LIMITS.maxSource) {
    return t('骨架文件过大（{0} 个字符，上限 {1}）', type.skeleton.length, SKELETON_LIMITS.maxSource);
  }
  try {
    renderDraft(type);
    return undefined;
  } catch (err) {
    if (err instanceof SkeletonLimitError) return t('骨架超出渲染限制：{0}', err.message);
    return t('骨架（.hbs）有误：{0}', (err as Error).message.split('\n').slice(0, 3).join(' '));
  }
}

/**
 * One section, numbered `number`, as it would appear in a draft of this type. A skeleton that
 * fails or exceeds the limits gives the plain heading and hint instead: the fix still works.
 */
export function renderSection(type: ReportType, sectionId: string, number: number, options: RenderOptions = {}): string {
  const state: SectionRender = { only: sectionId, number };
  const style = options.headingStyle ?? 'markdown';
  try {
    const template = compile(type, state, style);
    metered(() => template(context(type, options.values), runtimeOptions));
  } catch {
    state.captured = undefined;
  }
  let text = state.captured;
  if (text === undefined) {
    // The skeleton has no block for it: a heading and the section's hint as a placeholder.
    const section = type.sections.find((s) => s.id === sectionId);
    const heading = `${standardMarker(1, number)}${section?.title ?? sectionId}`;
    const hint = `【${section?.hint ?? '补写本节内容'}】`;
    text = style === 'markdown' ? `## ${heading}\n\n${hint}` : `${heading}\n${hint}`;
  }
  return options.eol && options.eol !== '\n' ? text.replace(/\n/g, options.eol) : text;
}
