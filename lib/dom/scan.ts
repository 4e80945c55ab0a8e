/**
 * The page path: blocks -> tokens -> prefilter and rules -> Ranges, in
 * slices that yield to the page. The same engine runs in tests and CLIs.
 */
import type { MatchIndex } from '../match/compile';
import { matchTokens } from '../match/matcher';
import { tokenize } from '../match/tokenize';
import { collectBlocks, type Block, type CollectOptions } from './blocks';
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

export async function scanRoot(root: Node, index: MatchIndex, options: ScanOptions = {}): Promise<Occurrence[]> {
  const doc = root.ownerDocument ?? (root as Document);
  const found: Occurrence[] = [];
  let sliceStart = performance.now();
  const blocks = collectBlocks(root, options);
  for (const block of blocks) {
    if (options.signal?.aborted) return found;
    for (const occ of matchBlock(index, block, doc)) {
      if (!options.isShown || options.isShown(occ.range)) found.push(occ);
    }
    if (performance.now() - sliceStart > SLICE_BUDGET_MS) {
      await yieldToPage();
      sliceStart = performance.now();
    }
  }
  return found;
}
