/**
 * The shipped reference data (data/quotations/*.yaml, data/years/*.yaml) and a unit's own under
 * `.party-report/`: roster.yaml, quotations.yaml, years/<year>.yaml. A unit's year profile replaces
 * the shipped one for that year; its quotations are added to the shipped ones.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { assetRoot, compiledReference, loadData } from '../data';
import { parseQuotationFile, parseRoster, parseRosterFile, parseYearFile } from './parse';
import type { Quotation, UnitData, UnitProblem, YearProfile } from './types';

export const UNIT_DIR = '.party-report';

const yamlFiles = (dir: string): string[] =>
  fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => /\.ya?ml$/i.test(f)).sort().map((f) => path.join(dir, f)) : [];

function readYears(dir: string, problems: UnitProblem[]): YearProfile[] {
  return yamlFiles(dir)
    .map((f) => parseYearFile(fs.readFileSync(f, 'utf8'), f, problems))
    .filter((y): y is YearProfile => y !== undefined);
}

let builtin: { quotations: Quotation[]; years: YearProfile[]; problems: UnitProblem[] } | undefined;

/** What ships in data/; problems here are defects of the package (a test keeps them at none). */
export function builtinReference(): { quotations: Quotation[]; years: YearProfile[]; problems: UnitProblem[] } {
  if (builtin) return builtin;
  // In the bundles, compiled at build time (scripts/build.mjs): start-up parses no YAML.
  builtin = compiledReference<Quotation, YearProfile, UnitProblem>();
  if (builtin) return builtin;
  const problems: UnitProblem[] = [];
  const root = assetRoot();
  const quotations = yamlFiles(path.join(root, 'data', 'quotations')).flatMap((f) => parseQuotationFile(fs.readFileSync(f, 'utf8'), f, problems));
  builtin = { quotations, years: readYears(path.join(root, 'data', 'years'), problems), problems };
  return builtin;
}

let builtinUnit: UnitData | undefined;

/** One object for every check: the lint keeps per-line results while the data stays the same object. */
export function builtinUnitData(): UnitData {
  if (builtinUnit) return builtinUnit;
  const b = builtinReference();
  builtinUnit = { quotations: b.quotations, years: new Map(b.years.map((y) => [y.year, y])) };
  return builtinUnit;
}

/**
 * @param root          the project folder that holds `.party-report/`
 * @param configRoster  the project file's `roster:` value, for units that keep everything in one file
 */
export function loadUnitData(root: string, configRoster?: { value: unknown; file: string }): { unit: UnitData; problems: UnitProblem[] } {
  const problems: UnitProblem[] = [];
  const unit = builtinUnitData();
  const dir = path.join(root, UNIT_DIR);
  const rosterFile = ['roster.yaml', 'roster.yml'].map((n) => path.join(dir, n)).find((f) => fs.existsSync(f));
  if (rosterFile) unit.roster = parseRosterFile(fs.readFileSync(rosterFile, 'utf8'), rosterFile, problems);
  else if (configRoster) unit.roster = parseRoster(configRoster.value, configRoster.file, problems);
  const quotationFile = ['quotations.yaml', 'quotations.yml'].map((n) => path.join(dir, n)).find((f) => fs.existsSync(f));
  if (quotationFile) unit.quotations = [...unit.quotations, ...parseQuotationFile(fs.readFileSync(quotationFile, 'utf8'), quotationFile, problems)];
  const own = readYears(path.join(dir, 'years'), problems);
  if (own.length > 0) {
    unit.years = new Map(unit.years);
    for (const y of own) unit.years.set(y.year, y);
  }
  return { unit, problems };
}

let requestPhrases: string[] | undefined;

/** Phrases that ask for approval (data/request-phrases.yaml): they belong in a 请示, not in a 报告. */
export function builtinRequestPhrases(): string[] {
  requestPhrases ??= (loadData<{ phrases?: unknown }>('request-phrases.yaml').phrases as string[] | undefined ?? []).filter((p) => typeof p === 'string' && p.length > 0);
  return requestPhrases;
}
