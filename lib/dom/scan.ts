/**
 * The page path: text nodes -> prefilter -> candidate blocks -> tokens and
 * rules -> Ranges, in slices that yield to the page. The same engine runs in
 * tests and CLIs.
 */
import type { MatchIndex } from '../match/compile';
import { matchTokens } from '../match/matcher';
import { tokenize } from '../match/tokenize';
import { isInsideSkipped, iterateBlocks, type Block, type CollectOptions } from './blocks';
import { candidateBlocks } from './candidates';
import { rangeFor } from './ranges';
import { Slicer, type SliceStats } from './schedule';
import { shadowRootPieces } from './shadow-roots';

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
  /** stop collecting after this many occurrences (a page cannot use more) */
  limit?: number;
}

function matchBlock(index: MatchIndex, block: Block, doc: Document): Occurrence[] {
  return matchTokens(index, tokenize(block.text)).map((m) => ({
    claim: m.claim,
    range: rangeFor(block, m.start, m.end, doc),
    words: m.parts.map(([s, e]) => block.text.slice(s, e)),
  }));
}

/** What a scan cost: the benchmark reads these from the content script's own world. */
export interface ScanStats extends SliceStats {
  blocks: number;
  chars: number;
  /** wall time from start to end, yields included */
  elapsedMs: number;
}

/**
 * Scans a root: the prefilter looks at its text nodes once; only blocks
 * holding an anchor word are read in full. Open shadow roots are scanned as
 * roots of their own.
 */
export async function scanRoot(root: Node, index: MatchIndex, options: ScanOptions = {}, stats?: ScanStats): Promise<Occurrence[]> {
  const doc = root.ownerDocument ?? (root as Document);
  const found: Occurrence[] = [];
  const limit = options.limit ?? Infinity;
  const began = performance.now();
  const slicer = new Slicer(stats, options.signal);
  const parts = await candidateBlocks(root, index, slicer, options.exclude);
  if (!parts) return found;
  const blockOptions = { ...options, shadowRoots: false };
  scanning: for (const part of parts) {
    for (const block of iterateBlocks(part, blockOptions)) {
      if (options.signal?.aborted) return found;
      if (stats) {
        stats.blocks++;
        stats.chars += block.text.length;
      }
      for (const occ of matchBlock(index, block, doc)) {
        if (!options.isShown || options.isShown(occ.range)) found.push(occ);
      }
      if (found.length >= limit) break scanning;
      if (slicer.due && !(await slicer.pause())) return found;
    }
  }
  // The shadow-host lookup is native but takes tens of ms over a huge page: it comes in pieces, a slice at most each.
  const shadows: ShadowRoot[] = [];
  for (const piece of shadowRootPieces(root)) {
    shadows.push(...piece);
    if (slicer.due && !(await slicer.pause())) return found;
  }
  slicer.end();
  if (stats) stats.elapsedMs += performance.now() - began;
  for (const shadow of shadows) {
    if (found.length >= limit) break;
    if (isInsideSkipped(shadow.host, options.exclude)) continue;
    options.onShadowRoot?.(shadow);
    found.push(...(await scanRoot(shadow, index, { ...options, limit: limit - found.length }, stats)));
  }
  return found.slice(0, limit);
}

export const emptyStats = (): ScanStats => ({ blocks: 0, chars: 0, elapsedMs: 0, busyMs: 0, longestSliceMs: 0 });
