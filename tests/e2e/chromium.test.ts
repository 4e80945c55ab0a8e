import { describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { highlightCount, highlightPoint, highlightTexts, POPOVER, waitFor } from './harness';
import { useChromium } from './setup';

// Runs inside the extension's service worker.
declare const chrome: any;

const env = useChromium();

async function open(url: string): Promise<Page> {
  const page = await env.chromium.browser.newPage();
  await page.goto(url);
  return page;
}

/** Badge text of the tab showing `url`, read through the extension's own worker. */
function badgeFor(url: string): Promise<string> {
  return env.chromium.worker.evaluate(async (url) => {
    const tabs = await chrome.tabs.query({});
    const tab = tabs.find((t: { url?: string }) => t.url === url) ?? (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0];
    return chrome.action.getBadgeText({ tabId: tab.id });
  }, url);
}

async function openPopupFor(page: Page): Promise<Page> {
  await page.bringToFront();
  await env.chromium.worker.evaluate(() => chrome.action.openPopup());
  const target = await env.chromium.browser.waitForTarget((t) => t.url().endsWith('/popup.html'));
  const popup = (await target.asPage())!;
  await popup.waitForSelector('#site-switch');
  return popup;
}

describe('walking skeleton in Chromium', () => {
  it('highlights the austerity claim on the demo page', async () => {
    const page = await open(env.server.url('demo.html'));
    await waitFor(() => highlightCount(page), 'highlights');
    const texts = await highlightTexts(page);
    expect(texts.some((t) => /austerity never killed 130,000-plus/.test(t))).toBe(true);
    await page.close();
  });

  it('opens the popover on hover, with a source link that opens safely in a new tab', async () => {
    const page = await open(env.server.url('demo.html'));
    await waitFor(() => highlightCount(page), 'highlights');
    const texts = await highlightTexts(page);
    const { x, y } = await highlightPoint(page, texts.findIndex((t) => /austerity/.test(t)));
    await page.mouse.move(x - 40, y);
    await page.mouse.move(x, y, { steps: 3 });
    const popover = await page.waitForSelector(POPOVER, { visible: true });
    const info = await popover!.evaluate((el) => ({
      role: el.getAttribute('role'),
      title: el.querySelector('.cl-title')?.textContent,
      links: [...el.querySelectorAll('a')].map((a) => ({ href: a.href, target: a.target, rel: a.rel })),
    }));
    expect(info.role).toBe('dialog');
    expect(info.title).toMatch(/austerity/i);
    expect(info.links.length).toBeGreaterThan(0);
    for (const link of info.links) {
      expect(link.href).toMatch(/^https:\/\//);
      expect(link.target).toBe('_blank');
      expect(link.rel).toBe('noopener noreferrer');
    }
    await page.close();
  });

  it('opens the popover when the claim is focused from the keyboard', async () => {
    const page = await open(env.server.url('demo.html'));
    await waitFor(() => highlightCount(page), 'highlights');
    await page.waitForSelector('context-lens-ui >>> .cl-anchor');
    // From the end of the page, Tab reaches the claim anchors.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    for (let i = 0; i < 5; i++) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => document.activeElement?.localName);
      if (focused === 'context-lens-ui') break;
    }
    const popover = await page.waitForSelector(POPOVER, { visible: true });
    expect(await popover!.evaluate((el) => el.getAttribute('role'))).toBe('dialog');
    await page.keyboard.press('Escape');
    await waitFor(async () => (await page.$(POPOVER)) === null, 'popover closed');
    await page.close();
  });

  it('shows the number of distinct claims on the badge', async () => {
    const url = env.server.url('demo.html');
    const page = await open(url);
    const count = await waitFor(() => highlightCount(page), 'highlights');
    const distinct = await page.evaluate(() => new Set([...(globalThis as any).CSS.highlights.get('context-lens')].map(String)).size);
    expect(count).toBeGreaterThan(0);
    const badge = await waitFor(() => badgeFor(url), 'badge');
    expect(Number(badge)).toBeGreaterThan(0);
    expect(Number(badge)).toBeLessThanOrEqual(distinct);
    await page.close();
  });

  it('switches a site off live from the popup, keeps it off after reload and in other tabs, and leaves other sites on', async () => {
    const url = env.server.url('demo.html');
    const page = await open(url);
    const other = await open(env.server.url('demo.html', 'localhost'));
    const sameSite = await open(url);
    await waitFor(() => highlightCount(page), 'highlights');
    await waitFor(() => highlightCount(other), 'highlights on the other site');
    await waitFor(() => highlightCount(sameSite), 'highlights in a second tab');

    const popup = await openPopupFor(page);
    const label = await popup.$eval('label.switch', (el) => el.textContent);
    expect(label).toContain('Show context on 127.0.0.1');
    expect(await popup.$eval('#site-switch', (el) => (el as HTMLInputElement).checked)).toBe(true);
    await popup.click('#site-switch');

    await waitFor(async () => (await highlightCount(page)) === 0, 'highlights removed without reload');
    await waitFor(async () => (await highlightCount(sameSite)) === 0, 'highlights removed in the other tab of the site');
    expect(await highlightCount(other)).toBeGreaterThan(0);
    await waitFor(async () => (await badgeFor(url)) === '', 'badge cleared');

    await page.reload();
    // Give the content script a fair chance to (wrongly) paint again.
    await page.waitForFunction(() => document.readyState === 'complete');
    await new Promise((r) => setTimeout(r, 1000));
    expect(await highlightCount(page)).toBe(0);

    const fresh = await open(env.server.url('demo.html', 'localhost'));
    await waitFor(() => highlightCount(fresh), 'other site still on after the change');

    // Back on: the switch restores highlights live.
    const popup2 = await openPopupFor(page);
    expect(await popup2.$eval('#site-switch', (el) => (el as HTMLInputElement).checked)).toBe(false);
    await popup2.click('#site-switch');
    await waitFor(() => highlightCount(page), 'highlights back');
    for (const p of [page, other, sameSite, fresh]) await p.close();
  });
});
