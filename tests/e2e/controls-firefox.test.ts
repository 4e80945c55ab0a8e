/**
 * Controls in Firefox (MV2): the options page changes every open tab of a
 * site at once, imports a settings file (a bad one changes nothing), and the
 * keyboard commands have their keys. Firefox's toolbar popup cannot be opened
 * from a test; the Chromium tests cover it.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, describe, expect, it } from 'vitest';
import { FIREFOX_UUID, highlightCount, waitFor } from './harness';
import { useFirefox } from './setup';

const env = useFirefox();
const dir = mkdtempSync(join(tmpdir(), 'cl-ff-controls-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** moz-extension:// navigations never resolve page.goto(): start it and poll (see docs/notes). */
async function openExtensionPage(path: string): Promise<Page> {
  const page = await env.firefox.browser.newPage();
  const url = `moz-extension://${FIREFOX_UUID}/${path}`;
  void page.goto(url).catch(() => undefined);
  await waitFor(async () => (await page.evaluate(() => `${location.href}|${document.readyState}`)) === `${url}|complete`, path);
  await waitFor(() => page.evaluate(() => document.body.dataset.ready === 'true'), `${path} drawn`);
  return page;
}

const text = (page: Page, selector: string) => page.$eval(selector, (el) => el.textContent ?? '');

describe('controls in Firefox', () => {
  it('options page: a site switched off goes dark in its open tabs at once; import replaces the settings, a bad file changes nothing', async () => {
    const a = await env.firefox.browser.newPage();
    await a.goto(env.server.url('demo.html'));
    const b = await env.firefox.browser.newPage();
    await b.goto(env.server.url('demo.html'));
    for (const p of [a, b]) await waitFor(() => highlightCount(p), 'highlights');

    const options = await openExtensionPage('options.html');
    // The commands have their suggested keys in Firefox too.
    expect(await options.$$eval('.shortcut[data-command="toggle-site"] kbd', (k) => k.map((e) => e.textContent))).toEqual(['Alt', 'Shift', 'L']);
    expect(await options.$$eval('.shortcut[data-command="next-claim"] kbd', (k) => k.map((e) => e.textContent))).toEqual(['Alt', 'Shift', 'J']);

    await options.type('#add-site', '127.0.0.1');
    await options.keyboard.press('Enter');
    await options.waitForSelector('#sites li[data-site="127.0.0.1"]');
    await waitFor(async () => (await highlightCount(a)) + (await highlightCount(b)) === 0, 'both tabs dark without reload');

    // A bad file: announced error, nothing changes.
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ format: 'context-lens-settings', version: 1, disabledSites: [], paused: 'no', dismissedClaims: [] }));
    await (await options.$('input#import-file'))!.uploadFile(bad);
    await options.waitForFunction(() => document.querySelector('#import-error')?.textContent !== '');
    expect(await text(options, '#import-error')).toBe('That settings file has a problem in “paused”. Nothing was changed.');
    expect(await options.$('#sites li[data-site="127.0.0.1"]')).not.toBeNull();

    // A good file replaces the settings: the site comes back on in both tabs.
    const good = join(dir, 'good.json');
    writeFileSync(good, JSON.stringify({ format: 'context-lens-settings', version: 1, disabledSites: ['www.Example.org'], paused: false, dismissedClaims: [] }));
    await (await options.$('input#import-file'))!.uploadFile(good);
    await options.waitForFunction(() => document.querySelector('#import-done')?.textContent !== '');
    await options.waitForSelector('#sites li[data-site="example.org"]');
    expect(await options.$('#sites li[data-site="127.0.0.1"]')).toBeNull();
    await waitFor(async () => (await highlightCount(a)) > 0 && (await highlightCount(b)) > 0, 'both tabs back on');
    for (const p of [a, b, options]) await p.close();
  });
});
