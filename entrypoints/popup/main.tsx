import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Popup, type PopupState } from '../../components/Popup';
import type { PageState } from '../../lib/messages';
import { getDisabledSites, setSiteEnabled, watchDisabledSites } from '../../lib/settings/sites';
import './style.css';

const app = document.getElementById('app')!;

async function pageState(): Promise<PageState | null> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return null;
  try {
    return (await browser.tabs.sendMessage(tab.id, { type: 'get-page-state' })) as PageState;
  } catch {
    // No content script answers on the browser's own pages, the stores, or file:// without permission.
    return null;
  }
}

async function draw() {
  const page = await pageState();
  const disabled = await getDisabledSites();
  const state: PopupState = page?.site
    ? { kind: 'site', site: page.site, enabled: !disabled.includes(page.site), claims: page.claims }
    : { kind: 'unavailable' };
  render(
    <Popup
      state={state}
      onToggle={async (site, enabled) => {
        await setSiteEnabled(site, enabled);
      }}
    />,
    app,
  );
}

void draw();
// The content script answers with fresh counts once it has applied the change.
watchDisabledSites(() => setTimeout(draw, 50));
