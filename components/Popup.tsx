/** The toolbar popup: the switch for this site and what was found on the page. */
import type { ClaimSummary } from '../lib/messages';

export type PopupState =
  | { kind: 'site'; site: string; enabled: boolean; claims: ClaimSummary[] }
  | { kind: 'unavailable' };

export interface PopupProps {
  state: PopupState;
  onToggle: (site: string, enabled: boolean) => void;
}

export function Popup({ state, onToggle }: PopupProps) {
  if (state.kind === 'unavailable') {
    return (
      <main class="popup">
        <h1>Context Lens</h1>
        <p class="muted" role="status">
          Context Lens can't run on this page. Browser pages, extension stores and local files are off limits to
          extensions.
        </p>
      </main>
    );
  }
  const { site, enabled, claims } = state;
  return (
    <main class="popup">
      <h1>Context Lens</h1>
      <label class="switch">
        <input
          id="site-switch"
          type="checkbox"
          role="switch"
          checked={enabled}
          onChange={(e) => onToggle(site, (e.currentTarget as HTMLInputElement).checked)}
        />
        <span>
          Show context on <strong>{site}</strong>
        </span>
      </label>
      <p class="muted" role="status" id="claim-count">
        {!enabled
          ? 'Context is off for this site.'
          : claims.length === 0
            ? 'No claims with context on this page.'
            : `${claims.length} ${claims.length === 1 ? 'claim' : 'claims'} with context on this page:`}
      </p>
      {enabled && claims.length > 0 && (
        <ul class="claims">
          {claims.map((c) => (
            <li key={c.id}>{c.title}</li>
          ))}
        </ul>
      )}
    </main>
  );
}
