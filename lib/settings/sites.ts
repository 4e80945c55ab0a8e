/**
 * Sites where the person switched context off. A versioned storage item:
 * new versions add a migration instead of breaking what people stored.
 *
 * v1: host names as they came (any case, with or without "www.", repeats).
 * v2: site keys (see siteKey), deduplicated and sorted.
 */
import { storage } from 'wxt/utils/storage';
import { parseSite } from './host';
import { SETTINGS_KEYS } from './model';

export const SITES_VERSION = 2;

/** v1 -> v2. Anything that is not a host name is kept as it was (lower case), never dropped. */
export function migrateSitesV1(value: unknown): unknown {
  if (!Array.isArray(value)) return value; // unreadable: left for the reader to report
  const keys = value.map((entry) => (typeof entry === 'string' ? (parseSite(entry) ?? entry.trim().toLowerCase()) : entry));
  return normaliseList(keys);
}

/** Deduplicated and sorted; non-strings and empty strings are left in for the schema to reject. */
function normaliseList(list: unknown[]): unknown[] {
  const strings = list.filter((s): s is string => typeof s === 'string' && s !== '');
  const others = list.filter((s) => typeof s !== 'string' || s === '');
  return [...uniqueSorted(strings), ...others];
}

/** Defines the item (and runs its migrations): module level below, and in tests after seeding storage. */
export function defineDisabledSitesItem() {
  return storage.defineItem<string[]>(`local:${SETTINGS_KEYS.disabledSites}`, {
    fallback: [],
    version: SITES_VERSION,
    migrations: { 2: migrateSitesV1 },
  });
}

export const disabledSitesItem = defineDisabledSitesItem();

/** Longest stored list read: far beyond any real use, so a larger one is damage (and would slow every page). */
export const MAX_LIST_ENTRIES = 10_000;
/** Longest list entry read: a host name has at most 253 characters, a claim id about 60. */
export const MAX_ENTRY_LENGTH = 300;

/** Sorted and deduplicated: how every stored list (site keys, dismissed claim ids) is kept. */
export function uniqueSorted(list: Iterable<string>): string[] {
  return [...new Set(list)].sort();
}
