/**
 * Main-thread cost from a browser-wide Chromium trace (categories
 * devtools.timeline and disabled-by-default-devtools.timeline): the renderer
 * that committed the page is found from its CommitLoad event (or the
 * browser's FrameCommittedInBrowser in a page-level trace), its main thread from the thread_name metadata (CrRendererMain), and
 * every top-level RunTask on that thread is summed. A RunTask is the unit the
 * scheduler runs (parsing, script, style, layout, paint, our scripts), so its
 * sum is the time the page's main thread was not free to respond to input; a
 * task over 50 ms is a "long task" in the web-vitals sense. Each task's thread
 * time (tdur) is summed too: on a shared machine the wall time of a task
 * includes the time its thread waited for a core, which is noise for a
 * comparison.
 *
 * A task is attributed to the extension when it resumes a scheduler.yield
 * continuation (RunYieldContinuation: the lens's scan slices; the same count
 * is reported for the run without the extension, where it should be 0); when
 * our code is most of it: the events naming a chrome-extension:// script
 * (boot.js or lens.js: EvaluateScript, v8.compile, FunctionCall) cover at
 * least half of the task's wall time; or when it holds none of those events
 * but V8's sampling profiler (trace category
 * disabled-by-default-v8.cpu_profiler) caught the main thread in our code
 * during it: code resumed as a bare promise reaction (a storage reply). A page
 * task in which our code only ran a little (the boot script's
 * MutationObserver callback after the page's own DOM work) is the page's: our
 * part of such tasks is counted apart. A task shorter than the sampling
 * interval may be missed; the with − without difference misses nothing.
 *
 * The extension's service worker (the background, whose gate runs on the text
 * the boot script sends, where it sends any) has a thread of its own in the extension's process; the trace is
 * taken browser-wide so that thread is in it, and its tasks are reported
 * apart: they do not run on the page's thread.
 */

export interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  /** µs, trace clock */
  ts: number;
  dur?: number;
  /** thread (CPU) time of the event, µs */
  tdur?: number;
  cat?: string;
  id?: string;
  args?: Record<string, any>;
}

export interface Thread {
  pid: number;
  tid: number;
}

export interface TaskCost {
  /** sum of top-level task durations (wall clock), ms */
  busyMs: number;
  /** the same in thread time: what the thread spent on the CPU, without the time it was preempted by other processes */
  cpuMs: number;
  longestMs: number;
  /** thread time of the longest task: what of it was work, not waiting for a core */
  longestCpuMs: number;
  tasks: number;
  longTasks: number;
}

/** One extension script evaluated in the page (its first evaluation), times in trace ms. */
export interface ScriptRun {
  /** EvaluateScript start */
  startMs: number;
  /** EvaluateScript: compile + top-level run */
  ms: number;
  cpuMs: number;
  /** the v8.compile part, CPU */
  compileMs: number;
  /** the top-level task holding the evaluation, its microtasks included (the boot script's look runs later, in idle tasks) */
  taskEndMs: number;
  taskMs: number;
  taskCpuMs: number;
}

/** Rendering and runtime work by kind, CPU ms (thread time) summed over the page's main thread. Events nest (a forced layout inside a script inside HTML parsing), so kinds do not add up to the total. */
export const KINDS: Record<string, string[]> = {
  'parse HTML': ['ParseHTML'],
  style: ['UpdateLayoutTree'],
  layout: ['Layout'],
  paint: ['PrePaint', 'Paint', 'Layerize', 'Commit'],
  GC: ['MinorGC', 'MajorGC', 'V8.GC_MC_INCREMENTAL'],
};

/** The page's messages to the extension as the browser's main thread relays them (extensions.mojom.MessagePortHost). */
export interface Relay {
  /** wall and thread time of receiving them on CrBrowserMain, ms */
  ms: number;
  cpuMs: number;
  /** the largest one, bytes */
  bytes: number;
}

export interface TraceCost extends TaskCost {
  kinds: Record<string, number>;
  /** tasks attributed to the extension (see above) */
  ext: TaskCost & { yieldContinuations: number };
  /** page tasks in which our code also ran, and the time of our events in them */
  hosted: { tasks: number; ownMs: number };
  /** the same without the task that evaluated boot.js: the lens's tasks, and boot.js's later ones */
  extAfterBoot: TaskCost;
  /** extension scripts evaluated in the page, by file name (boot.js, lens.js) */
  scripts: Record<string, ScriptRun>;
  /** the extension's service worker: its tasks from the boot script's evaluation on (null: not found in the trace) */
  worker: TaskCost | null;
  /** messages to the extension relayed by the browser's main thread from the boot script's evaluation on */
  relay: Relay;
}

const EXTENSION = 'chrome-extension://';

function eventUrl(e: TraceEvent): string | undefined {
  const a = e.args;
  if (!a) return undefined;
  return a.data?.url ?? a.fileName ?? a.data?.stackTrace?.[0]?.url ?? a.data?.scriptName;
}

