/**
 * `npm run bench`: what Context Lens costs a page, measured in real headless
 * Chromium with the BUILT extension (run `wxt build` first; the npm script
 * does). Sections:
 *
 *   0. matcher throughput (scripts/bench-match.ts, spawned when present)
 *   1. extension cost from outside: main-thread busy time and longest task of
 *      the five largest Readability corpus pages and an 8x copy of the largest,
 *      each loaded in two Chromium instances (same binary, same flags) with and
 *      without the extension, alternating, several runs, medians
 *   2. our own counters (contextLensStats, read over CDP from the content
 *      script's isolated world): scan start -> highlights set, busy time,
 *      longest slice, on the same pages and on variants with a claim appended
 *   3. mark.js on the same pages (without the extension), timed in the page
 *   4. an infinite-scroll page appending 1,000 items, with and without
 *   5. where the scan's time goes: lib/dom/scan.ts bundled unminified, run
 *      in an isolated world under V8's profiler, self time by source file
 *
 * Reads pages from /work/shared/corpus/readability (CONTEXT_LENS_SHARED to
 * override); never copies them into the repo. Writes docs/bench.md.
 * BENCH_RUNS (default 3) sets the repetitions, BENCH_HUGE_RUNS (default 1)
 * those of the 8x page; BENCH_SKIP_MATCH=1 skips section 0.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { SLICE_BUDGET_MS } from '../lib/dom/schedule';
import { CHROME_BUILD, highlightCount, ROOT, waitFor } from '../tests/e2e/harness';
import { launchPair, LensProbe, serve, type BenchServer, type LensStats, type Pair } from './bench/browser';
import { anchorPhrases, appendParagraph, CLAIM_SENTENCE, CORPUS, countMatches, feedItems, largestCorpusPages, loadDataset, repeatBody, requireCorpus, textSize } from './bench/pages';
import { profileScan, type ScanProfile } from './bench/profile';
import { KINDS, mainThreadCost, parseTrace, type TraceCost } from './bench/trace';
import { goalLine, int, median, ms, ratio, signedMs, sleep, spread, table, type Goal } from './bench/util';

const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 3));
/** The 8x page takes ~10 s per load here: fewer runs keep the whole benchmark near 5 minutes. */
const HUGE_RUNS = Math.max(1, Number(process.env.BENCH_HUGE_RUNS ?? 1));
/** "~2 s after load": the window in which a page settles and the content script (document_idle) does its first scan. */
const AFTER_LOAD_MS = 2000;
/** The first scan is over when its counters have not moved for this long. */
const SETTLE_MS = 300;
const HUGE_TIMES = 8;
const FEED = { count: 1000, every: 50, batch: 20, intervalMs: 16, settleMs: 1500 };
/** The brief's timeline categories, plus V8's sampler to attribute tasks to the content script (same categories with and without). */
const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'disabled-by-default-v8.cpu_profiler'];
const MARK_JS = join(ROOT, 'node_modules/mark.js/dist/mark.min.js');
/** A mark.js call longer than this is not repeated on that page (it would blow the time budget). */
const MARK_REPEAT_LIMIT_MS = 1_000;
/** mark.js is stopped after this long (on the 8x page it runs for minutes); the figure is then a lower bound. */
const MARK_CAP_MS = 20_000;

const began = Date.now();
const out: string[] = [];
/** Prints and keeps for docs/bench.md. */
function say(text = '', docs = true) {
  console.log(text);
  if (docs) out.push(text);
}
const progress = (text: string) => process.stderr.write(`  · ${((Date.now() - began) / 1000).toFixed(0).padStart(4)} s  ${text}\n`);

// --- Section 0 -----------------------------------------------------------------

async function matcherSection(): Promise<void> {
  say('## 0. Matcher throughput (scripts/bench-match.ts)');
  say();
  const script = join(ROOT, 'scripts/bench-match.ts');
  if (process.env.BENCH_SKIP_MATCH === '1') {
    say('Skipped (BENCH_SKIP_MATCH=1).');
    say();
    return;
  }
  if (!existsSync(script)) {
    say('Skipped: scripts/bench-match.ts does not exist yet.');
    say();
    return;
  }
  // Fewer runs than its default keep the whole benchmark within ~5 minutes.
  const args = ['vite-node', script, '--runs', '3', '--corpus', CORPUS];
  say(`\`npx ${args.slice(0, 1).join(' ')} scripts/bench-match.ts ${args.slice(2).join(' ')}\``);
  say();
  const text = await new Promise<string>((resolve, reject) => {
    const child = spawn('npx', args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    let buf = '';
    child.stdout.on('data', (d: Buffer) => {
      buf += d;
      process.stdout.write(d);
    });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(buf) : reject(new Error(`bench-match.ts exited with ${code}`))));
  }).catch((e: Error) => `(failed: ${e.message})`);
  out.push('```', text.trimEnd(), '```', '');
  console.log();
}

