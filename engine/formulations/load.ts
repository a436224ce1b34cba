/** Standard formulations as data (data/formulations.yaml), plus any a unit adds. */
import { loadData } from '../data';

export interface Formulation {
  name: string;
  kind: 'phrase' | 'series' | 'pair';
  text: string;
  wrong: string[];
  notAfter: string[];
  members: string[];
  keys: string[];
  outdated: Record<string, string>;
  /** Other accepted forms of a member ("马列主义" for 马克思列宁主义). */
  forms: Record<string, string[]>;
  /** The year a member joined the series: a draft written before it is right to lack it. */
  added: Record<string, number>;
}

interface RawFormulation {
  name?: unknown;
  kind?: unknown;
  text?: unknown;
  wrong?: unknown;
  'not-after'?: unknown;
  members?: unknown;
  keys?: unknown;
  outdated?: unknown;
  forms?: unknown;
  added?: unknown;
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x.length > 0) : []);

export function normalizeFormulation(raw: RawFormulation): Formulation | undefined {
  if (typeof raw?.name !== 'string' || typeof raw.text !== 'string') return undefined;
  const kind = raw.kind === 'series' || raw.kind === 'pair' ? raw.kind : 'phrase';
  const outdated: Record<string, string> = {};
  if (raw.outdated && typeof raw.outdated === 'object') {
    for (const [k, v] of Object.entries(raw.outdated)) if (typeof v === 'string') outdated[k] = v;
  }
  const forms: Record<string, string[]> = {};
  if (raw.forms && typeof raw.forms === 'object') for (const [k, v] of Object.entries(raw.forms)) forms[k] = strings(v);
  const added: Record<string, number> = {};
  if (raw.added && typeof raw.added === 'object') for (const [k, v] of Object.entries(raw.added)) if (typeof v === 'number') added[k] = v;
  return {
    name: raw.name,
    kind,
    text: raw.text,
    wrong: strings(raw.wrong),
    notAfter: strings(raw['not-after']),
    members: strings(raw.members),
    keys: strings(raw.keys),
    outdated,
    forms,
    added,
  };
}

let builtin: Formulation[] | undefined;

export function builtinFormulations(): Formulation[] {
  builtin ??= (loadData<{ formulations: RawFormulation[] }>('formulations.yaml').formulations ?? [])
    .map(normalizeFormulation)
    .filter((f): f is Formulation => f !== undefined);
  return builtin;
}

let builtinTerms: { terms: string[]; quoted: string[] } | undefined;

/** data/standard-terms.yaml, read once. */
function standardTerms() {
  if (!builtinTerms) {
    const raw = loadData<{ terms?: unknown; quoted?: unknown }>('standard-terms.yaml');
    builtinTerms = { terms: strings(raw.terms), quoted: strings(raw.quoted) };
  }
  return builtinTerms;
}

/** Long standard terms checked for typos (data/standard-terms.yaml, `terms`). */
export const builtinStandardTerms = (): string[] => standardTerms().terms;

/** Numbered abbreviations written in quotation marks (data/standard-terms.yaml, `quoted`). */
export const builtinQuotedTerms = (): string[] => standardTerms().quoted;
