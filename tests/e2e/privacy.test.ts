/**
 * Nothing leaves the browser, and a page cannot tell the extension is there
 * beyond what it shows on purpose (the highlight and our UI element).
 *
 * The same steps (fixture pages, a popover opened and closed, client-side
 * navigation, the options and popup pages) run once without the extension
 * and once with it, in each browser behind a recording proxy that sees every
 * request, loopback included (tests/e2e/proxy.ts). Every fixture page also
 * carries a recorder of what its own script can observe
 * (tests/e2e/page-record.ts). With the extension, the browser must ask for
 * exactly what it asks for without it, nothing may carry an extension
 * origin, and each page must observe the same things. In Chromium, CDP's
 * Network domain on every target also names who asked for what.
 */
import type { CDPSession, Page, Target } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { highlightCount, highlightPoint, POPOVER, startServer, uiReady, waitFor, type TestServer } from './harness';
import { launch, openExtensionPage, type BrowserName, type Launched } from './launch';
import { NO_DIFFERENCE, recordDifference, recordPage, type PageRecord } from './page-record';
import { startRecordingProxy, type ProxiedRequest } from './proxy';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server?.close());

/** A request seen by CDP, with every script URL in its initiator chain. */
interface CdpRequest {
  target: string;
  targetUrl: string;
  url: string;
  initiatorUrls: string[];
}

/** Records requestWillBeSent on every page, service worker and extension page of a Chromium instance. */
function watchChromium(launched: Launched) {
  const seen: CdpRequest[] = [];
  const attached = new WeakSet<Target>();
  const attach = async (target: Target, session?: CDPSession) => {
    if (attached.has(target) || !['page', 'service_worker', 'background_page', 'worker', 'shared_worker', 'other'].includes(target.type())) return;
    attached.add(target);
    const cdp = session ?? (await target.createCDPSession());
    cdp.on('Network.requestWillBeSent', (e) => {
      const urls: string[] = [];
      if (e.initiator.url) urls.push(e.initiator.url);
      for (let stack = e.initiator.stack; stack; stack = stack.parent) urls.push(...stack.callFrames.map((f) => f.url));
      seen.push({ target: target.type(), targetUrl: target.url(), url: e.request.url, initiatorUrls: [...new Set(urls)] });
    });
    await cdp.send('Network.enable');
  };
  launched.browser.on('targetcreated', (t: Target) => void attach(t).catch(() => undefined));
  return {
    seen,
    ready: Promise.all(launched.browser.targets().map((t) => attach(t).catch(() => undefined))),
    /** attach to a new tab before it navigates */
    prepare: async (page: Page) => attach(page.target(), await page.createCDPSession()),
  };
}

const FIXTURES = ['demo.html', 'edges.html', 'infinite.html', 'spa.html'];

/** The same steps with and without the extension; with it, each step also waits for the extension's effect. */
async function steps(launched: Launched, prepare: (page: Page) => Promise<void>): Promise<Record<string, PageRecord>> {
  const ours = launched.extensionOrigin !== null;
  const records: Record<string, PageRecord> = {};
  for (const path of FIXTURES) {
    const page = await launched.browser.newPage();
    await prepare(page);
    const recording = await recordPage(page);
    await page.goto(server.url(path));
    if (ours) await waitFor(() => highlightCount(page), `highlights on ${path}`, 30_000);
    if (path === 'infinite.html') await waitFor(() => page.evaluate(() => (window as any).__done === true), 'the feed filled', 30_000);
    if (path === 'spa.html') {
      await page.click('#to-b');
      if (ours) await waitFor(() => page.evaluate(() => [...(CSS as any).highlights.get('context-lens')].some((r: Range) => /Fujimori/.test(r.toString()))), 'route B', 30_000);
    }
    if (ours && path === 'demo.html') {
      await uiReady(page);
      const { x, y } = await highlightPoint(page, 0);
      await page.mouse.move(x - 40, y);
      await page.mouse.move(x, y, { steps: 3 });
      await page.waitForSelector(POPOVER, { visible: true, timeout: 30_000 });
      await page.keyboard.press('Escape');
      await waitFor(async () => (await page.$(POPOVER)) === null, 'popover closed');
    }
    records[path] = await recording.read();
    await page.close();
  }
  if (ours) {
    await (await openExtensionPage(launched, 'options.html', 'body[data-ready="true"]', prepare)).close();
    // The popup as a tab: its "active tab" is itself, so it shows the restricted-page view.
    await (await openExtensionPage(launched, 'popup.html', '#app > *', prepare)).close();
  }
  return records;
}

