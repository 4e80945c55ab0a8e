import { render } from 'preact';
import index from 'virtual:claims-index';
import { browser } from 'wxt/browser';
import { Options, type DatasetInfo } from '../../components/Options';
import type { Shortcut } from '../../components/Shortcuts';
import { t, uiLanguage } from '../../lib/i18n';
import { getSettings, restoreClaim, setPaused, setSiteEnabled, watchSettings } from '../../lib/settings';
import { clearProblems, getProblems, watchProblems } from '../../lib/settings/problems';
import { exportFileName, exportSettings, importSettings } from '../../lib/settings/transfer';
import './style.css';

const app = document.getElementById('app')!;
document.documentElement.lang = uiLanguage();
document.title = t('optionsTitle', 'Context Lens settings');

const reviews = index.claims.map((c) => c.reviewed).sort();
const dataset: DatasetInfo = {
  entries: index.claims.length,
  version: browser.runtime.getManifest().version,
  oldestReview: reviews[0] ?? null,
  newestReview: reviews[reviews.length - 1] ?? null,
};
const claimTitles: Record<string, string> = Object.fromEntries(index.claims.map((c) => [c.id, c.title]));

async function download() {
  const now = new Date();
  const url = URL.createObjectURL(new Blob([await exportSettings(now)], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = exportFileName(now);
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

type WithShortcutSettings = { openShortcutSettings?: () => Promise<void> };

/** Firefox has a call for its shortcut page; Chrome's is a chrome:// page an extension may open. */
function changeShortcuts(): (() => void) | undefined {
  const commands = browser.commands as unknown as WithShortcutSettings;
  if (typeof commands.openShortcutSettings === 'function') return () => void commands.openShortcutSettings!();
  if (location.protocol === 'chrome-extension:') return () => void browser.tabs.create({ url: 'chrome://extensions/shortcuts' });
  return undefined;
}

let shortcuts: Shortcut[] = [];

async function draw() {
  const [settings, problems] = await Promise.all([getSettings(), getProblems()]);
  render(
    <Options
      settings={settings}
      problems={problems}
      dataset={dataset}
      claimTitles={claimTitles}
      shortcuts={shortcuts}
      onAddSite={(site) => setSiteEnabled(site, false)}
      onRemoveSite={(site) => setSiteEnabled(site, true)}
      onRestoreClaim={restoreClaim}
      onPause={setPaused}
      onClearProblems={clearProblems}
      onExport={download}
      onImport={importSettings}
      onChangeShortcuts={changeShortcuts()}
    />,
    app,
  );
}

async function start() {
  shortcuts = await browser.commands
    .getAll()
    .then((all) => all.map((c) => ({ name: c.name ?? '', shortcut: c.shortcut ?? '' })))
    .catch(() => []);
  await draw();
  document.body.dataset.ready = 'true';
  watchSettings(() => void draw());
  watchProblems(() => void draw());
}

void start();
