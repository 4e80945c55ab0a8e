/**
 * One page load of the benchmark, traced or not, with or without the
 * extension; the extension's own counters read from its isolated world; a
 * performance.mark at document start (to put the page's clock on the trace's)
 * and, on claim pages, a requestAnimationFrame probe for the frame that paints
 * our highlight.
 */
import type { Browser, Page } from 'puppeteer-core';
import { highlightCount, waitFor } from '../../tests/e2e/harness';
import { LensProbe, startTracing, type LensStats, type WorldState } from './browser';
import { ORIGIN_MARK, timeline, type Timeline } from './timeline';
import { mainThreadCost, parseTrace, type TraceCost } from './trace';
import { sleep } from './util';

/**
 * The timeline categories, V8's sampler to attribute tasks to our scripts,
 * user timing for the page's clock, and mojom for the messages the browser
 * relays to the service worker (same categories with and without).
 */
export const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'disabled-by-default-v8.cpu_profiler', 'blink.user_timing', 'mojom'];
/** "~2 s after load": the window in which a page settles and the boot script (document_idle) and the background have done their part. */
export const AFTER_LOAD_MS = 2000;
/** The first scan is over when its counters have not moved for this long. */
const SETTLE_MS = 300;

/** In the page's own world, at document start, in both browsers: the mark that ties performance.now() to the trace. */
const ORIGIN_PROBE = `performance.mark(${JSON.stringify(ORIGIN_MARK)});`;

/**
 * In the page's own world, from the start: the time of the first animation
 * frame in which our highlight holds a range, i.e. the frame that paints it
 * (performance.now() shares its time origin with the extension's world).
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
 * Waits until the lens's first scan is over: highlights set (even to nothing)
 * and its counters unchanged for SETTLE_MS (they move at every slice).
 */
