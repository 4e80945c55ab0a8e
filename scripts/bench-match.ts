/**
 * Matcher throughput over real pages, for datasets of growing size:
 *
 *   npm run bench:match [-- --runs 7 --corpus <dir> --sizes 10,100,1000,10000 --clock cpu|wall]
 *
 * The text of every page in the corpus (default ../shared/corpus/readability)
 * is extracted once with the extension's own block reader, outside timing.
 * Each dataset is the real one (lib/claims/data, unreviewed entries too) plus
 * N synthetic claims: words drawn from the corpus's own vocabulary (so their
 * anchors do occur on the pages: a pessimistic prefilter), 2-3 groups per
 * rule, words, phrases, prefixes, number ranges and vetoes in the shapes the
 * real entries use. After a warm-up, the median of several runs is reported
 * for tokenize + match (what a page costs) and for match alone (tokens made
 * beforehand), as CPU time of this process (`--clock wall` for elapsed time;
 * on a shared machine CPU time is the steadier one). The goal:
 * time(10,000 claims) / time(10 claims) < 2.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import type { Claim, Rule } from '../lib/claims/schema';
import { loadClaims } from '../lib/claims/load-files';
import { collectBlocks } from '../lib/dom/blocks';
import { compileIndex, type MatchIndex } from '../lib/match/compile';
import { matchTokens } from '../lib/match/matcher';
import { tokenize, type Token } from '../lib/match/tokenize';
import { prng } from '../tests/support/prng';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
};
const CORPUS = option('corpus', join(import.meta.dirname, '../../shared/corpus/readability'));
const RUNS = Math.max(1, Number(option('runs', '7')));
const SIZES = option('sizes', '10,100,1000,10000').split(',').map(Number);
/** cpu: this process's CPU time (steadier on a shared machine); wall: elapsed time */
const CLOCK = option('clock', 'cpu');
const now =
  CLOCK === 'wall'
    ? () => performance.now()
    : () => {
        const u = process.cpuUsage();
        return (u.user + u.system) / 1000;
      };


/** Text blocks of every page, read as the lens reads them. */
async function corpusBlocks(dir: string): Promise<{ pages: number; blocks: string[] }> {
  const window = new Window({ settings: { disableJavaScriptFileLoading: true, disableComputedStyleRendering: true } });
  const blocks: string[] = [];
  let pages = 0;
  try {
    for (const name of readdirSync(dir).sort()) {
      if (!/\.html?$/i.test(name)) continue;
      // An inert template: nothing on the page is run or fetched.
      const template = window.document.createElement('template');
      template.innerHTML = readFileSync(join(dir, name), 'utf8');
      for (const block of collectBlocks(template.content as unknown as Node)) blocks.push(block.text);
      pages++;
    }
  } finally {
    await window.happyDOM.close();
  }
  return { pages, blocks };
}

/** Corpus words by frequency, most frequent first (letters only, 4+ characters). */
function vocabulary(tokens: Token[][]): string[] {
  const counts = new Map<string, number>();
  for (const block of tokens) {
    for (const t of block) {
      if (t.value === undefined && t.text.length >= 4 && /^[a-z]+$/.test(t.text)) counts.set(t.text, (counts.get(t.text) ?? 0) + 1);
    }
  }
  return [...counts].filter(([, n]) => n >= 2).sort((a, b) => b[1] - a[1]).map(([w]) => w);
}

