/**
 * The toolbar popup: the switch for this site, the pause for every site, what
 * was found on the page (each claim a button that jumps to it), the keyboard
 * shortcuts. Pages where the extension cannot run say so instead of showing
 * a switch that would do nothing.
 */
import type { ComponentChildren } from 'preact';
import { t } from '../lib/i18n';
import type { ClaimSummary } from '../lib/messages';
import { Shortcuts, type Shortcut } from './Shortcuts';

/** Why the content script cannot run on a page. */
export type RestrictedReason = 'browser' | 'store' | 'file' | 'other';

export type PopupState =
  | { kind: 'loading' }
  /** a web page: `running` is false when no content script answered (opened before install, still loading) */
  | { kind: 'site'; site: string; enabled: boolean; running: boolean; claims: ClaimSummary[] }
  /** the content script runs but the page has no site to switch (a local file the extension may read) */
  | { kind: 'no-site'; claims: ClaimSummary[] }
  | { kind: 'restricted'; reason: RestrictedReason };

export interface PopupProps {
  state: PopupState;
  paused: boolean;
  shortcuts: Shortcut[];
  onToggle: (site: string, enabled: boolean) => void;
  onPause: (paused: boolean) => void;
  onJump: (id: string) => void;
  onOpenOptions: () => void;
}

/** Splits a translated sentence around its $1, so the substitution can be marked up. */
export function withPart(key: string, fallback: string, part: ComponentChildren): ComponentChildren {
  const MARK = '\uE000';
  const [before, after = ''] = t(key, fallback, MARK).split(MARK);
  return (
    <>
      {before}
      {part}
      {after}
    </>
  );
}

export function countText(count: number): string {
  return count === 1
    ? t('claimsCountOne', '1 claim with context on this page')
    : t('claimsCountMany', '$1 claims with context on this page', String(count));
}

const RESTRICTED: Record<RestrictedReason, () => string> = {
  browser: () => t('restrictedBrowser', "Context Lens can't run on the browser's own pages."),
  store: () => t('restrictedStore', "Browsers don't let extensions run on extension store pages."),
  file: () =>
    t(
      'restrictedFile',
      'Context Lens can only read local files if you allow it: turn on “Allow access to file URLs” for Context Lens in your browser’s extension settings.',
    ),
  other: () =>
    t(
      'restrictedOther',
      "Context Lens can't run on this page. Browser pages, extension stores and local files are off limits to extensions.",
    ),
};

export function Popup(props: PopupProps) {
  const { state, paused, shortcuts } = props;
  return (
    <main class="popup" aria-busy={state.kind === 'loading'}>
      <h1>{t('extName', 'Context Lens')}</h1>
      {state.kind === 'restricted' && (
        <p class="notice" id="restricted" role="status">
          {RESTRICTED[state.reason]()}
        </p>
      )}
      {state.kind === 'site' && <SiteSwitch site={state.site} enabled={state.enabled} onToggle={props.onToggle} />}
      {state.kind === 'no-site' && (
        <p class="muted" id="no-site">
          {t('noSite', 'This page has no site to switch off. Pause to turn context off everywhere.')}
        </p>
      )}
      {state.kind !== 'loading' && <PauseButton paused={paused} onPause={props.onPause} />}
      {(state.kind === 'site' || state.kind === 'no-site') && (
        <Found
          claims={state.claims}
          paused={paused}
          off={state.kind === 'site' && !state.enabled}
          waiting={state.kind === 'site' && !state.running}
          onJump={props.onJump}
        />
      )}
      <footer class="foot">
        <Shortcuts shortcuts={shortcuts} />
        <button type="button" class="link" id="open-options" onClick={props.onOpenOptions}>
          {t('openOptions', 'All settings')}
        </button>
      </footer>
    </main>
  );
}

function SiteSwitch(props: { site: string; enabled: boolean; onToggle: PopupProps['onToggle'] }) {
  const { site, enabled } = props;
  return (
    <label class="switch">
      <input
        id="site-switch"
        type="checkbox"
        role="switch"
        checked={enabled}
        onChange={(e) => props.onToggle(site, (e.currentTarget as HTMLInputElement).checked)}
      />
      <span>{withPart('siteSwitch', 'Show context on $1', <strong class="site">{site}</strong>)}</span>
    </label>
  );
}

function PauseButton(props: { paused: boolean; onPause: (paused: boolean) => void }) {
  return (
    <button type="button" id="pause" class={props.paused ? 'pause paused' : 'pause'} onClick={() => props.onPause(!props.paused)}>
      {props.paused ? t('resumeAll', 'Resume on all sites') : t('pauseAll', 'Pause on all sites')}
    </button>
  );
}

function Found(props: { claims: ClaimSummary[]; paused: boolean; off: boolean; waiting: boolean; onJump: (id: string) => void }) {
  const { claims, paused, off, waiting } = props;
  const status = paused
    ? t('statusPaused', 'Paused: context is off on every site until you resume.')
    : off
      ? t('statusSiteOff', 'Context is off for this site.')
      : waiting
        ? t('statusNotStarted', 'Context Lens has not started on this page yet. If the page was open before the extension was installed, reload it.')
        : claims.length === 0
          ? t('statusNone', 'No claims with context on this page.')
          : countText(claims.length);
  const list = !paused && !off && claims.length > 0;
  return (
    <section class="found" aria-labelledby="claim-count">
      <p class={list ? 'count' : 'muted'} role="status" id="claim-count">
        {status}
      </p>
      {list && (
        <ul class="claims">
          {claims.map((c) => (
            <li key={c.id}>
              <button type="button" class="claim" data-claim={c.id} onClick={() => props.onJump(c.id)}>
                <span class="claim-title">{c.title}</span>
                {c.count > 1 && <span class="claim-places">{t('claimPlaces', '$1 places', String(c.count))}</span>}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
