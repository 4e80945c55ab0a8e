import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { highlightCount, highlightPoint, highlightTexts, launchFirefox, POPOVER, startServer, waitFor, type Firefox, type TestServer } from './harness';

let firefox: Firefox;
let server: TestServer;

beforeAll(async () => {
  server = await startServer();
  firefox = await launchFirefox();
});
afterAll(async () => {
  await firefox?.close();
  await server?.close();
});

describe('walking skeleton in Firefox', () => {
  it('highlights the austerity claim and opens the popover on hover', async () => {
    const page = await firefox.browser.newPage();
    await page.goto(server.url('demo.html'));
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
});
