/**
 * `npm start` (after the build): opens the demo page in Chromium with the
 * extension loaded. With a display, the window stays open; without one it runs
 * headless, hovers the austerity claim and writes a screenshot of the popover.
 *   --out <file.png>   where to write the screenshot (default artifacts/demo.png)
 *   --dark             emulate a dark colour scheme
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { highlightCount, highlightPoint, highlightTexts, launchChromium, POPOVER, startServer, waitFor } from '../tests/e2e/harness';

const args = process.argv.slice(2);
const out = resolve(args.includes('--out') ? args[args.indexOf('--out') + 1] : 'artifacts/demo.png');
const dark = args.includes('--dark');
const headless = !process.env.DISPLAY || args.includes('--headless');

async function main() {
  const server = await startServer();
  const chromium = await launchChromium({ headless });
  const page = (await chromium.browser.pages())[0] ?? (await chromium.browser.newPage());
  await page.setViewport({ width: 1100, height: 1000 });
  if (dark) await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
  const url = server.url('demo.html');
  await page.goto(url);
  const count = await waitFor(() => highlightCount(page), 'highlights on the demo page');
  const texts = await highlightTexts(page);
  console.log(`Demo page: ${url}\nHighlighted ${count} passages:`);
  for (const t of texts) console.log(`  • ${t}`);

  const n = Math.max(0, texts.findIndex((t) => /austerity/i.test(t)));
  const first = await highlightPoint(page, n);
  // Put the claim in the upper third, so the popover opens below it in full.
  await page.evaluate((dy) => window.scrollBy(0, dy), first.y - 240);
  const { x, y } = await highlightPoint(page, n, 'nearest');
  await page.mouse.move(x - 30, y);
  await page.mouse.move(x, y, { steps: 4 });
  await page.waitForSelector(POPOVER, { visible: true });
  await new Promise((r) => setTimeout(r, 250)); // let the entry animation finish
  mkdirSync(dirname(out), { recursive: true });
  await page.screenshot({ path: out as `${string}.png` });
  console.log(`Screenshot of the popover: ${out}`);

  if (headless) {
    await chromium.close();
    await server.close();
  } else {
    console.log('The browser stays open; press Ctrl+C to quit.');
  }
}

main().catch((e: Error) => {
  console.error(`npm start: ${e.message.split('\n')[0]}`);
  process.exit(1);
});
