/** Wiring: settings decide whether the lens runs on this page; the popup and badge learn what it found. */
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { isMessage, type ClaimSummary, type PageState } from '../../lib/messages';
import { siteKey } from '../../lib/settings/host';
import { dismissClaim, getSettings, isActiveOn, watchSettings, type Settings } from '../../lib/settings';
import { startLens, type Lens } from './lens';

export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_idle',
  // Our styles go into our shadow root as a constructed stylesheet (see lib/dom/shadow-host.ts).
  cssInjectionMode: 'manual',
  async main(ctx) {
    const site = siteKey(location.href);
    let running: { controller: AbortController; lens: Lens; dismissed: string } | null = null;
    let claims: ClaimSummary[] = [];

    const report = (found: ClaimSummary[]) => {
      // Pages with nothing found send nothing: the badge starts empty on every page.
      if (found.length === 0 && claims.length === 0) return;
      claims = found;
      browser.runtime.sendMessage({ type: 'claims-found', claims: found }).catch(() => undefined);
    };

    const stop = () => {
      running?.controller.abort();
      running = null;
    };

    const apply = (settings: Settings) => {
      const active = isActiveOn(settings, site);
      const dismissed = settings.dismissed.join('\n');
      // A changed dismissal list needs a fresh scan; anything else only on/off.
      if (running && (!active || running.dismissed !== dismissed)) stop();
      if (active && !running) {
        const controller = new AbortController();
        const lens = startLens(controller.signal, report, new Set(settings.dismissed), (id) => void dismissClaim(id));
        running = { controller, lens, dismissed };
      }
    };

    apply(await getSettings());
    ctx.onInvalidated(watchSettings(apply));
    ctx.onInvalidated(stop);
    ctx.addEventListener(window, 'wxt:locationchange', () => running?.lens.navigated());

    browser.runtime.onMessage.addListener((message: unknown) => {
      if (!isMessage(message)) return undefined;
      if (message.type === 'get-page-state') {
        const state: PageState = { url: location.href, site, enabled: running !== null, claims };
        return Promise.resolve(state);
      }
      if (message.type === 'focus-claim') {
        return running ? running.lens.focusNext(message.id) : Promise.resolve(false);
      }
      return undefined;
    });
  },
});