// --- Loading pages ------------------------------------------------------------

interface Load {
  cost?: TraceCost;
  stats: LensStats | null;
  highlights: number;
  /** the first scan was still running when the 2 s window closed */
  lateScan: boolean;
  loadMs: number;
  /** scan start -> first animation frame with our highlight (paint probe) */
  paintedMs?: number;
}

/**
 * Waits until the content script's first scan is over: highlights set (even to
 * nothing) and its counters unchanged for SETTLE_MS (they move at every slice).
 */
async function firstScanDone(probe: LensProbe, what: string, timeoutMs = 60_000): Promise<LensStats> {
  let last = '';
  let since = 0;
  const stats = await waitFor(
    async () => {
      const s = await probe.stats();
      if (!s || s.firstPaintAt === 0) return null;
      const now = JSON.stringify(s.first);
      if (now !== last) {
        last = now;
        since = Date.now();
        return null;
      }
      return Date.now() - since >= SETTLE_MS ? s : null;
    },
    `the first scan on ${what}`,
    timeoutMs,
  );
  return stats!;
}

/**
 * In the page's own world, from the start: the time of the first animation
 * frame in which our highlight holds a range, i.e. the frame that paints it
 * (performance.now() shares its time origin with the content script's).
 */
const PAINT_PROBE = `(() => {
  const probe = { paintedAt: 0 };
  window.__contextLensBenchPaint = probe;
  const tick = () => {
    const h = globalThis.CSS && CSS.highlights && CSS.highlights.get('context-lens');
    if (h && h.size > 0) probe.paintedAt = performance.now();
    else requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})();`;

/**
 * One page load. With `trace`, main-thread tasks are recorded from just
 * before navigation to AFTER_LOAD_MS after the load event; a first scan still
 * running then is flagged (its end is outside the window).
 */
async function load(browser: Browser, url: string, options: { extension: boolean; trace: boolean; extensionId?: string; paintProbe?: boolean }): Promise<Load> {
  const page = await browser.newPage();
  const probe = await LensProbe.attach(page, options.extensionId);
  try {
    if (options.paintProbe) await page.evaluateOnNewDocument(PAINT_PROBE);
    if (options.trace) await page.tracing.start({ categories: TRACE_CATEGORIES });
    const t0 = Date.now();
    await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
    const loadMs = Date.now() - t0;
    if (options.trace) {
      await sleep(AFTER_LOAD_MS);
      const before = options.extension ? await probe.stats() : null;
      const buffer = await page.tracing.stop();
      const cost = mainThreadCost(parseTrace(buffer!), url);
      if (!options.extension) return { cost, stats: null, highlights: 0, lateScan: false, loadMs };
      const stats = await firstScanDone(probe, url);
      const lateScan = !before || before.firstPaintAt === 0 || JSON.stringify(before.first) !== JSON.stringify(stats.first);
      return { cost, stats, highlights: await highlightCount(page), lateScan, loadMs };
    }
    if (!options.extension) return { stats: null, highlights: 0, lateScan: false, loadMs };
    const stats = await firstScanDone(probe, url);
    let paintedAt: number | undefined;
    if (options.paintProbe) {
      paintedAt = await waitFor(() => page.evaluate(() => (window as any).__contextLensBenchPaint?.paintedAt as number), 'the claim to be painted', 10_000).catch(() => undefined);
    }
    return { stats, highlights: await highlightCount(page), lateScan: false, loadMs, paintedMs: paintedAt ? paintedAt - stats.startedAt : NaN };
  } finally {
    await probe.detach();
    await page.close();
  }
}

// --- mark.js ------------------------------------------------------------------

