/**
 * Main-thread cost from a Chromium trace (categories devtools.timeline and
 * disabled-by-default-devtools.timeline): the renderer that committed the
 * page is found from the browser's FrameCommittedInBrowser event, its main
 * thread from the thread_name metadata (CrRendererMain), and every top-level
 * RunTask on that thread is summed. A RunTask is the unit the scheduler runs
 * (parsing, script, style, layout, paint, our content script), so its sum is
 * the time the page's main thread was not free to respond to input; a task
 * over 50 ms is a "long task" in the web-vitals sense. Each task's thread time
 * (tdur) is summed too: on a shared machine the wall time of a task includes
 * the time its thread waited for a core, which is noise for a comparison.
 *
 * A task is attributed to the extension when V8's sampling profiler (trace
 * category disabled-by-default-v8.cpu_profiler) caught the main thread in a
 * chrome-extension:// script during it, or when it contains an event naming
 * such a script (EvaluateScript, v8.compile, FunctionCall) or a
 * scheduler.yield continuation (RunYieldContinuation: the scan's slices; the
 * same count is reported for the run without the extension, where it should
 * be 0). The samples catch what the events miss: content-script code resumed
 * as a bare promise reaction (a storage reply, a MutationObserver callback).
 * A task shorter than the sampling interval may be missed; the with − without
 * difference misses nothing.
 */

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  /** thread (CPU) time of the event, µs */
  tdur?: number;
  cat?: string;
  args?: Record<string, any>;
}

export interface TaskCost {
  /** sum of top-level task durations on the page's main thread (wall clock), ms */
  busyMs: number;
  /** the same in thread time: what the main thread spent on the CPU, without the time it was preempted by other processes */
  cpuMs: number;
  longestMs: number;
  tasks: number;
  longTasks: number;
}

/** Rendering and runtime work by kind, CPU ms (thread time) summed over the page's main thread. Events nest (a forced layout inside a script inside HTML parsing), so kinds do not add up to the total. */
export const KINDS: Record<string, string[]> = {
  'parse HTML': ['ParseHTML'],
  style: ['UpdateLayoutTree'],
  layout: ['Layout'],
  paint: ['PrePaint', 'Paint', 'Layerize', 'Commit'],
  GC: ['MinorGC', 'MajorGC', 'V8.GC_MC_INCREMENTAL'],
};

export interface TraceCost extends TaskCost {
  kinds: Record<string, number>;
  /** tasks attributed to the extension (see above) */
  ext: TaskCost & { evaluateMs: number; compileMs: number; yieldContinuations: number };
  /** first to last event on the page's main thread, ms */
  spanMs: number;
}

const EXTENSION = 'chrome-extension://';

function eventUrl(e: TraceEvent): string | undefined {
  const a = e.args;
  if (!a) return undefined;
  return a.data?.url ?? a.fileName ?? a.data?.stackTrace?.[0]?.url ?? a.data?.scriptName;
}

function cost(tasks: TraceEvent[]): TaskCost {
  let busy = 0;
  let cpu = 0;
  let longest = 0;
  let long = 0;
  for (const t of tasks) {
    const d = (t.dur ?? 0) / 1000;
    busy += d;
    cpu += (t.tdur ?? t.dur ?? 0) / 1000;
    longest = Math.max(longest, d);
    if (d > 50) long++;
  }
  return { busyMs: busy, cpuMs: cpu, longestMs: longest, tasks: tasks.length, longTasks: long };
}

export function parseTrace(buffer: Uint8Array): TraceEvent[] {
  const json = JSON.parse(Buffer.from(buffer).toString('utf8'));
  return (Array.isArray(json) ? json : json.traceEvents) as TraceEvent[];
}

/** The renderer main thread (pid, tid) that committed `url` in the main frame. */
export function pageMainThread(events: TraceEvent[], url: string): { pid: number; tid: number } {
  let pid: number | undefined;
  for (const e of events) {
    if (e.name === 'FrameCommittedInBrowser' && e.args?.data?.url === url && e.args.data.isOutermostMainFrame !== false) pid = e.args.data.processId;
  }
  if (pid === undefined) {
    for (const e of events) {
      if (e.name !== 'TracingStartedInBrowser') continue;
      for (const f of e.args?.data?.frames ?? []) if (f.url === url) pid = f.processId;
    }
  }
  if (pid === undefined) throw new Error(`trace: no renderer committed ${url}`);
  const thread = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.pid === pid && e.args?.name === 'CrRendererMain');
  if (!thread) throw new Error(`trace: no CrRendererMain thread in renderer ${pid}`);
  return { pid, tid: thread.tid };
}

