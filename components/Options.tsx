/**
 * The options page: where context is off, claims the person dismissed, the
 * pause, the dataset shipped, keyboard shortcuts, and export/import of the
 * settings. Pure view: the entrypoint passes the data and the actions.
 */
import { useState } from 'preact/hooks';
import { t } from '../lib/i18n';
import type { Settings } from '../lib/settings';
import { parseSite } from '../lib/settings/host';
import type { SettingName, SettingsProblem } from '../lib/settings/problems';
import type { ParseResult } from '../lib/settings/transfer';
import { OptionsTransfer } from './OptionsTransfer';
import { withPart } from './Popup';
import { Shortcuts, type Shortcut } from './Shortcuts';

export interface DatasetInfo {
  entries: number;
  version: string;
  /** YYYY[-MM[-DD]] of the oldest and newest review, null for an empty dataset */
  oldestReview: string | null;
  newestReview: string | null;
}

export interface OptionsProps {
  settings: Settings;
  problems: SettingsProblem[];
  dataset: DatasetInfo;
  /** claim id -> title, for the dismissed list */
  claimTitles: Record<string, string>;
  shortcuts: Shortcut[];
  onAddSite: (site: string) => Promise<void>;
  onRemoveSite: (site: string) => Promise<void>;
  onRestoreClaim: (id: string) => Promise<void>;
  onPause: (paused: boolean) => Promise<void>;
  onClearProblems: () => Promise<void>;
  onExport: () => Promise<void>;
  onImport: (text: string) => Promise<ParseResult>;
  /** opens the browser's page for changing extension shortcuts, where there is one */
  onChangeShortcuts?: () => void;
}

export function Options(props: OptionsProps) {
  const { settings } = props;
  return (
    <main class="options">
      <h1>{t('optionsTitle', 'Context Lens settings')}</h1>
      {props.problems.length > 0 && <Problems problems={props.problems} onClear={props.onClearProblems} />}

      <section aria-labelledby="pause-title">
        <h2 id="pause-title">{t('pauseTitle', 'Pause')}</h2>
        <label class="switch">
          <input
            id="pause-switch"
            type="checkbox"
            role="switch"
            checked={settings.paused}
            onChange={(e) => void props.onPause((e.currentTarget as HTMLInputElement).checked)}
          />
          <span>{t('pauseSwitch', 'Pause context on all sites')}</span>
        </label>
      </section>

      <Sites sites={settings.disabledSites} onAdd={props.onAddSite} onRemove={props.onRemoveSite} />
      <Dismissed ids={settings.dismissed} titles={props.claimTitles} onRestore={props.onRestoreClaim} />

      <section aria-labelledby="shortcuts-section-title">
        <h2 id="shortcuts-section-title">{t('shortcutsTitle', 'Keyboard shortcuts')}</h2>
        <Shortcuts shortcuts={props.shortcuts} id="options-shortcuts" bare />
        {props.onChangeShortcuts && (
          <button type="button" class="secondary" id="change-shortcuts" onClick={props.onChangeShortcuts}>
            {t('changeShortcuts', 'Change shortcuts')}
          </button>
        )}
      </section>

      <Dataset info={props.dataset} />
      <OptionsTransfer onExport={props.onExport} onImport={props.onImport} />
    </main>
  );
}

const SETTING_NAMES: Record<SettingName, () => string> = {
  disabledSites: () => t('sitesTitle', 'Sites where context is off'),
  paused: () => t('pauseTitle', 'Pause'),
  dismissedClaims: () => t('dismissedTitle', 'Claims you dismissed'),
};

function Problems(props: { problems: SettingsProblem[]; onClear: () => Promise<void> }) {
  return (
    <section class="problems" id="problems" role="alert" aria-labelledby="problems-title">
      <h2 id="problems-title">{t('problemsTitle', 'Some stored settings could not be read')}</h2>
      <p>{t('problemsText', 'They were reset to their defaults. What was found is shown here so nothing is lost without you knowing.')}</p>
      <ul>
        {props.problems.map((p) => (
          <li key={`${p.setting}${p.at}`}>
            <strong>{SETTING_NAMES[p.setting]()}</strong>: <code>{p.found}</code>
          </li>
        ))}
      </ul>
      <button type="button" class="secondary" id="clear-problems" onClick={() => void props.onClear()}>
        {t('problemsClear', 'Dismiss this note')}
      </button>
    </section>
  );
}

