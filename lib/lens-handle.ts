/**
 * How the boot script and the lens find each other: both run in the
 * extension's isolated world (which the page cannot see), where the lens
 * leaves a handle under this name.
 */
export const LENS_GLOBAL = 'contextLens';

export interface LensHandle {
  /** Tears the lens down for good: highlights, UI, observers, listeners. */
  stop(): void;
}

export type LensWorld = typeof globalThis & { [LENS_GLOBAL]?: LensHandle };
