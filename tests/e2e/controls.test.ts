/**
 * Controls in Chromium: the popup's site switch and pause, the claim list,
 * the badge, the options page (export, change, import), restricted pages,
 * stored settings that survive a restart of the browser, and Spanish UI text.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  CHROME_BUILD,
  CHROMIUM_BIN,
  highlightCount,
  launchChromium,
  POPOVER,
  ROOT,
  startServer,
  waitFor,
  type Chromium,
  type TestServer,
} from './harness';

// Runs inside the extension's service worker and pages.
declare const chrome: any;

const profile = mkdtempSync(join(tmpdir(), 'cl-controls-'));
const downloads = mkdtempSync(join(tmpdir(), 'cl-downloads-'));
let chromium: Chromium;
let server: TestServer;

beforeAll(async () => {
  server = await startServer();
  chromium = await launchChromium({ profile });
});
afterAll(async () => {
  await chromium?.close();
  await server?.close();
  rmSync(profile, { recursive: true, force: true });
  rmSync(downloads, { recursive: true, force: true });
});
afterEach(async () => {
  // Each test starts with one blank tab and default settings.
  const pages = await chromium.browser.pages();
  await pages[0]?.goto('about:blank');
  for (const p of pages.slice(1)) await p.close();
  await chromium.worker.evaluate(() => chrome.storage.local.clear());
});

async function open(url: string): Promise<Page> {
  const page = await chromium.browser.newPage();
  await page.goto(url);
  return page;
}

/** The browser's id for the tab showing `page` (the worker cannot see tab URLs without the tabs permission). */
async function tabIdOf(page: Page): Promise<number> {
  await page.bringToFront();
  return chromium.worker.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0].id);
}

function badge(tabId: number): Promise<{ text: string; title: string }> {
  return chromium.worker.evaluate(
    async (tabId) => ({ text: await chrome.action.getBadgeText({ tabId }), title: await chrome.action.getTitle({ tabId }) }),
    tabId,
  );
}

function pageState(tabId: number): Promise<{ site: string | null; enabled: boolean; claims: { id: string }[] }> {
  return chromium.worker.evaluate((tabId) => chrome.tabs.sendMessage(tabId, { type: 'get-page-state' }), tabId);
}

/** Opens the real toolbar popup for `page` and waits until it has drawn the page's state. */
async function openPopupFor(page: Page, c: Chromium = chromium): Promise<Page> {
  await page.bringToFront();
  await c.worker.evaluate(() => chrome.action.openPopup());
  const target = await c.browser.waitForTarget((t) => t.url().endsWith('/popup.html'));
  const popup = (await target.asPage())!;
  await popup.waitForSelector('main.popup[aria-busy="false"]');
  return popup;
}

const text = (page: Page, selector: string) => page.$eval(selector, (el) => el.textContent ?? '');
const isChecked = (page: Page, selector: string) => page.$eval(selector, (el) => (el as HTMLInputElement).checked);

/** Dataset entries the build ships (reviewed ones). */
function shippedClaims(): { id: string; title: string; summary: { en: string; es?: string } }[] {
  const dir = join(ROOT, 'lib/claims/data');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')))
    .filter((c) => c.status !== 'unreviewed');
}

