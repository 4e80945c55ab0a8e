/**
 * Real-browser harness: the built extension loaded into headless Chromium
 * (puppeteer-core, MV3) and Firefox ESR (puppeteer-core over WebDriver BiDi,
 * MV2 temporary add-on), pages served from 127.0.0.1.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import puppeteer, { type Browser, type Page, type WebWorker } from 'puppeteer-core';
import { LOOKED_AT_GLOBAL } from '../../lib/lens-handle';

export const ROOT = resolve(import.meta.dirname, '../..');
export const CHROME_BUILD = join(ROOT, '.output/chrome-mv3');
export const FIREFOX_BUILD = join(ROOT, '.output/firefox-mv2');
export const PAGES = join(ROOT, 'tests/fixtures/pages');
export const CHROMIUM_BIN = process.env.CHROMIUM_BIN ?? '/usr/lib/chromium/chromium';
export const FIREFOX_BIN = process.env.FIREFOX_BIN ?? '/usr/bin/firefox-esr';
export const GECKO_ID = 'context-lens@example.org';
export const FIREFOX_UUID = '6f1c1c2e-5b1a-4d7e-9d55-0c0ffee00001';

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css' };

export interface TestServer {
  port: number;
  /** a URL on 127.0.0.1, or on another host name for a second "site" (localhost) */
  url(path: string, host?: string): string;
  close(): Promise<void>;
}

/** Third-party scripts fixture pages load, served from node_modules (no network). */
const VENDOR: Record<string, string> = {
  'react.js': 'node_modules/react/umd/react.production.min.js',
  'react-dom.js': 'node_modules/react-dom/umd/react-dom.production.min.js',
  'axe.js': 'node_modules/axe-core/axe.min.js',
  'mark.js': 'node_modules/mark.js/dist/mark.min.js',
};

/** A generated page of about 1 M characters (4,000 paragraphs) with claims at the start, middle and end. */
export function hugePage(): string {
  const claim = 'A reader wrote that austerity killed 130,000 people in England.';
  const filler = 'The committee met on Tuesday to discuss the budget, the timetable for the new bridge, and the schedule of the library, which will stay open late in summer. ';
  const paras: string[] = [];
  for (let i = 0; i < 4000; i++) {
    const text = i === 5 || i === 2000 || i === 3995 ? claim : `${i}. ${filler}${filler.slice(0, 80)}`;
    paras.push(i % 10 === 0 ? `<h2>Section ${i / 10}</h2><p>${text}</p>` : `<p>${text} <a href="#s${i}">more</a></p>`);
  }
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Huge page</title></head><body><main>${paras.join('')}</main></body></html>`;
}

/** The demo page without its inline <style>, so a strict CSP test sees only violations the extension would cause. */
export function cspPage(): string {
  return readFileSync(join(PAGES, 'demo.html'), 'utf8').replace(/\s*<style>[\s\S]*?<\/style>/, '');
}

const GENERATED: Partial<Record<string, () => string>> = { '/huge.html': hugePage, '/csp.html': cspPage };

/** Policies a page can be served with (`?csp=NAME`). */
const CSP: Partial<Record<string, string>> = {
  strict: "default-src 'none'; require-trusted-types-for 'script'",
  // Nothing at all: no style, no script, no Trusted Types policy may be created.
  'trusted-types': "default-src 'none'; style-src 'none'; require-trusted-types-for 'script'; trusted-types 'none'",
};

/** Serves tests/fixtures/pages (and /vendor/*, generated pages); `?csp=strict` or `?csp=trusted-types` adds a Content-Security-Policy. */
export async function startServer(dir = PAGES): Promise<TestServer> {
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const generated = GENERATED[url.pathname];
    const vendor = url.pathname.startsWith('/vendor/') ? VENDOR[url.pathname.slice(8)] : undefined;
    const file = vendor ? join(ROOT, vendor) : normalize(join(dir, decodeURIComponent(url.pathname)));
    if (!generated && ((!vendor && !file.startsWith(dir)) || !existsSync(file))) {
      res.writeHead(404).end('not found');
      return;
    }
    const headers: Record<string, string> = { 'content-type': generated ? TYPES['.html'] : (TYPES[extname(file)] ?? 'application/octet-stream') };
    const csp = CSP[url.searchParams.get('csp') ?? ''];
    if (csp) headers['content-security-policy'] = csp;
    res.writeHead(200, headers).end(generated ? generated() : readFileSync(file));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const port = (server.address() as { port: number }).port;
  return {
    port,
    url: (path, host = '127.0.0.1') => `http://${host}:${port}/${path.replace(/^\//, '')}`,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

export function requireFile(path: string, hint: string) {
  if (!existsSync(path)) throw new Error(`${path} is missing: ${hint}`);
}

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-features=DialMediaRouteProvider',
];

export interface Chromium {
  browser: Browser;
  worker: WebWorker;
  extensionId: string;
  /** The DevTools WebSocket address, when launched with `listen`. */
  endpoint?: string;
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** A profile directory to use and keep (default: a temporary one, removed on close). */
  profile?: string;
  /** The browser's UI language, e.g. 'es' (needs the browser's language pack). */
  lang?: string;
}

