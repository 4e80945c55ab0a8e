/**
 * Hostile pages, in real Chromium and Firefox: a strict CSP with Trusted
 * Types, a page that goes after our UI, a 5 MB text node, a DOM 5,000 levels
 * deep, a mutation storm over 100,000 nodes, 50,000 claims, and a page that
 * rewrites the platform's built-ins first. Each case checks that the extension
 * keeps working (or backs off cleanly) and that the page never sees an error
 * because of us. Figures (time to highlight, longest task, longest wait of the
 * page's own timer) are printed for the report.
 */
import { expect, it, onTestFinished } from 'vitest';
import type { Browser, Page } from 'puppeteer-core';
import { MAX_HIGHLIGHTS } from '../../lib/dom/highlights';
import { MAX_QUICK_REATTACH } from '../../lib/dom/shadow-host';
import { focusFirstClaim, highlightCount, POPOVER, uiReady, waitFor, type TestServer } from './harness';
import { describeInBrowsers } from './setup';

/** What the page itself saw, recorded by a script that runs before the page's own. */
interface Probe {
  /** page time of the last `reset`, which a fixture calls when its own set-up is done */
  since: number;
  /** ticks of the page's own 10 ms timer since `reset` */
  ticks: number;
  /** page time when our highlight first showed up (-1: not yet) */
  highlightedAt: number;
  /** timer ticks from `reset` until then: the page kept running while we worked */
  ticksToHighlight: number;
  /** longest wait between two ticks from `reset` until then, in ms */
  gapToHighlight: number;
  /** longest task since `reset`, in ms (Chromium's longtask entries; -1 in Firefox, which has none) */
  longestTask: number;
  errors: string[];
  violations: string[];
}

/**
 * Runs in the page's main world before any page script (evaluateOnNewDocument).
 * It keeps its own copies of what it calls, so it still works, and never trips
 * a trap, on a page that replaces built-ins.
 */
function installProbe() {
  const now = performance.now.bind(performance);
  const { max, min } = Math;
  const registry = CSS.highlights;
  const has = HighlightRegistry.prototype.has;
  const get = HighlightRegistry.prototype.get;
  const rects = Range.prototype.getClientRects;
  const text = Range.prototype.toString;
  const scroll = Element.prototype.scrollIntoView;
  const probe: Probe = {
    since: 0,
    ticks: 0,
    highlightedAt: -1,
    ticksToHighlight: 0,
    gapToHighlight: 0,
    longestTask: -1,
    errors: [],
    violations: [],
  };
  let last = now();
  const note = (list: string[], s: string) => (list[list.length] = s);
  const ranges = (): Range[] => {
    const out: Range[] = [];
    const h = Reflect.apply(get, registry, ['context-lens']) as Iterable<Range> | undefined;
    if (h) for (const r of h) out[out.length] = r;
    return out;
  };
  setInterval(() => {
    const t = now();
    probe.ticks++;
    if (probe.highlightedAt < 0) {
      probe.gapToHighlight = max(probe.gapToHighlight, t - last);
      probe.ticksToHighlight = probe.ticks;
      if (Reflect.apply(has, registry, ['context-lens'])) probe.highlightedAt = t;
    }
    last = t;
  }, 10);
  addEventListener('error', (e) => note(probe.errors, String(e.message)));
  addEventListener('unhandledrejection', (e) => note(probe.errors, `unhandled rejection: ${String(e.reason)}`));
  document.addEventListener('securitypolicyviolation', (e) => note(probe.violations, `${e.violatedDirective} ${e.blockedURI}`));
  if (PerformanceObserver.supportedEntryTypes.includes('longtask')) {
    probe.longestTask = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (e.startTime >= probe.since) probe.longestTask = max(probe.longestTask, e.duration);
    }).observe({ type: 'longtask' });
  }
  (window as any).__probe = {
    state: () => probe,
    reset: () => {
      // Already highlighted before the page was ready: there is nothing of ours left to measure.
      if (probe.highlightedAt >= 0) return;
      probe.since = last = now();
      probe.ticks = probe.ticksToHighlight = probe.gapToHighlight = 0;
      if (probe.longestTask > 0) probe.longestTask = 0;
    },
    texts: () => {
      const out: string[] = [];
      for (const r of ranges()) out[out.length] = Reflect.apply(text, r, []);
      return out;
    },
    /** A viewport point on the n-th highlighted range, scrolled into view. */
    point: (n: number) => {
      const range = ranges()[n];
      Reflect.apply(scroll, range.startContainer.parentElement, [{ block: 'center' }]);
      const r = (Reflect.apply(rects, range, []) as DOMRectList)[0];
      return { x: r.left + min(r.width / 2, 20), y: r.top + r.height / 2 };
    },
  };
}