export function cost(tasks: TraceEvent[]): TaskCost {
  let busy = 0;
  let cpu = 0;
  let longest = 0;
  let longestCpu = 0;
  let long = 0;
  for (const t of tasks) {
    const d = (t.dur ?? 0) / 1000;
    const c = (t.tdur ?? t.dur ?? 0) / 1000;
    busy += d;
    cpu += c;
    if (d > longest) {
      longest = d;
      longestCpu = c;
    }
    if (d > 50) long++;
  }
  return { busyMs: busy, cpuMs: cpu, longestMs: longest, longestCpuMs: longestCpu, tasks: tasks.length, longTasks: long };
}

export function parseTrace(buffer: Uint8Array): TraceEvent[] {
  const json = JSON.parse(Buffer.from(buffer).toString('utf8'));
  return (Array.isArray(json) ? json : json.traceEvents) as TraceEvent[];
}

/**
 * The renderer main thread that committed `url` in the main frame; in a trace
 * started after navigation, the thread that set the performance.mark `mark`.
 */
export function pageMainThread(events: TraceEvent[], url: string, mark?: string): Thread {
  let pid: number | undefined;
  for (const e of events) {
    if (e.name === 'FrameCommittedInBrowser' && e.args?.data?.url === url && e.args.data.isOutermostMainFrame !== false) pid = e.args.data.processId;
  }
  // A browser-wide trace has no FrameCommittedInBrowser; the renderer's own CommitLoad names the page.
  if (pid === undefined) {
    for (const e of events) if (e.name === 'CommitLoad' && e.args?.data?.url === url && e.args.data.isOutermostMainFrame !== false) pid = e.pid;
  }
  const marked = mark === undefined ? undefined : events.find((e) => e.name === mark && e.cat?.includes('blink.user_timing'));
  if (pid === undefined && marked) return { pid: marked.pid, tid: marked.tid };
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

/**
 * The extension's service-worker thread: named by a TracingSessionIdForWorker
 * event for its background.js, else the "ServiceWorker thread" of the
 * process Chromium labels "Extension Renderer".
 */
export function serviceWorkerThread(events: TraceEvent[], extensionId: string): Thread | null {
  const prefix = `${EXTENSION}${extensionId}/`;
  const session = events.find((e) => e.name === 'TracingSessionIdForWorker' && String(e.args?.data?.url ?? '').startsWith(prefix));
  if (session) return { pid: session.pid, tid: session.args!.data.workerThreadId ?? session.tid };
  const processes = new Set(events.filter((e) => e.ph === 'M' && e.name === 'process_name' && e.args?.name === 'Extension Renderer').map((e) => e.pid));
  const thread = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && processes.has(e.pid) && e.args?.name === 'ServiceWorker thread');
  return thread ? { pid: thread.pid, tid: thread.tid } : null;
}

/** Top-level tasks of a thread (RunTask not nested in another RunTask), by start. */
export function topTasks(events: TraceEvent[], thread: Thread): TraceEvent[] {
  const runs = events.filter((e) => e.pid === thread.pid && e.tid === thread.tid && e.ph === 'X' && e.name === 'RunTask' && typeof e.dur === 'number').sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const top: TraceEvent[] = [];
  let end = -Infinity;
  for (const e of runs) {
    if (e.ts < end) continue;
    top.push(e);
    end = e.ts + e.dur!;
  }
  return top;
}

/**
 * Extension messages (runtime.sendMessage's payload) received by the
 * browser's UI thread (CrBrowserMain) in [fromMs, toMs): every message from a
 * page to the service worker passes through it.
 */
export function messageRelay(events: TraceEvent[], fromMs = -Infinity, toMs = Infinity): Relay {
  const browser = new Set(events.filter((e) => e.ph === 'M' && e.name === 'process_name' && e.args?.name === 'Browser').map((e) => e.pid));
  const main = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && browser.has(e.pid) && e.args?.name === 'CrBrowserMain');
  const relay: Relay = { ms: 0, cpuMs: 0, bytes: 0 };
  if (!main) return relay;
  for (const e of events) {
    if (e.pid !== main.pid || e.tid !== main.tid || e.name !== 'Receive mojo message' || e.ph !== 'X') continue;
    const info = e.args?.chrome_mojo_event_info;
    if (info?.mojo_interface_tag !== 'extensions.mojom.MessagePortHost' || e.ts / 1000 < fromMs || e.ts / 1000 >= toMs) continue;
    relay.ms += (e.dur ?? 0) / 1000;
    relay.cpuMs += (e.tdur ?? e.dur ?? 0) / 1000;
    relay.bytes = Math.max(relay.bytes, info.data_num_bytes ?? 0);
  }
  return relay;
}

/** Tasks that start in [fromMs, toMs) (trace ms). */
export const tasksBetween = (tasks: TraceEvent[], fromMs: number, toMs = Infinity) => tasks.filter((t) => t.ts / 1000 >= fromMs && t.ts / 1000 < toMs);

/**
 * Trace ms minus performance.now() ms for the page: from a performance.mark
 * named `mark` (its trace event carries the mark's startTime), or null.
 */
export function perfOffsetMs(events: TraceEvent[], mark: string): number | null {
  const e = events.find((x) => x.name === mark && x.cat?.includes('blink.user_timing') && typeof x.args?.data?.startTime === 'number');
  return e ? e.ts / 1000 - e.args!.data.startTime : null;
}

