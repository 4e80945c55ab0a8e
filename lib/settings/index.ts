/**
 * Every setting the extension keeps, read and watched as one object. Each
 * value is its own versioned storage item, so a corrupted one falls back to
 * its default without taking the others with it; what was unreadable is
 * noted in `local:settingsProblems` (shown on the options page), never thrown.
 */
import { storage } from 'wxt/utils/storage';
import { defineDisabledSitesItem, disabledSitesItem, uniqueSorted } from './sites';
import { reportProblems, type SettingName } from './problems';

export interface Settings {
  /** site keys (host without www.) where context is off */
  disabledSites: string[];
  /** context off everywhere */
  paused: boolean;
  /** claim ids the person asked not to see again */
  dismissed: string[];
}

export const DEFAULT_SETTINGS: Settings = { disabledSites: [], paused: false, dismissed: [] };

export function definePausedItem() {
  return storage.defineItem<boolean>('local:paused', { fallback: false, version: 1 });
}
export function defineDismissedItem() {
  return storage.defineItem<string[]>('local:dismissedClaims', { fallback: [], version: 1 });
}

export const pausedItem = definePausedItem();
export const dismissedItem = defineDismissedItem();

type Item<T> = { getValue(): Promise<T>; setValue(value: T): Promise<void>; removeValue(): Promise<void> };

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

/** A list of non-empty strings; from a damaged list the good entries are kept. */
function readList(value: unknown): Read<string[]> {
  if (!Array.isArray(value)) return { value: [], bad: true };
  const good = value.filter((s): s is string => typeof s === 'string' && s.trim() !== '');
  return { value: good, bad: good.length !== value.length };
}

function readBoolean(value: unknown): Read<boolean> {
  return typeof value === 'boolean' ? { value, bad: false } : { value: false, bad: true };
}

/** Stores what was kept of an unreadable value (or removes it), so it is reported once. */
async function repair<T>(item: Item<T>, kept: T, isDefault: boolean) {
  if (isDefault) await item.removeValue();
  else await item.setValue(kept);
}

/** Reads the settings through the given items; corrupted values fall back (in part or whole) and are reported. */
export async function readSettings(from: SettingsItems = items): Promise<Settings> {
  // getValue gives the fallback for a missing value; a failing storage area still rejects (that is not corruption).
  const [rawSites, rawPaused, rawDismissed] = await Promise.all([
    from.disabledSites.getValue(),
    from.paused.getValue(),
    from.dismissed.getValue(),
  ]);
  const sites = readList(rawSites);
  const paused = readBoolean(rawPaused);
  const dismissed = readList(rawDismissed);
  const found: { setting: SettingName; value: unknown }[] = [];
  const repairs: Promise<void>[] = [];
  if (sites.bad) {
    found.push({ setting: 'disabledSites', value: rawSites });
    repairs.push(repair(from.disabledSites, uniqueSorted(sites.value), sites.value.length === 0));
  }
  if (paused.bad) {
    found.push({ setting: 'paused', value: rawPaused });
    repairs.push(repair(from.paused, false, true));
  }
  if (dismissed.bad) {
    found.push({ setting: 'dismissedClaims', value: rawDismissed });
    repairs.push(repair(from.dismissed, uniqueSorted(dismissed.value), dismissed.value.length === 0));
  }
  if (found.length) {
    // Reported, never thrown: a failure to note it must not stop the reader.
    await Promise.all([reportProblems(found), ...repairs]).catch((e) => console.warn('Context Lens: could not note a settings problem', e));
  }
  return {
    disabledSites: sites.bad ? uniqueSorted(sites.value) : sites.value,
    paused: paused.value,
    dismissed: dismissed.bad ? uniqueSorted(dismissed.value) : dismissed.value,
  };
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

/** Does context show on this site? (null: a page without a site, e.g. file://) */
export function isActiveOn(settings: Settings, site: string | null): boolean {
  return !settings.paused && (site === null || !settings.disabledSites.includes(site));
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
