/**
 * The lens's interactive layer (Preact, floating-ui: about a quarter of lens.js's
 * compile time) is a script of its own, lens-ui.js, so the first highlights
 * are painted without it. The background loads it when the lens, having found
 * something, asks; it leaves its createOverlay in the extension's world, which
 * the two scripts share.
 */
import type { createOverlay } from './overlay';

export const UI_GLOBAL = 'contextLensUi';

/** Tag of the UI's shadow host, which the lens's scans and mutation watcher leave out. */
export const UI_TAG = 'context-lens-ui';

export type CreateOverlay = typeof createOverlay;

export type UiWorld = typeof globalThis & { [UI_GLOBAL]?: CreateOverlay };
