/**
 * Screenshots of the popup and the options page for the README:
 *   npx vite-node scripts/screenshots.ts   (after `npm run build`)
 * writes docs/screenshot-popup.png and docs/screenshot-options.png.
 */
import { resolve } from 'node:path';
import { highlightCount, launchChromium, startServer, waitFor } from '../tests/e2e/harness';

declare const chrome: any;

async function main() {
  const server = await startServer();
  const chromium = await launchChromium();
  try {
    const page = (await chromium.browser.pages())[0] ?? (await chromium.browser.newPage());
    await page.goto(server.url('demo.html'));
    await waitFor(() => highlightCount(page), 'highlights on the demo page');
    await page.bringToFront();
    await chromium.worker.evaluate(() => chrome.action.openPopup());
    const target = await chromium.browser.waitForTarget((t) => t.url().endsWith('/popup.html'));
    const popup = (await target.asPage())!;
    await popup.waitForSelector('button.claim');
    await popup.setViewport({ width: 360, height: 600, deviceScaleFactor: 2 });
    const main = await popup.$('main.popup');
    const popupPath = resolve('docs/screenshot-popup.png');
    await main!.screenshot({ path: popupPath as `${string}.png` });
    console.log(`Popup: ${popupPath}`);
    await popup.close();

    // Some settings to show: two sites off, one dismissed claim.
    await chromium.worker.evaluate(() =>
      chrome.storage.local.set({ disabledSites: ['example.com', 'news.example.org'], dismissedClaims: ['bbc-purge'] }),
    );
    const options = await chromium.browser.newPage();
    await options.setViewport({ width: 820, height: 900, deviceScaleFactor: 1 });
    await options.goto(`chrome-extension://${chromium.extensionId}/options.html`);
    await options.waitForSelector('body[data-ready]');
    const optionsPath = resolve('docs/screenshot-options.png');
    await options.screenshot({ path: optionsPath as `${string}.png`, fullPage: true });
    console.log(`Options: ${optionsPath}`);
  } finally {
    await chromium.close();
    await server.close();
  }
}

main().catch((e: Error) => {
  console.error(`screenshots: ${e.message.split('\n')[0]}`);
  process.exit(1);
});
