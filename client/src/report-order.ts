/** The report types as writers look for them: no VS Code here, so the unit tests can load it. */

/** Built-in types in the order of a year's work: the meeting reports first, the yearly ones last. */
export const WRITERS_ORDER = [
  'org-life-meeting-report',
  'democratic-life-meeting-report',
  'self-examination',
  'rectification-list',
  'rectification-plan',
  'branch-work-summary',
  'duty-report',
];

export function inWritersOrder<T extends { id: string; workspace?: boolean }>(types: T[]): T[] {
  const rank = (t: T) => (t.workspace ? -1 : WRITERS_ORDER.indexOf(t.id) < 0 ? WRITERS_ORDER.length : WRITERS_ORDER.indexOf(t.id));
  // A workspace's own types come first: a unit that defined them uses them.
  return [...types].sort((a, b) => rank(a) - rank(b));
}
