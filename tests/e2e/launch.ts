/**
 * One launcher for Chromium and Firefox, with or without the extension and
 * optionally behind a proxy, so a test can run the same steps twice and
 * compare what the page or the network saw.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import {
  CHROME_BUILD,
  CHROMIUM_ARGS,
  CHROMIUM_BIN,
  FIREFOX_BIN,
  FIREFOX_BUILD,
  FIREFOX_UUID,
  GECKO_ID,
  requireFile,
  waitFor,
} from './harness';

export type BrowserName = 'chromium' | 'firefox';

export interface Launched {
  name: BrowserName;
  browser: Browser;
  /** `chrome-extension://ID` or `moz-extension://UUID`; null without the extension */
  extensionOrigin: string | null;
  close(): Promise<void>;
}

export interface LaunchOptions {
  extension: boolean;
  /** send every request, loopback included, through this HTTP proxy on 127.0.0.1 */
  proxyPort?: number;
}

export function launch(name: BrowserName, options: LaunchOptions): Promise<Launched> {
  return name === 'chromium' ? launchChromium(options) : launchFirefox(options);
}

async function launchChromium({ extension, proxyPort }: LaunchOptions): Promise<Launched> {
  requireFile(CHROMIUM_BIN, 'install Chromium (Debian: apt-get install chromium)');
  if (extension) requireFile(join(CHROME_BUILD, 'manifest.json'), 'build the extension first (npm run build)');
  const profile = mkdtempSync(join(tmpdir(), 'cl-chromium-'));
  const proxy = proxyPort
    ? // `<-loopback>` removes Chromium's implicit bypass, so fixture pages on 127.0.0.1 go through the proxy too.
      [`--proxy-server=http://127.0.0.1:${proxyPort}`, '--proxy-bypass-list=<-loopback>']
    : [];
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM_BIN,
    headless: true,
    pipe: true,
    enableExtensions: extension ? [CHROME_BUILD] : false,
    userDataDir: profile,
    args: [...CHROMIUM_ARGS, ...proxy],
  });
  let extensionOrigin: string | null = null;
  if (extension) {
    const worker = await browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'));
    // URL.origin is "null" for chrome-extension: in Node.
    extensionOrigin = `chrome-extension://${new URL(worker.url()).host}`;
  }
  return {
    name: 'chromium',
    browser,
    extensionOrigin,
    close: async () => {
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

async function launchFirefox({ extension, proxyPort }: LaunchOptions): Promise<Launched> {
  requireFile(FIREFOX_BIN, 'install Firefox (Debian: apt-get install firefox-esr)');
  if (extension) requireFile(join(FIREFOX_BUILD, 'manifest.json'), 'build the extension first (npm run build)');
  const proxy = proxyPort
    ? {
        'network.proxy.type': 1,
        'network.proxy.http': '127.0.0.1',
        'network.proxy.http_port': proxyPort,
        'network.proxy.ssl': '127.0.0.1',
        'network.proxy.ssl_port': proxyPort,
        'network.proxy.no_proxies_on': '',
        // Firefox never proxies localhost unless told to.
        'network.proxy.allow_hijacking_localhost': true,
      }
    : {};
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_BIN,
    headless: true,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_UUID }), ...proxy },
  });
  if (extension) await browser.installExtension(FIREFOX_BUILD);
  return {
    name: 'firefox',
    browser,
    extensionOrigin: extension ? `moz-extension://${FIREFOX_UUID}` : null,
    close: () => browser.close(),
  };
}

/**
 * Opens one of the extension's pages in a tab and waits for `ready` (a CSS
 * selector) in it. Firefox never resolves goto() on moz-extension:// pages,
 * so the load is polled in both browsers. `prepare` runs on the blank tab
 * before it navigates.
 */
export async function openExtensionPage(
  launched: Launched,
  path: string,
  ready: string,
  prepare?: (page: Page) => Promise<void>,
): Promise<Page> {
  if (!launched.extensionOrigin) throw new Error('no extension loaded');
  const page = await launched.browser.newPage();
  await prepare?.(page);
  const url = `${launched.extensionOrigin}/${path}`;
  void page.goto(url).catch(() => undefined);
  await waitFor(async () => (await page.evaluate(() => `${location.href}|${document.readyState}`)) === `${url}|complete`, path, 30_000);
  await waitFor(() => page.evaluate((s) => document.querySelector(s) !== null, ready), `${path} drawn`, 30_000);
  return page;
}
