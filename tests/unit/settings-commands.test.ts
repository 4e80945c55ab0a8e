import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { badgeText, badgeTitle, BADGE_MAX } from '../../lib/badge';
import { NEXT_CLAIM, runCommand, TOGGLE_SITE } from '../../lib/commands';
import type { Message, PageState } from '../../lib/messages';
import { getSettings, setSiteEnabled } from '../../lib/settings';

beforeEach(() => {
  fakeBrowser.reset();
});

/** A content script in the active tab, answering like the real one. */
function page(state: PageState | null, focused = true) {
  const sent: Message[] = [];
  vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation((async (_tabId: number, message: Message) => {
    sent.push(message);
    if (!state) throw new Error('Could not establish connection. Receiving end does not exist.');
    if (message.type === 'get-page-state') return state;
    if (message.type === 'focus-claim') return focused;
    return undefined;
  }) as never);
  return sent;
}

describe('keyboard commands', () => {
  it('toggle-site switches the active tab’s site off, then on again', async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'https://www.example.com/a', active: true });
    page({ url: 'https://example.com/', site: 'example.com', enabled: true, claims: [] });
    expect(await runCommand(TOGGLE_SITE, tab)).toBe('off');
    expect((await getSettings()).disabledSites).toEqual(['example.com']);
    expect(await runCommand(TOGGLE_SITE, tab)).toBe('on');
    expect((await getSettings()).disabledSites).toEqual([]);
  });

  it('toggle-site falls back to the tab’s URL when no content script answers', async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'https://news.example.org/', active: true });
    page(null);
    await setSiteEnabled('news.example.org', false);
    expect(await runCommand(TOGGLE_SITE, tab)).toBe('on');
    expect((await getSettings()).disabledSites).toEqual([]);
  });

  it('toggle-site does nothing on a page without a site', async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'chrome://version', active: true });
    page(null);
    expect(await runCommand(TOGGLE_SITE, tab)).toBe('none');
    expect((await getSettings()).disabledSites).toEqual([]);
  });

  it('next-claim asks the page to focus the next claim (any claim)', async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'https://example.com/', active: true });
    const sent = page({ url: 'https://example.com/', site: 'example.com', enabled: true, claims: [{ id: 'a', title: 'A', count: 1 }] });
    expect(await runCommand(NEXT_CLAIM, tab)).toBe('focused');
    expect(sent).toEqual([{ type: 'focus-claim' }]);
  });

  it('next-claim is harmless where nothing answers', async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'chrome://version', active: true });
    page(null);
    expect(await runCommand(NEXT_CLAIM, tab)).toBe('none');
  });

  it('ignores commands it does not know', async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'https://example.com/', active: true });
    page({ url: 'https://example.com/', site: 'example.com', enabled: true, claims: [] });
    expect(await runCommand('something-else', tab)).toBe('none');
  });
});

describe('badge', () => {
  it('shows the number of distinct claims, capped, and nothing for none', () => {
    expect(badgeText(0)).toBe('');
    expect(badgeText(1)).toBe('1');
    expect(badgeText(BADGE_MAX)).toBe(String(BADGE_MAX));
    expect(badgeText(BADGE_MAX + 1)).toBe(`${BADGE_MAX}+`);
    expect(badgeText(1234)).toBe(`${BADGE_MAX}+`);
  });

  it('has a title that says the exact number', () => {
    expect(badgeTitle(0)).toBe('Context Lens');
    expect(badgeTitle(1)).toBe('Context Lens: 1 claim with context on this page');
    expect(badgeTitle(3)).toBe('Context Lens: 3 claims with context on this page');
    expect(badgeTitle(250)).toBe('Context Lens: 250 claims with context on this page');
  });
});