interface MarkRun {
  ms: number;
  marks: number;
  doneCalled: boolean;
  /** stopped at MARK_CAP_MS (Runtime.terminateExecution): ms is then a lower bound */
  capped: boolean;
}

async function markJs(browser: Browser, url: string, phrases: string[], source: string): Promise<MarkRun> {
  const page = await browser.newPage();
  const cdp = await page.createCDPSession();
  let capped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
    await sleep(300);
    // Injected as an inline script (the page's policy allows inline scripts, like the original sites).
    await page.addScriptTag({ content: source });
    timer = setTimeout(() => {
      capped = true;
      void cdp.send('Runtime.terminateExecution').catch(() => undefined);
    }, MARK_CAP_MS);
    return await page
      .evaluate((phrases: string[]) => {
        const Mark = (window as any).Mark;
        let doneCalled = false;
        let marks = 0;
        const t0 = performance.now();
        new Mark(document.body).mark(phrases, {
          acrossElements: true,
          separateWordSearch: false,
          done: (n: number) => {
            doneCalled = true;
            marks = n;
          },
        });
        const elapsed = performance.now() - t0;
        return { ms: elapsed, marks, doneCalled, capped: false };
      }, phrases)
      .catch((e: Error) => {
        if (!capped) throw e;
        return { ms: MARK_CAP_MS, marks: NaN, doneCalled: false, capped: true };
      });
  } finally {
    clearTimeout(timer);
    await cdp.detach().catch(() => undefined);
    await page.close();
  }
}

// --- Main -----------------------------------------------------------------------

interface PageSpec {
  name: string;
  /** served path of the page as it is */
  plain: string;
  /** served path of the page with CLAIM_SENTENCE appended */
  claim: string;
  textChars: number;
  huge: boolean;
}