interface Observed {
  proxied: ProxiedRequest[];
  cdp: CdpRequest[];
  pages: Record<string, PageRecord>;
  extensionOrigin: string | null;
}

async function observe(name: BrowserName, extension: boolean): Promise<Observed> {
  const proxy = await startRecordingProxy(server);
  const launched = await launch(name, { extension, proxyPort: proxy.port });
  try {
    const chromium = name === 'chromium' ? watchChromium(launched) : null;
    await chromium?.ready;
    const pages = await steps(launched, chromium?.prepare ?? (async () => undefined));
    return { proxied: [...proxy.requests], cdp: chromium?.seen ?? [], pages, extensionOrigin: launched.extensionOrigin };
  } finally {
    await launched.close();
    await proxy.close();
  }
}

const isExtensionUrl = (url: string) => /^(chrome|moz)-extension:/.test(url);

/**
 * Requests to the fixture server, by path, with counts; not the favicon,
 * which the browser asks for once or twice as it likes.
 */
function fixtureTally(requests: ProxiedRequest[]): Record<string, number> {
  const base = server.url('/');
  const counts: Record<string, number> = {};
  for (const { url } of requests.filter((r) => r.url.startsWith(base))) {
    const path = url.slice(base.length - 1);
    if (path !== '/favicon.ico') counts[path] = (counts[path] ?? 0) + 1;
  }
  return counts;
}

/**
 * Everything else, without query strings (they carry one-off keys): the
 * browser's own traffic (Chromium's clock and component updates, Firefox's
 * remote settings) comes and goes in number, so only the set is compared.
 */
function elsewhere(requests: ProxiedRequest[]): Set<string> {
  const base = server.url('/');
  return new Set(requests.filter((r) => !r.url.startsWith(base)).map((r) => r.url.replace(/[?#].*$/, '')));
}

describe.each<BrowserName>(['chromium', 'firefox'])('%s', (name) => {
  let without: Observed;
  let withExt: Observed;
  beforeAll(async () => {
    without = await observe(name, false);
    withExt = await observe(name, true);
  }, 300_000);

  it('the extension makes no network request: the browser asks for the same things with it as without it', () => {
    // The steps reached the fixture server through the proxy, so the proxy sees the browser's traffic.
    expect(fixtureTally(without.proxied)['/demo.html']).toBe(1);

    expect(fixtureTally(withExt.proxied)).toEqual(fixtureTally(without.proxied));
    const browsers = elsewhere(without.proxied);
    expect([...elsewhere(withExt.proxied)].filter((url) => !browsers.has(url))).toEqual([]);
    const fromUs = withExt.proxied.filter((r) => [r.origin, r.referer].some((v) => v && isExtensionUrl(v)));
    expect(fromUs).toEqual([]);

    if (name === 'chromium') {
      const origin = withExt.extensionOrigin!;
      const ours = withExt.cdp.filter(
        (r) =>
          !isExtensionUrl(r.url) &&
          // from our worker or pages, or from our content script in a page
          (r.targetUrl.startsWith(origin) || r.initiatorUrls.some((u) => u.startsWith(origin))),
      );
      expect(ours).toEqual([]);
      // CDP did see the pages' own requests, so an empty list above means something.
      expect(withExt.cdp.some((r) => r.url === server.url('demo.html'))).toBe(true);
    }
  });

  // A content script built on WXT's ContentScriptContext fails this: it posts
  // {type: '<extension id>:content:wxt:content-script-started'} to the page.
  it('leaves no trace a page script can see: messages, window properties, performance entries, attribute changes, console output', () => {
    // The recorder hears each channel: the page's own probe is in every record.
    const origin = server.url('').replace(/\/$/, '');
    for (const r of [...Object.values(without.pages), ...Object.values(withExt.pages)]) {
      expect(r.messages).toContain(`${origin} "probe"`);
      expect(r.performance).toContain('mark probe');
      expect(r.console.some((line) => line.startsWith('info probe'))).toBe(true);
    }
    const differences = Object.fromEntries(FIXTURES.map((path) => [path, recordDifference(withExt.pages[path], without.pages[path])]));
    expect(differences).toEqual(Object.fromEntries(FIXTURES.map((path) => [path, NO_DIFFERENCE])));
  });
});
