import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { claimsIndex } from './lib/claims/vite-plugin';

// Fixed so tests and the Firefox store see one add-on across builds.
export const GECKO_ID = 'context-lens@example.org';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact(), claimsIndex()] }),
  manifest: ({ browser }) => ({
    name: 'Context Lens',
    description: 'Neutral context and sources next to known claims on any web page. Runs entirely in your browser.',
    permissions: ['storage'],
    action: { default_title: 'Context Lens' },
    // The ::highlight() rules must live in the page, not in our shadow root.
    content_scripts: [{ matches: ['<all_urls>'], css: ['highlights.css'], run_at: 'document_idle' }],
    ...(browser === 'firefox' && {
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
