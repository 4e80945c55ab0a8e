/** docs/bench.md from the benchmark's results: method, tables, and the goals with ✓/✗ and figures. */
import { SLICE_BUDGET_MS } from '../../lib/dom/schedule';
import type { BootWork } from './boot-work';
import { AFTER_LOAD_MS, type ClaimLoad, type PlainLoad, type ScrollRun } from './load';
import { MARK_CAP_MS, MARK_REPEAT_LIMIT_MS, markVersion, type MarkRun } from './markjs';
import { CLAIM_SENTENCE } from './pages';
import type { ScanProfile } from './profile';
import { KINDS, type TraceCost } from './trace';
import { goalLine, int, max, median, ms, ratio, signedMs, spread, table, type Doc, type Goal } from './util';

export interface PageSpec {
  name: string;
  /** served path of the page as it is */
  plain: string;
  /** served path of the page with CLAIM_SENTENCE appended */
  claim: string;
  textChars: number;
  huge: boolean;
}

export interface Results {
  specs: PageSpec[];
  runs: number;
  hugeRuns: number;
  /** floor: the extension with boot.js emptied (section 1 only) */
  plain: Map<string, { with: PlainLoad[]; without: PlainLoad[]; floor: PlainLoad[]; boot?: BootWork }>;
  claim: Map<string, { loads: ClaimLoad[]; mark: MarkRun[] }>;
  scroll: { with: ScrollRun[]; without: ScrollRun[] };
  feed: { count: number; every: number; batch: number; intervalMs: number; settleMs: number; expected: number; claimItems: number };
  phrases: string[];
  claimCount: number;
  sizes: { bootKB: number; lensKB: number };
  version: string;
  /** the Chromium line: binary, and how the two instances' command lines differ */
  chromium: string;
  matcher: { met: boolean; detail: string } | null;
  profile: ScanProfile | Error;
}

const med = <T>(list: T[], f: (x: T) => number) => median(list.map(f));
const busyCpu = (cs: TraceCost[]) => `${ms(med(cs, (c) => c.busyMs))} / ${ms(med(cs, (c) => c.cpuMs))}`;
const quote = (words: string[]) => (words.length ? words.map((w) => `"${w}"`).join(', ') : 'none');
/** Median of the per-run differences a − b (runs paired by index: same page, same run). */
const pairedDelta = (a: TraceCost[], b: TraceCost[], f: (c: TraceCost) => number) => median(a.map((c, i) => f(c) - (b[i] ? f(b[i]) : NaN)));
const deltaBusyCpu = (a: TraceCost[], b: TraceCost[]) => `${signedMs(pairedDelta(a, b, (c) => c.busyMs))} / ${signedMs(pairedDelta(a, b, (c) => c.cpuMs))}`;

