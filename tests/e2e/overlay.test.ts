/** The overlay in each browser: placement, opening and closing, hostile pages, frameworks, CSP, themes, a11y. */
import { describe, expect, it } from 'vitest';
import type { ElementHandle, Page } from 'puppeteer-core';
import { focusFirstClaim, highlightBackground, highlightCount, highlightPoint, highlightTexts, POPOVER, uiReady, waitFor } from './harness';
import { describeInBrowsers } from './setup';

interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

const closed = (page: Page) => waitFor(async () => (await page.$(POPOVER)) === null, 'popover closed');

function claimRect(page: Page, n: number): Promise<Rect> {
  return page.evaluate((n) => {
    const r = ([...(globalThis as any).CSS.highlights.get('context-lens')][n] as Range).getBoundingClientRect();
    return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
  }, n);
}

const rectOf = (el: ElementHandle) =>
  el.evaluate((e) => {
    const r = e.getBoundingClientRect();
    return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
  });

const overlaps = (a: Rect, b: Rect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

describeInBrowsers('the overlay', (env) => {
  async function open(path: string, setup?: (page: Page) => Promise<void>): Promise<Page> {
    const page = await env.driver.browser.newPage();
    await page.setViewport({ width: 900, height: 640 });
    await setup?.(page);
    await page.goto(env.server.url(path));
    await waitFor(() => highlightCount(page), `highlights on ${path}`);
    await uiReady(page);
    return page;
  }

  async function hover(page: Page, n = 0, block: ScrollLogicalPosition = 'center'): Promise<ElementHandle> {
    const { x, y } = await highlightPoint(page, n, block);
    // Approach from the left along the claim's line, inside the viewport (WebDriver refuses moves outside it): a
    // path over the lines below can rest on another claim long enough, on a loaded machine, to open that one first.
    await page.mouse.move(Math.max(1, x - 60), y);
    await page.mouse.move(x, y, { steps: 4 });
    return (await page.waitForSelector(POPOVER, { visible: true }))!;
  }

  describe('popover placement', () => {
    it('stays inside the viewport at all four edges, never covers the claim, and sits above a sticky header', async () => {
      const page = await open('edges.html');
      expect(await highlightCount(page)).toBe(4);
      for (let n = 0; n < 4; n++) {
        const popover = await hover(page, n, 'nearest');
        const box = await rectOf(popover);
        const claim = await claimRect(page, n);
        expect(box.left).toBeGreaterThanOrEqual(0);
        expect(box.top).toBeGreaterThanOrEqual(0);
        expect(box.right).toBeLessThanOrEqual(900);
        expect(box.bottom).toBeLessThanOrEqual(640);
        expect(overlaps(box, claim)).toBe(false);
        // Top layer: the element at the popover's centre is ours, not the page's header.
        const cx = (box.left + box.right) / 2;
        const cy = box.top + 10;
        expect(await page.evaluate((x, y) => document.elementFromPoint(x, y)?.localName, cx, cy)).toBe('context-lens-ui');
        await page.keyboard.press('Escape');
        await closed(page);
      }
      await page.close();
    });
  });

  describe('opening and closing', () => {
    it('closes on Escape and on a click outside', async () => {
      const page = await open('demo.html');
      await hover(page);
      await page.keyboard.press('Escape');
      await closed(page);
      await hover(page);
      await page.mouse.click(5, 5);
      await closed(page);
      await page.close();
    });

    it('stays open while the pointer moves into it, and closes after the pointer leaves both', async () => {
      const page = await open('demo.html');
      const popover = await hover(page);
      const box = await rectOf(popover);
      await page.mouse.move((box.left + box.right) / 2, (box.top + box.bottom) / 2, { steps: 6 });
      await new Promise((r) => setTimeout(r, 700));
      expect(await page.$(POPOVER)).not.toBeNull();
      await page.mouse.move(2, 2, { steps: 3 });
      await closed(page);
      await page.close();
    });

    it('closes when the claim is scrolled out of view', async () => {
      const page = await open('demo.html');
      const texts = await highlightTexts(page);
      await hover(page, texts.length - 1); // the last claim, near the end of the page
      await page.evaluate(() => window.scrollTo(0, 0));
      await closed(page);
      await page.close();
    });

    it('opens on tap on a touch screen', async () => {
      const page = await open('demo.html', (p) => p.setViewport({ width: 420, height: 800, hasTouch: true, isMobile: true }));
      const { x, y } = await highlightPoint(page, 0);
      await page.touchscreen.tap(x, y);
      await page.waitForSelector(POPOVER, { visible: true });
      await page.close();
    });

    it('returns focus to the claim anchor when closed with Escape', async () => {
      const page = await open('demo.html');
      await focusFirstClaim(page);
      await page.waitForSelector(POPOVER, { visible: true });
      await page.keyboard.press('Tab'); // into the card
      expect(await page.evaluate(() => document.querySelector('context-lens-ui')!.shadowRoot!.activeElement?.closest('.cl-popover') !== null)).toBe(true);
      await page.keyboard.press('Escape');
      await closed(page);
      expect(await page.evaluate(() => document.querySelector('context-lens-ui')!.shadowRoot!.activeElement?.className)).toBe('cl-anchor');
      await page.close();
    });
  });

  describe('pages that fight back', () => {
    it('leaves a React page working: no errors, and the highlight follows re-renders', async () => {
      const errors: string[] = [];
      const page = await env.driver.browser.newPage();
      page.on('pageerror', (e) => errors.push(String(e)));
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      await page.goto(env.server.url('react.html'));
      await page.waitForFunction(() => (window as any).__done?.(), { timeout: 15_000 });
      await waitFor(
        () =>
          page.evaluate(() => {
            const h = (globalThis as any).CSS.highlights.get('context-lens');
            const ranges = h ? ([...h] as Range[]) : [];
            const p = document.getElementById('claim');
            return ranges.length === 1 && !!p && p.contains(ranges[0].startContainer) && /austerity killed 130,000/.test(ranges[0].toString());
          }),
        'the highlight on the re-rendered paragraph',
      );
      expect(errors).toEqual([]);
      await page.close();
    });

    it('works under a strict Content-Security-Policy without causing violations', async () => {
      const page = await env.driver.browser.newPage();
      await page.evaluateOnNewDocument(() => {
        (window as any).__violations = [];
        document.addEventListener('securitypolicyviolation', (e) => (window as any).__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
      });
      await page.goto(env.server.url('csp.html?csp=strict'));
      await waitFor(() => highlightCount(page), 'highlights under CSP');
      // Painted: the ::highlight() rules the background inserts after the lens's first paint apply despite the policy.
      await waitFor(async () => (await highlightBackground(page)) === 'rgba(255, 196, 0, 0.22)' || null, 'the highlight style under CSP', 5_000).catch(
        () => undefined,
      );
      expect(await highlightBackground(page)).toBe('rgba(255, 196, 0, 0.22)');
      const popover = await hover(page);
      // Styled: our stylesheet reached the shadow root.
      expect(await popover.evaluate((el) => getComputedStyle(el).borderTopLeftRadius)).toBe('8px');
      // Firefox requests the site's /favicon.ico itself, under the page's policy: not ours.
      const violations: string[] = await page.evaluate(() => (window as any).__violations);
      expect(violations.filter((v) => !v.endsWith('/favicon.ico'))).toEqual([]);
      await page.close();
    });

    it('keeps its own look on a page that restyles everything', async () => {
      const page = await open('hostile.html');
      const popover = await hover(page);
      const style = await popover.evaluate((el) => {
        const cs = getComputedStyle(el);
        const title = getComputedStyle(el.querySelector('.cl-title')!);
        return { font: cs.fontSize, titleColor: title.color, width: el.getBoundingClientRect().width };
      });
      expect(style.font).toBe('14px');
      expect(style.titleColor).not.toBe('rgb(255, 0, 255)');
      expect(style.width).toBeLessThanOrEqual(420);
      // The anchors stay invisible until focused.
      const anchor = await page.$eval('context-lens-ui >>> .cl-anchor', (el) => el.getBoundingClientRect().width);
      expect(anchor).toBeLessThanOrEqual(1);
      await page.close();
    });
  });

  describe('themes and accessibility', () => {
    it('follows a dark colour scheme', async () => {
      const page = await open('dark.html', (p) => env.driver.emulateDarkScheme(p));
      const popover = await hover(page);
      const bg = await popover.evaluate((el) => getComputedStyle(el).backgroundColor);
      const [r, g, b] = bg.match(/\d+/g)!.map(Number);
      expect((0.2126 * r + 0.7152 * g + 0.0722 * b) / 255).toBeLessThan(0.3);
      await page.close();
    });

    it('has no axe-core violations with the popover open', async () => {
      const page = await open('demo.html');
      await focusFirstClaim(page);
      await page.waitForSelector(POPOVER, { visible: true });
      await page.addScriptTag({ url: '/vendor/axe.js' });
      const violations = await page.evaluate(async () => {
        const result = await (window as any).axe.run(document, { resultTypes: ['violations'] });
        return result.violations.map((v: any) => `${v.id}: ${v.nodes.map((n: any) => n.target.join(' ')).join(', ')}`);
      });
      expect(violations).toEqual([]);
      const dialog = await page.$eval(POPOVER, (el) => ({ role: el.getAttribute('role'), label: el.getAttribute('aria-labelledby') }));
      expect(dialog.role).toBe('dialog');
      expect(dialog.label).toBeTruthy();
      await page.close();
    });
  });
});