/** Timestamps (trace µs) of the main thread's CPU-profile samples that were in extension code. */
function extensionSamples(events: TraceEvent[], { pid, tid }: Thread): number[] {
  const starts = new Map<string, number>();
  for (const e of events) {
    if (e.name === 'Profile' && e.pid === pid && e.tid === tid) starts.set(String(e.id), e.args?.data?.startTime ?? e.ts);
  }
  if (starts.size === 0) return [];
  const parentOf = new Map<string, number | undefined>();
  const urlOf = new Map<string, string>();
  const samples: Array<{ key: string; t: number }> = [];
  const clock = new Map(starts);
  for (const e of events) {
    const id = String(e.id);
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

/** The top-level task holding time `ts` (µs), by binary search over tasks sorted by start. */
function taskAt(top: TraceEvent[], ts: number): TraceEvent | undefined {
  let lo = 0;
  let hi = top.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (top[mid].ts > ts) hi = mid - 1;
    else if (top[mid].ts + top[mid].dur! < ts) lo = mid + 1;
    else return top[mid];
  }
  return undefined;
}

/** Length of the union of [start, end) intervals (µs). */
function covered(intervals: Array<[number, number]>): number {
  intervals.sort((a, b) => a[0] - b[0]);
  let total = 0;
  let end = -Infinity;
  for (const [a, b] of intervals) {
    if (b <= end) continue;
    total += b - Math.max(a, end);
    end = b;
  }
  return total;
}

export function mainThreadCost(events: TraceEvent[], url: string, extensionId?: string, mark?: string): TraceCost {
  const main = pageMainThread(events, url, mark);
  const mine = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && typeof e.dur === 'number');
  const top = topTasks(events, main);
  /** per task, the spans of our own events in it */
  const own = new Map<TraceEvent, Array<[number, number]>>();
  const resumed = new Set<TraceEvent>();
  const scripts: Record<string, ScriptRun> = {};
  let bootTask: TraceEvent | undefined;
  let yieldContinuations = 0;
  for (const e of mine) {
    if (e.name === 'RunTask') continue;
    const task = taskAt(top, e.ts);
    const url = eventUrl(e);
    const ours = url?.startsWith(EXTENSION) ?? false;
    if (e.name === 'RunYieldContinuation') {
      yieldContinuations++;
      // The continuation is the task: scheduler.yield gave it its own, and the code it resumes is not nested in the event.
      if (task) resumed.add(task);
    }
    if (ours && task) {
      const spans = own.get(task) ?? [];
      spans.push([e.ts, e.ts + e.dur!]);
      own.set(task, spans);
    }
    if (!ours || e.name !== 'EvaluateScript') continue;
    const file = url!.slice(url!.lastIndexOf('/') + 1);
    if (scripts[file]) continue;
    if (file === 'boot.js') bootTask = task;
    const compile = mine.find((c) => c.name === 'v8.compile' && eventUrl(c) === url && c.ts >= e.ts && c.ts <= e.ts + e.dur!);
    scripts[file] = {
      startMs: e.ts / 1000,
      ms: e.dur! / 1000,
      cpuMs: (e.tdur ?? e.dur!) / 1000,
      compileMs: (compile?.tdur ?? compile?.dur ?? 0) / 1000,
      taskEndMs: task ? (task.ts + task.dur!) / 1000 : (e.ts + e.dur!) / 1000,
      taskMs: (task?.dur ?? e.dur!) / 1000,
      taskCpuMs: (task?.tdur ?? task?.dur ?? e.tdur ?? e.dur!) / 1000,
    };
  }
  const ext = new Set<TraceEvent>(resumed);
  let hosted = 0;
  let hostedMs = 0;
  for (const [task, spans] of own) {
    const ownUs = covered(spans);
    if (ext.has(task) || ownUs * 2 >= task.dur!) ext.add(task);
    else {
      hosted++;
      hostedMs += ownUs / 1000;
    }
  }
  for (const t of extensionSamples(events, main)) {
    const task = taskAt(top, t);
    if (task && !own.has(task)) ext.add(task);
  }
  const kinds: Record<string, number> = Object.fromEntries(Object.keys(KINDS).map((k) => [k, 0]));
  const kindOf = new Map(Object.entries(KINDS).flatMap(([k, names]) => names.map((n) => [n, k] as const)));
  for (const e of mine) {
    const k = kindOf.get(e.name);
    if (k) kinds[k] += (e.tdur ?? e.dur!) / 1000;
  }
  const sw = extensionId ? serviceWorkerThread(events, extensionId) : null;
  const since = scripts['boot.js']?.startMs ?? -Infinity;
  const worker = sw ? cost(tasksBetween(topTasks(events, sw), since)) : null;
  return {
    ...cost(top),
    kinds,
    ext: { ...cost([...ext]), yieldContinuations },
    hosted: { tasks: hosted, ownMs: hostedMs },
    extAfterBoot: cost([...ext].filter((t) => t !== bootTask)),
    scripts,
    worker,
    relay: messageRelay(events, since),
  };
}
