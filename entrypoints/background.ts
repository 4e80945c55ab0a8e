/** Keeps the toolbar badge in step with what each tab's content script found. */
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { isMessage } from '../lib/messages';
import { badgeText, badgeTitle } from '../lib/badge';

export default defineBackground(() => {
  // Firefox's MV2 build has browserAction; Chrome's MV3 build has action.
  const action = browser.action ?? browser.browserAction;
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    if (!isMessage(message) || message.type !== 'claims-found') return undefined;
    const tabId = sender.tab?.id;
    if (tabId === undefined) return undefined;
    const count = message.claims.length;
    void action.setBadgeText({ tabId, text: badgeText(count) });
    void action.setTitle({ tabId, title: badgeTitle(count) });
    void action.setBadgeBackgroundColor({ tabId, color: '#1a5fb4' });
    return undefined;
  });
});
