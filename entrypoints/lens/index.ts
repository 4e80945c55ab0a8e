/**
 * The lens, loaded by the background only into pages where the boot script's
 * quick look found a trigger word. Settings decide whether it runs; the popup
 * and badge learn what it found. It leaves a handle in the extension's world
 * so a later copy of the extension can stop it.
 *
 * Like boot.js, it carries no polyfill, schema library or storage layer (a
 * third of its size, compiled on every page with a claim): the background
 * reads and checks the settings for it, and what reaches it is checked by hand.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { extensionApi } from '../../lib/extension-api';
import { LENS_GLOBAL, SETTINGS_GLOBAL, type LensWorld } from '../../lib/lens-handle';
import { watchLocation } from '../../lib/dom/location';
import type { ClaimSummary, DismissClaimMessage, GetSettingsMessage, LoadUiMessage, PageState, StyleHighlightsMessage } from '../../lib/messages';
import { checkFrameClaims, checkPageRequest, checkSettings } from '../../lib/messages-light';
import { siteKey } from '../../lib/settings/host';
import { isActiveOn, isSettingsKey, type Settings } from '../../lib/settings/model';
import { mergeClaims } from '../../lib/tab-claims';
import { paintedTags } from '../../lib/dom/highlight-style';
import { startLens, type Lens } from './lens';
import { UI_GLOBAL, type CreateOverlay, type UiWorld } from './ui-handle';

/** Has the background load lens-ui.js into this frame; its createOverlay then waits in this world. */
async function askForUi(): Promise<CreateOverlay | null> {
  const world = globalThis as UiWorld;
  // An earlier copy of the extension (reloaded or updated) may have left its own here.
  delete world[UI_GLOBAL];
  const message: LoadUiMessage = { type: 'load-ui' };
  await extensionApi().runtime.sendMessage(message).catch(() => undefined);
  return world[UI_GLOBAL] ?? null;
}

/** The settings as the background reads them (it repairs and reports damaged ones), or null if it cannot answer. */
async function fetchSettings(): Promise<Settings | null> {
  const message: GetSettingsMessage = { type: 'get-settings' };
  return checkSettings(await extensionApi().runtime.sendMessage(message).catch(() => null));
}

function dismissClaim(id: string): void {
  const message: DismissClaimMessage = { type: 'dismiss-claim', id };
  extensionApi().runtime.sendMessage(message).catch(() => undefined);
}

export default defineUnlistedScript(() => {
  const world = globalThis as LensWorld;
  const browser = extensionApi();
  const handed = world[SETTINGS_GLOBAL];
  delete world[SETTINGS_GLOBAL];
  if (world[LENS_GLOBAL]) return;
  const site = siteKey(location.href);
  const life = new AbortController();
  let running: { controller: AbortController; lens: Lens; dismissed: string } | null = null;
  let claims: ClaimSummary[] = [];
  // The top page answers the popup for the whole tab, so it keeps what its same-origin frames found.
  const isTop = window === window.top;
  let frameClaims: ClaimSummary[] = [];

  // Loaded once per lens, however often settings stop and restart it.
  let ui: Promise<CreateOverlay | null> | null = null;
  const loadUi = () => (ui ??= askForUi());

  // Highlights are styled by tag name (lib/dom/highlight-style.ts); rules once inserted stay for the page's life.
  const styledTags = new Set<string>();
  const onPainted = (ranges: Range[]) => {
    const tags = paintedTags(ranges, styledTags);
    if (!tags.length) return;
    tags.forEach((t) => styledTags.add(t));
    const message: StyleHighlightsMessage = { type: 'style-highlights', tags };
    browser.runtime.sendMessage(message).catch(() => undefined);
  };

  const report = (found: ClaimSummary[]) => {
    // Nothing found and nothing shown before: the badge is already empty.
    if (found.length === 0 && claims.length === 0) return;
    claims = found;
    browser.runtime.sendMessage({ type: 'claims-found', claims: found }).catch(() => undefined);
  };

  const stopLens = () => {
    running?.controller.abort();
    running = null;
  };

  const apply = (settings: Settings) => {
    if (life.signal.aborted) return;
    const active = isActiveOn(settings, site);
    const dismissed = settings.dismissed.join('\n');
    // A changed dismissal list needs a fresh scan; anything else only on/off.
    if (running && (!active || running.dismissed !== dismissed)) stopLens();
    if (active && !running) {
      const controller = new AbortController();
      const lens = startLens(controller.signal, report, new Set(settings.dismissed), dismissClaim, loadUi, onPainted);
      running = { controller, lens, dismissed };
    }
  };

  const onMessage = (raw: unknown, _sender: unknown, respond: (reply: unknown) => void) => {
    const fromFrames = checkFrameClaims(raw);
    if (fromFrames && isTop) frameClaims = fromFrames;
    const request = checkPageRequest(raw);
    if (request?.type === 'get-page-state' && isTop) {
      const state: PageState = { url: location.href, site, enabled: running !== null, claims: mergeClaims([claims, frameClaims]) };
      respond(state);
    }
    if (request?.type === 'focus-claim') {
      // Every frame hears it: the one holding the claim answers (the top page for "next claim").
      const mine = request.id === undefined ? isTop : claims.some((c) => c.id === request.id);
      if (mine && !running) respond(false);
      if (mine && running) {
        void running.lens.focusNext(request.id).then(respond, () => respond(false));
        return true; // the answer comes later
      }
    }
    return undefined;
  };

  const refresh = () => void fetchSettings().then((settings) => settings && apply(settings));
  const onStorage = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && Object.keys(changes).some(isSettingsKey)) refresh();
  };
  browser.storage.onChanged.addListener(onStorage);
  browser.runtime.onMessage.addListener(onMessage);
  watchLocation(life.signal, () => running?.lens.navigated());
  life.signal.addEventListener('abort', () => {
    browser.storage.onChanged.removeListener(onStorage);
    browser.runtime.onMessage.removeListener(onMessage);
    stopLens();
  });
  world[LENS_GLOBAL] = { stop: () => life.abort() };
  // The background's settings start the first scan at once; it then confirms them, as they may have changed
  // before the storage listener began (apply does nothing when they have not).
  if (handed) apply(handed);
  refresh();
});
