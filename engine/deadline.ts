/**
 * The time budget a check may be given (the language server gives one; the CLI does not).
 * Without a budget (Infinity) the clock is never read: the first use of the global `performance`
 * loads node:perf_hooks, about a millisecond of a one-draft `party-report lint`.
 */
export function pastDeadline(deadline: number): boolean {
  return deadline !== Infinity && performance.now() > deadline;
}