export function report(doc: Doc, r: Results): void {
  const say = (t = '') => doc.say(t);
  const goals: Goal[] = [];
  const largest = r.specs[0];
  const huge = r.specs.find((s) => s.huge)!;

  say(`Chromium: ${r.chromium}.`);
  say();
  say(
    `Pages are served from 127.0.0.1 with \`Content-Security-Policy: default-src 'self' 'unsafe-inline' 'unsafe-eval' data: blob:\`, so the pages' inline scripts run but nothing is fetched from the original sites (no network, no DNS waits in the timing). Traces are browser-wide (Tracing.start on the browser target, categories devtools.timeline, disabled-by-default-devtools.timeline, disabled-by-default-v8.cpu_profiler, blink.user_timing, mojom), so they hold the page's renderer and the extension's service worker. This build: boot.js ${ms(r.sizes.bootKB)} KB (the only content script, every page, document_idle: in an idle period it reads the page's text and looks for the dataset's anchor words itself, and sends the text to the background only where it finds one), lens.js ${int(r.sizes.lensKB)} KB (loaded by the background with scripting.executeScript only where its gate, run on the text it was sent, lets the page through).`,
  );
  say();

  // --- Section 1 ---
  say('## 1. Extension cost on pages without claims (measured from outside)');
  say();
  say(
    `Each page loaded ${r.runs}× (${r.hugeRuns}× for the 8x page) in each browser (with the extension, without it, and with the empty content script below), order rotating, paired in time. Trace from just before navigation to ${AFTER_LOAD_MS / 1000} s after the load event; on the renderer main thread that committed the page, "busy" is the sum of top-level \`RunTask\` durations (wall clock) and "CPU" the sum of their thread times. Δ is the median of the per-run differences with − without; the goal uses Δ CPU, because on this shared machine a task's wall time also counts the time its thread waited for a core. ` +
      `"Our tasks" are the page-thread tasks that are ours: scheduler.yield continuations (the lens's scan slices), tasks at least half covered by events naming boot.js or lens.js (EvaluateScript, FunctionCall, v8.compile), or, with no such event, V8's sampling profiler found a chrome-extension:// frame on the stack (a promise reaction). Page tasks in which our code ran only briefly (the boot script's MutationObserver callback after the page's own DOM work) stay the page's; our part of them is shown apart. Longest-task figures are wall clock (a long task is a wall-clock notion), with the task's thread time in brackets where it helps tell work from waiting for a core. The corpus pages hold no claim, so the lens should stay out of them.`,
  );
  say();
  const rows1: string[][] = [];
  const rows1b: string[][] = [];
  for (const s of r.specs) {
    const t = r.plain.get(s.name)!;
    const w = t.with.map((l) => l.cost);
    const wo = t.without.map((l) => l.cost);
    const diffs = w.map((c, i) => c.busyMs - (wo[i]?.busyMs ?? NaN));
    const cpuDiffs = w.map((c, i) => c.cpuMs - (wo[i]?.cpuMs ?? NaN));
    const extLongest = w.map((c) => c.ext.longestMs);
    rows1.push([
      s.name,
      int(s.textChars),
      busyCpu(wo),
      busyCpu(w),
      signedMs(median(diffs)),
      signedMs(median(cpuDiffs)),
      ms(med(wo, (c) => c.longestMs)),
      ms(med(w, (c) => c.longestMs)),
      `${ms(med(w, (c) => c.ext.busyMs))} / ${ms(med(w, (c) => c.ext.cpuMs))}`,
      `${ms(median(extLongest))} (${ms(med(w, (c) => c.ext.longestCpuMs))}); ${ms(max(extLongest))}`,
    ]);
    const loaded = t.with.filter((l) => l.world?.lens).length;
    const boot = (c: TraceCost) => c.scripts['boot.js'];
    const lens = (c: TraceCost) => c.scripts['lens.js'];
    const stats = t.with.map((l) => l.world?.stats).filter((x) => !!x);
    const late = t.with.filter((l) => l.lateScan).length;
    // Nothing else of ours messages the background before the lens is loaded, and the lens only after a send.
    const sent = t.with.filter((l) => l.cost.relay.bytes > 0).length;
    rows1b.push([
      s.name,
      `${ms(med(w, (c) => boot(c)?.ms ?? NaN))} / ${ms(med(w, (c) => boot(c)?.cpuMs ?? NaN))} (${ms(med(w, (c) => boot(c)?.compileMs ?? NaN))})`,
      `${ms(med(w, (c) => boot(c)?.taskMs ?? NaN))} / ${ms(med(w, (c) => boot(c)?.taskCpuMs ?? NaN))}`,
      ms(med(w, (c) => c.worker?.cpuMs ?? NaN)),
      `${sent}/${t.with.length}`,
      `${int(med(w, (c) => c.relay.bytes / 1024))} / ${ms(med(w, (c) => c.relay.cpuMs))}`,
      `${loaded}/${t.with.length}`,
      loaded ? `${ms(med(w.filter(lens), (c) => lens(c)!.ms))} / ${ms(med(w.filter(lens), (c) => lens(c)!.cpuMs))}` : '–',
      stats.length ? `${ms(med(stats, (x) => x!.first.busyMs))} / ${ms(med(stats, (x) => x!.first.longestSliceMs))}` : '–',
      int(med(w, (c) => c.ext.yieldContinuations)),
      `${int(med(w, (c) => c.hosted.tasks))} / ${ms(med(w, (c) => c.hosted.ownMs))}`,
      int(med(t.with, (l) => l.highlights)) + (late ? ` (scan still running at +${AFTER_LOAD_MS / 1000} s in ${late})` : ''),
    ]);
    goals.push({
      text: `${s.name}: the extension adds < 2 ms main-thread CPU (page without claims)`,
      pass: median(cpuDiffs) < 2,
      detail: `Δ CPU ${signedMs(median(cpuDiffs))} ms, Δ wall ${signedMs(median(diffs))} ms (medians of ${diffs.length} paired runs; Δ CPU range ${spread(cpuDiffs) || '–'}); our tasks alone ${ms(med(w, (c) => c.ext.cpuMs))} ms CPU, of which boot.js's task ${ms(med(w, (c) => boot(c)?.taskCpuMs ?? NaN))} ms${loaded ? `, lens.js loaded in ${loaded}/${t.with.length} runs` : ''}; service worker ${ms(med(w, (c) => c.worker?.cpuMs ?? NaN))} ms CPU (not the page's thread)`,
    });
    goals.push({
      text: `${s.name}: no task of ours over 50 ms`,
      pass: median(extLongest) <= 50,
      detail: `longest task of ours ${ms(median(extLongest))} ms median (${ms(med(w, (c) => c.ext.longestCpuMs))} ms of it CPU), ${ms(max(extLongest))} ms worst of ${extLongest.length} (boot.js's task ${ms(med(w, (c) => boot(c)?.taskMs ?? NaN))} ms; our longest after it ${ms(med(w, (c) => c.extAfterBoot.longestMs))} ms${stats.length ? `; longest scan slice by the lens's counter ${ms(med(stats, (x) => x!.first.longestSliceMs))} ms` : ''})`,
    });
    goals.push({
      text: `${s.name}: lens.js not loaded (page without claims)`,
      pass: loaded === 0,
      detail: loaded === 0 ? `not loaded in ${t.with.length} runs` : `loaded in ${loaded}/${t.with.length} runs: the background found ${quote(t.boot?.anchors ?? [])} in the page's text`,
    });
  }
  say(
    table(
      ['page', 'text chars', 'without: busy / CPU (ms)', 'with: busy / CPU (ms)', 'Δ busy (ms)', 'Δ CPU (ms)', 'longest task without (ms)', 'longest task with (ms)', 'our tasks busy / CPU (ms)', 'our longest task: wall (CPU); worst wall (ms)'],
      rows1,
    ),
  );
  say();
  say(
    `The platform's floor: a third instance with the same command line loads a copy of this build whose boot.js is a single comment line (same manifest: matches, all_frames, match_about_blank, document_idle, permissions, service worker), so "empty content script − without" is what Chromium costs a page for running any content script, and "ours − empty content script" is what our code adds on top; each is the median of its per-run paired differences, like Δ above (medians, so they need not add up to Δ). The empty script's evaluation and task are found in its trace as boot.js's are.`,
  );
  say();
  const rowsFloor: string[][] = [];
  for (const s of r.specs) {
    const t = r.plain.get(s.name)!;
    const [w, wo, fl] = [t.with, t.without, t.floor].map((loads) => loads.map((l) => l.cost));
    const empty = (c: TraceCost) => c.scripts['boot.js'];
    rowsFloor.push([
      s.name,
      deltaBusyCpu(w, wo),
      deltaBusyCpu(fl, wo),
      deltaBusyCpu(w, fl),
      `${ms(med(fl, (c) => empty(c)?.ms ?? NaN))} / ${ms(med(fl, (c) => empty(c)?.cpuMs ?? NaN))} (${ms(med(fl, (c) => empty(c)?.compileMs ?? NaN))})`,
      `${ms(med(fl, (c) => empty(c)?.taskMs ?? NaN))} / ${ms(med(fl, (c) => empty(c)?.taskCpuMs ?? NaN))}`,
      `${ms(med(w, (c) => c.scripts['boot.js']?.taskMs ?? NaN))} / ${ms(med(w, (c) => c.scripts['boot.js']?.taskCpuMs ?? NaN))}`,
      ms(med(fl, (c) => c.worker?.cpuMs ?? NaN)),
    ]);
  }
  say(
    table(
      ['page', 'Δ ours − without: busy / CPU (ms)', 'Δ empty content script − without (the floor): busy / CPU (ms)', 'Δ ours − empty content script: busy / CPU (ms)', 'empty boot.js eval: wall / CPU (of which compile) (ms)', 'empty boot.js task: wall / CPU (ms)', 'our boot.js task: wall / CPU (ms)', 'empty content script: service worker CPU (ms)'],
      rowsFloor,
    ),
  );
  say();
  say(
    `The extension's part, with-extension runs (medians). "boot.js eval" is its EvaluateScript at document_idle (compile + top-level run, which sets up its MutationObserver and asks for an idle period; the CPU of its v8.compile in brackets); "boot.js task" is the whole task holding it. The look itself runs in later tasks, which count among our tasks (or, in a task shared with the page's work, as our code inside page tasks): in an idle period, body.innerText and the shadow-host lookup, then the boot script's anchor check on that text; only where the check finds an anchor word does it, in the next task, take up the extension API (its listeners) and send the text to the background. "Text sent" counts the runs in which it did: runs in which the browser relayed a message from the page to the service worker (nothing of ours sends one otherwise before the lens is loaded). "Service worker CPU" is the thread time of the extension's service-worker tasks from boot.js's evaluation to the end of the window: where the text was sent, receiving it, the gate (site on, anchor words, then the rules with vetoes off), and executeScript where it loads the lens; where nothing was sent it hears nothing from the page, and what it still shows is about what it shows with the empty content script. Every message from the page to the service worker passes through the browser process's main (UI) thread: the largest such message and the CPU that thread spent receiving them (trace events "Receive mojo message", extensions.mojom.MessagePortHost, on CrBrowserMain). "lens.js eval" is the EvaluateScript of the injected lens; scan busy / longest slice are the lens's own counters (first scan).`,
  );
  say();
  say(
    table(
      ['page', 'boot.js eval: wall / CPU (of which compile) (ms)', 'boot.js task: wall / CPU (ms)', 'service worker CPU (ms)', 'text sent (runs)', 'message relayed by the browser UI thread: KB / CPU ms', 'lens.js loaded (runs)', 'lens.js eval: wall / CPU (ms)', 'scan busy / longest slice (ms)', 'yield continuations', 'our code inside page tasks: tasks / ms', 'highlights'],
      rows1b,
    ),
  );
  say();
  const triggered = r.specs.filter((s) => r.plain.get(s.name)!.with.some((l) => l.world?.lens));
  if (triggered.length) {
    say(
      "Why the lens was loaded where it should not have been: the boot script's check found an anchor word and sent the text, and the background's gate let it through. The anchor words the gate's first check finds (lib/match/prefilter `anchorWords(index, text, true)`, run in Node on the page's body.innerText):",
    );
    say();
    for (const s of triggered) {
      const b = r.plain.get(s.name)!.boot;
      say(`- ${s.name}: ${b ? quote(b.anchors) : 'text not read'}`);
    }
    say();
  }
  say('Where the difference goes, by kind of main-thread work (Δ CPU ms, median of the paired differences; trace events nest, e.g. a forced layout inside a script inside HTML parsing, so kinds do not add up to Δ CPU):');
  say();
  const kindNames = Object.keys(KINDS);
  say(
    table(
      ['page', ...kindNames.map((k) => `Δ ${k}`), 'Δ CPU total', 'our tasks CPU'],
      r.specs.map((s) => {
        const t = r.plain.get(s.name)!;
        const w = t.with.map((l) => l.cost);
        const wo = t.without.map((l) => l.cost);
        const d = (f: (c: TraceCost) => number) => signedMs(pairedDelta(w, wo, f));
        return [s.name, ...kindNames.map((k) => d((c) => c.kinds[k])), d((c) => c.cpuMs), ms(med(w, (c) => c.ext.cpuMs))];
      }),
    ),
  );
  say();

  // --- Section 2 ---
  say('## 2. Pages with a claim: from document_idle to the painted claim');
  say();
  say(
    `The same pages with one paragraph appended at the end: "${CLAIM_SENTENCE}" (1 match with lib/match). Counters from the extension's isolated world: bootAt (performance.now() as boot.js starts, at document_idle), startedAt (the lens's first scan starts), firstPaintAt (\`CSS.highlights.set\`); "claim painted" is the first animation frame in which the page sees a range in our highlight (a requestAnimationFrame probe in the page, so to the frame, ~16 ms). Busy = time inside the scan's slices; longest slice = the longest stretch between two yields to the page (SLICE_BUDGET_MS is ${SLICE_BUDGET_MS} ms), wall clock, so on this machine it also counts time the thread was preempted mid-slice. All loads are traced (browser-wide, V8's sampler on), which slows the page somewhat; on this machine the noise from other sessions is larger.`,
  );
  say();
  const rows2: string[][] = [];
  for (const s of r.specs) {
    const c = r.claim.get(s.name)!;
    const st = c.loads.map((l) => l.stats);
    const toSet = st.map((x) => x.firstPaintAt - x.bootAt);
    const longest = st.map((x) => x.first.longestSliceMs);
    rows2.push([
      s.name + '+claim',
      ms(median(toSet)),
      ms(med(c.loads, (l) => l.paintedAt - l.stats.bootAt)),
      ms(med(st, (x) => x.startedAt - x.bootAt)),
      ms(med(st, (x) => x.firstPaintAt - x.startedAt)),
      ms(med(st, (x) => x.first.busyMs)),
      `${ms(median(longest))} (${ms(max(longest))})`,
      `${int(med(st, (x) => x.first.blocks))} / ${int(med(st, (x) => x.first.chars))}`,
      int(med(c.loads, (l) => l.highlights)),
    ]);
    if (s === largest) {
      goals.push({
        text: `${s.name}+claim (largest corpus page): document_idle → highlights set < 10 ms`,
        pass: median(toSet) < 10,
        detail: `${ms(median(toSet))} ms (median of ${toSet.length} loads; range ${spread(toSet) || '–'}); see the breakdown in section 2`,
      });
    }
    const h = med(c.loads, (l) => l.highlights);
    if (h !== 1) goals.push({ text: `${s.name}+claim: the appended claim is highlighted`, pass: false, detail: `${int(h)} highlights (expected 1)` });
  }
  say(
    table(
      ['page', 'bootAt → highlights set (ms)', 'bootAt → claim painted (ms)', 'bootAt → scan start (ms)', 'scan start → highlights set (ms)', 'scan busy (ms)', 'longest slice, median (worst) (ms)', 'blocks / chars read', 'highlights'],
      rows2,
    ),
  );
  say();
  say(
    `Where the time goes (the same loads, medians of each phase; wall ms, CPU where the trace gives it; phases are medians taken one by one, so they need not add up to the totals). The lens's counters are put on the trace's clock by a performance.mark the page sets at document start. boot: bootAt → end of boot.js's task (its observer set up; the read waits for an idle period). look + background: → lens.js starts evaluating (the wait for an idle period, the read and the boot script's anchor check; then the message reaches the service worker, getSettings, the gate over the whole text, executeScript, lens.js reaches the page); its CPU is the service worker's thread time in that window, and the browser UI thread's for relaying the message. lens eval: lens.js's EvaluateScript. lens start: → the first scan starts (in a task of its own after lens.js's evaluation, with the settings the background handed over before it). scan: → highlights set. paint: → the frame that shows the claim.`,
  );
  say();
  say(
    table(
      ['page', 'boot: wall / CPU', 'look + background: wall / worker CPU / browser UI thread CPU', 'lens eval: wall / CPU (of which compile)', 'lens start', 'scan', 'paint', 'bootAt → highlights set', 'bootAt → painted'],
      r.specs.map((s) => {
        const tl = r.claim.get(s.name)!.loads.map((l) => l.timeline).filter((x) => !!x);
        if (!tl.length) return [s.name + '+claim', 'trace incomplete', '', '', '', '', '', '', ''];
        const m = (f: (x: NonNullable<ClaimLoad['timeline']>) => number) => ms(med(tl, (x) => f(x!)));
        return [s.name + '+claim', `${m((x) => x.boot)} / ${m((x) => x.bootCpu)}`, `${m((x) => x.background)} / ${m((x) => x.workerCpu)} / ${m((x) => x.relayCpu)}`, `${m((x) => x.lensEval)} / ${m((x) => x.lensEvalCpu)} (${m((x) => x.lensCompile)})`, m((x) => x.lensStart), m((x) => x.scan), m((x) => x.paint), m((x) => x.toHighlights), m((x) => x.toPainted)];
      }),
    ),
  );
  say();

  // --- Section 3 ---
  say('## 3. The 8x page with a claim: longest tasks');
  say();
  const hc = r.claim.get(huge.name)!;
  const ht = hc.loads.map((l) => l.cost);
  const hExt = ht.map((c) => c.ext.longestMs);
  const hSlice = hc.loads.map((l) => l.stats.first.longestSliceMs);
  say(
    `${huge.name}+claim (${int(huge.textChars)} chars of text), traced from just before navigation to the painted claim (${ht.length} load${ht.length === 1 ? '' : 's'}). Wall clock, with the task's thread time (CPU) next to it: on this machine a task's wall time also counts the time its thread waited for a core.`,
  );
  say();
  say(
    table(
      ['', 'ms'],
      [
        ['longest task on the page, any: wall (CPU)', `${ms(med(ht, (c) => c.longestMs))} (${ms(med(ht, (c) => c.longestCpuMs))})`],
        ['tasks over 50 ms, any', int(med(ht, (c) => c.longTasks))],
        ['longest task of ours: wall (CPU)', `${ms(median(hExt))} (${ms(med(ht, (c) => c.ext.longestCpuMs))}); worst ${ms(max(hExt))}`],
        ['tasks of ours over 50 ms', int(med(ht, (c) => c.ext.longTasks))],
        ["longest task of ours after boot.js's: wall (CPU)", `${ms(med(ht, (c) => c.extAfterBoot.longestMs))} (${ms(med(ht, (c) => c.extAfterBoot.longestCpuMs))})`],
        ['boot.js task: wall / CPU', `${ms(med(ht, (c) => c.scripts['boot.js']?.taskMs ?? NaN))} / ${ms(med(ht, (c) => c.scripts['boot.js']?.taskCpuMs ?? NaN))}`],
        ['lens.js eval: wall / CPU', `${ms(med(ht, (c) => c.scripts['lens.js']?.ms ?? NaN))} / ${ms(med(ht, (c) => c.scripts['lens.js']?.cpuMs ?? NaN))}`],
        ['our tasks: busy / CPU', `${ms(med(ht, (c) => c.ext.busyMs))} / ${ms(med(ht, (c) => c.ext.cpuMs))}`],
        ['service worker CPU (its own thread)', ms(med(ht, (c) => c.worker?.cpuMs ?? NaN))],
        ['longest scan slice (lens counter)', `${ms(median(hSlice))} (worst ${ms(max(hSlice))})`],
      ],
    ),
  );
  say();
  goals.push({
    text: `${huge.name}+claim (huge page): no task over 50 ms caused by us`,
    pass: ht.length ? max(hExt) <= 50 : null,
    detail: `longest task of ours ${ms(median(hExt))} ms wall, ${ms(med(ht, (c) => c.ext.longestCpuMs))} ms CPU (worst ${ms(max(hExt))} of ${hExt.length}; boot.js's task ${ms(med(ht, (c) => c.scripts['boot.js']?.taskMs ?? NaN))} ms; after it, ${ms(med(ht, (c) => c.extAfterBoot.longestMs))} ms wall, ${ms(med(ht, (c) => c.extAfterBoot.longestCpuMs))} ms CPU; lens.js eval ${ms(med(ht, (c) => c.scripts['lens.js']?.ms ?? NaN))} ms); longest scan slice ${ms(median(hSlice))} ms (worst ${ms(max(hSlice))})`,
  });

  // --- Section 4 ---
  say('## 4. mark.js side by side');
  say();
  say(
    `mark.js ${markVersion()} injected into each +claim page in the browser WITHOUT the extension (after load + 300 ms), \`new Mark(document.body).mark(phrases, { acrossElements: true, separateWordSearch: false, done })\`, timed with performance.now() around the (synchronous) call. ${r.phrases.length} phrases: the first alternative of each group of each rule of the ${r.claimCount} shipped claims (${r.phrases.map((p) => `"${p}"`).join(', ')}). A call over ${MARK_REPEAT_LIMIT_MS / 1000} s is not repeated; one still running after ${MARK_CAP_MS / 1000} s is stopped (Runtime.terminateExecution) and shown as a lower bound. ` +
      `Ours: the lens's scan busy time (the matching work: text-node walk, prefilter, tokens and rules, ranges; the loads of section 2) — the goal's ratio uses this; and our total main-thread time on the same loads: boot.js's evaluation + lens.js's evaluation + scan busy.`,
  );
  say();
  const rows4: string[][] = [];
  for (const s of r.specs) {
    const c = r.claim.get(s.name)!;
    const markMs = med(c.mark, (m) => m.ms);
    const capped = c.mark.some((m) => m.capped);
    const ours = med(c.loads, (l) => l.stats.first.busyMs);
    const total = med(c.loads, (l) => (l.cost.scripts['boot.js']?.ms ?? NaN) + (l.cost.scripts['lens.js']?.ms ?? NaN) + l.stats.first.busyMs);
    const gt = capped ? '> ' : '';
    rows4.push([
      s.name + '+claim',
      gt + ms(markMs) + (capped ? ' (stopped)' : '') + (c.mark.length < r.runs ? ` (${c.mark.length} run${c.mark.length > 1 ? 's' : ''})` : ''),
      capped ? '–' : int(med(c.mark, (m) => m.marks)),
      ms(ours),
      gt + ratio(markMs / ours),
      ms(total),
      gt + ratio(markMs / total),
    ]);
    const rt = markMs / ours;
    goals.push({
      text: `${s.name}+claim: at least 10× faster than mark.js (ratio on the lens's scan busy time)`,
      pass: rt >= 10 ? true : capped ? null : false,
      detail: `mark.js ${gt}${ms(markMs)} ms vs our scan ${ms(ours)} ms: ${gt}${ratio(rt)}; vs our total main-thread time ${ms(total)} ms: ${gt}${ratio(markMs / total)}`,
    });
    if (c.mark.some((m) => !m.doneCalled && !m.capped)) goals.push({ text: `${s.name}: mark.js ran synchronously`, pass: false, detail: 'done() was not called before mark() returned' });
  }
  say(table(['page', 'mark.js (ms)', 'marks made', 'our scan busy (ms)', 'mark.js / scan', 'our total: boot + lens eval + scan (ms)', 'mark.js / total'], rows4));
  say();

  // --- Section 5 ---
  say('## 5. Infinite scroll');
  say();
  const f = r.feed;
  say(
    `tests/fixtures/bench/infinite-scroll.html loads with no claim (boot.js looks, finds no anchor word and sends nothing; the lens stays out), then appends ${f.count} items in batches of ${f.batch} every ${f.intervalMs} ms; 1 in ${f.every} carries a claim sentence from the dataset's examples (${f.claimItems} items, ${f.expected} expected highlights by lib/match). boot.js reads what the page adds (batched every 150 ms) and runs the same check on it; only a batch holding an anchor word is sent to the background, whose gate loads the lens; the lens scans the page, then watches it. Traced from the first batch to ${f.settleMs / 1000} s after the last one, same window with and without the extension.`,
  );
  say();
  const sw = r.scroll.with.map((x) => x.cost);
  const swo = r.scroll.without.map((x) => x.cost);
  const sdiff = sw.map((c, i) => c.busyMs - (swo[i]?.busyMs ?? NaN));
  const scpu = sw.map((c, i) => c.cpuMs - (swo[i]?.cpuMs ?? NaN));
  const hl = r.scroll.with.map((x) => x.highlights ?? 0);
  const lensRuns = r.scroll.with.filter((x) => x.world?.lens).length;
  const slices = r.scroll.with.map((x) => Math.max(x.world?.stats?.first.longestSliceMs ?? NaN, x.world?.stats?.later.longestSliceMs ?? NaN));
  const scanBusy = r.scroll.with.map((x) => (x.world?.stats ? x.world.stats.first.busyMs + x.world.stats.later.busyMs : NaN));
  say(
    table(
      ['', 'busy / CPU (ms)', 'longest task (ms)', 'tasks > 50 ms', 'our tasks busy / CPU (ms)', 'our longest task: wall (CPU) (ms)', 'service worker CPU (ms)', 'lens loaded (runs)', 'lens scan start after feed start (ms)', 'lens.js eval: wall / CPU (ms)', 'our scans busy (ms)', 'our longest slice (ms)', 'highlights'],
      [
        ['without extension', busyCpu(swo), ms(med(swo, (c) => c.longestMs)), int(med(swo, (c) => c.longTasks)), '', '', '', '', '', '', '', '', ''],
        [
          'with extension',
          busyCpu(sw),
          ms(med(sw, (c) => c.longestMs)),
          int(med(sw, (c) => c.longTasks)),
          `${ms(med(sw, (c) => c.ext.busyMs))} / ${ms(med(sw, (c) => c.ext.cpuMs))}`,
          `${ms(med(sw, (c) => c.ext.longestMs))} (${ms(med(sw, (c) => c.ext.longestCpuMs))})`,
          ms(med(sw, (c) => c.worker?.cpuMs ?? NaN)),
          `${lensRuns}/${r.scroll.with.length}`,
          ms(med(r.scroll.with, (x) => x.lensAfterFeedMs ?? NaN)),
          `${ms(med(sw, (c) => c.scripts['lens.js']?.ms ?? NaN))} / ${ms(med(sw, (c) => c.scripts['lens.js']?.cpuMs ?? NaN))}`,
          ms(median(scanBusy)),
          ms(median(slices)),
          `${hl.join(', ')} (expected ${f.expected})`,
        ],
        ['difference (median of paired runs)', `${signedMs(median(sdiff))} / ${signedMs(median(scpu))}`, '', '', '', '', '', '', '', '', '', '', ''],
      ],
    ),
  );
  say();
  say(`Feed duration (first to last batch): ${ms(med(r.scroll.without, (x) => x.feedMs))} ms without, ${ms(med(r.scroll.with, (x) => x.feedMs))} ms with the extension.`);
  say();
  goals.push({
    text: 'infinite scroll: the lens is loaded once claims appear in the feed, and every claim is highlighted',
    pass: lensRuns === r.scroll.with.length && hl.every((h) => h === f.expected),
    detail: `lens loaded in ${lensRuns}/${r.scroll.with.length} runs, ${ms(med(r.scroll.with, (x) => x.lensAfterFeedMs ?? NaN))} ms after the feed began; highlights ${hl.join(', ')} of ${f.expected}`,
  });
  const scrollLongest = sw.map((c) => c.ext.longestMs);
  goals.push({
    text: 'infinite scroll: no task of ours over 50 ms',
    pass: median(scrollLongest) <= 50,
    detail: `${ms(median(scrollLongest))} ms median (${ms(med(sw, (c) => c.ext.longestCpuMs))} ms of it CPU), ${ms(max(scrollLongest))} ms worst; our longest scan slice ${ms(median(slices))} ms`,
  });

  // --- Section 6 ---
  say('## 6. Where the time goes');
  say();
  say(
    `The boot script's work, timed in an isolated world of each page (browser without the extension, after its traced load, so on a settled page as at document_idle), shortest of 5 trials: \`document.body.innerText\` (the boot script's one read on pages of up to 16,000 elements; larger pages are read in several), the XPath query for custom-element shadow hosts (lib/dom/shadow-roots.ts), and JSON.stringify of the page-text message (a stand-in for runtime.sendMessage's serialisation on the page's thread, paid only where the text is sent). Then, in Node on the same text (CPU time, shortest of 5): the boot script's own anchor check (lib/match/page-trigger \`mayHoldTrigger\` with the patterns boot.js carries, compiled beforehand; boot.js checks a huge page batch by batch, with the same answer), and the background's first check (\`hasAnchor\`, same V8 as the service worker), which runs only on text that was sent. "Sends" is what the boot script's check said, and it alone decides whether any message leaves the page: on "no", boot.js does not touch the extension API and the background never hears of the page (unless text the page adds later holds an anchor word).`,
  );
  say();
  say(
    table(
      ['page', 'innerText chars', 'with white space collapsed', 'elements', 'innerText read (ms)', 'shadow-host XPath (ms)', 'message JSON.stringify (ms)', "boot's anchor check in Node, CPU (ms)", 'sends', "background's anchor check in Node, CPU (ms)", 'anchor words it finds'],
      r.specs.map((s) => {
        const b = r.plain.get(s.name)!.boot;
        return b
          ? [s.name, int(b.textChars), int(b.collapsedChars), int(b.elements), ms(b.textMs), ms(b.xpathMs), ms(b.serializeMs), ms(b.triggerMs), b.sends ? 'yes' : 'no', ms(b.checkMs), quote(b.anchors)]
          : [s.name, '–', '', '', '', '', '', '', '', '', ''];
      }),
    ),
  );
  say();
  const p = r.profile;
  if (p instanceof Error) say(`Scan profile failed: ${p.message}`);
  else {
    const pct = (x: number) => `${Math.round(x * 100)} %`;
    say(
      `The lens's scan: lib/dom/scan.ts bundled unminified and run in an isolated world of ${largest.name}+claim (as the lens runs) under V8's sampling profiler (100 µs), in the browser without the extension: first pass ${ms(p.firstMs)} ms (cold code, and no JS wrappers yet in this world for the DOM nodes it touches), second pass on the same page ${ms(p.secondMs)} ms (${p.blocks} blocks, ${int(p.chars)} chars). Shares of the ${ms(p.sampledMs)} ms sampled inside the first pass (GC outside JS frames not included); DOM getters (parentElement, tagName, data…) count as their caller's own time.`,
    );
    say();
    say(table(['stage', 'ms', 'share'], p.stages.map((x) => [x.name, ms(x.ms), pct(x.share)])));
    say();
    say(table(['function (self time)', 'ms', 'share'], p.functions.map((x) => [x.name, ms(x.ms), pct(x.share)])));
  }
  say();

  if (r.matcher) goals.push({ text: 'matcher: time(10,000 claims) / time(10 claims) < 2 (scripts/bench-match.ts)', pass: r.matcher.met, detail: r.matcher.detail });

  say('## Goals');
  say();
  for (const g of goals) say(`- ${goalLine(g)}`);
  say();
  say(`Not a goal, for reading the "< 2 ms" lines: of each page's Δ CPU, the platform's floor (empty content script − without) and what our code adds over it (ours − empty content script), medians of paired runs (section 1): ${floorSummary(r)}.`);
  say();
  const failed = goals.filter((g) => g.pass === false).length;
  say(`${goals.length - failed} of ${goals.length} goals met.`);
}

/** Per page: floor Δ CPU, ours-over-floor Δ CPU, and the empty script's task CPU. */
function floorSummary(r: Results): string {
  return r.specs
    .map((s) => {
      const t = r.plain.get(s.name)!;
      const [w, wo, fl] = [t.with, t.without, t.floor].map((loads) => loads.map((l) => l.cost));
      const cpu = (c: TraceCost) => c.cpuMs;
      return `${s.name} floor ${signedMs(pairedDelta(fl, wo, cpu))} ms, ours over it ${signedMs(pairedDelta(w, fl, cpu))} ms (empty script's task ${ms(med(fl, (c) => c.scripts['boot.js']?.taskCpuMs ?? NaN))} ms CPU)`;
    })
    .join('; ');
}
