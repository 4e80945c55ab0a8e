/**
 * `npm run bench`: what Context Lens costs a page, measured in real headless
 * Chromium with the BUILT extension (run `wxt build` first; the npm script
 * does). The extension runs a small boot script on every page (document_idle)
 * that reads the page's rendered text (innerText, in an idle period) and looks
 * for the dataset's anchor words itself; only where it finds one does it send
 * the text to the background, whose gate decides whether to load lens.js
 * (matcher); lens-ui.js (the popover) follows once the lens has painted a claim.
 * Sections:
 *
 *   0. matcher throughput (scripts/bench-match.ts, spawned)
 *   1. extension cost on pages without claims, from outside: the five largest
 *      Readability corpus pages and an 8x copy of the largest, each loaded in
 *      three Chromium instances (same binary, same flags): with the extension,
 *      without it, and with the extension's boot.js emptied (the platform's
 *      floor), order rotating, several runs, medians; browser-wide traces, so
 *      the service worker's check is measured too (apart: not the page's thread)
 *   2. the same pages with one claim paragraph appended: the lens's counters,
 *      and where the time goes from document_idle to the painted claim
 *   3. the 8x page with a claim: its longest tasks
 *   4. mark.js on the same pages (without the extension), timed in the page
 *   5. an infinite-scroll page appending 1,000 items, with and without
 *   6. where the time goes: the boot script's DOM reads and anchor check (does
 *      it send?), and the background's check, piece by piece; the scan's code
 *      under V8's profiler
 *
 * Reads pages from /work/shared/corpus/readability (CONTEXT_LENS_SHARED to
 * override); never copies them into the repo. Writes docs/bench.md.
 * BENCH_RUNS (default 3) sets the repetitions, BENCH_HUGE_RUNS (default 1)
 * those of the 8x page; BENCH_SKIP_MATCH=1 skips section 0.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROME_BUILD, ROOT } from '../tests/e2e/harness';
import { bootWork } from './bench/boot-work';
import { launchPair, serve, type BenchServer, type Pair } from './bench/browser';
import { loadClaim, loadPlain, scrollRun, type Feed } from './bench/load';
import { markJs, markSource, MARK_REPEAT_LIMIT_MS } from './bench/markjs';
import { anchorPhrases, appendParagraph, CLAIM_SENTENCE, CORPUS, countMatches, feedItems, largestCorpusPages, loadDataset, repeatBody, requireCorpus, textSize } from './bench/pages';
import { profileScan } from './bench/profile';
import { report, type PageSpec, type Results } from './bench/report';
import { Doc } from './bench/util';

const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 3));
/** The 8x page takes ~10 s per load here: fewer runs keep the whole benchmark within its time budget. */
const HUGE_RUNS = Math.max(1, Number(process.env.BENCH_HUGE_RUNS ?? 1));
const HUGE_TIMES = 8;
const FEED = { count: 1000, every: 50, batch: 20, intervalMs: 16, settleMs: 1500 };

const began = Date.now();
const progress = (text: string) => process.stderr.write(`  · ${((Date.now() - began) / 1000).toFixed(0).padStart(4)} s  ${text}\n`);

/** Section 0: bench-match.ts's own report, and its goal line. */
async function matcherSection(doc: Doc): Promise<{ met: boolean; detail: string } | null> {
  doc.say('## 0. Matcher throughput (scripts/bench-match.ts)');
  doc.say();
  if (process.env.BENCH_SKIP_MATCH === '1') {
    doc.say('Skipped (BENCH_SKIP_MATCH=1).');
    doc.say();
    return null;
  }
  // Fewer runs than its default keep the whole benchmark within its time budget.
  const args = ['vite-node', join(ROOT, 'scripts/bench-match.ts'), '--runs', '3', '--corpus', CORPUS];
  doc.say(`\`npx vite-node scripts/bench-match.ts ${args.slice(2).join(' ')}\``);
  doc.say();
  const text = await new Promise<string>((resolve, reject) => {
    const child = spawn('npx', args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    let buf = '';
    child.stdout.on('data', (d: Buffer) => (buf += d));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(buf) : reject(new Error(`bench-match.ts exited with ${code}`))));
  }).catch((e: Error) => `(failed: ${e.message})`);
  doc.say('```');
  doc.say(text.trimEnd());
  doc.say('```');
  doc.say();
  const goal = /^ratio .*$/m.exec(text)?.[0];
  return goal ? { met: /goal < 2: met/.test(goal), detail: goal } : null;
}

