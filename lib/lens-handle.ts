/**
 * How the boot script and the lens find each other: both run in the
 * extension's isolated world (which the page cannot see), where the lens
 * leaves a handle under this name.
 */
import type { Settings } from './settings/model';

export const LENS_GLOBAL = 'contextLens';

export interface LensHandle {
  /** Tears the lens down for good: highlights, UI, observers, listeners. */
  stop(): void;
}

/** When the boot script started (performance.now()), so the lens's counters can measure from document_idle. */
export const BOOT_AT_GLOBAL = 'contextLensBootAt';

/** When the background's answer to the first look at the page came back: on a page without claims, the end of our work. */
export const LOOKED_AT_GLOBAL = 'contextLensLookedAt';

/**
 * The settings the background read when it decided to load the lens, left here by the background just before
 * lens.js so the first scan need not wait for a storage read. The lens takes them (and removes them) as it starts.
 */
export const SETTINGS_GLOBAL = 'contextLensSettings';

export type LensWorld = typeof globalThis & {
  [LENS_GLOBAL]?: LensHandle;
  [BOOT_AT_GLOBAL]?: number;
  [LOOKED_AT_GLOBAL]?: number;
  [SETTINGS_GLOBAL]?: Settings;
};