/** Timestamps (trace µs) of the main thread's CPU-profile samples that were in extension code. */
function extensionSamples(events: TraceEvent[], pid: number, tid: number): number[] {
  const starts = new Map<string, number>();
  for (const e of events) {
    if (e.name === 'Profile' && e.pid === pid && e.tid === tid) starts.set(String((e as { id?: string }).id), e.args?.data?.startTime ?? e.ts);
  }
  if (starts.size === 0) return [];
  const parentOf = new Map<string, number | undefined>();
  const urlOf = new Map<string, string>();
  const samples: Array<{ key: string; t: number }> = [];
  const clock = new Map(starts);
  for (const e of events) {
    const id = String((e as { id?: string }).id);
    if (e.name !== 'ProfileChunk' || e.pid !== pid || !clock.has(id)) continue;
    const profile = e.args?.data?.cpuProfile ?? {};
    for (const n of profile.nodes ?? []) {
      parentOf.set(`${id}:${n.id}`, n.parent);
      urlOf.set(`${id}:${n.id}`, n.callFrame?.url ?? '');
    }
    const deltas: number[] = e.args?.data?.timeDeltas ?? [];
    let t = clock.get(id)!;
    (profile.samples ?? []).forEach((node: number, i: number) => {
      t += deltas[i] ?? 0;
      samples.push({ key: `${id}:${node}`, t });
    });
    clock.set(id, t);
  }
  const memo = new Map<string, boolean>();
  const inExtension = (key: string): boolean => {
    const known = memo.get(key);
    if (known !== undefined) return known;
    const id = key.slice(0, key.indexOf(':'));
    const parent = parentOf.get(key);
    const result = (urlOf.get(key) ?? '').startsWith(EXTENSION) || (parent !== undefined && inExtension(`${id}:${parent}`));
    memo.set(key, result);
    return result;
  };
  return samples.filter((s) => inExtension(s.key)).map((s) => s.t).sort((a, b) => a - b);
}

export function mainThreadCost(events: TraceEvent[], url: string): TraceCost {
  const { pid, tid } = pageMainThread(events, url);
  const mine = events.filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && typeof e.dur === 'number').sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  // Top-level tasks: RunTask not nested in another RunTask (nested run loops are rare but exist).
  const top: TraceEvent[] = [];
  let end = -Infinity;
  for (const e of mine) {
    if (e.name !== 'RunTask') continue;
    if (e.ts < end) continue;
    top.push(e);
    end = e.ts + e.dur!;
  }
  // Attribute events to their enclosing top-level task (both lists are sorted by start).
  const ext = new Set<TraceEvent>();
  let evaluateMs = 0;
  let compileMs = 0;
  let yieldContinuations = 0;
  let i = 0;
  for (const e of mine) {
    if (e.name === 'RunTask') continue;
    while (i < top.length && top[i].ts + top[i].dur! < e.ts) i++;
    const task = top[i];
    const inside = task && task.ts <= e.ts && e.ts <= task.ts + task.dur!;
    const url = eventUrl(e);
    const fromUs = (url?.startsWith(EXTENSION) ?? false) || e.name === 'RunYieldContinuation';
    if (e.name === 'RunYieldContinuation') yieldContinuations++;
    if (url?.startsWith(EXTENSION)) {
      if (e.name === 'EvaluateScript') evaluateMs += e.dur! / 1000;
      if (e.name === 'v8.compile') compileMs += e.dur! / 1000;
    }
    if (fromUs && inside) ext.add(task);
  }
  // Tasks during which the sampling profiler found extension code on the stack.
  let k = 0;
  for (const t of extensionSamples(events, pid, tid)) {
    while (k < top.length && top[k].ts + top[k].dur! < t) k++;
    if (k < top.length && top[k].ts <= t) ext.add(top[k]);
  }
  const kinds: Record<string, number> = Object.fromEntries(Object.keys(KINDS).map((k) => [k, 0]));
  const kindOf = new Map(Object.entries(KINDS).flatMap(([k, names]) => names.map((n) => [n, k] as const)));
  for (const e of mine) {
    const k = kindOf.get(e.name);
    if (k) kinds[k] += (e.tdur ?? e.dur!) / 1000;
  }
  const first = mine[0]?.ts ?? 0;
  const last = mine.reduce((m, e) => Math.max(m, e.ts + e.dur!), first);
  return {
    ...cost(top),
    kinds,
    ext: { ...cost([...ext]), evaluateMs, compileMs, yieldContinuations },
    spanMs: (last - first) / 1000,
  };
}