async function main() {
  requireCorpus();
  if (!existsSync(join(CHROME_BUILD, 'manifest.json'))) throw new Error(`${CHROME_BUILD} is missing: run \`npx wxt build\` (npm run bench does)`);
  const doc = new Doc();
  const date = new Date().toISOString().replace('T', ' ').slice(0, 16) + ' UTC';
  doc.say('# Context Lens benchmarks');
  doc.say();
  doc.say(`Latest run: ${date}. Command: \`npm run bench\` (\`wxt build && vite-node scripts/bench.ts\`): ${RUNS} runs per measurement (${HUGE_RUNS} for the 8x page), medians.`);
  doc.say();
  doc.say(
    `Machine: ${cpus().length} shared cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'}), other sessions running browser tests at the same time (load average ${loadavg()[0].toFixed(1)} at the start) — wall-clock figures are noisy; CPU (thread time) and ratios are the steadier ones. Node ${process.version}.`,
  );
  doc.say();

  progress('section 0: matcher throughput');
  const matcher = await matcherSection(doc);

  // Pages, made at run time in a temp dir (corpus pages are read in place).
  const dataset = loadDataset();
  const sentenceMatches = countMatches(dataset, CLAIM_SENTENCE);
  if (sentenceMatches !== 1) throw new Error(`"${CLAIM_SENTENCE}" gives ${sentenceMatches} matches with lib/match (expected 1): update CLAIM_SENTENCE`);
  const corpus = largestCorpusPages(5);
  const tmp = mkdtempSync(join(tmpdir(), 'cl-bench-pages-'));
  const specs: PageSpec[] = [];
  for (const p of corpus) {
    writeFileSync(join(tmp, `${p.name}+claim.html`), appendParagraph(p.html, CLAIM_SENTENCE));
    specs.push({ name: p.name, plain: `corpus/${p.file}`, claim: `gen/${p.name}+claim.html`, textChars: p.textChars, huge: false });
  }
  const hugeHtml = repeatBody(corpus[0].html, HUGE_TIMES);
  const hugeName = `${corpus[0].name}-x${HUGE_TIMES}`;
  writeFileSync(join(tmp, `${hugeName}.html`), hugeHtml);
  writeFileSync(join(tmp, `${hugeName}+claim.html`), appendParagraph(hugeHtml, CLAIM_SENTENCE));
  specs.push({ name: hugeName, plain: `gen/${hugeName}.html`, claim: `gen/${hugeName}+claim.html`, textChars: textSize(hugeHtml), huge: true });
  const phrases = anchorPhrases(dataset.claims);
  const items = feedItems(dataset, FEED.count, FEED.every);
  const feed: Feed = { items: items.items, batch: FEED.batch, intervalMs: FEED.intervalMs, settleMs: FEED.settleMs, expected: items.expected };
  const mark = markSource();
  const runsOf = (spec: PageSpec) => (spec.huge ? HUGE_RUNS : RUNS);

  let server: BenchServer | undefined;
  let pair: Pair | undefined;
  try {
    server = await serve({ corpus: CORPUS, gen: tmp, fixture: join(ROOT, 'tests/fixtures/bench') });
    pair = await launchPair();
    const { withExt, without, floor } = pair;
    const extId = withExt.extensionId;
    const browsers = { with: withExt.browser, without, floor: floor.browser };
    const results: Results = {
      specs,
      runs: RUNS,
      hugeRuns: HUGE_RUNS,
      plain: new Map(specs.map((s) => [s.name, { with: [], without: [], floor: [] }])),
      claim: new Map(specs.map((s) => [s.name, { loads: [], mark: [] }])),
      scroll: { with: [], without: [] },
      feed: { ...FEED, expected: items.expected, claimItems: items.claimItems },
      phrases,
      claimCount: dataset.claims.length,
      sizes: { bootKB: statSync(join(CHROME_BUILD, 'boot.js')).size / 1024, lensKB: statSync(join(CHROME_BUILD, 'lens.js')).size / 1024 },
      version: pair.version,
      chromium: `${pair.version} (${withExt.browser.process()?.spawnfile}), headless. Three instances launched in this run with the same command line except: with the extension ${pair.differences.withExt.join(' ') || '(nothing)'}; without it ${pair.differences.without.join(' ') || '(nothing)'}; with the empty content script (section 1 only) ${pair.differences.floor.join(' ') || '(nothing: only the extension loaded differs)'}`,
      matcher,
      profile: new Error('not run'),
    };

    // Warm-up: one load of each kind in each browser (first-load compilation, the service worker's start), discarded.
    progress('warm-up');
    await loadPlain(browsers.with, server.url(specs[4].plain), extId);
    await loadPlain(browsers.without, server.url(specs[4].plain), undefined);
    await loadPlain(browsers.floor, server.url(specs[4].plain), floor.extensionId);
    await loadClaim(browsers.with, server.url(specs[4].claim), extId);

    // --- Section 1: traced loads, with, without, and with the empty content script, order rotating ---
    const instances = ['with', 'without', 'floor'] as const;
    const label = { with: 'with extension', without: 'without extension', floor: 'empty content script' };
    for (let run = 0; run < RUNS; run++) {
      for (const [i, spec] of specs.entries()) {
        if (run >= runsOf(spec)) continue;
        // Each instance goes first, second and third in turn (by run and page).
        const k = (run + i) % instances.length;
        const order = [...instances.slice(k), ...instances.slice(0, k)];
        const loads = results.plain.get(spec.name)!;
        for (const which of order) {
          progress(`section 1, run ${run + 1}/${runsOf(spec)}: ${spec.name} ${label[which]}`);
          const url = server.url(spec.plain);
          if (which === 'with') loads.with.push(await loadPlain(browsers.with, url, extId));
          else if (which === 'floor') loads.floor.push(await loadPlain(browsers.floor, url, floor.extensionId));
          else {
            // Once per page, after the trace: the boot script's reads and check, and the background's check, piece by piece.
            const l = await loadPlain(browsers.without, url, undefined, run === 0 ? (page) => bootWork(page, dataset.index) : undefined);
            if (l.after) loads.boot = l.after;
            loads.without.push(l);
          }
        }
      }
    }

    // --- Sections 2-4: the +claim pages: counters and breakdown (traced), and mark.js, interleaved ---
    for (let run = 0; run < RUNS; run++) {
      for (const spec of specs) {
        if (run >= runsOf(spec)) continue;
        const c = results.claim.get(spec.name)!;
        const url = server.url(spec.claim);
        progress(`sections 2-4, run ${run + 1}/${runsOf(spec)}: ${spec.name}+claim`);
        c.loads.push(await loadClaim(browsers.with, url, extId));
        if (run === 0 || c.mark.every((m) => m.ms < MARK_REPEAT_LIMIT_MS)) c.mark.push(await markJs(browsers.without, url, phrases, mark));
      }
    }

    // --- Section 5: infinite scroll ---------------------------------------------
    for (let run = 0; run < RUNS; run++) {
      const order: Array<'with' | 'without'> = run % 2 === 0 ? ['with', 'without'] : ['without', 'with'];
      for (const which of order) {
        progress(`section 5, run ${run + 1}/${RUNS}: ${which} extension`);
        results.scroll[which].push(await scrollRun(browsers[which], server.url('fixture/infinite-scroll.html'), which === 'with' ? extId : undefined, feed));
      }
    }

    // --- Section 6: where the scan's time goes ------------------------------------
    progress(`section 6: profile of the scan on ${specs[0].name}+claim`);
    results.profile = await profileScan(without, server.url(specs[0].claim), dataset.index, ROOT).catch((e: Error) => e);

    report(doc, results);
    doc.say();
    doc.say(`Benchmark (scripts/bench.ts, after the build) took ${((Date.now() - began) / 1000).toFixed(0)} s (load average ${loadavg()[0].toFixed(1)} at the end); Chromium ${pair.version}; ${date}.`);
    writeFileSync(join(ROOT, 'docs/bench.md'), doc.text());
    console.log('\nWrote docs/bench.md');
  } finally {
    await pair?.close();
    await server?.close();
    rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : e);
  process.exit(1);
});
