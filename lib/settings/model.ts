/**
 * What the settings are, apart from how they are stored: the lens (which runs
 * in pages and must stay small) needs this much, not the storage layer.
 */
export interface Settings {
  /** site keys (host without www.) where context is off */
  disabledSites: string[];
  /** context off everywhere */
  paused: boolean;
  /** claim ids the person asked not to see again */
  dismissed: string[];
}

export const DEFAULT_SETTINGS: Settings = { disabledSites: [], paused: false, dismissed: [] };

/** The storage.local keys of the three items (WXT keeps each item's version under the key plus "$"). */
export const SETTINGS_KEYS = { disabledSites: 'disabledSites', paused: 'paused', dismissed: 'dismissedClaims' } as const;

/** Is a change to this storage.local key a change to the settings? */
export const isSettingsKey = (key: string): boolean => Object.values(SETTINGS_KEYS).some((k) => key === k || key === `${k}$`);

/** Does context show on this site? (null: a page without a site, e.g. file://) */
export function isActiveOn(settings: Settings, site: string | null): boolean {
  return !settings.paused && (site === null || !settings.disabledSites.includes(site));
}
