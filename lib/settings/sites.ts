/**
 * Sites where the person switched context off. A versioned storage item:
 * new versions add a migration instead of breaking what people stored.
 */
import { storage } from 'wxt/utils/storage';
import * as z from 'zod/mini';

const DisabledSites = z.array(z.string());

export const disabledSitesItem = storage.defineItem<string[]>('local:disabledSites', {
  fallback: [],
  version: 1,
});

/** The stored list, or [] (reported, not thrown) when the stored value is corrupted. */
export async function getDisabledSites(): Promise<string[]> {
  return parseDisabledSites(await disabledSitesItem.getValue());
}

export function parseDisabledSites(value: unknown): string[] {
  const parsed = DisabledSites.safeParse(value);
  if (parsed.success) return parsed.data;
  console.warn('Context Lens: stored site list was unreadable; using the default (on everywhere).');
  return [];
}

export async function setSiteEnabled(site: string, enabled: boolean): Promise<void> {
  const sites = new Set(await getDisabledSites());
  if (enabled) sites.delete(site);
  else sites.add(site);
  await disabledSitesItem.setValue([...sites].sort());
}

export function watchDisabledSites(callback: (sites: string[]) => void): () => void {
  return disabledSitesItem.watch((value) => callback(parseDisabledSites(value)));
}
