import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { compileHints } from './lib/build/compile-hints';
import { claimsIndex } from './lib/claims/vite-plugin';

// Fixed so tests and the Firefox store see one add-on across builds.
export const GECKO_ID = 'context-lens@example.org';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // No modulepreload polyfill: every supported browser has modulepreload, and the polyfill holds a fetch() call
  // (tests/e2e/bundle.test.ts allows none).
  vite: () => ({ plugins: [preact(), claimsIndex(), compileHints(['lens.js'])], build: { modulePreload: { polyfill: false } } }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // activeTab: no install warning; lets the popup and the commands see the active tab's URL once the person
    // opens the popup or presses a shortcut, to explain pages the extension cannot run on.
    // scripting + <all_urls>: the background loads the lens only into pages where the boot script's quick look
    // found a trigger word; the boot script already runs on <all_urls>, so the install warning is the same.
    permissions: ['storage', 'activeTab', 'scripting'],
    host_permissions: ['<all_urls>'],
    action: { default_title: '__MSG_extName__' },
    // Keys free in Chrome and Firefox (Chromium keeps Alt+Shift+N for itself); people can rebind them.
    commands: {
      'toggle-site': { suggested_key: { default: 'Alt+Shift+L' }, description: '__MSG_commandToggleSite__' },
      'next-claim': { suggested_key: { default: 'Alt+Shift+J' }, description: '__MSG_commandNextClaim__' },
    },
    // The boot script (entrypoints/boot.ts) is all that runs on every page. The ::highlight() rules
    // go in with the lens's first paint (see lib/dom/highlight-style.ts). It runs in frames too, but reads only those of the top page's origin (see isTopOrSameOrigin).
    content_scripts: [
      { matches: ['<all_urls>'], js: ['boot.js'], run_at: 'document_idle', all_frames: true, match_about_blank: true },
    ],
    // Highlights are painted with the CSS Custom Highlight API: Chrome 105+, Firefox 140+.
    ...(browser !== 'firefox' && { minimum_chrome_version: '105' }),
    ...(browser === 'firefox' && {
      // MV2 has browser_action; WXT does not carry action.default_title over.
      browser_action: { default_title: '__MSG_extName__' },
      browser_specific_settings: {
        gecko: {
          id: GECKO_ID,
          strict_min_version: '140.0',
          data_collection_permissions: { required: ['none'] },
        },
        gecko_android: { strict_min_version: '142.0' },
      },
    }),
  }),
});
