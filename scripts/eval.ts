/**
 * `npm run eval [-- cases.json]`: runs labelled cases through the BUILT
 * extension in real headless Chromium and prints precision and recall per
 * claim family. A "pos" case must show exactly one distinct claim, of its
 * family; a "neg" case none. Each case is served as its own page on 127.0.0.1.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { resolve } from 'node:path';
import { LOOKED_AT_GLOBAL } from '../lib/lens-handle';
import { launchChromium, waitFor } from '../tests/e2e/harness';

interface Case {
  id: string;
  kind: 'pos' | 'neg';
  family?: string;
  html: string;
}

const file = resolve(process.argv[2] ?? 'tests/fixtures/eval/dev-cases.json');
const { cases } = JSON.parse(readFileSync(file, 'utf8')) as { cases: Case[] };
/** Cases may add text after load (a feed, a timer): wait this long past the last change. */
const SETTLE_MS = 1800;
/**
 * Then look until something is highlighted, for this long at most: on a loaded machine the background's look
 * and the lens's load can take a while. Negative cases get the same time to go wrong.
 */
const FIND_MS = 10_000;
const PARALLEL = 6;

declare const chrome: any;

async function main() {
  const byId = new Map(cases.map((c) => [c.id, c]));
  const server = createServer((req, res) => {
    const c = byId.get(decodeURIComponent((req.url ?? '').replace(/^\/case\//, '')));
    if (!c) return void res.writeHead(404).end();
    res
      .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      .end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${c.id}</title></head><body>${c.html}</body></html>`);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const port = (server.address() as { port: number }).port;
  const chromium = await launchChromium();

  /**
   * The claims the page in the tab at `url` reports (the boot script answers [] until the lens runs). A page in
   * which the boot script found no anchor word never answers: its mark in the extension's world says it looked.
   */
  const readIds = (url: string): Promise<string[]> =>
    waitFor(
      () =>
        chromium.worker.evaluate(
          async (url: string, looked: string) => {
            for (const tab of await chrome.tabs.query({})) {
              try {
                const state = await chrome.tabs.sendMessage(tab.id, { type: 'get-page-state' }, { frameId: 0 });
                if (state?.url === url) return state.claims.map((x: { id: string }) => x.id);
              } catch {
                // not our tab, or no listener there
              }
              const [run] = await chrome.scripting
                .executeScript({ target: { tabId: tab.id, frameIds: [0] }, func: (key: string) => [location.href, (globalThis as Record<string, unknown>)[key] ?? null], args: [looked] })
                .catch(() => []);
              if (run?.result?.[0] === url && run.result[1] !== null) return [];
            }
            return null;
          },
          url,
          LOOKED_AT_GLOBAL,
        ),
      `the content script on ${url}`,
    );

  const found = new Map<string, string[]>();
  const queue = [...cases];
  const worker = async () => {
    for (let c = queue.shift(); c; c = queue.shift()) {
      const page = await chromium.browser.newPage();
      const url = `http://127.0.0.1:${port}/case/${encodeURIComponent(c.id)}`;
      await page.goto(url);
      await new Promise((r) => setTimeout(r, SETTLE_MS));
      let ids: string[] = await readIds(url);
      for (const deadline = Date.now() + FIND_MS; ids.length === 0 && Date.now() < deadline; ) {
        await new Promise((r) => setTimeout(r, 250));
        ids = await readIds(url);
      }
      found.set(c.id, ids);
      await page.close();
    }
  };
  await Promise.all(Array.from({ length: PARALLEL }, worker));
  await chromium.close();
  server.closeAllConnections();
  server.close();

  // Per family: TP = pos case of the family showing exactly that claim; FP = any case showing the family's claim wrongly.
  const families = new Set(cases.flatMap((c) => (c.family ? [c.family] : [])));
  for (const ids of found.values()) ids.forEach((id) => families.add(id));
  const rows: string[][] = [];
  let tpAll = 0;
  let fpAll = 0;
  let fnAll = 0;
  for (const fam of [...families].sort()) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const c of cases) {
      const ids = found.get(c.id) ?? [];
      const mine = c.kind === 'pos' && c.family === fam;
      if (mine) {
        if (ids.length === 1 && ids[0] === fam) tp++;
        else fn++;
      }
      if (ids.includes(fam) && !(mine && ids.length === 1)) fp++;
    }
    tpAll += tp;
    fpAll += fp;
    fnAll += fn;
    rows.push([fam, String(tp), String(fp), String(fn), pct(tp, tp + fp), pct(tp, tp + fn)]);
  }
  const negs = cases.filter((c) => c.kind === 'neg');
  const dirtyNegs = negs.filter((c) => (found.get(c.id) ?? []).length > 0);
  console.log(table([['family', 'TP', 'FP', 'FN', 'precision', 'recall'], ...rows]));
  console.log(`\nall families: precision ${pct(tpAll, tpAll + fpAll)}, recall ${pct(tpAll, tpAll + fnAll)}; neg cases with any highlight: ${dirtyNegs.length}/${negs.length}`);
  for (const c of cases) {
    const ids = found.get(c.id) ?? [];
    const ok = c.kind === 'pos' ? ids.length === 1 && ids[0] === c.family : ids.length === 0;
    if (!ok) console.log(`  ✗ ${c.id} (${c.kind}${c.family ? ` ${c.family}` : ''}): found [${ids.join(', ')}]`);
  }
  process.exit(fpAll > 0 ? 1 : 0);
}

const pct = (a: number, b: number) => (b === 0 ? 'n/a' : `${((100 * a) / b).toFixed(0)}%`);
function table(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r) => r.map((cell, i) => cell.padEnd(widths[i])).join('  ')).join('\n');
}

main().catch((e: Error) => {
  console.error(`npm run eval: ${e.message.split('\n')[0]}`);
  process.exit(1);
});
