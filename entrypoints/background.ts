/**
 * The background: looks at page text for claims (off the pages' main threads)
 * and loads the lens only where one may be; keeps the toolbar badge
 * in step with what each tab's lens found; runs the keyboard commands.
 */
import index from 'virtual:claims-index';
import { browser, type Browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { badgeText, badgeTitle } from '../lib/badge';
import { runCommand } from '../lib/commands';
import { parseMessage, type ClaimSummary, type FrameClaimsMessage, type PageTextReply } from '../lib/messages';
import { highlightCss } from '../lib/dom/highlight-style';
import { pageMayHoldClaim } from '../lib/match/gate';
import { LENS_GLOBAL, SETTINGS_GLOBAL } from '../lib/lens-handle';
import { dismissClaim, getSettings, isActiveOn, siteKey, type Settings } from '../lib/settings';
import { TabClaims } from '../lib/tab-claims';

type Sender = Browser.runtime.MessageSender;

/**
 * Runs in the page's extension world (serialised: it sees only its arguments). A lens already running there read
 * the settings itself, so nothing is left behind for it.
 */
function handOverSettings(key: string, lensKey: string, settings: Settings) {
  const world = globalThis as unknown as Record<string, unknown>;
  if (!world[lensKey]) world[key] = settings;
}

async function lookAtPage(text: string, sender: Sender): Promise<PageTextReply> {
  const tabId = sender.tab?.id;
  if (tabId === undefined || !sender.url) return { active: false, lens: false };
  const settings = await getSettings();
  if (!isActiveOn(settings, siteKey(sender.url))) return { active: false, lens: false };
  if (!pageMayHoldClaim(index, text)) return { active: true, lens: false };
  const target = { tabId, frameIds: [sender.frameId ?? 0] };
  try {
    // Both at once, as neither needs the other's result: the settings (no file to read) reach the page first, so the
    // lens starts without reading storage.
    await Promise.all([
      browser.scripting.executeScript({ target, func: handOverSettings, args: [SETTINGS_GLOBAL, LENS_GLOBAL, settings] }),
      browser.scripting.executeScript({ target, files: ['/lens.js'] }),
    ]);
    return { active: true, lens: true };
  } catch {
    // The tab navigated away meanwhile, or the browser refused (a store page): nothing to show.
    return { active: true, lens: false };
  }
}

/** Injects into the sender's own frame: false outside a tab, or when the tab navigated away or the browser refused. */
async function intoSenderFrame(sender: Sender, inject: (target: { tabId: number; frameIds: number[] }) => Promise<unknown>): Promise<boolean> {
  const tabId = sender.tab?.id;
  if (tabId === undefined) return false;
  try {
    await inject({ tabId, frameIds: [sender.frameId ?? 0] });
    return true;
  } catch {
    return false;
  }
}

/** The lens painted text inside elements of these tag names: the ::highlight() rules for them, into its frame. */
function styleHighlights(tags: string[], sender: Sender): Promise<boolean> {
  const css = highlightCss(tags);
  return css ? intoSenderFrame(sender, (target) => browser.scripting.insertCSS({ target, css })) : Promise.resolve(false);
}

/** The lens found something: its popover UI, into the same frame. */
function loadUi(sender: Sender): Promise<boolean> {
  return intoSenderFrame(sender, (target) => browser.scripting.executeScript({ target, files: ['/lens-ui.js'] }));
}

function showCount(tabId: number, claims: ClaimSummary[]) {
  // Firefox's MV2 build has browserAction; Chrome's MV3 build has action.
  const action = browser.action ?? browser.browserAction;
  void action.setBadgeText({ tabId, text: badgeText(claims.length) });
  void action.setTitle({ tabId, title: badgeTitle(claims.length) });
  void action.setBadgeBackgroundColor({ tabId, color: '#1a5fb4' });
}

export default defineBackground(() => {
  // Kept in memory: if the browser stops this background, counts rebuild as frames report again.
  const tabs = new TabClaims();

  const claimsFound = (tabId: number, frameId: number, claims: ClaimSummary[]) => {
    const { all, subframes } = tabs.report(tabId, frameId, claims);
    showCount(tabId, all);
    // The top page answers the popup, so it learns what its frames found (again when its lens reports: it may
    // have loaded after a frame's report reached the boot script).
    if (frameId !== 0 || subframes.length) {
      const message: FrameClaimsMessage = { type: 'frame-claims', claims: subframes };
      browser.tabs.sendMessage(tabId, message, { frameId: 0 }).catch(() => undefined);
    }
  };

  browser.runtime.onMessage.addListener((raw: unknown, sender) => {
    // Only our own content scripts and pages; anything else (or anything malformed) is ignored.
    if (sender.id !== browser.runtime.id) return undefined;
    const message = parseMessage(raw);
    if (message?.type === 'page-text') return lookAtPage(message.text, sender);
    if (message?.type === 'load-ui') return loadUi(sender);
    if (message?.type === 'style-highlights') return styleHighlights(message.tags, sender);
    if (message?.type === 'get-settings') return getSettings();
    if (message?.type === 'get-tab-claims') return Promise.resolve(tabs.all(message.tabId));
    if (message?.type === 'dismiss-claim') return dismissClaim(message.id).then(() => true);
    if (message?.type === 'claims-found' && sender.tab?.id !== undefined) claimsFound(sender.tab.id, sender.frameId ?? 0, message.claims);
    return undefined;
  });
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading') tabs.forget(tabId);
  });
  browser.tabs.onRemoved.addListener((tabId) => tabs.forget(tabId));

  browser.commands.onCommand.addListener((command, tab) => {
    void runCommand(command, tab).catch(() => undefined);
  });
});