describe('controls in Chromium', () => {
  it('popup switch: turns a site off live in both its tabs, survives a browser restart, and turns it back on', async () => {
    const url = server.url('demo.html');
    const a = await open(url);
    const b = await open(url);
    const other = await open(server.url('demo.html', 'localhost'));
    for (const p of [a, b, other]) await waitFor(() => highlightCount(p), 'highlights');
    const [idA, idB] = [await tabIdOf(a), await tabIdOf(b)];
    await waitFor(async () => (await badge(idA)).text !== '', 'badge on tab A');

    const popup = await openPopupFor(a);
    const sw = await popup.$('#site-switch');
    expect(await sw!.evaluate((el) => [el.getAttribute('role'), el.closest('label')?.textContent])).toEqual([
      'switch',
      'Show context on 127.0.0.1',
    ]);
    expect(await isChecked(popup, '#site-switch')).toBe(true);
    // The keyboard commands, with their keys.
    expect(await popup.$$eval('.shortcut[data-command="toggle-site"] kbd', (k) => k.map((e) => e.textContent))).toEqual(['Alt', 'Shift', 'L']);
    expect(await popup.$$eval('.shortcut[data-command="next-claim"] kbd', (k) => k.map((e) => e.textContent))).toEqual(['Alt', 'Shift', 'J']);

    await popup.click('#site-switch');
    await waitFor(async () => (await highlightCount(a)) === 0, 'highlights gone in tab A, without reload');
    await waitFor(async () => (await highlightCount(b)) === 0, 'highlights gone in tab B, without reload');
    await waitFor(async () => (await badge(idA)).text === '' && (await badge(idB)).text === '', 'badges cleared');
    expect(await highlightCount(other)).toBeGreaterThan(0);
    await popup.waitForFunction(() => document.querySelector('#claim-count')?.textContent === 'Context is off for this site.');
    expect(await popup.$$('button.claim')).toHaveLength(0);
    await popup.close();

    // Restart the browser with the same profile: the site stays off, other sites stay on.
    await chromium.close();
    chromium = await launchChromium({ profile });
    const again = await open(url);
    const idAgain = await tabIdOf(again);
    const state = await waitFor(() => pageState(idAgain), 'the content script after restart');
    expect(state).toMatchObject({ site: '127.0.0.1', enabled: false, claims: [] });
    expect(await highlightCount(again)).toBe(0);
    const otherAgain = await open(server.url('demo.html', 'localhost'));
    await waitFor(() => highlightCount(otherAgain), 'the other site still on after restart');

    const popup2 = await openPopupFor(again);
    expect(await isChecked(popup2, '#site-switch')).toBe(false);
    await popup2.click('#site-switch');
    await waitFor(() => highlightCount(again), 'highlights back without reload');
    await popup2.waitForFunction(() => document.querySelectorAll('button.claim').length > 0);
    await popup2.close();
  });

  it('pause: turns context off on every site at once, and back on', async () => {
    const a = await open(server.url('demo.html'));
    const b = await open(server.url('demo.html', 'localhost'));
    for (const p of [a, b]) await waitFor(() => highlightCount(p), 'highlights');
    const [idA, idB] = [await tabIdOf(a), await tabIdOf(b)];

    const popup = await openPopupFor(a);
    expect(await text(popup, '#pause')).toBe('Pause on all sites');
    await popup.click('#pause');
    await waitFor(async () => (await highlightCount(a)) + (await highlightCount(b)) === 0, 'highlights gone on both sites');
    await waitFor(async () => (await badge(idA)).text === '' && (await badge(idB)).text === '', 'badges cleared');
    await popup.waitForFunction(() => document.querySelector('#pause')?.textContent === 'Resume on all sites');
    expect(await text(popup, '#claim-count')).toMatch(/^Paused/);
    // The site's own switch is untouched by the pause.
    expect(await isChecked(popup, '#site-switch')).toBe(true);

    await popup.click('#pause');
    await waitFor(async () => (await highlightCount(a)) > 0 && (await highlightCount(b)) > 0, 'highlights back on both sites');
    await popup.close();
  });

  it('claim list: lists the claims found, and a click scrolls to one, focuses it and opens its card', async () => {
    const page = await open(server.url('demo.html'));
    await waitFor(() => highlightCount(page), 'highlights');
    const id = await tabIdOf(page);
    await page.evaluate(() => window.scrollTo(0, 0));
    const found = await waitFor(async () => (await pageState(id)).claims, 'page state');

    const popup = await openPopupFor(page);
    const items = await popup.$$eval('button.claim', (els) => els.map((b) => ({ id: (b as HTMLElement).dataset.claim!, title: b.querySelector('.claim-title')!.textContent! })));
    expect(items.map((i) => i.id)).toEqual(found.map((c) => c.id));
    expect(await text(popup, '#claim-count')).toBe(`${items.length} claims with context on this page`);
    expect(await badge(id)).toMatchObject({ text: String(items.length) });

    // The last claim in the list is far down the page.
    const last = items[items.length - 1];
    const closed = new Promise<void>((ok) => popup.once('close', () => ok()));
    await popup.click(`button.claim[data-claim="${last.id}"]`);
    await closed;
    const popover = await page.waitForSelector(POPOVER, { visible: true });
    expect(await popover!.evaluate((el) => el.querySelector('.cl-title')?.textContent)).toBe(last.title);
    expect(await page.evaluate(() => document.activeElement?.localName)).toBe('context-lens-ui');
    const inView = await page.evaluate(() => {
      const r = (document.querySelector('context-lens-ui')!.shadowRoot!.activeElement as HTMLElement).getBoundingClientRect();
      return r.bottom > 0 && r.top < innerHeight && scrollY > 0;
    });
    expect(inView).toBe(true);
  });

  it('badge: the number of distinct claims with a readable title; nothing on a page without claims', async () => {
    const demo = await open(server.url('demo.html'));
    await waitFor(() => highlightCount(demo), 'highlights');
    const idDemo = await tabIdOf(demo);
    const distinct = (await waitFor(async () => (await pageState(idDemo)).claims, 'claims')).length;
    const shown = await waitFor(async () => ((await badge(idDemo)).text ? badge(idDemo) : null), 'badge');
    expect(shown).toEqual({ text: String(distinct), title: `Context Lens: ${distinct} claims with context on this page` });

    const one = await open(server.url('controls-one.html'));
    await waitFor(() => highlightCount(one), 'the one highlight');
    const idOne = await tabIdOf(one);
    await waitFor(async () => (await badge(idOne)).text === '1', 'badge 1');
    expect((await badge(idOne)).title).toBe('Context Lens: 1 claim with context on this page');

    const none = await open(server.url('controls-none.html'));
    const idNone = await tabIdOf(none);
    await waitFor(() => pageState(idNone), 'the content script on a page without claims');
    expect(await badge(idNone)).toEqual({ text: '', title: 'Context Lens' });
    const popup = await openPopupFor(none);
    expect(await text(popup, '#claim-count')).toBe('No claims with context on this page.');
    await popup.close();
  });

  it('restricted page: the popup says the extension cannot run there and shows no switch', async () => {
    const page = await open('chrome://version');
    const popup = await openPopupFor(page);
    expect(await text(popup, '#restricted')).toMatch(/can't run/);
    expect(await popup.$('#site-switch')).toBeNull();
    expect(await popup.$('[role="switch"]')).toBeNull();
    expect(await popup.$('button.claim')).toBeNull();
    // The pause still works from here: it is not tied to the page.
    expect(await popup.$('#pause')).not.toBeNull();
    await popup.close();
  });

  it('options page: add a site, export, change, import gives everything back; a bad file changes nothing', async () => {
    const demo = await open(server.url('demo.html'));
    await waitFor(() => highlightCount(demo), 'highlights');
    await chromium.worker.evaluate(() => chrome.storage.local.set({ dismissedClaims: ['bbc-purge'] }));
    const options = await open(`chrome-extension://${chromium.extensionId}/options.html`);
    await options.waitForSelector('body[data-ready]');

    // Dataset facts.
    const claims = shippedClaims();
    expect(await text(options, '#dataset-entries')).toBe(String(claims.length));
    expect(await text(options, '#dataset-version')).toContain(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
    expect(await text(options, '#dataset-reviewed')).toMatch(/^\d{4}/);
    const bbc = claims.find((c) => c.id === 'bbc-purge')!;
    expect(await text(options, '#dismissed li .item-name')).toBe(bbc.title);

    // A typed host goes in as its site key, and the open tab of that site goes dark at once.
    await options.type('#add-site', 'HTTP://127.0.0.1:9/x');
    await options.click('#add-site-form button[type="submit"]');
    await options.waitForSelector('#sites li[data-site="127.0.0.1"]');
    await waitFor(async () => (await highlightCount(demo)) === 0, 'the site off in its open tab');
    await options.type('#add-site', 'www.Example.com');
    await options.keyboard.press('Enter');
    await options.waitForSelector('#sites li[data-site="example.com"]');
    await options.click('#pause-switch');
    await options.waitForFunction(() => (document.querySelector('#pause-switch') as HTMLInputElement).checked);
    const exported = await stored();
    expect(exported).toMatchObject({ disabledSites: ['127.0.0.1', 'example.com'], paused: true, dismissedClaims: ['bbc-purge'] });

    // Export to a file.
    const session = await chromium.browser.target().createCDPSession();
    await session.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: downloads });
    await options.click('#export');
    const file = (await waitFor(() => readdirSync(downloads).find((f) => /^context-lens-settings-.*\.json$/.test(f)), 'the exported file'))!;
    const json = JSON.parse(readFileSync(join(downloads, file), 'utf8'));
    expect(json).toMatchObject({ format: 'context-lens-settings', version: 1, disabledSites: ['127.0.0.1', 'example.com'], paused: true, dismissedClaims: ['bbc-purge'] });

    // Change everything.
    await options.click('#sites li[data-site="127.0.0.1"] button');
    await options.click('#sites li[data-site="example.com"] button');
    await options.waitForSelector('#sites-empty');
    await options.click('#dismissed li button');
    await options.waitForSelector('#dismissed-empty');
    await options.click('#pause-switch');
    await waitFor(async () => (await stored()).paused === false && (await stored()).disabledSites.length === 0, 'changes stored');
    await waitFor(() => highlightCount(demo), 'the site back on in its open tab');

    // Import the exported file: everything is back, and the open tab follows.
    const input = await options.$('input#import-file');
    await input!.uploadFile(join(downloads, file));
    await options.waitForFunction(() => document.querySelector('#import-done')?.textContent !== '');
    expect(await text(options, '#import-done')).toBe('Settings imported. Sites where context is off: 2. Dismissed claims: 1. Paused: yes.');
    expect(await stored()).toEqual(exported);
    await options.waitForSelector('#sites li[data-site="example.com"]');
    expect(await isChecked(options, '#pause-switch')).toBe(true);
    await waitFor(async () => (await highlightCount(demo)) === 0, 'the imported settings applied to the open tab');

    // A bad file: a clear error, announced, and nothing changes.
    const bad = join(downloads, 'bad.json');
    for (const [content, message] of [
      ['{"format": "context-lens-settings", "version": 1, ', 'That file is not valid JSON. Nothing was changed.'],
      [JSON.stringify({ ...json, disabledSites: ['fine.example', 'not a host'] }), '“not a host” in that file is not a site name. Nothing was changed.'],
    ]) {
      writeFileSync(bad, content);
      await (await options.$('input#import-file'))!.uploadFile(bad);
      await options.waitForFunction((m) => document.querySelector('#import-error')?.textContent === m, {}, message);
      expect(await options.$eval('#import-error', (el) => el.getAttribute('role'))).toBe('alert');
      expect(await stored()).toEqual(exported);
    }
  });

  it('options page: a corrupted stored value falls back to its default and is reported there', async () => {
    const demo = await open(server.url('demo.html'));
    await waitFor(() => highlightCount(demo), 'highlights');
    const options = await open(`chrome-extension://${chromium.extensionId}/options.html`);
    await options.waitForSelector('body[data-ready]');
    expect(await options.$('#problems')).toBeNull();
    await chromium.worker.evaluate(() => chrome.storage.local.set({ paused: 'sometimes', disabledSites: 42 }));
    await options.waitForSelector('#problems');
    const note = await text(options, '#problems');
    expect(note).toContain('"sometimes"');
    expect(note).toContain('42');
    expect(await options.$eval('#problems', (el) => el.getAttribute('role'))).toBe('alert');
    // Repaired to the defaults: context still shows.
    await waitFor(async () => (await stored()).paused === undefined, 'the bad value removed');
    expect(await highlightCount(demo)).toBeGreaterThan(0);
    await options.click('#clear-problems');
    await options.waitForFunction(() => !document.querySelector('#problems'));
  });
});

