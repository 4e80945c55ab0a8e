/**
 * The page path: blocks -> tokens -> prefilter and rules -> Ranges, in
 * slices that yield to the page. The same engine runs in tests and CLIs.
 */
import type { MatchIndex } from '../match/compile';
import { matchTokens } from '../match/matcher';
import { tokenize } from '../match/tokenize';
import { prefilterState, scanAnchors } from '../match/prefilter';
import { isInsideSkipped, iterateBlocks, type Block, type CollectOptions } from './blocks';
import { candidateBlocks, shadowRootsUnder, visibleText } from './narrow';
import { rangeFor } from './ranges';
import { SLICE_BUDGET_MS, yieldToPage } from './schedule';

export interface Occurrence {
  /** index into MatchIndex.claims */
  claim: number;
  range: Range;
  /** matched words, for the "why highlighted" line */
  words: string[];
}

export interface ScanOptions extends CollectOptions {
  signal?: AbortSignal;
  /** keep a match only if its block is shown (rendering check, done only for matches) */
  isShown?: (range: Range) => boolean;
}

export function matchBlock(index: MatchIndex, block: Block, doc: Document): Occurrence[] {
  return matchTokens(index, tokenize(block.text)).map((m) => ({
    claim: m.claim,
    range: rangeFor(block, m.start, m.end, doc),
    words: m.parts.map(([s, e]) => block.text.slice(s, e)),
  }));
}

/** Characters of text the prefilter reads between two looks at the clock. */
const PREFILTER_CHUNK = 32_768;

/** What a scan cost: the benchmark reads these from the content script's own world. */
export interface ScanStats {
  blocks: number;
  chars: number;
  /** wall time from start to end, yields included */
  elapsedMs: number;
  /** main-thread time spent in our slices */
  busyMs: number;
  longestSliceMs: number;
}

/**
 * Scans a root: the prefilter looks at its text once; only subtrees holding an
 * anchor word are read block by block. Open shadow roots are scanned as roots
 * of their own.
 */
export async function scanRoot(root: Node, index: MatchIndex, options: ScanOptions = {}, stats?: ScanStats): Promise<Occurrence[]> {
  const doc = root.ownerDocument ?? (root as Document);
  const found: Occurrence[] = [];
  const began = performance.now();
  let sliceStart = began;
  const endSlice = (now: number) => {
    if (!stats) return;
    stats.busyMs += now - sliceStart;
    stats.longestSliceMs = Math.max(stats.longestSliceMs, now - sliceStart);
  };
  // The prefilter reads the root's text in slices too: a huge page must not make one long task.
  const text = visibleText(root);
  const state = prefilterState();
  for (let at = 0; at < text.length; ) {
    at = scanAnchors(index, text, state, at, at + PREFILTER_CHUNK);
    if (performance.now() - sliceStart > SLICE_BUDGET_MS) {
      endSlice(performance.now());
      await yieldToPage();
      if (options.signal?.aborted) return found;
      sliceStart = performance.now();
    }
  }
  const words = [...state.found];
  const parts = words.length ? (candidateBlocks(root, words, options.exclude) ?? [root]) : [];
  const shadows = shadowRootsUnder(root).filter((s) => !isInsideSkipped(s.host, options.exclude));
  const blockOptions = { ...options, shadowRoots: false };
  for (const part of parts) {
    for (const block of iterateBlocks(part, blockOptions)) {
      if (options.signal?.aborted) return found;
      if (stats) {
        stats.blocks++;
        stats.chars += block.text.length;
      }
      for (const occ of matchBlock(index, block, doc)) {
        if (!options.isShown || options.isShown(occ.range)) found.push(occ);
      }
      const now = performance.now();
      if (now - sliceStart > SLICE_BUDGET_MS) {
        endSlice(now);
        await yieldToPage();
        sliceStart = performance.now();
      }
    }
  }
  endSlice(performance.now());
  if (stats) stats.elapsedMs += performance.now() - began;
  for (const shadow of shadows) {
    options.onShadowRoot?.(shadow);
    found.push(...(await scanRoot(shadow, index, options, stats)));
  }
  return found;
}

export const emptyStats = (): ScanStats => ({ blocks: 0, chars: 0, elapsedMs: 0, busyMs: 0, longestSliceMs: 0 });
