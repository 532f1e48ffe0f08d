/**
 * The part of @lit/task that Sila uses, in a few lines (about 0.5 kB less in every file that
 * carries the status lookup): runs an async job when its arguments change, aborts the run
 * it replaces, keeps the newest run's outcome for render and asks the host to update.
 * Same names and behaviour as @lit/task for what is here (args compared with lit's
 * notEqual, the job run from hostUpdate, `initialState` puts it back to INITIAL).
 */
import { notEqual, type ReactiveController, type ReactiveControllerHost } from 'lit';

export const TaskStatus = { INITIAL: 0, PENDING: 1, COMPLETE: 2, ERROR: 3 } as const;
export type TaskStatus = (typeof TaskStatus)[keyof typeof TaskStatus];

/** What a job returns to say "nothing to do": the task goes back to INITIAL. */
export const initialState: unique symbol = Symbol();

export interface TaskConfig<A extends readonly unknown[], R> {
  args: () => A;
  task: (args: A, options: { signal: AbortSignal }) => Promise<R | typeof initialState>;
  onComplete?: (value: R) => void;
  onError?: (error: unknown) => void;
}

export class Task<A extends readonly unknown[], R> implements ReactiveController {
  status: TaskStatus = TaskStatus.INITIAL;
  value?: R;
  error?: unknown;
  private previousArgs?: A;
  private aborter?: AbortController;
  private runs = 0;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly config: TaskConfig<A, R>,
  ) {
    host.addController(this);
  }

  hostUpdate(): void {
    const args = this.config.args();
    const previous = this.previousArgs;
    this.previousArgs = args;
    const same = previous?.length === args.length && args.every((arg, i) => !notEqual(arg, previous[i]));
    if (!same) void this.run(args);
  }

  abort(): void {
    if (this.status === TaskStatus.PENDING) this.aborter?.abort();
  }

  private async run(args: A): Promise<void> {
    this.abort();
    this.status = TaskStatus.PENDING;
    this.host.requestUpdate();
    const run = ++this.runs;
    this.aborter = new AbortController();
    let result: R | typeof initialState | undefined;
    let error: unknown;
    let failed = false;
    try {
      result = await this.config.task(args, { signal: this.aborter.signal });
    } catch (caught) {
      failed = true;
      error = caught;
    }
    if (run !== this.runs) return; // a newer run replaced this one
    if (result === initialState) {
      this.status = TaskStatus.INITIAL;
    } else {
      // As in @lit/task: a throwing callback never changes the outcome.
      try {
        if (failed) this.config.onError?.(error);
        else this.config.onComplete?.(result as R);
      } catch {
        // ignored
      }
      this.status = failed ? TaskStatus.ERROR : TaskStatus.COMPLETE;
      this.value = result as R | undefined;
      this.error = error;
    }
    this.host.requestUpdate();
  }
}
