/**
 * Restarts a language server that stops answering. The client library restarts a server that
 * crashes, but not one that hangs (a busy loop answers nothing and never exits): every so often
 * the watchdog sends a cheap request, and if no answer comes within the timeout it restarts the
 * server, saying so in the output channel. After too many restarts in a row without the server
 * ever answering, it gives up and tells the user once.
 *
 * No `vscode` import: the extension wires it to the real client (extension.ts), tests to a fake.
 */
export interface WatchedServer {
  /** Any request; an answer, even an error, means the server is alive. */
  ping(): Promise<unknown>;
  /** Stop (killing the process if it does not stop) and start again. */
  restart(): Promise<void>;
  /** False while the client is starting or stopping: no ping then. */
  isRunning(): boolean;
  log(message: string): void;
  /** Shown to the user once, when the watchdog gives up. */
  notify(message: string): void;
}

export interface WatchdogOptions {
  intervalMs: number;
  /** A ping unanswered this long means the server is stuck. */
  timeoutMs: number;
  /** Restarts in a row, without a ping answered in between, before giving up. */
  maxRestarts: number;
  messages: {
    restarting: (seconds: number, attempt: number, max: number) => string;
    gaveUp: (restarts: number) => string;
  };
}

export const DEFAULT_WATCHDOG = { intervalMs: 30_000, timeoutMs: 20_000, maxRestarts: 3 };

const UNANSWERED = Symbol('unanswered');

export class Watchdog {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private restarts = 0;
  private stopped = false;
  private started = false;

  constructor(
    private readonly server: WatchedServer,
    private readonly options: WatchdogOptions,
  ) {}

  start(): void {
    this.stopped = false;
    this.started = true;
    this.schedule();
  }

  dispose(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  /** Whether it gave up (or was disposed). */
  get done(): boolean {
    return this.stopped;
  }

  private schedule(): void {
    if (this.stopped || !this.started) return;
    this.timer = setTimeout(() => void this.check(), this.options.intervalMs);
  }

  /** One round: ping, and restart if there is no answer in time (then the next round, if started). */
  async check(): Promise<void> {
    if (this.stopped) return;
    if (!this.server.isRunning()) return this.schedule();
    let timeout: ReturnType<typeof setTimeout> | undefined;
    const answer = await Promise.race([
      this.server.ping().then(
        () => true,
        () => true,
      ),
      new Promise<typeof UNANSWERED>((resolve) => (timeout = setTimeout(() => resolve(UNANSWERED), this.options.timeoutMs))),
    ]);
    clearTimeout(timeout);
    if (this.stopped) return;
    if (answer !== UNANSWERED) {
      this.restarts = 0;
      return this.schedule();
    }
    if (this.restarts >= this.options.maxRestarts) {
      this.dispose();
      const message = this.options.messages.gaveUp(this.restarts);
      this.server.log(message);
      this.server.notify(message);
      return;
    }
    this.restarts++;
    this.server.log(this.options.messages.restarting(this.options.timeoutMs / 1000, this.restarts, this.options.maxRestarts));
    try {
      await this.server.restart();
    } catch (err) {
      this.server.log(String((err as Error).message ?? err));
    }
    this.schedule();
  }
}