function syntheticClaims(n: number, vocab: string[], seed: number): Claim[] {
  const rand = prng(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  // Anchors are topical words (not the commonest); other groups may use commoner ones.
  const anchors = vocab.slice(200, 20_000);
  const others = vocab.slice(30, 20_000);
  const pick = (xs: string[]) => xs[Math.floor(rand() * xs.length)];
  const wordTerm = (pool: string[]) => {
    const r = rand();
    if (r < 0.7) return pick(pool);
    if (r < 0.85) return `${pick(pool)} ${pick(others)}`;
    const w = pick(pool);
    return `${w.slice(0, Math.max(4, Math.min(w.length - 1, int(4, 7))))}*`;
  };
  const numberTerm = () => {
    const magnitude = 10 ** int(1, 6);
    const lo = int(1, 9) * magnitude;
    const r = rand();
    if (r < 0.6) return `{${lo}..${lo + magnitude}}`;
    if (r < 0.8) return `{${lo}..${lo + magnitude}} percent`;
    return `{${int(1990, 2024)}..${int(2024, 2025)}}`;
  };
  const claims: Claim[] = [];
  for (let c = 0; c < n; c++) {
    const rules: Rule[] = [];
    const ruleCount = rand() < 0.7 ? 1 : rand() < 0.85 ? 2 : 3;
    for (let r = 0; r < ruleCount; r++) {
      const all: string[][] = [];
      const groups = rand() < 0.4 ? 2 : 3;
      for (let g = 0; g < groups; g++) {
        const alts = new Set<string>();
        const count = int(1, g === 0 ? 5 : 8);
        const numeric = g > 0 && rand() < 0.2;
        for (let k = 0; k < count; k++) alts.add(numeric ? numberTerm() : wordTerm(g === 0 ? anchors : others));
        all.push([...alts]);
      }
      const rule: Rule = { all, within: int(8, 40) };
      if (rand() < 0.5) rule.none = Array.from({ length: int(1, 5) }, () => wordTerm(others));
      rules.push(rule);
    }
    claims.push({
      id: `synthetic-${c}`,
      title: `Synthetic claim ${c}`,
      summary: { en: 'Synthetic claim for the benchmark.' },
      sources: [{ title: 'Synthetic', publisher: 'Benchmark', url: 'https://example.org/' }],
      topics: [],
      reviewed: '2025-01-01',
      match: { rules },
      examples: { match: ['x'], nomatch: ['y'] },
    });
  }
  return claims;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const gc = (globalThis as { gc?: () => void }).gc;

/** Time of one call of f. */
function time(f: () => void): number {
  gc?.();
  const t0 = now();
  f();
  return now() - t0;
}

function pad(s: string | number, n: number) {
  return String(s).padStart(n);
}

async function main() {
  const t0 = performance.now();
  const { pages, blocks } = await corpusBlocks(CORPUS);
  const mb = blocks.reduce((n, b) => n + Buffer.byteLength(b, 'utf8'), 0) / 1e6;
  const tokens = blocks.map((b) => tokenize(b));
  const tokenCount = tokens.reduce((n, t) => n + t.length, 0);
  const vocab = vocabulary(tokens);
  const real = loadClaims(undefined, true);
  console.log(
    `corpus: ${pages} pages, ${blocks.length} blocks, ${mb.toFixed(2)} MB of text (UTF-8), ${tokenCount} tokens, ` +
      `${vocab.length} distinct words; extracted in ${Math.round(performance.now() - t0)} ms`,
  );
  console.log(
    `real dataset: ${real.length} claims; ${RUNS} timed runs after 2 warm-ups, median ${CLOCK === 'wall' ? 'elapsed' : 'CPU'} time` +
      `${gc ? ', gc between runs' : ''}\n`,
  );

  const tokenizeAll = () => {
    for (const b of blocks) tokenize(b);
  };
  const sizes = SIZES.map((n) => {
    const claims = [...real, ...syntheticClaims(n, vocab, 1000 + n)];
    const c0 = performance.now();
    const index: MatchIndex = compileIndex(claims);
    const compile = performance.now() - c0;
    return { n, claims: claims.length, index, compile, json: JSON.stringify(index).length, match: [] as number[], total: [] as number[], matches: 0 };
  });
  const matchAll = (index: MatchIndex) => () => {
    for (const t of tokens) matchTokens(index, t);
  };
  const pageAll = (index: MatchIndex) => () => {
    for (const b of blocks) matchTokens(index, tokenize(b));
  };
  // Warm up, then interleave the sizes run by run, so the machine's ups and
  // downs fall on every size alike.
  for (const s of sizes) {
    for (let w = 0; w < 2; w++) {
      matchAll(s.index)();
      pageAll(s.index)();
    }
    s.matches = tokens.reduce((n, t) => n + matchTokens(s.index, t).length, 0);
  }
  tokenizeAll();
  const tokenizeTimes: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    tokenizeTimes.push(time(tokenizeAll));
    for (const s of sizes) {
      s.match.push(time(matchAll(s.index)));
      s.total.push(time(pageAll(s.index)));
    }
  }
  const tokenizeMs = median(tokenizeTimes);
  const rows = sizes.map((s) => ({ ...s, rules: s.index.rules.length, match: median(s.match), total: median(s.total) }));
  /** Median over runs of the ratio between the largest and the smallest dataset (measured moments apart). */
  const ratio = (key: 'match' | 'total') =>
    median(sizes[0][key].map((t, r) => sizes[sizes.length - 1][key][r] / t));

  console.log(
    `${pad('synthetic', 9)} ${pad('claims', 7)} ${pad('rules', 6)} ${pad('index KB', 9)} ${pad('compile ms', 10)} ` +
      `${pad('match ms', 9)} ${pad('match MB/s', 10)} ${pad('tok+match ms', 12)} ${pad('MB/s', 6)} ${pad('tokenize %', 10)} ${pad('matches', 8)}`,
  );
  for (const r of rows) {
    console.log(
      `${pad(r.n, 9)} ${pad(r.claims, 7)} ${pad(r.rules, 6)} ${pad(Math.round(r.json / 1024), 9)} ${pad(r.compile.toFixed(0), 10)} ` +
        `${pad(r.match.toFixed(1), 9)} ${pad((mb / (r.match / 1000)).toFixed(1), 10)} ${pad(r.total.toFixed(1), 12)} ` +
        `${pad((mb / (r.total / 1000)).toFixed(1), 6)} ${pad(((100 * tokenizeMs) / r.total).toFixed(0), 10)} ${pad(r.matches, 8)}`,
    );
  }
  console.log(`\ntokenize alone: ${tokenizeMs.toFixed(1)} ms (${(mb / (tokenizeMs / 1000)).toFixed(1)} MB/s)`);
  const first = rows[0];
  const last = rows[rows.length - 1];
  if (rows.length > 1) {
    const total = ratio('total');
    console.log(
      `ratio time(${last.n})/time(${first.n}) (median of per-run ratios): tokenize + match ${total.toFixed(2)} ` +
        `(goal < 2: ${total < 2 ? 'met' : 'NOT met'}), match alone ${ratio('match').toFixed(2)}`,
    );
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
