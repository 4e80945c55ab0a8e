/** Keeps the toolbar badge in step with what each tab's content script found, and runs the keyboard commands. */
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { badgeText, badgeTitle } from '../lib/badge';
import { runCommand } from '../lib/commands';
import { isMessage } from '../lib/messages';

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

  browser.commands.onCommand.addListener((command, tab) => {
    void runCommand(command, tab).catch((e) => console.warn(`Context Lens: command "${command}" failed`, e));
  });
});
