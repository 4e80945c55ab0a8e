/**
 * A hostile page that replays whatever reaches it (window messages, and the
 * same as DOM events on document and window) cannot switch the extension off
 * or confuse it. A content script built on WXT's ContentScriptContext fails
 * this: the page learns the event name from the context's start-up message
 * and replays it with another messageId, and the context stops itself.
 */
import { describe, expect, it } from 'vitest';
import { highlightCount, waitFor } from './harness';
import { useChromium } from './setup';

const env = useChromium();

/** Runs in the page before its scripts: keeps every message it sees. */
function keepMessages() {
  const seen: unknown[] = [];
  window.addEventListener('message', (e) => seen.push(e.data), true);
  Object.defineProperty(window, '__seen', { value: seen });
}

describe('hostile page', () => {
  it('replaying every message it saw, as messages and as DOM events with forged details, leaves the extension working', async () => {
    const page = await env.chromium.browser.newPage();
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
});