const FAVICON = '/favicon.ico';
/** The browser's own favicon request (a 404 here, and blocked by a strict policy) is neither the page's doing nor ours. */
const browsersOwn = (text: string) => text.includes(FAVICON);

interface Opened {
  page: Page;
  /** page errors, console errors, and any console line about us, a CSP or Trusted Types: must stay empty */
  problems: string[];
}

async function openPage(browser: Browser, url: string): Promise<Opened> {
  const page = await browser.newPage();
  // Closed even when the test fails: a page still busy with 50,000 claims must not slow the next test.
  onTestFinished(() => page.close().catch(() => undefined));
  await page.setViewport({ width: 1000, height: 700 });
  const problems: string[] = [];
  page.on('pageerror', (e) => browsersOwn(String(e)) || problems.push(`pageerror: ${String(e)}`));
  page.on('console', (m) => {
    if (browsersOwn(m.text()) || m.location().url?.endsWith(FAVICON)) return;
    if (m.type() === 'error' || /context lens|content.security|trusted.type/i.test(m.text())) problems.push(`console ${m.type()}: ${m.text()}`);
  });
  await page.evaluateOnNewDocument(installProbe);
  await page.goto(url);
  return { page, problems };
}

const probe = (page: Page): Promise<Probe> => page.evaluate(() => (window as any).__probe.state());
const texts = (page: Page): Promise<string[]> => page.evaluate(() => (window as any).__probe.texts());

/** Nothing went wrong on the page: no error event, no page error, no console error. */
async function expectNoErrors(page: Page, problems: string[]): Promise<void> {
  expect((await probe(page)).errors).toEqual([]);
  expect(problems).toEqual([]);
}

async function hover(page: Page, n = 0): Promise<void> {
  const { x, y } = await page.evaluate((n) => (window as any).__probe.point(n), n);
  await page.mouse.move(x - 40, y + 30);
  await page.mouse.move(x, y, { steps: 4 });
}

const popoverShown = (page: Page) => page.waitForSelector(POPOVER, { visible: true });

/** The open card can be used: it is on top where it is drawn, styled by us, and a real click on its close button closes it. */
async function expectUsablePopover(page: Page): Promise<void> {
  const popover = (await popoverShown(page))!;
  const seen = await popover.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const top = document.elementFromPoint((r.left + r.right) / 2, r.top + 12);
    return { width: r.width, height: r.height, onTop: top?.localName, font: getComputedStyle(el).fontSize };
  });
  expect(seen.width).toBeGreaterThan(90);
  expect(seen.height).toBeGreaterThan(50);
  expect(seen.onTop).toBe('context-lens-ui');
  expect(seen.font).toBe('14px');
  const close = await page.$eval('context-lens-ui >>> .cl-close', (el) => {
    const r = el.getBoundingClientRect();
    return { x: (r.left + r.right) / 2, y: (r.top + r.bottom) / 2 };
  });
  await page.mouse.move(close.x, close.y, { steps: 4 });
  await page.mouse.click(close.x, close.y);
  await waitFor(async () => (await page.$(POPOVER)) === null, 'the card closed by its button');
}

const CLAIM = 'austerity killed 130,000';
/**
 * Ticks of the page's 10 ms timer while we work, at the least. Work done in
 * one piece lets it tick only before and after (a tick or two); sliced work
 * lets it in between slices. Kept low: on this shared 2-core machine the
 * page's own rendering already costs it most of its ticks.
 */
