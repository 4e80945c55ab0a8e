/**
 * Where the time goes from document_idle to a painted claim, on one traced
 * load: the lens's own counters (performance.now() in the page) put on the
 * trace's clock through a performance.mark, between the trace's evaluations
 * of boot.js and lens.js and the service worker's tasks.
 *
 *   boot        bootAt → end of the boot script's task (its observer set up; the read runs in a later idle task)
 *   background  → lens.js evaluation starts (the idle period, the read and the boot script's anchor
 *                 check; then the message relayed by the browser's main thread to the service
 *                 worker, its gate, executeScript, lens.js sent to the page); the worker's and the
 *                 relay's CPU in that window
 *   lens eval   lens.js EvaluateScript (compile + top-level run)
 *   lens start  → the first scan starts, in a task of its own after the evaluation
 *   scan        → CSS.highlights.set (firstPaintAt)
 *   paint       → the first animation frame in which the page sees our highlight
 */
import type { LensStats } from './browser';
import { cost, messageRelay, perfOffsetMs, serviceWorkerThread, tasksBetween, topTasks, type TraceCost, type TraceEvent } from './trace';

/** The performance.mark the page probe sets at document start, to map performance.now() onto the trace. */
export const ORIGIN_MARK = 'context-lens-bench-origin';

/** Phases in ms (wall); null where the trace lacks the event. */
export interface Timeline {
  boot: number;
  background: number;
  lensEval: number;
  lensStart: number;
  scan: number;
  paint: number;
  /** bootAt → highlights set */
  toHighlights: number;
  /** bootAt → claim painted */
  toPainted: number;
  /** CPU (thread time) of the boot script's task, the service worker in the background phase, and lens.js's evaluation */
  bootCpu: number;
  workerCpu: number;
  lensEvalCpu: number;
  /** the v8.compile part of lens.js's evaluation */
  lensCompile: number;
  /** CPU of the browser's main thread relaying the page's text to the service worker */
  relayCpu: number;
}

export function timeline(events: TraceEvent[], traced: TraceCost, stats: LensStats, paintedAt: number, extensionId: string): Timeline | null {
  const offset = perfOffsetMs(events, ORIGIN_MARK);
  const boot = traced.scripts['boot.js'];
  const lens = traced.scripts['lens.js'];
  if (offset === null || !boot || !lens) return null;
  // Everything on the page's clock (performance.now() ms).
  const bootEnd = boot.taskEndMs - offset;
  const lensStart = lens.startMs - offset;
  const lensEnd = lensStart + lens.ms;
  const sw = serviceWorkerThread(events, extensionId);
  const workerTasks = sw ? tasksBetween(topTasks(events, sw), boot.taskEndMs, lens.startMs) : [];
  return {
    boot: bootEnd - stats.bootAt,
    background: lensStart - bootEnd,
    lensEval: lens.ms,
    lensStart: stats.startedAt - lensEnd,
    scan: stats.firstPaintAt - stats.startedAt,
    paint: paintedAt - stats.firstPaintAt,
    toHighlights: stats.firstPaintAt - stats.bootAt,
    toPainted: paintedAt - stats.bootAt,
    bootCpu: boot.taskCpuMs,
    workerCpu: sw ? cost(workerTasks).cpuMs : NaN,
    lensEvalCpu: lens.cpuMs,
    lensCompile: lens.compileMs,
    relayCpu: messageRelay(events, boot.startMs, lens.startMs).cpuMs,
  };
}
