/**
 * The lens, loaded by the background only into pages where the boot script's
 * quick look found a trigger word. Settings decide whether it runs; the popup
 * and badge learn what it found. It leaves a handle in the extension's world
 * so a later copy of the extension can stop it.
 */
import { browser } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { LENS_GLOBAL, SETTINGS_GLOBAL, type LensWorld } from '../../lib/lens-handle';
import { watchLocation } from '../../lib/dom/location';
import { parseMessage, type ClaimSummary, type LoadUiMessage, type PageState, type StyleHighlightsMessage } from '../../lib/messages';
import { siteKey } from '../../lib/settings/host';
import { mergeClaims } from '../../lib/tab-claims';
import { dismissClaim, getSettings, isActiveOn, watchSettings, type Settings } from '../../lib/settings';
import { paintedTags } from '../../lib/dom/highlight-style';
import { startLens, type Lens } from './lens';
import { UI_GLOBAL, type CreateOverlay, type UiWorld } from './ui-handle';

/** Has the background load lens-ui.js into this frame; its createOverlay then waits in this world. */
async function askForUi(): Promise<CreateOverlay | null> {
  const world = globalThis as UiWorld;
  // An earlier copy of the extension (reloaded or updated) may have left its own here.
  delete world[UI_GLOBAL];
  const message: LoadUiMessage = { type: 'load-ui' };
  await browser.runtime.sendMessage(message).catch(() => undefined);
  return world[UI_GLOBAL] ?? null;
}

export default defineUnlistedScript(() => {
  const world = globalThis as LensWorld;
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
      const lens = startLens(controller.signal, report, new Set(settings.dismissed), (id) => void dismissClaim(id), loadUi, onPainted);
      running = { controller, lens, dismissed };
    }
  };

  const onMessage = (raw: unknown) => {
    const message = parseMessage(raw);
    if (message?.type === 'frame-claims' && isTop) frameClaims = message.claims;
    if (message?.type === 'get-page-state' && isTop) {
      const state: PageState = { url: location.href, site, enabled: running !== null, claims: mergeClaims([claims, frameClaims]) };
      return Promise.resolve(state);
    }
    if (message?.type === 'focus-claim') {
      // Every frame hears it: the one holding the claim answers (the top page for "next claim").
      const mine = message.id === undefined ? isTop : claims.some((c) => c.id === message.id);
      if (mine) return running ? running.lens.focusNext(message.id) : Promise.resolve(false);
    }
    return undefined;
  };

  const unwatch = watchSettings(apply);
  browser.runtime.onMessage.addListener(onMessage);
  watchLocation(life.signal, () => running?.lens.navigated());
  life.signal.addEventListener('abort', () => {
    unwatch();
    browser.runtime.onMessage.removeListener(onMessage);
    stopLens();
  });
  world[LENS_GLOBAL] = { stop: () => life.abort() };
  // The background's settings start the first scan at once; storage then confirms them, as they may have changed
  // before watchSettings began (apply does nothing when they have not).
  if (handed) apply(handed);
  void getSettings().then(apply);
});