async function main() {
  requireCorpus();
  if (!existsSync(join(CHROME_BUILD, 'manifest.json'))) throw new Error(`${CHROME_BUILD} is missing: run \`npx wxt build\` (npm run bench does)`);

  const date = new Date().toISOString().replace('T', ' ').slice(0, 16) + ' UTC';
  say('# Context Lens benchmarks');
  say();
  say(`Latest run: ${date}. Command: \`npm run bench\` (\`wxt build && vite-node scripts/bench.ts\`): ${RUNS} runs per measurement (${HUGE_RUNS} for the 8x page), medians.`);
  say();
  say(`Machine: ${cpus().length} shared cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'}), other sessions running tests at the same time — numbers are noisy; ratios are what matter. Node ${process.version}.`);
  say();

  await matcherSection();

  // Pages, made at run time in a temp dir (corpus pages are read in place).
  const dataset = loadDataset();
  const sentenceMatches = countMatches(dataset, CLAIM_SENTENCE);
  if (sentenceMatches !== 1) throw new Error(`"${CLAIM_SENTENCE}" gives ${sentenceMatches} matches with lib/match (expected 1): update CLAIM_SENTENCE`);
  const corpus = largestCorpusPages(5);
  const tmp = mkdtempSync(join(tmpdir(), 'cl-bench-pages-'));
  const specs: PageSpec[] = [];
  for (const p of corpus) {
    writeFileSync(join(tmp, `${p.name}+claim.html`), appendParagraph(p.html, CLAIM_SENTENCE));
    specs.push({ name: p.name, plain: `corpus/${p.file}`, claim: `gen/${p.name}+claim.html`, textChars: p.textChars, huge: false });
  }
  const hugeHtml = repeatBody(corpus[0].html, HUGE_TIMES);
  const hugeName = `${corpus[0].name}-x${HUGE_TIMES}`;
  writeFileSync(join(tmp, `${hugeName}.html`), hugeHtml);
  writeFileSync(join(tmp, `${hugeName}+claim.html`), appendParagraph(hugeHtml, CLAIM_SENTENCE));
  specs.push({ name: hugeName, plain: `gen/${hugeName}.html`, claim: `gen/${hugeName}+claim.html`, textChars: textSize(hugeHtml), huge: true });
  const phrases = anchorPhrases(dataset.claims);
  const feed = feedItems(dataset, FEED.count, FEED.every);
  const markSource = readFileSync(MARK_JS, 'utf8');

  let server: BenchServer | undefined;
  let pair: Pair | undefined;
  try {
    server = await serve({ corpus: CORPUS, gen: tmp, fixture: join(ROOT, 'tests/fixtures/bench') });
    pair = await launchPair();
    const { withExt, without } = pair;
    const extId = withExt.extensionId;
    const browsers = { with: withExt.browser, without };
    say();
    say(`Chromium: ${pair.version} (${withExt.browser.process()?.spawnfile}), headless. Two instances launched in this run with the same command line except: with the extension ${pair.differences.withExt.join(' ') || '(nothing)'}; without it ${pair.differences.without.join(' ') || '(nothing)'}.`);
    say();
    say(`Pages are served from 127.0.0.1 with \`Content-Security-Policy: default-src 'self' 'unsafe-inline' 'unsafe-eval' data: blob:\`, so the pages' inline scripts run but nothing is fetched from the original sites (no network, no DNS waits in the timing).`);
    say();

    // Warm-up: one load in each browser (first-load compilation, disk cache of the binary), discarded.
    progress('warm-up');
    await load(browsers.with, server.url(specs[4].plain), { extension: true, trace: false, extensionId: extId });
    await load(browsers.without, server.url(specs[4].plain), { extension: false, trace: false });

    // --- Section 1: traced loads, with and without, alternating -------------------
    const traced = new Map<string, { with: Load[]; without: Load[] }>(specs.map((s) => [s.name, { with: [], without: [] }]));
    for (let run = 0; run < RUNS; run++) {
      for (const [i, spec] of specs.entries()) {
        if (spec.huge && run >= HUGE_RUNS) continue;
        const order: Array<'with' | 'without'> = (run + i) % 2 === 0 ? ['with', 'without'] : ['without', 'with'];
        for (const which of order) {
          progress(`section 1, run ${run + 1}/${RUNS}: ${spec.name} ${which} extension`);
          const l = await load(browsers[which], server.url(spec.plain), { extension: which === 'with', trace: true, extensionId: extId });
          traced.get(spec.name)![which].push(l);
        }
      }
    }

    // --- Sections 2 and 3: our counters (untraced, +claim pages) and mark.js on the same pages, interleaved ---
    const counters = new Map<string, { claim: Load[]; mark: MarkRun[] }>(specs.map((s) => [s.name, { claim: [], mark: [] }]));
    for (let run = 0; run < RUNS; run++) {
      for (const spec of specs) {
        if (spec.huge && run >= HUGE_RUNS) continue;
        const c = counters.get(spec.name)!;
        progress(`sections 2-3, run ${run + 1}/${RUNS}: ${spec.name}+claim`);
        c.claim.push(await load(browsers.with, server.url(spec.claim), { extension: true, trace: false, extensionId: extId, paintProbe: true }));
        if (run === 0 || c.mark.every((m) => m.ms < MARK_REPEAT_LIMIT_MS)) {
          c.mark.push(await markJs(browsers.without, server.url(spec.claim), phrases, markSource));
        }
      }
    }

    // --- Section 4: infinite scroll ---------------------------------------------
    const scroll: { with: Array<{ cost: TraceCost; highlights: number; later: LensStats['later'] | null; feedMs: number }>; without: Array<{ cost: TraceCost; feedMs: number }> } = { with: [], without: [] };
    for (let run = 0; run < RUNS; run++) {
      const order: Array<'with' | 'without'> = run % 2 === 0 ? ['with', 'without'] : ['without', 'with'];
      for (const which of order) {
        progress(`section 4, run ${run + 1}/${RUNS}: ${which} extension`);
        const url = server.url('fixture/infinite-scroll.html');
        const page = await browsers[which].newPage();
        const probe = await LensProbe.attach(page, extId);
        try {
          await page.goto(url, { waitUntil: 'load' });
          if (which === 'with') await firstScanDone(probe, url);
          await sleep(300);
          await page.tracing.start({ categories: TRACE_CATEGORIES });
          await page.evaluate((items: string[], batch: number, interval: number) => (window as any).startFeed(items, batch, interval), feed.items, FEED.batch, FEED.intervalMs);
          await waitFor(() => page.evaluate(() => (window as any).feed.done as boolean), 'the feed to finish', 60_000);
          // Same window in both: the extension batches mutations for 150 ms, then scans what was added.
          await sleep(FEED.settleMs);
          const buffer = await page.tracing.stop();
          const cost = mainThreadCost(parseTrace(buffer!), url);
          const feedMs = await page.evaluate(() => (window as any).feed.endedAt - (window as any).feed.startedAt);
          if (which === 'with') {
            // Give a slow scan more time to finish before counting (reported as is).
            await waitFor(async () => (await highlightCount(page)) >= feed.expected, 'all highlights', 10_000).catch(() => undefined);
            const stats = await probe.stats();
            scroll.with.push({ cost, highlights: await highlightCount(page), later: stats?.later ?? null, feedMs });
          } else scroll.without.push({ cost, feedMs });
        } finally {
          await probe.detach();
          await page.close();
        }
      }
    }

    // --- Section 5: where the scan's time goes ------------------------------------
    progress(`section 5: profile of the scan on ${specs[0].name}`);
    const profile = await profileScan(without, server.url(specs[0].plain), dataset.index, ROOT).catch((e: Error) => e);

    report(specs, traced, counters, scroll, phrases, feed, profile, pair.version, date);
  } finally {
    await pair?.close();
    await server?.close();
    rmSync(tmp, { recursive: true, force: true });
  }
}

