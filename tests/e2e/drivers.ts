/**
 * One interface over the two browsers the end-to-end tests run in. Each test is written once against a Driver;
 * what differs between Chromium (MV3, CDP) and Firefox (MV2, WebDriver BiDi) lives here:
 *
 * | need                     | Chromium                                   | Firefox                                                  |
 * |--------------------------|--------------------------------------------|----------------------------------------------------------|
 * | extension APIs           | the service worker                         | an extension page kept open in a tab                     |
 * | toolbar popup            | `chrome.action.openPopup()`                | popup.html?tab=<id> in a tab, after granting activeTab   |
 * | keyboard commands        | the background's own onCommand listener    | the keys, pressed in the browser window                  |
 * | listeners of our world   | CDP DOMDebugger in the isolated world      | the event listener service, from a frame script          |
 * | dark colour scheme       | CDP media emulation                        | the tab's colour-scheme override                         |
 * | downloads                | CDP download behaviour                     | download preferences                                     |
 *
 * Starting a browser costs seconds to tens of seconds on a loaded machine, so one Chromium and one Firefox serve
 * every test file (started by global-setup.ts; each file connects and resets them); a test that needs its own
 * browser (another language, a restart) launches one.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import {
  CHROMIUM_BIN,
  FIREFOX_BIN,
  FIREFOX_BUILD,
  FIREFOX_UUID,
  GECKO_ID,
  launchChromium,
  launchFirefox,
  tabIdOf,
  waitFor,
  type Chromium,
  type ExtensionContext,
  type Firefox,
} from './harness';

export type BrowserName = 'Chromium' | 'Firefox';
export const BROWSERS: readonly BrowserName[] = ['Chromium', 'Firefox'];

export interface Driver extends ExtensionContext {
  readonly name: BrowserName;
  readonly browser: Browser;
  /** Where the browser saves downloads. */
  readonly downloads: string;
  /** A page the extension cannot run on. */
  readonly restrictedUrl: string;
  /**
   * Runs `fn` with the extension's privileges; `api` is the extension API namespace (`chrome` in Chromium's
   * worker, `browser` in a Firefox extension page). `fn` and `args` are serialised: no closures.
   */
  ext<R, A extends unknown[]>(fn: (api: any, ...args: A) => R | Promise<R>, ...args: A): Promise<R>;
  /** A new tab showing `url`, also for URLs whose navigation never reports done in Firefox (extension and browser pages). */
  open(url: string): Promise<Page>;
  /** One of the extension's pages (options.html, ...), opened in a tab. */
  openExtensionPage(path: string): Promise<Page>;
  /** The toolbar popup for the tab showing `page`, as the person would see it after clicking the button. */
  openPopupFor(page: Page): Promise<Page>;
  /** Runs a keyboard command (manifest `commands`) with `page` as the active tab. */
  command(name: string, page: Page): Promise<void>;
  /** Event listeners the extension's content script has on the page's window and document. */
  listenerCount(page: Page): Promise<number>;
  /** Makes `page` prefer a dark colour scheme (call before navigating it). */
  emulateDarkScheme(page: Page): Promise<void>;
  /** Back to one blank tab and empty storage. */
  reset(): Promise<void>;
  /** Lets go of the browser: quits it if the driver launched it, else disconnects. */
  close(): Promise<void>;
}

/** A driver with a browser of its own. */
export interface OwnDriver extends Driver {
  /** Quits and starts the browser again with the same profile (and these options, e.g. another language). */
  restart(options?: DriverOptions): Promise<OwnDriver>;
}

export interface DriverOptions {
  lang?: string;
}

/** What a test file needs to connect to the shared browsers. */
export interface SharedBrowsers {
  chromium: { endpoint: string; downloads: string };
  firefox: { endpoint: string; downloads: string };
}

/** Starts a browser of its own (another language, a restart); close it at the end of the test. */
export async function launchDriver(name: BrowserName, options: DriverOptions = {}): Promise<OwnDriver> {
  const profile = mkdtempSync(join(tmpdir(), `cl-${name.toLowerCase()}-`));
  const downloads = mkdtempSync(join(tmpdir(), 'cl-downloads-'));
  const launch = async (options: DriverOptions): Promise<OwnDriver> => {
    const driver =
      name === 'Chromium'
        ? await chromiumDriver(await launchChromium({ ...options, profile }), downloads)
        : await firefoxDriver(await launchFirefox({ ...options, profile, prefs: downloadPrefs(downloads) }), downloads);
    return {
      ...driver,
      restart: async (next = options) => {
        await driver.close();
        return launch(next);
      },
      close: async () => {
        await driver.close();
        rmSync(profile, { recursive: true, force: true });
        rmSync(downloads, { recursive: true, force: true });
      },
    };
  };
  return launch(options);
}

