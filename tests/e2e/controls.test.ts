/**
 * Controls in each browser: the popup's site switch and pause, the claim list, the badge, the keyboard commands,
 * the options page (export, change, import), restricted pages, stored settings that survive a restart of the
 * browser, and Spanish UI text (after that restart).
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, expect, it } from 'vitest';
import { languagePack, launchDriver } from './drivers';
import { badge, bootLooked, highlightCount, pageClosed, pageState, POPOVER, ROOT, storedSettings, tabIdOf, waitFor } from './harness';
import { describeInBrowsers } from './setup';

const files = mkdtempSync(join(tmpdir(), 'cl-controls-'));
afterAll(() => rmSync(files, { recursive: true, force: true }));

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

describeInBrowsers('controls', (env) => {
  const open = (url: string) => env.driver.open(url);
  const server = () => env.server;
  const stored = () => storedSettings(env.driver);

  // Starts a browser of its own twice (the restart also switches its language): allow for slow start-ups.
  it('popup switch: turns a site off live in both its tabs; it stays off after a restart, here into Spanish (popup and card in Spanish), and turns back on', { timeout: 180_000 }, async () => {
    const pack = languagePack(env.name, 'es');
    expect(existsSync(pack), `${pack} is missing (Debian: apt-get install ${env.name === 'Chromium' ? 'chromium-l10n' : 'firefox-esr-l10n-es-es'})`).toBe(true);
    let driver = await launchDriver(env.name);
    try {
      const url = server().url('demo.html');
      const a = await driver.open(url);
      const b = await driver.open(url);
      const other = await driver.open(server().url('demo.html', 'localhost'));
      for (const p of [a, b, other]) await waitFor(() => highlightCount(p), 'highlights');
      const [idA, idB] = [await tabIdOf(driver, a), await tabIdOf(driver, b)];
      await waitFor(async () => (await badge(driver, idA)).text !== '', 'badge on tab A');

      const popup = await driver.openPopupFor(a);
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
      await waitFor(async () => (await badge(driver, idA)).text === '' && (await badge(driver, idB)).text === '', 'badges cleared');
      expect(await highlightCount(other)).toBeGreaterThan(0);
      await popup.waitForFunction(() => document.querySelector('#claim-count')?.textContent === 'Context is off for this site.');
      expect(await popup.$$('button.claim')).toHaveLength(0);
      await popup.close();

      // Restart with the same profile, in Spanish: the site stays off, other sites stay on.
      driver = await driver.restart({ lang: 'es' });
      expect(await driver.ext((api) => api.i18n.getUILanguage())).toMatch(/^es/);
      const again = await driver.open(url);
      const idAgain = await tabIdOf(driver, again);
      const state = await waitFor(() => pageState(driver, idAgain), 'the content script after restart');
      expect(state).toMatchObject({ site: '127.0.0.1', enabled: false, claims: [] });
      expect(await highlightCount(again)).toBe(0);
      const otherAgain = await driver.open(server().url('demo.html', 'localhost'));
      await waitFor(() => highlightCount(otherAgain), 'the other site still on after restart');

      const popup2 = await driver.openPopupFor(again);
      expect(await text(popup2, 'label.switch')).toBe('Mostrar contexto en 127.0.0.1');
      expect(await text(popup2, '#pause')).toBe('Pausar en todos los sitios');
      expect(await isChecked(popup2, '#site-switch')).toBe(false);
      await popup2.click('#site-switch');
      await waitFor(() => highlightCount(again), 'highlights back without reload');
      await popup2.waitForFunction(() => /^\d+ afirmaciones con contexto en esta página$/.test(document.querySelector('#claim-count')?.textContent ?? ''));

      // The card shows the dataset's Spanish summary.
      const claim = shippedClaims().find((x) => x.id === 'castillo-first-indigenous')!;
      expect(claim.summary.es).toBeTruthy();
      await popup2.click(`button.claim[data-claim="${claim.id}"]`);
      const popover = await again.waitForSelector(POPOVER, { visible: true });
      expect(await popover!.evaluate((el) => el.querySelector('.cl-summary')?.textContent)).toBe(claim.summary.es);
    } finally {
      await driver.close();
    }
  });

  it('pause: turns context off on every site at once, and back on', async () => {
    const a = await open(server().url('demo.html'));
    const b = await open(server().url('demo.html', 'localhost'));
    for (const p of [a, b]) await waitFor(() => highlightCount(p), 'highlights');
    const [idA, idB] = [await tabIdOf(env.driver, a), await tabIdOf(env.driver, b)];

    const popup = await env.driver.openPopupFor(a);
    expect(await text(popup, '#pause')).toBe('Pause on all sites');
    await popup.click('#pause');
    await waitFor(async () => (await highlightCount(a)) + (await highlightCount(b)) === 0, 'highlights gone on both sites');
    await waitFor(async () => (await badge(env.driver, idA)).text === '' && (await badge(env.driver, idB)).text === '', 'badges cleared');
    await popup.waitForFunction(() => document.querySelector('#pause')?.textContent === 'Resume on all sites');
    expect(await text(popup, '#claim-count')).toMatch(/^Paused/);
    // The site's own switch is untouched by the pause.
    expect(await isChecked(popup, '#site-switch')).toBe(true);

    await popup.click('#pause');
    await waitFor(async () => (await highlightCount(a)) > 0 && (await highlightCount(b)) > 0, 'highlights back on both sites');
    await popup.close();
  });

  it('claim list: lists the claims found, and a click scrolls to one, focuses it and opens its card', async () => {
    const page = await open(server().url('demo.html'));
    await waitFor(() => highlightCount(page), 'highlights');
    const id = await tabIdOf(env.driver, page);
    await page.evaluate(() => window.scrollTo(0, 0));
    const found = await waitFor(async () => (await pageState(env.driver, id))?.claims, 'page state');

    const popup = await env.driver.openPopupFor(page);
    const items = await popup.$$eval('button.claim', (els) => els.map((b) => ({ id: (b as HTMLElement).dataset.claim!, title: b.querySelector('.claim-title')!.textContent! })));
    expect(items.map((i) => i.id)).toEqual(found.map((c) => c.id));
    expect(await text(popup, '#claim-count')).toBe(`${items.length} claims with context on this page`);
    expect(await badge(env.driver, id)).toMatchObject({ text: String(items.length) });

    // The last claim in the list is far down the page.
    const last = items[items.length - 1];
    await popup.click(`button.claim[data-claim="${last.id}"]`);
    await pageClosed(popup);
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
    const demo = await open(server().url('demo.html'));
    await waitFor(() => highlightCount(demo), 'highlights');
    const idDemo = await tabIdOf(env.driver, demo);
    const distinct = (await waitFor(async () => (await pageState(env.driver, idDemo))?.claims, 'claims')).length;
    const shown = await waitFor(async () => ((await badge(env.driver, idDemo)).text ? badge(env.driver, idDemo) : null), 'badge');
    expect(shown).toEqual({ text: String(distinct), title: `Context Lens: ${distinct} claims with context on this page` });

    const one = await open(server().url('controls-one.html'));
    await waitFor(() => highlightCount(one), 'the one highlight');
    const idOne = await tabIdOf(env.driver, one);
    await waitFor(async () => (await badge(env.driver, idOne)).text === '1', 'badge 1');
    expect((await badge(env.driver, idOne)).title).toBe('Context Lens: 1 claim with context on this page');

    const none = await open(server().url('controls-none.html'));
    const idNone = await tabIdOf(env.driver, none);
    await waitFor(() => bootLooked(env.driver, idNone), "the boot script's look at a page without claims");
    // It found no anchor word, so it sent nothing and never took up the extension API: no listener answers.
    expect(await pageState(env.driver, idNone)).toBeNull();
    expect(await badge(env.driver, idNone)).toEqual({ text: '', title: 'Context Lens' });
    const popup = await env.driver.openPopupFor(none);
    expect(await text(popup, '#claim-count')).toBe('No claims with context on this page.');
    await popup.close();
  });

  it('restricted page: the popup says the extension cannot run there and shows no switch', async () => {
    const page = await open(env.driver.restrictedUrl);
    const popup = await env.driver.openPopupFor(page);
    expect(await text(popup, '#restricted')).toMatch(/can't run/);
    expect(await popup.$('#site-switch')).toBeNull();
    expect(await popup.$('[role="switch"]')).toBeNull();
    expect(await popup.$('button.claim')).toBeNull();
    // The pause still works from here: it is not tied to the page.
    expect(await popup.$('#pause')).not.toBeNull();
    await popup.close();
  });

  it('options page: add a site, export, change, import gives everything back; a bad file changes nothing', async () => {
    const demo = await open(server().url('demo.html'));
    await waitFor(() => highlightCount(demo), 'highlights');
    await env.driver.ext((api) => api.storage.local.set({ dismissedClaims: ['bbc-purge'] }));
    const options = await env.driver.openExtensionPage('options.html');
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
    const { downloads } = env.driver;
    await options.click('#export');
    const file = await waitFor(() => readdirSync(downloads).find((f) => /^context-lens-settings-.*\.json$/.test(f)), 'the exported file');
    // Firefox may show the file before it has written all of it.
    const json = await waitFor(() => JSON.parse(readFileSync(join(downloads, file), 'utf8')), 'the exported file written');
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
    const bad = join(files, 'bad.json');
    for (const [content, message] of [
      ['{"format": "context-lens-settings", "version": 1, ', 'That file is not valid JSON. Nothing was changed.'],
      [JSON.stringify({ ...json, disabledSites: ['fine.example', 'not a host'] }), '“not a host” in that file is not a site name. Nothing was changed.'],
      [JSON.stringify({ ...json, paused: 'no' }), 'That settings file has a problem in “paused”. Nothing was changed.'],
    ]) {
      writeFileSync(bad, content);
      await (await options.$('input#import-file'))!.uploadFile(bad);
      await options.waitForFunction((m) => document.querySelector('#import-error')?.textContent === m, {}, message);
      expect(await options.$eval('#import-error', (el) => el.getAttribute('role'))).toBe('alert');
      expect(await stored()).toEqual(exported);
    }
  });

  it('options page: a corrupted stored value falls back to its default and is reported there', async () => {
    const demo = await open(server().url('demo.html'));
    await waitFor(() => highlightCount(demo), 'highlights');
    const options = await env.driver.openExtensionPage('options.html');
    await options.waitForSelector('body[data-ready]');
    expect(await options.$('#problems')).toBeNull();
    await env.driver.ext((api) => api.storage.local.set({ paused: 'sometimes', disabledSites: 42 }));
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
  it('keyboard commands: the next-claim keys open a claim, the toggle-site keys switch the site off and on', async () => {
    const page = await open(server().url('demo.html'));
    await waitFor(() => highlightCount(page), 'highlights');
    await page.evaluate(() => window.scrollTo(0, 0));

    await env.driver.command('next-claim', page);
    const popover = await page.waitForSelector(POPOVER, { visible: true });
    expect(await popover!.evaluate((el) => el.getAttribute('role'))).toBe('dialog');
    expect(await page.evaluate(() => document.activeElement?.localName)).toBe('context-lens-ui');

    await env.driver.command('toggle-site', page);
    await waitFor(async () => (await highlightCount(page)) === 0, 'the site off');
    expect((await stored()).disabledSites).toEqual(['127.0.0.1']);
    await env.driver.command('toggle-site', page);
    await waitFor(() => highlightCount(page), 'the site back on');
    expect((await stored()).disabledSites).toEqual([]);
  });
}, { resetAfterEach: true });
