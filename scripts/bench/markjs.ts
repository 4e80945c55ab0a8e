/**
 * mark.js, the usual way to highlight words on a page, timed in the page of
 * the browser without the extension: the side-by-side figure for our scan.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'puppeteer-core';
import { ROOT } from '../../tests/e2e/harness';
import { sleep } from './util';

const MARK_JS = join(ROOT, 'node_modules/mark.js/dist/mark.min.js');
/** A mark.js call longer than this is not repeated on that page (it would blow the time budget). */
export const MARK_REPEAT_LIMIT_MS = 1_000;
/** mark.js is stopped after this long (on the 8x page it runs for minutes); the figure is then a lower bound. */
export const MARK_CAP_MS = 10_000;

export interface MarkRun {
  ms: number;
  marks: number;
  doneCalled: boolean;
  /** stopped at MARK_CAP_MS (Runtime.terminateExecution): ms is then a lower bound */
  capped: boolean;
}

export const markSource = () => readFileSync(MARK_JS, 'utf8');

export function markVersion(): string {
  try {
    return JSON.parse(readFileSync(join(ROOT, 'node_modules/mark.js/package.json'), 'utf8')).version;
  } catch {
    return '';
  }
}

export async function markJs(browser: Browser, url: string, phrases: string[], source: string): Promise<MarkRun> {
  const page = await browser.newPage();
  const cdp = await page.createCDPSession();
  let capped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
    await sleep(300);
    // Injected as an inline script (the page's policy allows inline scripts, like the original sites).
    await page.addScriptTag({ content: source });
    timer = setTimeout(() => {
      capped = true;
      void cdp.send('Runtime.terminateExecution').catch(() => undefined);
    }, MARK_CAP_MS);
    return await page
      .evaluate((phrases: string[]) => {
        const Mark = (window as any).Mark;
        let doneCalled = false;
        let marks = 0;
        const t0 = performance.now();
        new Mark(document.body).mark(phrases, {
          acrossElements: true,
          separateWordSearch: false,
          done: (n: number) => {
            doneCalled = true;
            marks = n;
          },
        });
        const elapsed = performance.now() - t0;
        return { ms: elapsed, marks, doneCalled, capped: false };
      }, phrases)
      .catch((e: Error) => {
        if (!capped) throw e;
        return { ms: MARK_CAP_MS, marks: NaN, doneCalled: false, capped: true };
      });
  } finally {
    clearTimeout(timer);
    await cdp.detach().catch(() => undefined);
    await page.close();
  }
}
