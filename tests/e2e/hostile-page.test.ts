/**
 * Hostile pages in Chromium. One that replays whatever reaches it (window
 * messages, and the same as DOM events on document and window) cannot switch
 * the extension off; a content script built on WXT's ContentScriptContext
 * fails this, because the page learns the event name from the context's
 * start-up message and replays it with another messageId, and the context
 * stops itself. One that breaks the built-ins our code uses changes nothing
 * for us: content scripts run in their own JavaScript world.
 */
import { expect, it } from 'vitest';
import { highlightCount, highlightPoint, highlightTexts, POPOVER, uiReady, waitFor } from './harness';
import { describeInBrowsers } from './setup';

/** Runs in the page before its scripts: keeps every message it sees. */
function keepMessages() {
  const seen: unknown[] = [];
  window.addEventListener('message', (e) => seen.push(e.data), true);
  Object.defineProperty(window, '__seen', { value: seen });
}

/** Runs in the page before its scripts: every built-in our scan and UI rely on throws, and Object.prototype is polluted. */
function tamper() {
  const boom = () => {
    throw new Error('tampered by the page');
  };
  const targets: Array<[object, string]> = [
    [String.prototype, 'toLowerCase'],
    [String.prototype, 'normalize'],
    [String.prototype, 'replace'],
    [String.prototype, 'split'],
    [RegExp.prototype, 'exec'],
    [RegExp.prototype, 'test'],
    [Array.prototype, 'sort'],
    [Array.prototype, 'flatMap'],
    [Map.prototype, 'get'],
    [Set.prototype, 'add'],
    [Document.prototype, 'createRange'],
    [Document.prototype, 'createTreeWalker'],
    [Document.prototype, 'evaluate'],
    [Document.prototype, 'createElement'],
    [Element.prototype, 'attachShadow'],
    [Element.prototype, 'append'],
    [Node.prototype, 'appendChild'],
    [Range.prototype, 'setStart'],
    [EventTarget.prototype, 'addEventListener'],
    [CSSStyleSheet.prototype, 'replaceSync'],
    [(globalThis as any).HighlightRegistry.prototype, 'set'],
    [window, 'Highlight'],
    [window, 'MutationObserver'],
    [window, 'requestAnimationFrame'],
  ];
  for (const [object, key] of targets) Object.defineProperty(object, key, { value: boom, configurable: true, writable: true });
  for (const key of ['type', 'claims', 'url', 'site', 'enabled', 'id']) {
    Object.defineProperty(Object.prototype, key, { value: 'polluted', configurable: true, writable: true });
  }
}

describeInBrowsers('hostile page', (env) => {
  it('replaying every message it saw, as messages and as DOM events with forged details, leaves the extension working', async () => {
    const page = await env.driver.browser.newPage();
    await page.evaluateOnNewDocument(keepMessages);
    await page.goto(env.server.url('demo.html'));
    const before = await waitFor(() => highlightCount(page), 'highlights');

    await page.evaluate(() => {
      for (const data of (window as any).__seen as unknown[]) {
        window.postMessage(data, '*');
        const type = (data as { type?: unknown } | null)?.type;
        if (typeof type !== 'string') continue;
        const detail = { ...(data as object), messageId: 'forged' };
        for (const target of [document, window]) {
          target.dispatchEvent(new CustomEvent(type, { detail }));
          target.dispatchEvent(new Event(type));
        }
      }
    });

    // Still alive: a new claim added after the replay is found, and the old ones stay.
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'Later a reader wrote that austerity killed 130,000 people in England.';
      document.body.append(p);
    });
    await waitFor(async () => (await highlightCount(page)) > before, 'the new claim highlighted after the replay', 30_000);
    expect(await page.$('context-lens-ui')).not.toBeNull();
    await page.close();
  });

  it('breaking built-in prototypes and polluting Object.prototype changes nothing for the extension', async () => {
    const page = await env.driver.browser.newPage();
    await page.evaluateOnNewDocument(tamper);
    await page.goto(env.server.url('demo.html'));
    // The page really is broken for its own scripts…
    const own = await page.evaluate(() => {
      try {
        return 'A'.toLowerCase();
      } catch (e) {
        return String(e);
      }
    });
    expect(own).toMatch(/tampered by the page/);
    // …and the extension highlights and opens its card as on a clean page.
    await waitFor(() => highlightCount(page), 'highlights on the tampered page', 30_000);
    const texts = await highlightTexts(page);
    const n = texts.findIndex((t) => /austerity never killed 130,000-plus/.test(t));
    expect(n).toBeGreaterThanOrEqual(0);
    await uiReady(page);
    const { x, y } = await highlightPoint(page, n);
    await page.mouse.move(x - 40, y);
    await page.mouse.move(x, y, { steps: 3 });
    const card = await page.waitForSelector(POPOVER, { visible: true, timeout: 30_000 });
    expect(await card!.evaluate((el: Element) => el.querySelector('.cl-title')?.textContent)).toMatch(/austerity/i);
    await page.close();
  });
});