/** Starts the browsers every test file shares (see global-setup.ts). */
export async function startSharedBrowsers(): Promise<{ endpoints: SharedBrowsers; close(): Promise<void> }> {
  const dirs = ['cl-chromium-', 'cl-firefox-', 'cl-downloads-', 'cl-downloads-'].map((prefix) => mkdtempSync(join(tmpdir(), prefix)));
  const [chromiumProfile, firefoxProfile, chromiumDownloads, firefoxDownloads] = dirs;
  const [chromium, firefox] = await Promise.all([
    launchChromium({ profile: chromiumProfile, listen: true }),
    launchFirefox({ profile: firefoxProfile, prefs: downloadPrefs(firefoxDownloads) }),
  ]);
  const endpoints: SharedBrowsers = {
    chromium: { endpoint: chromium.endpoint!, downloads: chromiumDownloads },
    firefox: { endpoint: firefox.browser.wsEndpoint(), downloads: firefoxDownloads },
  };
  // Firefox takes one WebDriver BiDi session at a time: end ours so that test files can connect. Chromium's
  // connection stays, attached to the service worker, which keeps the worker alive between files.
  await firefox.browser.disconnect();
  return {
    endpoints,
    close: async () => {
      await chromium.close();
      // Closed through a new session; the profile can go once the process has exited.
      const firefoxProcess = firefox.browser.process();
      const exited = new Promise((resolve) => (firefoxProcess?.exitCode === null ? firefoxProcess.once('exit', resolve) : resolve(null)));
      await (await puppeteer.connect({ browserWSEndpoint: endpoints.firefox.endpoint, protocol: 'webDriverBiDi' })).close();
      await exited;
      for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A driver for one of the shared browsers, reset to one blank tab and empty storage. */
export async function connectDriver(name: BrowserName, shared: SharedBrowsers): Promise<Driver> {
  let driver: Driver;
  if (name === 'Chromium') {
    const browser = await puppeteer.connect({ browserWSEndpoint: shared.chromium.endpoint });
    driver = await chromiumDriver(await chromiumHandle(browser, () => browser.disconnect()), shared.chromium.downloads);
  } else {
    const browser = await puppeteer.connect({ browserWSEndpoint: shared.firefox.endpoint, protocol: 'webDriverBiDi' });
    driver = await firefoxDriver({ browser, close: () => browser.disconnect() }, shared.firefox.downloads);
  }
  await driver.reset();
  return driver;
}

/** The language pack a browser needs to run in `lang`, or where it should be (Debian: chromium-l10n, firefox-esr-l10n-<lang>-*). */
export function languagePack(name: BrowserName, lang: string): string {
  if (name === 'Chromium') return join(CHROMIUM_BIN, `../locales/${lang}.pak`);
  // Firefox loads language packs (langpack-es-ES@...xpi) from its application directory.
  const dir = join(dirname(realpathSync(FIREFOX_BIN)), 'browser/extensions');
  const pack = existsSync(dir) ? readdirSync(dir).find((f) => f.startsWith(`langpack-${lang}`)) : undefined;
  return join(dir, pack ?? `langpack-${lang}-*.xpi`);
}

/** Firefox saves downloads to `dir` without asking. */
function downloadPrefs(dir: string): Record<string, unknown> {
  return {
    'browser.download.dir': dir,
    'browser.download.folderList': 2,
    'browser.download.useDownloadDir': true,
    'browser.download.start_downloads_in_tmp_dir': false,
    'browser.download.always_ask_before_handling_new_types': false,
  };
}

/** `fn` applied to the extension API and `args`, as an expression (puppeteer awaits it). */
function call(api: string, fn: (...args: never[]) => unknown, args: unknown[]): string {
  return `(${fn.toString()})(${api}, ...${JSON.stringify(args)})`;
}

/** The popup, once it has drawn the page's state. */
async function drawn(popup: Page): Promise<Page> {
  await popup.waitForSelector('main.popup[aria-busy="false"]');
  return popup;
}

/** Pages left after a test: back to one blank tab. */
async function closeExtraTabs(browser: Browser, keep: Page[]) {
  const pages = (await browser.pages()).filter((p) => !keep.includes(p));
  await pages[0]?.goto('about:blank');
  // Firefox keeps listing extension pages that closed themselves: closing them again fails, harmlessly.
  for (const p of pages.slice(1)) await p.close().catch(() => undefined);
}

/** The keys bound to a command in the build's manifest, e.g. ['Alt', 'Shift', 'L']. */
function commandKeys(manifestPath: string, command: string): string[] {
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  const key: string | undefined = manifest.commands?.[command]?.suggested_key?.default;
  if (!key) throw new Error(`no key for command ${command} in ${manifestPath}`);
  return key.split('+');
}

// ---------------------------------------------------------------------------------------------------------------
// Chromium

/** The extension's service worker in a connected Chromium. */
async function chromiumHandle(browser: Browser, close: () => Promise<void>): Promise<Chromium> {
  const target = await browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'));
  return { browser, worker: (await target.worker())!, extensionId: new URL(target.url()).host, close };
}

async function chromiumDriver(chromium: Chromium, downloads: string): Promise<Driver> {
  const { browser, worker, extensionId } = chromium;
  const session = await browser.target().createCDPSession();
  await session.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: downloads });

  const driver: Driver = {
    name: 'Chromium',
    browser,
    downloads,
    restrictedUrl: 'chrome://version',
    ext: (fn, ...args) => worker.evaluate(call('chrome', fn, args)) as Promise<never>,
    async open(url) {
      const page = await browser.newPage();
      await page.goto(url);
      return page;
    },
    openExtensionPage: (path) => driver.open(`chrome-extension://${extensionId}/${path}`),
    async openPopupFor(page) {
      await page.bringToFront();
      await worker.evaluate(() => (globalThis as any).chrome.action.openPopup());
      const target = await browser.waitForTarget((t) => t.url().endsWith('/popup.html'));
      return drawn((await target.asPage())!);
    },
    async command(name, page) {
      // Key events sent over CDP reach the page, never the browser's shortcut handling; dispatching the
      // onCommand event in the worker runs the background's real listener with the active tab, as a key press does.
      await page.bringToFront();
      await worker.evaluate(async (name: string) => {
        const chrome = (globalThis as any).chrome;
        const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
        chrome.commands.onCommand.dispatch(name, tab);
      }, name);
    },
    async listenerCount(page) {
      // The DevTools protocol reports listeners per world: ask from the extension's isolated world.
      const cdp = await page.createCDPSession();
      const contexts: Array<{ id: number; name: string; auxData?: { type?: string } }> = [];
      cdp.on('Runtime.executionContextCreated', (e) => contexts.push(e.context as never));
      await cdp.send('Runtime.enable');
      const world = await waitFor(() => contexts.find((c) => c.auxData?.type === 'isolated' && c.name === 'Context Lens'), 'the extension world');
      let total = 0;
      for (const expression of ['window', 'document']) {
        const { result } = await cdp.send('Runtime.evaluate', { expression, contextId: world.id });
        const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId!, depth: 0 });
        total += listeners.length;
      }
      await cdp.detach();
      return total;
    },
    emulateDarkScheme: (page) => page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]),
    async reset() {
      await closeExtraTabs(browser, []);
      await driver.ext((chrome) => chrome.storage.local.clear());
    },
    close: () => chromium.close(),
  };
  return driver;
}

