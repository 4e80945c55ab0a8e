import { describe, expect, it } from 'vitest';
import { highlightCount, highlightPoint, highlightTexts, POPOVER, waitFor } from './harness';
import { useFirefox } from './setup';

const env = useFirefox();

describe('walking skeleton in Firefox', () => {
  it('highlights the austerity claim and opens the popover on hover', async () => {
    const page = await env.firefox.browser.newPage();
    await page.goto(env.server.url('demo.html'));
    await waitFor(() => highlightCount(page), 'highlights');
    const texts = await highlightTexts(page);
    const n = texts.findIndex((t) => /austerity never killed 130,000-plus/.test(t));
    expect(n).toBeGreaterThanOrEqual(0);

    const { x, y } = await highlightPoint(page, n);
    await page.mouse.move(x - 40, y);
    await page.mouse.move(x, y, { steps: 3 });
    const popover = await page.waitForSelector(POPOVER, { visible: true });
    const info = await popover!.evaluate((el) => ({
      role: el.getAttribute('role'),
      links: [...el.querySelectorAll('a')].map((a) => ({ href: a.href, target: a.target, rel: a.rel })),
    }));
    expect(info.role).toBe('dialog');
    expect(info.links.length).toBeGreaterThan(0);
    expect(info.links.every((l) => l.href.startsWith('https://') && l.target === '_blank' && l.rel === 'noopener noreferrer')).toBe(true);
    await page.close();
  });

  it('works under a strict Content-Security-Policy', async () => {
    const page = await env.firefox.browser.newPage();
    await page.goto(env.server.url('csp.html?csp=strict'));
    await waitFor(() => highlightCount(page), 'highlights under CSP');
    const { x, y } = await highlightPoint(page, 0);
    await page.mouse.move(x - 40, y);
    await page.mouse.move(x, y, { steps: 3 });
    const popover = await page.waitForSelector(POPOVER, { visible: true });
    // Our stylesheet reached the shadow root despite the page's policy.
    expect(await popover!.evaluate((el) => getComputedStyle(el).borderTopLeftRadius)).toBe('8px');
    await page.close();
  });

  it('keeps up with an infinite feed and with client-side navigation', async () => {
    const page = await env.firefox.browser.newPage();
    await page.goto(env.server.url('infinite.html'));
    await waitFor(async () => (await highlightCount(page)) === 5, 'five highlights in the feed');
    await page.goto(env.server.url('spa.html'));
    await waitFor(async () => (await highlightTexts(page)).join() === 'Austerity killed 130,000', 'route A');
    await page.click('#to-b');
    await waitFor(async () => /Fujimori/.test((await highlightTexts(page)).join()), 'route B');
    await page.close();
  });

  it('follows text rewritten in place and reads late shadow roots', async () => {
    const page = await env.firefox.browser.newPage();
    await page.goto(env.server.url('rewrite.html'));
    await waitFor(async () => (await highlightCount(page)) === 1, 'highlight');
    await page.evaluate(() => (window as any).__set('12'));
    await waitFor(async () => (await highlightCount(page)) === 0, 'highlight gone with its number');
    await page.evaluate(() => (window as any).__set('120,000'));
    await waitFor(async () => (await highlightTexts(page)).join() === 'Austerity killed 120,000', 'highlight back');
    await page.goto(env.server.url('shadow.html'));
    await page.evaluate(() => (window as any).__add());
    await waitFor(async () => (await highlightCount(page)) === 1, 'highlight inside the late shadow root');
    await page.goto(env.server.url('split.html'));
    await waitFor(async () => (await highlightCount(page)) === 2, 'both claims on the long page');
    await page.close();
  });
});
