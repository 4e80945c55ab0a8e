/** The lens's popover UI, loaded on the lens's request (see lens/ui-handle.ts). */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { createOverlay } from './lens/overlay';
import { UI_GLOBAL, type UiWorld } from './lens/ui-handle';

export default defineUnlistedScript(() => {
  (globalThis as UiWorld)[UI_GLOBAL] = createOverlay;
});
