/**
 * Narrows a scan to the blocks that could hold a claim: one walk over the
 * root's text nodes, the prefilter over each node's own text. Nothing is
 * copied or laid out (no innerText), words never run across two blocks, and
 * only the blocks holding an anchor word get the full read.
 */
import { anchorFilter, mayHoldAnchor } from '../match/anchor-filter';
import type { MatchIndex } from '../match/compile';
import { leadingWord, prefilterState, scanAnchors, trailingWord } from '../match/prefilter';
import { blockContainer, isInsideSkipped } from './blocks';
import type { Slicer } from './schedule';

/**
 * Elements whose text is not page prose (checked on the parent, so the walk stays a plain native one).
 * By local name: lower case for HTML and SVG alike, and no upper-casing per node.
 */
const RAW_TEXT = new Set(['script', 'style', 'noscript', 'textarea', 'template', 'title']);

/** Characters the prefilter reads between two looks at the clock (a single text node may hold megabytes). */
const CHUNK = 32_768;

/** Text nodes visited between two looks at the clock. */
const NODES_PER_LOOK = 256;

/** Null when aborted. */
export async function candidateBlocks(
  root: Node,
  index: MatchIndex,
  slicer: Slicer,
  exclude?: (el: Element) => boolean,
): Promise<Node[] | null> {
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  const state = prefilterState();
  const filter = anchorFilter(index);
  // Found in document order, so a block inside an earlier one is inside the last one kept, and a block
  // holding earlier ones holds the last ones kept: a stack keeps only outermost blocks, in linear time.
  const blocks: Node[] = [];
  let visited = 0;
  // The end of a word the previous text node stopped in: "Aus<b>terity</b>" is read as "Austerity".
  let carry = '';
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    if (++visited % NODES_PER_LOOK === 0 && slicer.due && !(await slicer.pause())) return null;
    const data = node.data;
    const tail = trailingWord(data);
    // A long node skips the filter: one native pass over megabytes would not stop for the clock.
    let may = data.length > CHUNK || mayHoldAnchor(filter, data, state);
    // Most nodes (white space between tags, text ending in a space or a stop) continue no word, leave none
    // open and hold no anchor: reading one changes nothing that skipping it as raw text would not, so its
    // parent is not even looked at. (`previous` becomes '': no pair starts with its last word.)
    if (!carry && !tail && !may) {
      state.previous = '';
      continue;
    }
    const parent = node.parentElement;
    if (parent && RAW_TEXT.has(parent.localName)) continue;
    const before = state.hits;
    const head = carry && leadingWord(data);
    if (head) {
      scanAnchors(index, carry + head, state);
      may ||= mayHoldAnchor(filter, data, state); // the joined word may start a pair
    }
    carry = tail;
    if (may) {
      for (let at = 0; at < data.length; ) {
        at = scanAnchors(index, data, state, at, at + CHUNK);
        if (at < data.length && slicer.due && !(await slicer.pause())) return null;
      }
    } else state.previous = ''; // what scanning it would leave: no pair starts with its last word
    if (state.hits > before && !isInsideSkipped(node, exclude)) {
      const found = blockContainer(node);
      const block = found && root.contains(found) ? found : root;
      const last = blocks.at(-1);
      if (!last || !last.contains(block)) {
        while (blocks.length && block.contains(blocks[blocks.length - 1])) blocks.pop();
        blocks.push(block);
      }
    }
  }
  return blocks;
}
