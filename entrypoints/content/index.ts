/** Wiring: settings decide whether the lens runs on this site; the popup and badge learn what it found. */
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { isMessage, type ClaimSummary, type PageState } from '../../lib/messages';
import { siteKey } from '../../lib/settings/host';
import { getDisabledSites, watchDisabledSites } from '../../lib/settings/sites';
import { startLens } from './lens';
import './style.css';

export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_idle',
  cssInjectionMode: 'ui',
  async main(ctx) {
    const site = siteKey(location.href);
    let running: AbortController | null = null;
    let claims: ClaimSummary[] = [];

    const report = (found: ClaimSummary[]) => {
      // Pages with nothing found send nothing: the badge starts empty on every page.
      if (found.length === 0 && claims.length === 0) return;
      claims = found;
      browser.runtime.sendMessage({ type: 'claims-found', claims: found }).catch(() => undefined);
    };

    const apply = (disabled: string[]) => {
      const enabled = site === null || !disabled.includes(site);
      if (enabled && !running) {
        running = new AbortController();
        void startLens(ctx, running.signal, report);
      } else if (!enabled && running) {
        running.abort();
        running = null;
      }
    };

    apply(await getDisabledSites());
    ctx.onInvalidated(watchDisabledSites(apply));
    ctx.onInvalidated(() => running?.abort());

    browser.runtime.onMessage.addListener((message: unknown) => {
      if (!isMessage(message) || message.type !== 'get-page-state') return undefined;
      const state: PageState = { site, enabled: running !== null, claims };
      return Promise.resolve(state);
    });
  },
});