// ---------------------------------------------------------------------------------------------------------------
// Firefox

/** Loads `url` in `page`: page.goto() never resolves for moz-extension:// and about: pages, so start it and poll. */
async function navigate(page: Page, url: string) {
  void page.goto(url).catch(() => undefined);
  await waitFor(async () => (await page.evaluate(() => `${location.href}|${document.readyState}`)) === `${url}|complete`, url, 30_000);
}

/** Modifier keys as the browser window's key events name them (KeyboardEvent key, code, keyCode). */
const KEYS: Record<string, [string, string, number]> = {
  Alt: ['Alt', 'AltLeft', 18],
  Shift: ['Shift', 'ShiftLeft', 16],
  Ctrl: ['Control', 'ControlLeft', 17],
};

async function firefoxDriver(firefox: Firefox, downloads: string): Promise<Driver> {
  const { browser } = firefox;
  const extensionUrl = (path: string) => `moz-extension://${FIREFOX_UUID}/${path}`;

  // Extension APIs: a page of the extension (a locale file shown as text: no script of ours runs in it) kept open
  // in its own tab.
  const host = await browser.newPage();
  await navigate(host, extensionUrl('_locales/en/messages.json'));

  // Privileged code in the browser window (the "chrome" realm), where the tab strip, the key bindings and the
  // extension's parent-process objects live. For each of `pages`, `contexts` holds its BrowsingContext and
  // `browsers` its <browser> element.
  const connection = (browser as unknown as { connection: { send(method: string, params: object): Promise<any> } }).connection;
  const { result: tree } = await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
  const chromeContext: string = tree.contexts[0].context;
  async function inChrome<R>(body: string, ...pages: Page[]): Promise<R> {
    const ids = pages.map((page) => (page.mainFrame() as unknown as { _id: string })._id);
    const expression = `(async () => {
      const { NavigableManager } = ChromeUtils.importESModule('chrome://remote/content/shared/NavigableManager.sys.mjs');
      const contexts = ${JSON.stringify(ids)}.map((id) => NavigableManager.getBrowsingContextById(id));
      const browsers = contexts.map((context) => context.embedderElement);
      ${body}
    })()`;
    const { result } = await connection.send('script.evaluate', { expression, target: { context: chromeContext }, awaitPromise: true });
    if (result.type === 'exception') throw new Error(`in the browser window: ${result.exceptionDetails.text}`);
    return result.result.value as R;
  }

  const driver: Driver = {
    name: 'Firefox',
    browser,
    downloads,
    restrictedUrl: 'about:support',
    ext: (fn, ...args) => host.evaluate(call('browser', fn, args)) as Promise<never>,
    async open(url) {
      const page = await browser.newPage();
      if (/^(moz-extension|about):/.test(url)) await navigate(page, url);
      else await page.goto(url);
      return page;
    },
    openExtensionPage: (path) => driver.open(extensionUrl(path)),
    async openPopupFor(page) {
      // Firefox has no way to open the toolbar popup from outside: open the same page in a tab, for this tab, with
      // the activeTab grant a click on the toolbar button gives.
      const tabId = await tabIdOf(driver, page);
      await inChrome(
        `const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
         ExtensionParent.GlobalManager.getExtension(${JSON.stringify(GECKO_ID)}).tabManager.addActiveTabPermission(gBrowser.getTabForBrowser(browsers[0]));`,
        page,
      );
      const popup = await driver.openExtensionPage(`popup.html?tab=${tabId}`);
      // The toolbar popup leaves its tab in front when it closes (after a jump to a claim): make the page the
      // popup tab's owner, which Firefox selects when that tab closes.
      await inChrome(`gBrowser.getTabForBrowser(browsers[1]).owner = gBrowser.getTabForBrowser(browsers[0]);`, page, popup);
      return drawn(popup);
    },
    async command(name, page) {
      // Real key events in the browser window, where Firefox binds the extension's shortcuts (BiDi key input
      // goes to the page only).
      const keys = commandKeys(join(FIREFOX_BUILD, 'manifest.json'), name).map((k) => KEYS[k] ?? [k, `Key${k}`, k.charCodeAt(0)]);
      await page.bringToFront();
      await inChrome(`
        const tip = Cc['@mozilla.org/text-input-processor;1'].createInstance(Ci.nsITextInputProcessor);
        if (!tip.beginInputTransactionForTests(window)) throw new Error('no key input');
        const keys = ${JSON.stringify(keys)}.map(([key, code, keyCode]) => new KeyboardEvent('', { key, code, keyCode }));
        for (const k of keys) tip.keydown(k);
        for (const k of keys.reverse()) tip.keyup(k);`);
    },
    listenerCount(page) {
      // Listeners are registered in the content process; a frame script there asks the event listener service and
      // keeps those whose function belongs to our add-on's content-script sandbox.
      const script = `
        let count = 0;
        for (const target of [content, content.document]) {
          for (const listener of Services.els.getListenerInfoFor(target)) {
            try {
              const global = Cu.getGlobalForObject(listener.listenerObject);
              if (Cu.getSandboxMetadata(global)?.addonId === ${JSON.stringify(GECKO_ID)}) count++;
            } catch {
              // not a sandbox: the page's own listener
            }
          }
        }
        sendAsyncMessage('context-lens-test:listeners', count);`;
      return inChrome<number>(
        `const mm = browsers[0].messageManager;
         return await new Promise((resolve) => {
           mm.addMessageListener('context-lens-test:listeners', function answer(message) {
             mm.removeMessageListener('context-lens-test:listeners', answer);
             resolve(message.data);
           });
           mm.loadFrameScript('data:,' + encodeURIComponent(${JSON.stringify(script)}), false);
         });`,
        page,
      );
    },
    async emulateDarkScheme(page) {
      // The override devtools uses; it stays with the tab across navigations.
      await inChrome(`contexts[0].prefersColorSchemeOverride = 'dark';`, page);
    },
    async reset() {
      await closeExtraTabs(browser, [host]);
      await driver.ext((browser) => browser.storage.local.clear());
    },
    async close() {
      await host.close().catch(() => undefined);
      await firefox.close();
    },
  };
  return driver;
}
