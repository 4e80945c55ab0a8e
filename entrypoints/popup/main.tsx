import { render } from 'preact';
import { browser, type Browser } from 'wxt/browser';
import { Popup, type PopupState } from '../../components/Popup';
import type { Shortcut } from '../../components/Shortcuts';
import { t, uiLanguage } from '../../lib/i18n';
import { BOOT_AT_GLOBAL } from '../../lib/lens-handle';
import { parseClaims, parseMessage, parsePageState, type GetPageStateMessage, type GetTabClaimsMessage, type PageState } from '../../lib/messages';
import { getSettings, setPaused, setSiteEnabled, siteKey, watchSettings, type Settings } from '../../lib/settings';
import { pageKind } from '../../lib/settings/host';
import './style.css';

const app = document.getElementById('app')!;
document.documentElement.lang = uiLanguage();
document.title = t('extName', 'Context Lens');

let tab: Browser.tabs.Tab | undefined;
let shortcuts: Shortcut[] = [];

async function pageState(tabId: number): Promise<PageState | null> {
  const ask: GetPageStateMessage = { type: 'get-page-state' };
  // The top page answers for the whole tab.
  const state = parsePageState(await browser.tabs.sendMessage(tabId, ask, { frameId: 0 }).catch(() => null));
  return state ?? quietPageState(tabId);
}

/**
 * A page whose boot script found no anchor word has not touched the extension API, so nothing answered: it is
 * found by the mark it leaves in the extension's world, and the background knows what its frames found. Null
 * where no content script runs (the browser's own pages, the stores, file:// without permission, a page still
 * loading, one open since before the install).
 */
async function quietPageState(tabId: number): Promise<PageState | null> {
  const url = tab?.url;
  let booted = false;
  try {
    const [run] = await browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, func: (key: string) => key in globalThis, args: [BOOT_AT_GLOBAL] });
    booted = run?.result === true;
  } catch {
    // No script of ours can run there.
  }
  if (!booted || !url) return null;
  const ask: GetTabClaimsMessage = { type: 'get-tab-claims', tabId };
  const claims = parseClaims(await browser.runtime.sendMessage(ask).catch(() => null)) ?? [];
  return { url, site: siteKey(url), enabled: true, claims };
}

function toState(page: PageState | null, settings: Settings): PopupState {
  if (page) {
    if (page.site === null) return { kind: 'no-site', claims: page.claims };
    return { kind: 'site', site: page.site, enabled: !settings.disabledSites.includes(page.site), running: true, claims: page.claims };
  }
  const kind = pageKind(tab?.url);
  if (kind.kind === 'web') {
    return { kind: 'site', site: kind.site, enabled: !settings.disabledSites.includes(kind.site), running: false, claims: [] };
  }
  return { kind: 'restricted', reason: kind.kind === 'unknown' ? 'other' : kind.kind };
}

async function draw() {
  const settings = await getSettings();
  const page = tab?.id === undefined ? null : await pageState(tab.id);
  show(toState(page, settings), settings.paused);
}

function show(state: PopupState, paused: boolean) {
  render(
    <Popup
      state={state}
      paused={paused}
      shortcuts={shortcuts}
      onToggle={(site, enabled) => void setSiteEnabled(site, enabled)}
      onPause={(p) => void setPaused(p)}
      onJump={(id) => void jump(id)}
      onOpenOptions={() => void browser.runtime.openOptionsPage().then(() => window.close())}
    />,
    app,
  );
}

async function jump(id: string) {
  if (tab?.id === undefined) return;
  try {
    await browser.tabs.sendMessage(tab.id, { type: 'focus-claim', id });
  } catch {
    // The page went away; nothing to jump to.
  }
  window.close();
}

// Redraw at most once per burst of events (a switch changes storage, then the page reports).
let pending: ReturnType<typeof setTimeout> | undefined;
function redraw() {
  clearTimeout(pending);
  pending = setTimeout(() => void draw(), 20);
}

/**
 * The tab the popup speaks for: the active one, or the one named by `?tab=<id>` when the popup is opened as a
 * page (Firefox gives tests no way to open the toolbar popup, so they open popup.html?tab=<id> in a tab).
 */
async function targetTab(): Promise<Browser.tabs.Tab | undefined> {
  const requested = new URLSearchParams(location.search).get('tab');
  if (requested !== null) return browser.tabs.get(Number(requested)).catch(() => undefined);
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  return active;
}

async function start() {
  show({ kind: 'loading' }, false);
  tab = await targetTab();
  shortcuts = await browser.commands
    .getAll()
    .then((all) => all.map((c) => ({ name: c.name ?? '', shortcut: c.shortcut ?? '' })))
    .catch(() => []);
  await draw();
  watchSettings(redraw);
  // The page reports what it found after each change (and once it has loaded).
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    if (parseMessage(message)?.type === 'claims-found' && sender.tab?.id === tab?.id) redraw();
    return undefined;
  });
  browser.tabs.onUpdated.addListener((tabId, change, updated) => {
    if (tabId !== tab?.id) return;
    if (updated.url) tab = updated;
    if (change.status === 'complete' || change.url) redraw();
  });
}

void start();
