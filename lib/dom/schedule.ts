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
