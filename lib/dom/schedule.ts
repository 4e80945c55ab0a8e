/** Cooperative scheduling: do page work in slices well under one 50 ms long task. */
export const SLICE_BUDGET_MS = 8;

type SchedulerYield = { yield?: () => Promise<void> };

/** Gives the page's main thread back: scheduler.yield where present, else a macrotask. */
export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: SchedulerYield }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** Where a sliced job's time went: the benchmark reads these. */
export interface SliceStats {
  /** main-thread time spent in our slices */
  busyMs: number;
  longestSliceMs: number;
}

/**
 * Cuts a long job into slices: the job asks `due` often (it is cheap) and,
 * when true, awaits `pause()`, which gives the page its turn.
 */
export class Slicer {
  private started = performance.now();

  constructor(
    private readonly stats?: SliceStats,
    private readonly signal?: AbortSignal,
  ) {}

  get due(): boolean {
    return performance.now() - this.started > SLICE_BUDGET_MS;
  }

  /** Ends the slice and yields; resolves to false when the job was aborted meanwhile. */
  async pause(): Promise<boolean> {
    this.end();
    await yieldToPage();
    this.started = performance.now();
    return !this.signal?.aborted;
  }

  /** Books the running slice (call once when the job is done). */
  end(): void {
    const spent = performance.now() - this.started;
    if (this.stats) {
      this.stats.busyMs += spent;
      this.stats.longestSliceMs = Math.max(this.stats.longestSliceMs, spent);
    }
    this.started = performance.now();
  }
}