/** Settings as stored (through the worker). */
async function stored(): Promise<{ disabledSites: string[]; paused?: boolean; dismissedClaims?: string[] }> {
  const all = await chromium.worker.evaluate(() => chrome.storage.local.get(['disabledSites', 'paused', 'dismissedClaims']));
  return { disabledSites: all.disabledSites ?? [], paused: all.paused, dismissedClaims: all.dismissedClaims ?? [] };
}

// Chromium's UI languages are a separate Debian package (chromium-l10n, installed by .ci/run); without it Chromium runs in English only.
const SPANISH_PAK = join(CHROMIUM_BIN, '../locales/es.pak');

describe('controls in Chromium, in Spanish', () => {
  it('shows the popup in Spanish, and the popover shows the Spanish summary', async () => {
    expect(existsSync(SPANISH_PAK), `${SPANISH_PAK} is missing (Debian: apt-get install chromium-l10n)`).toBe(true);
    const dir = mkdtempSync(join(tmpdir(), 'cl-es-'));
    const browser = await puppeteer.launch({
      executablePath: CHROMIUM_BIN,
      headless: true,
      pipe: true,
      enableExtensions: [CHROME_BUILD],
      userDataDir: dir,
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--lang=es', '--accept-lang=es'],
      env: { ...process.env, LANGUAGE: 'es', LANG: 'es_ES.UTF-8' },
    });
    try {
      const target = await browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'));
      const c: Chromium = { browser, worker: (await target.worker())!, extensionId: new URL(target.url()).host, close: () => browser.close() };
      expect(await c.worker.evaluate(() => chrome.i18n.getUILanguage())).toMatch(/^es/);
      const page = await browser.newPage();
      await page.goto(server.url('demo.html'));
      await waitFor(() => highlightCount(page), 'highlights');
      const popup = await openPopupFor(page, c);
      expect(await text(popup, 'label.switch')).toBe('Mostrar contexto en 127.0.0.1');
      expect(await text(popup, '#claim-count')).toMatch(/^\d+ afirmaciones con contexto en esta página$/);
      expect(await text(popup, '#pause')).toBe('Pausar en todos los sitios');

      const claim = shippedClaims().find((x) => x.id === 'castillo-first-indigenous')!;
      expect(claim.summary.es).toBeTruthy();
      await popup.click(`button.claim[data-claim="${claim.id}"]`);
      const popover = await page.waitForSelector(POPOVER, { visible: true });
      expect(await popover!.evaluate((el) => el.querySelector('.cl-summary')?.textContent)).toBe(claim.summary.es);
    } finally {
      await browser.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