/** Chromium with the build loaded. `listen`: also accept other clients (puppeteer.connect to `chromium.endpoint`). */
export async function launchChromium(options: LaunchOptions & { headless?: boolean; listen?: boolean } = {}): Promise<Chromium> {
  requireFile(CHROMIUM_BIN, 'install Chromium (Debian: apt-get install chromium)');
  requireFile(join(CHROME_BUILD, 'manifest.json'), 'build the extension first (npm run build)');
  const profile = options.profile ?? mkdtempSync(join(tmpdir(), 'cl-chromium-'));
  const { lang } = options;
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM_BIN,
    headless: options.headless ?? true,
    // Loading an unpacked extension needs the pipe; a debugging port as well lets other clients connect (puppeteer
    // drops the pipe when it sees a --remote-debugging- flag, unless the pipe flag is among them).
    pipe: true,
    enableExtensions: [CHROME_BUILD],
    userDataDir: profile,
    args: [...CHROMIUM_ARGS, ...(lang ? [`--lang=${lang}`, `--accept-lang=${lang}`] : []), ...(options.listen ? ['--remote-debugging-pipe', '--remote-debugging-port=0'] : [])],
    // Chromium on Linux takes its UI language from the environment as well as from --lang.
    env: lang ? { ...process.env, LANGUAGE: lang, LANG: `${lang}_${lang.toUpperCase()}.UTF-8` } : process.env,
  });
  const target = await browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'));
  const worker = (await target.worker())!;
  const extensionId = new URL(target.url()).host;
  return {
    browser,
    worker,
    extensionId,
    endpoint: options.listen ? await debuggingEndpoint(profile) : undefined,
    close: async () => {
      await browser.close();
      if (!options.profile) rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Chromium writes the port it chose, and the browser's path, to DevToolsActivePort in its profile. */
async function debuggingEndpoint(profile: string): Promise<string> {
  const file = join(profile, 'DevToolsActivePort');
  const [port, path] = (await waitFor(() => (existsSync(file) ? readFileSync(file, 'utf8').trim() : ''), file)).split('\n');
  return `ws://127.0.0.1:${port}${path}`;
}

export interface Firefox {
  browser: Browser;
  close(): Promise<void>;
}

/**
 * Firefox ESR with the build installed as a temporary add-on. `--remote-allow-system-access` lets the tests open
 * moz-extension:// pages and run privileged code in the browser window (see drivers.ts).
 */
export async function launchFirefox(options: LaunchOptions & { prefs?: Record<string, unknown> } = {}): Promise<Firefox> {
  requireFile(FIREFOX_BIN, 'install Firefox (Debian: apt-get install firefox-esr)');
  requireFile(join(FIREFOX_BUILD, 'manifest.json'), 'build the extension first (npm run build)');
  const profile = options.profile ?? mkdtempSync(join(tmpdir(), 'cl-firefox-'));
  const { lang } = options;
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_BIN,
    headless: true,
    userDataDir: profile,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      // One moz-extension:// origin across runs and restarts.
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_UUID }),
      // A temporary add-on is uninstalled when Firefox quits: keep its storage, as a store install would.
      'extensions.webextensions.keepStorageOnUninstall': true,
      // The popup, opened as a tab, closes itself as the toolbar popup does.
      'dom.allow_scripts_to_close_windows': true,
      // The driver's extension-API tab shows a JSON file of ours: as plain text, not in the JSON viewer's own page.
      'devtools.jsonview.enabled': false,
      ...(lang && { 'intl.locale.requested': lang, 'intl.accept_languages': lang }),
      ...options.prefs,
    },
  });
  await browser.installExtension(FIREFOX_BUILD);
  return {
    browser,
    close: async () => {
      await browser.close();
      if (!options.profile) rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Polls until fn returns a truthy value (no fixed sleeps). */
export async function waitFor<T>(fn: () => Promise<T> | T, what: string, timeoutMs = 15_000): Promise<NonNullable<T>> {
  const end = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < end) {
    try {
      const value = await fn();
      if (value) return value as NonNullable<T>;
      last = value;
    } catch (e) {
      last = e;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what} (last: ${String(last)})`);
}

/** Number of ranges in our highlight (the registry is shared with the page). */
export function highlightCount(page: Page): Promise<number> {
  return page.evaluate(() => (globalThis as any).CSS?.highlights?.get('context-lens')?.size ?? 0);
}

/** Text of each highlighted range. */
export function highlightTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const h = (globalThis as any).CSS?.highlights?.get('context-lens');
    return h ? [...h].map((r: Range) => r.toString()) : [];
  });
}

/** The background colour our ::highlight() rules give the first highlighted range ('rgba(0, 0, 0, 0)': none). */
export function highlightBackground(page: Page): Promise<string> {
  return page.evaluate(() => {
    const range = [...(globalThis as any).CSS.highlights.get('context-lens')][0] as Range;
    return getComputedStyle(range.startContainer.parentElement!, '::highlight(context-lens)').backgroundColor;
  });
}

/** Viewport centre of the first line box of the n-th highlighted range. */
export function highlightPoint(page: Page, n = 0, block: ScrollLogicalPosition = 'center'): Promise<{ x: number; y: number }> {
  return page.evaluate((n, block) => {
    const h = (globalThis as any).CSS.highlights.get('context-lens');
    const range = [...h][n] as Range;
    range.startContainer.parentElement?.scrollIntoView({ block });
    const r = range.getClientRects()[0];
    return { x: r.left + Math.min(r.width / 2, 20), y: r.top + r.height / 2 };
  }, n, block);
}

/**
 * What the content script of a page reports (its `get-page-state` answer). The only reads of the content script's
 * internals: adapt them here when its messages change.
 */
export interface PageState {
  url: string;
  site: string | null;
  enabled: boolean;
  claims: Array<{ id: string; count: number }>;
}

/** Runs code in the extension (see Driver.ext in drivers.ts). */
export interface ExtensionContext {
  ext<R, A extends unknown[]>(fn: (api: any, ...args: A) => R | Promise<R>, ...args: A): Promise<R>;
}

/** The state the content script of tab `tabId` reports, or null if none answers. */
export function pageState(context: ExtensionContext, tabId: number): Promise<PageState | null> {
  return context.ext((api, tabId) => api.tabs.sendMessage(tabId, { type: 'get-page-state' }).catch(() => null), tabId);
}

/**
 * When the boot script of tab `tabId` finished its first look (performance.now() in the page), read from the
 * extension's world in the top frame; null before, or where it does not run. Unlike pageState this needs no
 * listener: on a page without anchor words the boot script never takes up the extension API.
 */
export function bootLooked(context: ExtensionContext, tabId: number): Promise<number | null> {
  return context.ext(
    (api, tabId, key) =>
      api.scripting
        .executeScript({ target: { tabId, frameIds: [0] }, func: (k: string) => (globalThis as Record<string, unknown>)[k] ?? null, args: [key] })
        .then((runs: Array<{ result?: unknown }>) => runs[0]?.result ?? null)
        .catch(() => null),
    tabId,
    LOOKED_AT_GLOBAL,
  );
}

/** The claims the content script of the tab showing `url` reports, once it answers. */
export function pageClaims(context: ExtensionContext, url: string): Promise<PageState['claims']> {
  return waitFor(
    () =>
      context.ext(async (api, url) => {
        for (const tab of await api.tabs.query({})) {
          const state = await api.tabs.sendMessage(tab.id, { type: 'get-page-state' }).catch(() => null);
          if (state?.url === url) return state.claims;
        }
        return null;
      }, url),
    `the content script on ${url}`,
  );
}

/** The browser's id for the tab showing `page` (brought to the front: the extension sees no URLs without the tabs permission). */
export async function tabIdOf(context: ExtensionContext, page: Page): Promise<number> {
  await page.bringToFront();
  return context.ext(async (api) => (await api.tabs.query({ active: true, lastFocusedWindow: true }))[0].id);
}

/** The toolbar button's badge and title for a tab (`action` in MV3, `browserAction` in MV2). */
export function badge(context: ExtensionContext, tabId: number): Promise<{ text: string; title: string }> {
  return context.ext(async (api, tabId) => {
    const action = api.action ?? api.browserAction;
    return { text: await action.getBadgeText({ tabId }), title: await action.getTitle({ tabId }) };
  }, tabId);
}

/** Settings as stored. */
export async function storedSettings(context: ExtensionContext): Promise<{ disabledSites: string[]; paused?: boolean; dismissedClaims: string[] }> {
  const all = await context.ext((api) => api.storage.local.get(['disabledSites', 'paused', 'dismissedClaims']));
  return { disabledSites: all.disabledSites ?? [], paused: all.paused, dismissedClaims: all.dismissedClaims ?? [] };
}

/** Resolves once `page` has been closed (by itself, like the popup after a jump). */
export function pageClosed(page: Page): Promise<unknown> {
  // Firefox reports no 'close' for an extension page that closes itself (puppeteer keeps listing it), but
  // evaluating in a closed page fails.
  return waitFor(() => page.isClosed() || page.evaluate(() => false).catch(() => true), 'the page to close');
}

/** The claims' anchors in our shadow root. */
export const ANCHOR = 'context-lens-ui >>> .cl-anchor';

/** The popover UI is there: it loads (lens-ui.js) just after the first highlights are painted. */
export async function uiReady(page: Page): Promise<void> {
  await page.waitForSelector(ANCHOR, { timeout: 30_000 });
}

/** Opens the first claim's card the keyboard way: its anchor in our shadow root takes focus. */
export async function focusFirstClaim(page: Page): Promise<void> {
  await uiReady(page);
  await page.evaluate(() => (document.querySelector('context-lens-ui')!.shadowRoot!.querySelector('.cl-anchor') as HTMLElement).focus());
}

/** Our popover, inside the open shadow root (pierce selector). */
export const POPOVER = 'context-lens-ui >>> .cl-popover';
