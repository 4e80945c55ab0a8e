/**
 * Keyboard commands (manifest `commands`), run by the background:
 *   toggle-site  turn context on or off for the active tab's site
 *   next-claim   focus the next highlighted claim on the page and open its card
 */
import { browser } from 'wxt/browser';
import { parseFocused, parsePageState, type FocusClaimMessage, type GetPageStateMessage } from './messages';
import { getSettings, setSiteEnabled } from './settings';
import { siteKey } from './settings/host';

export const TOGGLE_SITE = 'toggle-site';
export const NEXT_CLAIM = 'next-claim';

/** What a command needs of a tab (the browser passes the whole tab, the tests a plain object). */
export interface CommandTab {
  id?: number;
  url?: string;
}

async function activeTab(tab?: CommandTab): Promise<CommandTab | undefined> {
  if (tab?.id !== undefined) return tab;
  const [active] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
  return active;
}

/** Runs a command; resolves to what it did, for tests ('none' when the page has no content script). */
export async function runCommand(command: string, tab?: CommandTab): Promise<'on' | 'off' | 'focused' | 'none'> {
  const target = await activeTab(tab);
  if (target?.id === undefined) return 'none';
  if (command === NEXT_CLAIM) {
    const message: FocusClaimMessage = { type: 'focus-claim' };
    const focused = parseFocused(await browser.tabs.sendMessage(target.id, message).catch(() => false));
    return focused ? 'focused' : 'none';
  }
  if (command === TOGGLE_SITE) {
    const ask: GetPageStateMessage = { type: 'get-page-state' };
    const page = parsePageState(await browser.tabs.sendMessage(target.id, ask).catch(() => null));
    // Without an answer (page open since before install) the tab's URL still names the site.
    const site = page ? page.site : target.url ? siteKey(target.url) : null;
    if (!site) return 'none';
    const enable = (await getSettings()).disabledSites.includes(site);
    await setSiteEnabled(site, enable);
    return enable ? 'on' : 'off';
  }
  return 'none';
}
