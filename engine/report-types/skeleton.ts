/**
 * Renders a report type's Handlebars skeleton: a whole new draft, or one section for the quick fix
 * that inserts a missing one. Each `{{#section "id"}}…{{/section}}` block writes the section's
 * numbered heading and its body.
 *
 * Templates are data: they are compiled in an isolated Handlebars environment with only the
 * `section` helper, no prototype access and no HTML escaping (the output is Markdown).
 */
import Handlebars from 'handlebars';
import { standardMarker } from '../model/numbering';
import type { ReportType } from './types';

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

function compile(type: ReportType, state: SectionRender, style: HeadingStyle) {
  const hb = Handlebars.create();
  let counter = 0;
  hb.registerHelper('section', function (this: unknown, id: unknown, options: Handlebars.HelperOptions) {
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
  const ctx: Record<string, string> = {};
  for (const v of type.variables) {
    const given = values[v.name];
    ctx[v.name] = given !== undefined && given.trim() !== '' ? given : v.placeholder;
  }
  return ctx;
}

const runtimeOptions = { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false };

export function renderDraft(type: ReportType, options: RenderOptions = {}): string {
  const template = compile(type, {}, options.headingStyle ?? 'markdown');
  const text = template(context(type, options.values), runtimeOptions).replace(/\n{3,}/g, '\n\n');
  return options.eol && options.eol !== '\n' ? text.replace(/\n/g, options.eol) : text;
}

/** One section, numbered `number`, as it would appear in a draft of this type. */
export function renderSection(type: ReportType, sectionId: string, number: number, options: RenderOptions = {}): string {
  const state: SectionRender = { only: sectionId, number };
  const style = options.headingStyle ?? 'markdown';
  compile(type, state, style)(context(type, options.values), runtimeOptions);
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