const MIN_TICKS_WHILE_WE_WORK = 5;

interface Context {
  browser: Browser;
  server: TestServer;
  name: string;
}

function hostileCases(ctx: () => Context) {
  const log = (what: string, p: Probe) =>
    console.log(
      `[${ctx().name}] ${what}: highlight ${Math.round(p.highlightedAt - p.since)} ms after the page was ready; ` +
        `page timer ticked ${p.ticksToHighlight} times meanwhile, longest wait ${Math.round(p.gapToHighlight)} ms; ` +
        `longest task ${p.longestTask < 0 ? 'n/a' : `${Math.round(p.longestTask)} ms`}`,
    );

  it('a. strict CSP and Trusted Types: no violation from us; highlight and card work', async () => {
    const { browser, server } = ctx();
    const { page, problems } = await openPage(browser, server.url('csp.html?csp=trusted-types'));
    await waitFor(() => highlightCount(page), 'highlights under CSP and Trusted Types');
    await uiReady(page);
    await hover(page, (await texts(page)).findIndex((t) => /austerity/.test(t)));
    await expectUsablePopover(page);
    expect((await probe(page)).violations.filter((v) => !browsersOwn(v))).toEqual([]);
    await expectNoErrors(page, problems);
    // The policy was really in force: the page itself may not even create a Trusted Types policy.
    const policy = await page.evaluate(() => {
      try {
        (window as any).trustedTypes.createPolicy('probe', {});
        return 'created';
      } catch (e) {
        return (e as Error).name;
      }
    });
    expect(policy).toBe('TypeError');
  });

  for (const [attack, does] of [
    ['remove', 'removes'],
    ['hide', 'hides'],
    ['restyle', 'restyles'],
  ] as const) {
    it(`b. a page that ${does} our element: hovering the claim still opens a usable card`, async () => {
      const { browser, server } = ctx();
      const { page, problems } = await openPage(browser, server.url(`hostile-host.html?attack=${attack}`));
      await waitFor(() => highlightCount(page), 'the highlight');
      await waitFor(() => page.evaluate(() => (window as any).__attacks > 0), 'the page to strike');
      await hover(page);
      await expectUsablePopover(page);
      await expectNoErrors(page, problems);
    });
  }

  it('b. a page that removes our element every time it is back: we stop putting it back, nothing breaks', async () => {
    const { browser, server } = ctx();
    const { page, problems } = await openPage(browser, server.url('hostile-host.html?attack=remove-always'));
    await waitFor(() => highlightCount(page), 'the highlight');
    await waitFor(() => page.evaluate(() => (window as any).__attacks > 0), 'the page to strike');
    await hover(page);
    const ticks = (await probe(page)).ticks;
    await waitFor(async () => (await probe(page)).ticks > ticks + 50, 'the page timer to run on');
    // The page won: no card, but the highlight stays, and there was no tug of war.
    expect(await page.$('context-lens-ui')).toBeNull();
    expect(await highlightCount(page)).toBe(1);
    expect(await page.evaluate(() => (window as any).__attacks)).toBe(MAX_QUICK_REATTACH + 1);
    await expectNoErrors(page, problems);
  });

  it('b. a page that covers everything with a full-screen layer: the keyboard still opens the card, on top', async () => {
    const { browser, server } = ctx();
    const { page, problems } = await openPage(browser, server.url('hostile-host.html?attack=cover'));
    await waitFor(() => highlightCount(page), 'the highlight');
    await waitFor(() => page.$('#cover'), 'the cover');
    // The pointer lands on the cover, not on the text: no card from hovering, and no error either.
    await hover(page);
    await focusFirstClaim(page);
    await expectUsablePopover(page);
    await expectNoErrors(page, problems);
  });

  it('c. one 5 MB text node: the claim is found, and the page keeps running while we read', async () => {
    const { browser, server } = ctx();
    const { page, problems } = await openPage(browser, server.url('hostile-text.html'));
    await waitFor(() => highlightCount(page), 'the highlight in the 5 MB text', 60_000);
    expect(await texts(page)).toEqual([expect.stringContaining(CLAIM)]);
    const p = await probe(page);
    log('5 MB text node', p);
    expect(p.ticksToHighlight).toBeGreaterThanOrEqual(MIN_TICKS_WHILE_WE_WORK);
    await expectNoErrors(page, problems);
  });

  it('d. a DOM 5,000 levels deep: no stack overflow, the claim at the bottom is highlighted', async () => {
    const { browser, server } = ctx();
    const { page, problems } = await openPage(browser, server.url('hostile-deep.html'));
    await waitFor(() => highlightCount(page), 'the highlight 5,000 levels down', 30_000);
    expect(await texts(page)).toEqual([expect.stringContaining(CLAIM)]);
    log('5,000 levels', await probe(page));
    // Firefox stops laying out at about 1,000 levels, so there the claim has no box to hover: open it from the keyboard.
    await focusFirstClaim(page);
    await popoverShown(page);
    await expectNoErrors(page, problems);
  });

  it('e. 100,000 nodes in a mutation storm: a claim added mid-storm is highlighted, the page timer runs on', async () => {
    const { browser, server, name } = ctx();
    const { page, problems } = await openPage(browser, server.url('hostile-storm.html'));
    await waitFor(async () => (await texts(page)).join().includes(CLAIM), 'the claim added during the storm', 45_000);
    expect(await highlightCount(page)).toBe(1);
    const p = await probe(page);
    const storm = await page.evaluate(() => ({ claimAt: (window as any).__claimAt, ended: (window as any).__stormEnded, ticks: (window as any).__stormTicks }));
    log('mutation storm', p);
    console.log(`[${name}] mutation storm: highlight ${Math.round(p.highlightedAt - storm.claimAt)} ms after the claim came in; the storm had ${storm.ended ? 'ended' : 'not ended'} (${storm.ticks} storm ticks)`);
    expect(p.ticksToHighlight).toBeGreaterThanOrEqual(MIN_TICKS_WHILE_WE_WORK);
    // The page's own storm timer runs on after we found the claim (or the storm had already run its course).
    await waitFor(
      () => page.evaluate((at) => (window as any).__stormEnded !== undefined || (window as any).__stormTicks > at + 10, storm.ticks),
      'the storm to go on',
    );
    await expectNoErrors(page, problems);
  });

  it(`f. 50,000 claims: exactly ${MAX_HIGHLIGHTS} highlights, and the page keeps running`, async () => {
    const { browser, server } = ctx();
    const { page, problems } = await openPage(browser, server.url('hostile-many.html'));
    await waitFor(() => highlightCount(page), 'highlights', 60_000);
    expect(await highlightCount(page)).toBe(MAX_HIGHLIGHTS);
    const p = await probe(page);
    log('50,000 claims', p);
    expect(p.ticksToHighlight).toBeGreaterThanOrEqual(MIN_TICKS_WHILE_WE_WORK);
    await expectNoErrors(page, problems);
  });

  it('g. a page that replaced built-ins and DOM methods before we ran: we still highlight, and never call its traps', async () => {
    const { browser, server } = ctx();
    const { page, problems } = await openPage(browser, server.url('hostile-globals.html'));
    expect(await page.evaluate(() => (window as any).__trapped)).toBeGreaterThan(90);
    await waitFor(() => highlightCount(page), 'the highlight');
    expect(await texts(page)).toEqual([expect.stringContaining(CLAIM)]);
    await uiReady(page);
    // Only the probe's own copies and puppeteer's isolated world from here: the test must not trip the traps either.
    await hover(page);
    await popoverShown(page);
    expect(await page.evaluate(() => (window as any).__hostileCalls)).toEqual([]);
    await expectNoErrors(page, problems);
  });
}

describeInBrowsers('hostile pages', (env) => hostileCases(() => ({ browser: env.driver.browser, server: env.server, name: env.name })));