export async function firstScanDone(probe: LensProbe, what: string, timeoutMs = 60_000): Promise<LensStats> {
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

const paintedAt = (page: Page) => page.evaluate(() => (window as any).__contextLensBenchPaint?.paintedAt as number);

async function withPage<T>(browser: Browser, extensionId: string | undefined, run: (page: Page, probe: LensProbe) => Promise<T>): Promise<T> {
  const page = await browser.newPage();
  const probe = await LensProbe.attach(page, extensionId);
  try {
    return await run(page, probe);
  } finally {
    await probe.detach();
    await page.close();
  }
}

// --- Pages without claims (section 1) ------------------------------------------

export interface PlainLoad {
  cost: TraceCost;
  /** the extension's world after the window (null: without the extension, or the boot script never ran) */
  world: WorldState | null;
  highlights: number;
  /** the lens was loaded but its first scan was still running when the window closed */
  lateScan: boolean;
}

/**
 * Traced from just before navigation to AFTER_LOAD_MS after the load event.
 * With `after`, runs it on the page once the trace has stopped (outside it).
 */
export function loadPlain<T = undefined>(
  browser: Browser,
  url: string,
  extensionId: string | undefined,
  after?: (page: Page) => Promise<T>,
): Promise<PlainLoad & { after?: T }> {
  return withPage(browser, extensionId, async (page, probe) => {
    await page.evaluateOnNewDocument(ORIGIN_PROBE);
    const stop = await startTracing(browser, TRACE_CATEGORIES);
    await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
    await sleep(AFTER_LOAD_MS);
    const before = extensionId ? await probe.world() : null;
    const cost = mainThreadCost(parseTrace(await stop()), url, extensionId);
    const extra = after ? await after(page) : undefined;
    if (!extensionId) return { cost, world: null, highlights: 0, lateScan: false, after: extra };
    // A lens loaded inside the window: let its first scan finish before counting.
    const loaded = before?.lens || (await probe.world())?.lens;
    const stats = loaded ? await firstScanDone(probe, url) : null;
    const lateScan = !!stats && (!before?.stats || before.stats.firstPaintAt === 0 || JSON.stringify(before.stats.first) !== JSON.stringify(stats.first));
    return { cost, world: await probe.world(), highlights: await highlightCount(page), lateScan, after: extra };
  });
}

// --- Pages with a claim (sections 2-4) -----------------------------------------

export interface ClaimLoad {
  stats: LensStats;
  highlights: number;
  /** performance.now() of the frame that painted the claim (NaN: not seen within 10 s) */
  paintedAt: number;
  cost: TraceCost;
  /** null when the trace lacks one of its landmarks */
  timeline: Timeline | null;
}

/**
 * Traced from just before navigation until the claim is painted and the
 * first scan is over, so the whole path from document_idle to the painted
 * claim is in the trace.
 */
export function loadClaim(browser: Browser, url: string, extensionId: string): Promise<ClaimLoad> {
  return withPage(browser, extensionId, async (page, probe) => {
    await page.evaluateOnNewDocument(ORIGIN_PROBE);
    await page.evaluateOnNewDocument(PAINT_PROBE);
    const stop = await startTracing(browser, TRACE_CATEGORIES);
    await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
    const stats = await firstScanDone(probe, url, 120_000);
    const painted = (await waitFor(() => paintedAt(page), 'the claim to be painted', 10_000).catch(() => NaN)) as number;
    const highlights = await highlightCount(page);
    const events = parseTrace(await stop());
    const cost = mainThreadCost(events, url, extensionId);
    return { stats, highlights, paintedAt: painted, cost, timeline: timeline(events, cost, stats, painted, extensionId) };
  });
}

// --- Infinite scroll (section 5) ---------------------------------------------------

export interface Feed {
  items: string[];
  batch: number;
  intervalMs: number;
  /** trace window after the last batch */
  settleMs: number;
  expected: number;
}

export interface ScrollRun {
  cost: TraceCost;
  feedMs: number;
  /** with the extension: */
  highlights?: number;
  world?: WorldState | null;
  /** lens scan start − feed start, ms (the lens is loaded once the feed brings a claim's anchor words) */
  lensAfterFeedMs?: number;
}

/**
 * The fixture page loads without claims; once the extension's boot script has
 * had its look (nothing found, the lens stays out), the page appends the feed.
 * Traced from the first batch to `settleMs` after the last one.
 */
export function scrollRun(browser: Browser, url: string, extensionId: string | undefined, feed: Feed): Promise<ScrollRun> {
  return withPage(browser, extensionId, async (page, probe) => {
    await page.goto(url, { waitUntil: 'load' });
    if (extensionId) {
      const world = await waitFor(() => probe.world(), 'the boot script', 30_000);
      if (world?.lens) throw new Error(`${url}: the lens was loaded before the feed began (the page has no claim)`);
    }
    // Time for the boot script's first look at the page (an idle period, a read, its check) to end.
    await sleep(500);
    const stop = await startTracing(browser, TRACE_CATEGORIES);
    // The trace starts after navigation: this mark names the page's thread in it.
    await page.evaluate(ORIGIN_PROBE);
    await page.evaluate((items: string[], batch: number, interval: number) => (window as any).startFeed(items, batch, interval), feed.items, feed.batch, feed.intervalMs);
    await waitFor(() => page.evaluate(() => (window as any).feed.done as boolean), 'the feed to finish', 60_000);
    await sleep(feed.settleMs);
    const cost = mainThreadCost(parseTrace(await stop()), url, extensionId, ORIGIN_MARK);
    const times = await page.evaluate(() => ({ startedAt: (window as any).feed.startedAt as number, endedAt: (window as any).feed.endedAt as number }));
    const feedMs = times.endedAt - times.startedAt;
    if (!extensionId) return { cost, feedMs };
    // Give a slow scan more time to finish before counting (reported as is).
    await waitFor(async () => (await highlightCount(page)) >= feed.expected, 'all highlights', 10_000).catch(() => undefined);
    const world = await probe.world();
    const started = world?.stats?.startedAt;
    return { cost, feedMs, highlights: await highlightCount(page), world, lensAfterFeedMs: started ? started - times.startedAt : NaN };
  });
}
