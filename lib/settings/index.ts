/**
 * Every setting the extension keeps, read and watched as one object. Each
 * value is its own versioned storage item, so a corrupted one falls back to
 * its default without taking the others with it; what was unreadable is
 * noted in `local:settingsProblems` (shown on the options page), never thrown.
 */
import { storage } from 'wxt/utils/storage';
import { defineDisabledSitesItem, disabledSitesItem, MAX_ENTRY_LENGTH, MAX_LIST_ENTRIES, SITES_VERSION, uniqueSorted } from './sites';
import { describeFound, reportProblems, type SettingName } from './problems';

import { SETTINGS_KEYS, type Settings } from './model';

export { DEFAULT_SETTINGS, isActiveOn, type Settings } from './model';

export function definePausedItem() {
  return storage.defineItem<boolean>(`local:${SETTINGS_KEYS.paused}`, { fallback: false, version: 1 });
}
export function defineDismissedItem() {
  return storage.defineItem<string[]>(`local:${SETTINGS_KEYS.dismissed}`, { fallback: [], version: 1 });
}

export const pausedItem = definePausedItem();
export const dismissedItem = defineDismissedItem();

type Item<T> = {
  getValue(): Promise<T>;
  setValue(value: T): Promise<void>;
  removeValue(): Promise<void>;
  /** WXT's version note, { v } */
  getMeta(): Promise<{ v?: unknown }>;
  setMeta(meta: { v: number }): Promise<void>;
};

export interface SettingsItems {
  disabledSites: Item<string[]>;
  paused: Item<boolean>;
  dismissed: Item<string[]>;
}

/** Defines all three items afresh (running their migrations): for tests that seed storage first. */
export function defineSettingsItems(): SettingsItems {
  return { disabledSites: defineDisabledSitesItem(), paused: definePausedItem(), dismissed: defineDismissedItem() };
}

const items: SettingsItems = { disabledSites: disabledSitesItem, paused: pausedItem, dismissed: dismissedItem };

interface Read<T> {
  value: T;
  /** the stored value was unreadable, wholly or in part */
  bad: boolean;
}

/**
 * A list of non-empty strings of a sane length; from a damaged list the good
 * entries are kept (the first MAX_LIST_ENTRIES of them, sorted).
 */
function readList(value: unknown): Read<string[]> {
  if (!Array.isArray(value)) return { value: [], bad: true };
  const good = value.filter((s): s is string => typeof s === 'string' && s.trim() !== '' && s.length <= MAX_ENTRY_LENGTH);
  if (good.length === value.length && good.length <= MAX_LIST_ENTRIES) return { value: good, bad: false };
  return { value: uniqueSorted(good).slice(0, MAX_LIST_ENTRIES), bad: true };
}

function readBoolean(value: unknown): Read<boolean> {
  return typeof value === 'boolean' ? { value, bad: false } : { value: false, bad: true };
}

/** Version notes this code can read: none (version 1), or a whole number from 1 to the item's version. */
function knownVersion(meta: { v?: unknown }, current: number): boolean {
  const v = meta.v;
  return v === undefined || v === null || (typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= current);
}

/**
 * Checks one stored value: a value under a version note this code does not
 * know (a newer version's format, or a damaged note) is not trusted at all.
 */
function check<T>(read: (value: unknown) => Read<T>, fallback: T, value: unknown, meta: { v?: unknown }, current: number) {
  if (knownVersion(meta, current)) return { ...read(value), found: () => describeFound(value), version: undefined };
  return { value: fallback, bad: true, found: () => `${describeFound(value)} (version ${describeFound(meta.v)})`, version: current };
}

/** Stores what was kept of an unreadable value (or removes it), and a version note this code knows, so it is reported once. */
async function repair<T>(item: Item<T>, kept: T, isDefault: boolean, version: number | undefined) {
  if (isDefault) await item.removeValue();
  else await item.setValue(kept);
  if (version !== undefined) await item.setMeta({ v: version });
}

/** Reads the settings through the given items; corrupted values fall back (in part or whole) and are reported. */
export async function readSettings(from: SettingsItems = items): Promise<Settings> {
  // getValue gives the fallback for a missing value; a failing storage area still rejects (that is not corruption).
  const [rawSites, rawPaused, rawDismissed, sitesMeta, pausedMeta, dismissedMeta] = await Promise.all([
    from.disabledSites.getValue(),
    from.paused.getValue(),
    from.dismissed.getValue(),
    from.disabledSites.getMeta(),
    from.paused.getMeta(),
    from.dismissed.getMeta(),
  ]);
  const sites = check(readList, [], rawSites, sitesMeta, SITES_VERSION);
  const paused = check(readBoolean, false, rawPaused, pausedMeta, 1);
  const dismissed = check(readList, [], rawDismissed, dismissedMeta, 1);
  const found: { setting: SettingName; found: string }[] = [];
  const repairs: Promise<void>[] = [];
  if (sites.bad) {
    found.push({ setting: 'disabledSites', found: sites.found() });
    repairs.push(repair(from.disabledSites, sites.value, sites.value.length === 0, sites.version));
  }
  if (paused.bad) {
    found.push({ setting: 'paused', found: paused.found() });
    repairs.push(repair(from.paused, false, true, paused.version));
  }
  if (dismissed.bad) {
    found.push({ setting: 'dismissedClaims', found: dismissed.found() });
    repairs.push(repair(from.dismissed, dismissed.value, dismissed.value.length === 0, dismissed.version));
  }
  if (found.length) {
    // Reported, never thrown: a failure to note it must not stop the reader.
    await Promise.all([reportProblems(found), ...repairs]).catch((e) => console.warn('Context Lens: could not note a settings problem', e));
  }
  return { disabledSites: sites.value, paused: paused.value, dismissed: dismissed.value };
}

export function getSettings(): Promise<Settings> {
  return readSettings(items);
}

/** Calls back with the whole, fresh settings object whenever any part changes. */
export function watchSettings(callback: (settings: Settings) => void): () => void {
  const refresh = () =>
    void getSettings()
      .then(callback)
      .catch((e) => console.warn('Context Lens: could not read the settings', e));
  const stops = [disabledSitesItem.watch(refresh), pausedItem.watch(refresh), dismissedItem.watch(refresh)];
  return () => stops.forEach((stop) => stop());
}

export async function setPaused(paused: boolean): Promise<void> {
  await pausedItem.setValue(paused);
}

export async function dismissClaim(id: string): Promise<void> {
  const { dismissed } = await getSettings();
  if (!dismissed.includes(id)) await dismissedItem.setValue(uniqueSorted([...dismissed, id]));
}

export async function restoreClaim(id: string): Promise<void> {
  const { dismissed } = await getSettings();
  await dismissedItem.setValue(dismissed.filter((d) => d !== id));
}

export async function setSiteEnabled(site: string, enabled: boolean): Promise<void> {
  const sites = new Set((await getSettings()).disabledSites);
  if (enabled) sites.delete(site);
  else sites.add(site);
  await disabledSitesItem.setValue(uniqueSorted(sites));
}

export { siteKey, parseSite } from './host';
