/** The walking skeleton in each browser: highlight, popover by pointer and keyboard, badge, the popup's site switch. */
import { expect, it } from 'vitest';
import { badge, highlightCount, highlightPoint, highlightTexts, POPOVER, tabIdOf, uiReady, waitFor } from './harness';
import { describeInBrowsers } from './setup';

describeInBrowsers('walking skeleton', (env) => {
  const open = (url: string) => env.driver.open(url);

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
    // The popover's script comes after the first paint: a pointer that moved before it arrived is not seen.
    await uiReady(page);
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
    const page = await open(env.server.url('demo.html'));
    const count = await waitFor(() => highlightCount(page), 'highlights');
    const distinct = await page.evaluate(() => new Set([...(globalThis as any).CSS.highlights.get('context-lens')].map(String)).size);
    expect(count).toBeGreaterThan(0);
    const tabId = await tabIdOf(env.driver, page);
    const shown = await waitFor(async () => (await badge(env.driver, tabId)).text, 'badge');
    expect(Number(shown)).toBeGreaterThan(0);
    expect(Number(shown)).toBeLessThanOrEqual(distinct);
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
    const tabId = await tabIdOf(env.driver, page);

    const popup = await env.driver.openPopupFor(page);
    const label = await popup.$eval('label.switch', (el) => el.textContent);
    expect(label).toContain('Show context on 127.0.0.1');
    expect(await popup.$eval('#site-switch', (el) => (el as HTMLInputElement).checked)).toBe(true);
    await popup.click('#site-switch');

    await waitFor(async () => (await highlightCount(page)) === 0, 'highlights removed without reload');
    await waitFor(async () => (await highlightCount(sameSite)) === 0, 'highlights removed in the other tab of the site');
    expect(await highlightCount(other)).toBeGreaterThan(0);
    await waitFor(async () => (await badge(env.driver, tabId)).text === '', 'badge cleared');
    await popup.close();

    await page.reload();
    // Give the content script a fair chance to (wrongly) paint again.
    await page.waitForFunction(() => document.readyState === 'complete');
    await new Promise((r) => setTimeout(r, 1000));
    expect(await highlightCount(page)).toBe(0);

    const fresh = await open(env.server.url('demo.html', 'localhost'));
    await waitFor(() => highlightCount(fresh), 'other site still on after the change');

    // Back on: the switch restores highlights live.
    const popup2 = await env.driver.openPopupFor(page);
    expect(await popup2.$eval('#site-switch', (el) => (el as HTMLInputElement).checked)).toBe(false);
    await popup2.click('#site-switch');
    await waitFor(() => highlightCount(page), 'highlights back');
    for (const p of [popup2, page, other, sameSite, fresh]) await p.close();
  });
});