function Sites(props: { sites: string[]; onAdd: (site: string) => Promise<void>; onRemove: (site: string) => Promise<void> }) {
  const [text, setText] = useState('');
  const [error, setError] = useState('');
  const [done, setDone] = useState('');
  const submit = async (e: Event) => {
    e.preventDefault();
    setDone('');
    if (!text.trim()) {
      setError(t('addSiteEmpty', 'Type a site, for example example.com.'));
      return;
    }
    const site = parseSite(text);
    if (!site) {
      setError(t('addSiteInvalid', '“$1” is not a site name. Type a host such as example.com.', text.trim().slice(0, 100)));
      return;
    }
    if (props.sites.includes(site)) {
      setError(t('addSiteExists', 'Context is already off on $1.', site));
      return;
    }
    setError('');
    await props.onAdd(site);
    setText('');
    setDone(t('addSiteDone', 'Context is now off on $1.', site));
  };
  return (
    <section aria-labelledby="sites-title">
      <h2 id="sites-title">{t('sitesTitle', 'Sites where context is off')}</h2>
      {props.sites.length === 0 ? (
        <p class="muted" id="sites-empty">
          {t('sitesEmpty', 'None: context shows on every site.')}
        </p>
      ) : (
        <ul class="items" id="sites">
          {props.sites.map((site) => (
            <li key={site} data-site={site}>
              <span class="item-name">{site}</span>
              <button
                type="button"
                class="secondary"
                aria-label={t('removeSiteLabel', 'Remove $1', site)}
                onClick={() => {
                  setDone('');
                  void props.onRemove(site);
                }}
              >
                {t('removeSite', 'Remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form class="add" id="add-site-form" onSubmit={(e) => void submit(e)} noValidate>
        <label for="add-site">{t('addSiteLabel', 'Turn context off on a site')}</label>
        <div class="row">
          <input
            id="add-site"
            type="text"
            inputMode="url"
            autoComplete="off"
            spellcheck={false}
            placeholder="example.com"
            value={text}
            aria-invalid={error ? true : undefined}
            aria-describedby="add-site-error"
            onInput={(e) => setText((e.currentTarget as HTMLInputElement).value)}
          />
          <button type="submit">{t('addSiteButton', 'Turn off')}</button>
        </div>
        <p class="error" id="add-site-error" role="alert">
          {error}
        </p>
        <p class="done" id="add-site-done" role="status">
          {done}
        </p>
      </form>
    </section>
  );
}

function Dismissed(props: { ids: string[]; titles: Record<string, string>; onRestore: (id: string) => Promise<void> }) {
  return (
    <section aria-labelledby="dismissed-title">
      <h2 id="dismissed-title">{t('dismissedTitle', 'Claims you dismissed')}</h2>
      {props.ids.length === 0 ? (
        <p class="muted" id="dismissed-empty">
          {t('dismissedEmpty', 'None. “Don’t show this claim again” in a context card adds a claim here.')}
        </p>
      ) : (
        <ul class="items" id="dismissed">
          {props.ids.map((id) => {
            const title = props.titles[id];
            return (
              <li key={id} data-claim={id}>
                <span class="item-name">{title ?? t('dismissedUnknown', '$1 (no longer in the dataset)', id)}</span>
                <button
                  type="button"
                  class="secondary"
                  aria-label={t('restoreClaimLabel', 'Show again: $1', title ?? id)}
                  onClick={() => void props.onRestore(id)}
                >
                  {t('restoreClaim', 'Show again')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

function Dataset({ info }: { info: DatasetInfo }) {
  return (
    <section aria-labelledby="dataset-title">
      <h2 id="dataset-title">{t('datasetTitle', 'Dataset')}</h2>
      <dl class="facts" id="dataset">
        <dt>{t('datasetEntries', 'Claims with context')}</dt>
        <dd id="dataset-entries">{info.entries}</dd>
        <dt>{t('datasetVersion', 'Version')}</dt>
        <dd id="dataset-version">{withPart('datasetVersionValue', '$1 (the dataset ships inside the extension)', <strong>{info.version}</strong>)}</dd>
        <dt>{t('datasetReviewed', 'Reviewed')}</dt>
        <dd id="dataset-reviewed">
          {info.oldestReview && info.newestReview
            ? info.oldestReview === info.newestReview
              ? info.newestReview
              : t('datasetReviewRange', '$1 to $2', [info.oldestReview, info.newestReview])
            : '—'}
        </dd>
      </dl>
    </section>
  );
}
