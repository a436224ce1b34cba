/**
 * Ends the process as soon as its messages on stderr have been handed on, instead of waiting for
 * the event loop to drain. As a short run's loop empties, V8 still runs the garbage collection it
 * had scheduled as tasks: after a 60-page export a scavenge and a full mark-compact, up to 13 ms
 * that nothing needs (docs/benchmarks.md). The callback of an empty write comes after every earlier
 * write on the stream, so no message is lost, also where pipes are asynchronous (Windows, macOS);
 * `exit` handlers (the code cache, engine/io/code-cache.ts) still run. For commands that write
 * nothing to stdout (export): stdout is not touched, so a closed stdout stays harmless.
 */
export function exitOnceWritten(): void {
  process.stderr.write('', () => process.exit());
}