// --- Report -----------------------------------------------------------------------

function report(
  specs: PageSpec[],
  traced: Map<string, { with: Load[]; without: Load[] }>,
  counters: Map<string, { claim: Load[]; mark: MarkRun[] }>,
  scroll: { with: Array<{ cost: TraceCost; highlights: number; later: LensStats['later'] | null; feedMs: number }>; without: Array<{ cost: TraceCost; feedMs: number }> },
  phrases: string[],
  feed: ReturnType<typeof feedItems>,
  profile: ScanProfile | Error,
  version: string,
  date: string,
) {
  const goals: Goal[] = [];
  const largest = specs[0];
  const huge = specs.find((s) => s.huge)!;

  // Section 1.
  const contentScriptKB = statSync(join(CHROME_BUILD, 'content-scripts/content.js')).size / 1024;
  say('## 1. Extension cost on real pages (measured from outside)');
  say();
  say(
    `Each page loaded ${RUNS}× in each browser, order alternating, paired in time. Chromium trace (devtools.timeline categories) from just before navigation to ${AFTER_LOAD_MS / 1000} s after the load event; on the renderer main thread that committed the page, "busy" is the sum of top-level \`RunTask\` durations (wall clock) and "CPU" the sum of their thread times. ` +
      `Δ is the median of the per-run differences with − without; the goal uses Δ CPU, because on this shared machine a task's wall time also counts the time its thread waited for a core. ` +
      `"Ext. tasks" are the tasks in which the content script's code ran: V8's sampling profiler (trace category disabled-by-default-v8.cpu_profiler, on in both browsers) found a chrome-extension:// frame on the stack, or the task holds an event naming content.js or a scheduler.yield continuation (the scan's slices); "content.js eval" is its EvaluateScript at document_idle (compile + top-level run; the v8.compile part in brackets), for the ${int(contentScriptKB)} KB content.js of this build. Longest-task figures are wall clock. Corpus pages contain no claims.`,
  );
  say();
  const rows1: string[][] = [];
  for (const s of specs) {
    const t = traced.get(s.name)!;
    const w = t.with.map((l) => l.cost!);
    const wo = t.without.map((l) => l.cost!);
    const diffs = w.map((c, i) => c.busyMs - (wo[i]?.busyMs ?? NaN));
    const cpuDiffs = w.map((c, i) => c.cpuMs - (wo[i]?.cpuMs ?? NaN));
    const extLongest = w.map((c) => c.ext.longestMs);
    const late = t.with.filter((l) => l.lateScan).length;
    const found = median(t.with.map((l) => l.highlights));
    rows1.push([
      s.name + (found > 0 ? ` (${int(found)} highlights!)` : ''),
      int(s.textChars),
      `${ms(median(wo.map((c) => c.busyMs)))} / ${ms(median(wo.map((c) => c.cpuMs)))}`,
      `${ms(median(w.map((c) => c.busyMs)))} / ${ms(median(w.map((c) => c.cpuMs)))}`,
      signedMs(median(diffs)),
      signedMs(median(cpuDiffs)),
      ms(median(wo.map((c) => c.longestMs))),
      ms(median(w.map((c) => c.longestMs))),
      `${ms(median(w.map((c) => c.ext.busyMs)))} / ${ms(median(w.map((c) => c.ext.cpuMs)))}`,
      ms(median(extLongest)),
      `${ms(median(w.map((c) => c.ext.evaluateMs)))} (${ms(median(w.map((c) => c.ext.compileMs)))})`,
      late ? `${late}/${t.with.length}` : '0',
    ]);
    goals.push({
      text: `${s.name}: the extension adds < 2 ms main-thread time (page without claims)`,
      pass: median(cpuDiffs) < 2,
      detail: `Δ CPU ${signedMs(median(cpuDiffs))} ms, Δ wall ${signedMs(median(diffs))} ms (medians of ${diffs.length} paired runs; Δ CPU range ${spread(cpuDiffs) || '–'}); extension tasks alone ${ms(median(w.map((c) => c.ext.cpuMs)))} ms CPU`,
    });
    goals.push({
      text: `${s.name}: no extension task over 50 ms`,
      pass: median(extLongest) <= 50,
      detail: `longest extension task ${ms(median(extLongest))} ms median, ${ms(Math.max(...extLongest))} ms worst of ${extLongest.length} (content.js eval ${ms(median(w.map((c) => c.ext.evaluateMs)))} ms; longest scan slice by our own counter ${ms(median(t.with.map((l) => l.stats?.first.longestSliceMs ?? NaN)))} ms)`,
    });
  }
  say(
    table(
      ['page', 'text chars', 'without: busy / CPU (ms)', 'with: busy / CPU (ms)', 'Δ busy (ms)', 'Δ CPU (ms)', 'longest task without (ms)', 'longest task with (ms)', 'ext. tasks busy / CPU (ms)', 'ext. longest task (ms)', 'content.js eval (compile) (ms)', 'scan still running at +2 s'],
      rows1,
    ),
  );
  say();

  say(
    `Where the difference goes, by kind of main-thread work (Δ CPU ms, median of the paired differences; trace events nest, e.g. a forced layout inside a script inside HTML parsing, so kinds do not add up to Δ CPU):`,
  );
  say();
  const kindNames = Object.keys(KINDS);
  say(
    table(
      ['page', ...kindNames.map((k) => `Δ ${k}`), 'Δ CPU total', 'ext. tasks CPU'],
      specs.map((s) => {
        const t = traced.get(s.name)!;
        const w = t.with.map((l) => l.cost!);
        const wo = t.without.map((l) => l.cost!);
        const d = (f: (c: TraceCost) => number) => signedMs(median(w.map((c, i) => f(c) - (wo[i] ? f(wo[i]) : NaN))));
        return [s.name, ...kindNames.map((k) => d((c) => c.kinds[k])), d((c) => c.cpuMs), ms(median(w.map((c) => c.ext.cpuMs)))];
      }),
    ),
  );
  say();

  // Section 2.
  say("## 2. Our own counters (contextLensStats, from the content script's isolated world)");
  say();
  say(
    `"To highlights set" = firstPaintAt − startedAt: from the start of the first scan to \`CSS.highlights.set\` (the next frame paints them). "To claim painted" (+claim pages): from the start of the scan to the first animation frame in which the page sees a range in our highlight (a requestAnimationFrame probe in the page, so to the frame, ~16 ms). Busy = time inside our scan slices; longest slice = the longest stretch between two yields to the page (SLICE_BUDGET_MS is ${SLICE_BUDGET_MS} ms). Plain pages: read at the end of the traced loads of section 1 (tracing on). "+claim" pages: separate untraced loads, with one paragraph appended: "${CLAIM_SENTENCE}" (1 match with lib/match).`,
  );
  say();
  const rows2: string[][] = [];
  for (const s of specs) {
    const variants: Array<[string, Load[]]> = [
      ['', traced.get(s.name)!.with],
      ['+claim', counters.get(s.name)!.claim],
    ];
    for (const [variant, loads] of variants) {
      const st = loads.map((l) => l.stats!).filter(Boolean);
      const toPaint = st.map((x) => x.firstPaintAt - x.startedAt);
      const longest = st.map((x) => x.first.longestSliceMs);
      const painted = loads.map((l) => l.paintedMs ?? NaN);
      rows2.push([
        s.name + variant,
        int(median(st.map((x) => x.first.blocks))),
        int(median(st.map((x) => x.first.chars))),
        ms(median(toPaint)),
        variant ? ms(median(painted)) : '',
        ms(median(st.map((x) => x.first.busyMs))),
        `${ms(median(longest))} (${ms(Math.max(...longest))})`,
        int(median(loads.map((l) => l.highlights))),
      ]);
      if (s === largest) {
        goals.push({ text: `${s.name}${variant} (largest corpus page): scan start → highlights < 10 ms`, pass: median(toPaint) < 10, detail: `${ms(median(toPaint))} ms (median; range ${spread(toPaint) || '–'})` });
      }
      if (s === huge) {
        goals.push({ text: `${s.name}${variant} (huge page): no scan slice over 50 ms`, pass: Math.max(...longest) <= 50, detail: `longest slice ${ms(median(longest))} ms median, ${ms(Math.max(...longest))} ms worst of ${longest.length}` });
      }
      if (variant === '+claim') {
        const h = median(loads.map((l) => l.highlights));
        if (h !== 1) goals.push({ text: `${s.name}+claim: the appended claim is highlighted`, pass: false, detail: `${int(h)} highlights (expected 1)` });
      }
    }
  }
  say(table(['page', 'blocks', 'chars read', 'to highlights set (ms)', 'to claim painted (ms)', 'scan busy (ms)', 'longest slice, median (worst) (ms)', 'highlights'], rows2));
  say();

  // Section 3.
  say('## 3. mark.js side by side');
  say();
  say(
    `mark.js ${readMarkVersion()} injected into each page in the browser WITHOUT the extension (after load + 300 ms), \`new Mark(document.body).mark(phrases, { acrossElements: true, separateWordSearch: false, done })\`, timed with performance.now() around the (synchronous) call. ${phrases.length} phrases: the first alternative of each group of each rule of the ${loadDataset().claims.length} shipped claims (${phrases.map((p) => `"${p}"`).join(', ')}). Run on the +claim pages and compared with our first scan's busy time on the same pages (section 2, untraced). A call over ${MARK_REPEAT_LIMIT_MS / 1000} s is not repeated; one still running after ${MARK_CAP_MS / 1000} s is stopped (Runtime.terminateExecution) and shown as a lower bound.`,
  );
  say();
  const rows3: string[][] = [];
  for (const s of specs) {
    const c = counters.get(s.name)!;
    const markMs = median(c.mark.map((m) => m.ms));
    const capped = c.mark.some((m) => m.capped);
    const ours = median(c.claim.map((l) => l.stats!.first.busyMs));
    const r = markMs / ours;
    const gt = capped ? '> ' : '';
    rows3.push([s.name + '+claim', gt + ms(markMs) + (capped ? ' (stopped)' : '') + (c.mark.length < RUNS ? ` (${c.mark.length} run${c.mark.length > 1 ? 's' : ''})` : ''), capped ? '–' : int(median(c.mark.map((m) => m.marks))), ms(ours), gt + ratio(r)]);
    goals.push({ text: `${s.name}: at least 10× faster than mark.js`, pass: r >= 10 ? true : capped ? null : false, detail: `mark.js ${gt}${ms(markMs)} ms vs ours ${ms(ours)} ms: ${gt}${ratio(r)}` });
    if (c.mark.some((m) => !m.doneCalled && !m.capped)) goals.push({ text: `${s.name}: mark.js ran synchronously`, pass: false, detail: 'done() was not called before mark() returned' });
  }
  say(table(['page', 'mark.js (ms)', 'marks made', 'our scan busy (ms)', 'mark.js / ours'], rows3));
  say();

  // Section 4.
  say('## 4. Infinite scroll');
  say();
  say(
    `tests/fixtures/bench/infinite-scroll.html appends ${FEED.count} items in batches of ${FEED.batch} every ${FEED.intervalMs} ms; 1 in ${FEED.every} carries a claim sentence from the dataset's examples (${feed.claimItems} items, ${feed.expected} expected highlights by lib/match). Traced from the first batch to ${FEED.settleMs / 1000} s after the last one, same window with and without the extension.`,
  );
  say();
  const sw = scroll.with.map((x) => x.cost);
  const swo = scroll.without.map((x) => x.cost);
  const sdiff = sw.map((c, i) => c.busyMs - (swo[i]?.busyMs ?? NaN));
  const scpu = sw.map((c, i) => c.cpuMs - (swo[i]?.cpuMs ?? NaN));
  const hl = scroll.with.map((x) => x.highlights);
  const bc = (cs: TraceCost[]) => `${ms(median(cs.map((c) => c.busyMs)))} / ${ms(median(cs.map((c) => c.cpuMs)))}`;
  say(
    table(
      ['', 'busy / CPU (ms)', 'longest task (ms)', 'tasks > 50 ms', 'ext. tasks busy / CPU (ms)', 'ext. longest task (ms)', 'our rescans: busy (ms)', 'our longest slice (ms)', 'highlights'],
      [
        ['without extension', bc(swo), ms(median(swo.map((c) => c.longestMs))), int(median(swo.map((c) => c.longTasks))), '', '', '', '', ''],
        [
          'with extension',
          bc(sw),
          ms(median(sw.map((c) => c.longestMs))),
          int(median(sw.map((c) => c.longTasks))),
          `${ms(median(sw.map((c) => c.ext.busyMs)))} / ${ms(median(sw.map((c) => c.ext.cpuMs)))}`,
          ms(median(sw.map((c) => c.ext.longestMs))),
          ms(median(scroll.with.map((x) => x.later?.busyMs ?? NaN))),
          ms(median(scroll.with.map((x) => x.later?.longestSliceMs ?? NaN))),
          `${hl.join(', ')} (expected ${feed.expected})`,
        ],
        ['difference (median of paired runs)', `${signedMs(median(sdiff))} / ${signedMs(median(scpu))}`, '', '', '', '', '', '', ''],
      ],
    ),
  );
  say();
  say(`Feed duration (first to last batch): ${ms(median(scroll.without.map((x) => x.feedMs)))} ms without, ${ms(median(scroll.with.map((x) => x.feedMs)))} ms with the extension.`);
  say();
  goals.push({ text: 'infinite scroll: every claim highlighted', pass: hl.every((h) => h === feed.expected), detail: `${hl.join(', ')} of ${feed.expected}` });
  const scrollLongest = sw.map((c) => c.ext.longestMs);
  goals.push({ text: 'infinite scroll: no extension task over 50 ms', pass: median(scrollLongest) <= 50, detail: `${ms(median(scrollLongest))} ms median, ${ms(Math.max(...scrollLongest))} ms worst` });

  // Section 5.
  say("## 5. Where the scan's time goes");
  say();
  if (profile instanceof Error) {
    say(`Profile failed: ${profile.message}`);
  } else {
    const pct = (x: number) => `${Math.round(x * 100)} %`;
    say(
      `lib/dom/scan.ts bundled unminified and run in an isolated world of ${largest.name} (as a content script runs) under V8's sampling profiler (100 µs), in the browser without the extension: first pass ${ms(profile.firstMs)} ms (cold code, and no JS wrappers yet in this world for the DOM nodes it touches), second pass on the same page ${ms(profile.secondMs)} ms (${profile.blocks} blocks, ${int(profile.chars)} chars). Shares of the ${ms(profile.sampledMs)} ms sampled inside the first pass (GC outside JS frames not included); DOM getters (firstChild, tagName, data…) count as their caller's own time.`,
    );
    say();
    say(table(['stage', 'ms', 'share'], profile.stages.map((x) => [x.name, ms(x.ms), pct(x.share)])));
    say();
    say(table(['function (self time)', 'ms', 'share'], profile.functions.map((x) => [x.name, ms(x.ms), pct(x.share)])));
  }
  say();

  say('## Goals');
  say();
  for (const g of goals) say(`- ${goalLine(g)}`);
  say();
  const failed = goals.filter((g) => g.pass === false).length;
  say(`${goals.length - failed} of ${goals.length} goals met.`);
  say();
  const seconds = ((Date.now() - began) / 1000).toFixed(0);
  say(`Benchmark (scripts/bench.ts, after the build) took ${seconds} s; Chromium ${version}; ${date}.`);

  writeFileSync(join(ROOT, 'docs/bench.md'), out.join('\n') + '\n');
  console.log('\nWrote docs/bench.md');
}

function readMarkVersion(): string {
  try {
    return JSON.parse(readFileSync(join(ROOT, 'node_modules/mark.js/package.json'), 'utf8')).version;
  } catch {
    return '';
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
