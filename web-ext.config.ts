import { defineWebExtConfig } from 'wxt';

// `wxt dev` must not try to open a browser window on a machine without a display.
export default defineWebExtConfig({ disabled: true });
