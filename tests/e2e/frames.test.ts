/** Same-origin frames are read like the page around them; frames of other origins (ads, embeds) are left alone. */
import { expect, it } from 'vitest';
import type { Frame, Page } from 'puppeteer-core';
import { badge, pageClaims, pageState, tabIdOf, waitFor } from './harness';
import { describeInBrowsers } from './setup';

const highlightsIn = (frame: Frame) => frame.evaluate(() => (globalThis as any).CSS.highlights.get('context-lens')?.size ?? 0);

async function frames(page: Page): Promise<{ top: Frame; same: Frame; other: Frame }> {
  const find = (host: string) => page.frames().find((f) => f !== page.mainFrame() && f.url().includes(`//${host}:`) && f.url().endsWith('/frame-claim.html'));
  const same = await waitFor(() => find('127.0.0.1'), 'the same-origin frame');
  const other = await waitFor(() => find('localhost'), 'the cross-origin frame');
  return { top: page.mainFrame(), same, other };
}

/** The cross-origin frame had every chance: the same-origin one, loaded alongside, is already highlighted. */
const SETTLE_MS = 1_000;

describeInBrowsers('frames', (env) => {
  it('highlights claims in same-origin frames, counts them on the badge and in the popup list, and leaves other origins alone', async () => {
    const page = await env.driver.browser.newPage();
    const url = env.server.url('frames.html');
    await page.goto(url);
    const { top, same, other } = await frames(page);
    await waitFor(async () => (await highlightsIn(top)) === 1 && (await highlightsIn(same)) === 1, 'highlights in the page and its frame');
    await new Promise((r) => setTimeout(r, SETTLE_MS));
    expect(await highlightsIn(other)).toBe(0);
    await waitFor(async () => (await pageClaims(env.driver, url)).map((c) => c.id).sort().join() === 'austerity-deaths,fujimori-fraud', 'both claims in the popup list');
    const tabId = await tabIdOf(env.driver, page);
    await waitFor(async () => (await badge(env.driver, tabId)).text === '2', 'both claims on the badge');
    await page.close();
  });

  it("lists a frame's claims in the popup when the page around it holds no anchor word (and so never spoke to the extension)", async () => {
    const page = await env.driver.browser.newPage();
    await page.goto(env.server.url('frames-quiet.html'));
    const same = await waitFor(() => page.frames().find((f) => f.url().endsWith('/frame-claim.html')), 'the frame');
    await waitFor(async () => (await highlightsIn(same)) === 1, 'the highlight in the frame');
    const tabId = await tabIdOf(env.driver, page);
    await waitFor(async () => (await badge(env.driver, tabId)).text === '1', 'the claim on the badge');
    // The top page's boot script has no listener: only the frame's lens, which leaves the tab's state to the top page.
    expect(await pageState(env.driver, tabId)).toBeFalsy();
    const popup = await env.driver.openPopupFor(page);
    const listed = await waitFor(() => popup.$$eval('button.claim', (els) => els.map((b) => (b as HTMLElement).dataset.claim).join()), 'the popup list');
    expect(listed).toBe('austerity-deaths');
    await popup.close();
    await page.close();
  });
});
