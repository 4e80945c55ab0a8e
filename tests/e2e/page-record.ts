/**
 * What a page's own script can observe: a recorder added before any page
 * script writes down every `message` event, performance mark, measure and
 * resource entry, and attribute change on <html> and <body>; the page's
 * console messages, errors and the window's own property names are added
 * when the record is read.
 */
import type { Page } from 'puppeteer-core';
import { waitFor } from './harness';

export interface PageRecord {
  messages: string[];
  performance: string[];
  attributes: string[];
  windowProperties: string[];
  console: string[];
  errors: string[];
}

export const RECORD_FIELDS = ['messages', 'performance', 'attributes', 'windowProperties', 'console', 'errors'] as const;

/** Runs in the page's own world before its scripts (puppeteer serialises it: no outside references). */
function recorder() {
  const log = { messages: [] as string[], performance: [] as string[], attributes: [] as string[] };
  const text = (value: unknown) => {
    try {
      return JSON.stringify(value);
    } catch {
      return String(value);
    }
  };
  window.addEventListener('message', (e) => log.messages.push(`${e.origin} ${text(e.data)}`), true);
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) log.performance.push(`${entry.entryType} ${entry.name}`);
  }).observe({ entryTypes: ['mark', 'measure', 'resource'] });
  new MutationObserver((records) => {
    for (const r of records) {
      const el = r.target as Element;
      if (el === document.documentElement || el === document.body) log.attributes.push(`${el.localName} ${r.attributeName}`);
    }
  }).observe(document, { attributes: true, subtree: true });
  Object.defineProperty(window, '__pageRecord', { value: log });
}

export interface Recording {
  /** sends a probe on every channel, waits for it, and returns the record */
  read(): Promise<PageRecord>;
}

/** Starts recording on a tab that has not navigated yet. */
export async function recordPage(page: Page): Promise<Recording> {
  const lines: string[] = [];
  const errors: string[] = [];
  // The location tells the favicon's 404 apart (see withoutFavicon).
  page.on('console', (m) => lines.push(`${m.type()} ${m.text()} ${m.location().url ?? ''}`.trim()));
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.evaluateOnNewDocument(recorder);
  return {
    async read() {
      // The page's own probe on each channel, so a test can show the recorder hears them.
      await page.evaluate(() => {
        window.postMessage('probe', '*');
        performance.mark('probe');
        console.info('probe');
      });
      await waitFor(() => page.evaluate(() => (window as any).__pageRecord.messages.some((m: string) => m.endsWith(' "probe"'))), 'the probe message');
      const seen = await page.evaluate(() => ({
        ...(window as any).__pageRecord,
        windowProperties: Object.getOwnPropertyNames(window).sort(),
      }));
      return withoutFavicon({ ...seen, console: [...lines], errors: [...errors] });
    },
  };
}

/** The browser fetches the favicon when it likes: its timing entry and its 404 come and go between runs. */
function withoutFavicon(r: PageRecord): PageRecord {
  const keep = (v: string) => !v.includes('/favicon.ico');
  return { ...r, performance: r.performance.filter(keep), console: r.console.filter(keep) };
}

/** Field by field, what `a` has that `b` has not (added) and the reverse (missing), counting repeats. */
export function recordDifference(a: PageRecord, b: PageRecord) {
  const extra = (x: string[], y: string[]) => {
    const rest = [...y];
    return x.filter((v) => {
      const i = rest.indexOf(v);
      if (i < 0) return true;
      rest.splice(i, 1);
      return false;
    });
  };
  return Object.fromEntries(RECORD_FIELDS.map((k) => [k, { added: extra(a[k], b[k]), missing: extra(b[k], a[k]) }]));
}

export const NO_DIFFERENCE = Object.fromEntries(RECORD_FIELDS.map((k) => [k, { added: [], missing: [] }]));
