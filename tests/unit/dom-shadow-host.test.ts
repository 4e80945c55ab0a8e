import { beforeEach, describe, expect, it } from 'vitest';
import { createShadowHost, MAX_QUICK_REATTACH } from '../../lib/dom/shadow-host';

/** MutationObserver callbacks run as microtasks: let them (and the page's) settle. */
const settle = () => new Promise((r) => setTimeout(r, 0));

describe('createShadowHost', () => {
  beforeEach(() => document.body.replaceChildren());

  it('puts our element back when the page removes it or replaces everything in <body>', async () => {
    const ui = createShadowHost('x-ui', '.a { color: red }');
    ui.container.textContent = 'card';
    ui.host.remove();
    await settle();
    expect(ui.host.parentNode).toBe(document.body);
    document.body.innerHTML = '<main>re-rendered</main>';
    await settle();
    expect(ui.host.isConnected).toBe(true);
    expect(ui.shadow.textContent).toBe('card');
    ui.remove();
  });

  it(`gives up after ${MAX_QUICK_REATTACH} quick rounds against a page that keeps removing it`, async () => {
    let removals = 0;
    const page = new MutationObserver(() => {
      const host = document.querySelector('x-ui');
      if (host) {
        removals++;
        host.remove();
      }
    });
    page.observe(document.body, { childList: true });
    const ui = createShadowHost('x-ui', '');
    for (let i = 0; i < 10; i++) await settle();
    page.disconnect();
    expect(removals).toBe(MAX_QUICK_REATTACH + 1);
    expect(ui.host.isConnected).toBe(false);
    ui.remove();
  });

  it('stays removed once we remove it ourselves', async () => {
    const ui = createShadowHost('x-ui', '');
    ui.remove();
    await settle();
    expect(ui.host.isConnected).toBe(false);
  });
});
