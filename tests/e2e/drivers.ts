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
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import {
  CHROMIUM_BIN,
  FIREFOX_BIN,
  FIREFOX_BUILD,
  FIREFOX_UUID,
  GECKO_ID,
  launchChromium,
  launchFirefox,
  waitFor,
  type Chromium,
  type ExtensionContext,
  type LaunchOptions,
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
  /** Quits and starts the browser again with the same profile. */
  restart(): Promise<Driver>;
  /** Back to one blank tab and empty storage. */
  reset(): Promise<void>;
  close(): Promise<void>;
}

export interface DriverOptions {
  lang?: string;
}

export function launchDriver(name: BrowserName, options: DriverOptions = {}): Promise<Driver> {
  const profile = mkdtempSync(join(tmpdir(), `cl-${name.toLowerCase()}-`));
  const downloads = mkdtempSync(join(tmpdir(), 'cl-downloads-'));
  const removeDirs = () => {
    rmSync(profile, { recursive: true, force: true });
    rmSync(downloads, { recursive: true, force: true });
  };
  const launch = name === 'Chromium' ? chromiumDriver : firefoxDriver;
  return launch({ ...options, profile }, downloads, removeDirs);
}

/** The language pack a browser needs to run in `lang`, or where it should be (Debian: chromium-l10n, firefox-esr-l10n-<lang>-*). */
export function languagePack(name: BrowserName, lang: string): string {
  if (name === 'Chromium') return join(CHROMIUM_BIN, `../locales/${lang}.pak`);
  // Firefox loads language packs (langpack-es-ES@...xpi) from its application directory.
  const dir = join(dirname(realpathSync(FIREFOX_BIN)), 'browser/extensions');
  const pack = existsSync(dir) ? readdirSync(dir).find((f) => f.startsWith(`langpack-${lang}`)) : undefined;
  return join(dir, pack ?? `langpack-${lang}-*.xpi`);
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

async function chromiumDriver(options: LaunchOptions, downloads: string, removeDirs: () => void): Promise<Driver> {
  const chromium: Chromium = await launchChromium(options);
  const session = await chromium.browser.target().createCDPSession();
  await session.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: downloads });
  const { browser, worker, extensionId } = chromium;

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
        const { result } = await cdp.send('Runtime.evaluate', { expression, contextId: world!.id });
        const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId!, depth: 0 });
        total += listeners.length;
      }
      await cdp.detach();
      return total;
    },
    emulateDarkScheme: (page) => page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]),
    async restart() {
      await chromium.close();
      return chromiumDriver(options, downloads, removeDirs);
    },
    async reset() {
      await closeExtraTabs(browser, []);
      await driver.ext((chrome) => chrome.storage.local.clear());
    },
    async close() {
      await chromium.close();
      removeDirs();
    },
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

async function firefoxDriver(options: LaunchOptions, downloads: string, removeDirs: () => void): Promise<Driver> {
  const firefox = await launchFirefox({
    ...options,
    prefs: {
      'browser.download.dir': downloads,
      'browser.download.folderList': 2,
      'browser.download.useDownloadDir': true,
      'browser.download.start_downloads_in_tmp_dir': false,
      'browser.download.always_ask_before_handling_new_types': false,
    },
  });
  const { browser } = firefox;
  const extensionUrl = (path: string) => `moz-extension://${FIREFOX_UUID}/${path}`;

  // Extension APIs: a page of the extension (a stylesheet: no script of ours runs in it) kept open in its own tab.
  const host = await browser.newPage();
  await navigate(host, extensionUrl('highlights.css'));

  // Privileged code in the browser window (the "chrome" realm), where the toolbar, the key bindings and the
  // extension's parent-process objects live. `tab` is the page's <browser> element, `context` its BrowsingContext.
  const connection = (browser as unknown as { connection: { send(method: string, params: object): Promise<any> } }).connection;
  const { result: tree } = await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
  const chromeContext: string = tree.contexts[0].context;
  async function inChrome<R>(body: string, page?: Page): Promise<R> {
    const contextId = page ? (page.mainFrame() as unknown as { _id: string })._id : '';
    const expression = `(async () => {
      const { NavigableManager } = ChromeUtils.importESModule('chrome://remote/content/shared/NavigableManager.sys.mjs');
      const context = ${JSON.stringify(contextId)} ? NavigableManager.getBrowsingContextById(${JSON.stringify(contextId)}) : null;
      const tab = context?.embedderElement;
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
      await page.bringToFront();
      const [tabId] = await driver.ext((browser) => browser.tabs.query({ active: true, lastFocusedWindow: true }).then((t: Array<{ id: number }>) => [t[0].id]));
      await inChrome(
        `const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
         ExtensionParent.GlobalManager.getExtension(${JSON.stringify(GECKO_ID)}).tabManager.addActiveTabPermission(gBrowser.getTabForBrowser(tab));`,
        page,
      );
      return drawn(await driver.openExtensionPage(`popup.html?tab=${tabId}`));
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
        `const mm = tab.messageManager;
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
      await inChrome(`context.prefersColorSchemeOverride = 'dark';`, page);
    },
    async restart() {
      await firefox.close();
      return firefoxDriver(options, downloads, removeDirs);
    },
    async reset() {
      await closeExtraTabs(browser, [host]);
      await driver.ext((browser) => browser.storage.local.clear());
    },
    async close() {
      await firefox.close();
      removeDirs();
    },
  };
  return driver;
}
