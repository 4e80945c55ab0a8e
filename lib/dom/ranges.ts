/** Turns [start, end) offsets in a block's text back into a DOM Range. */
import type { Block, Segment } from './blocks';

/** Index of the segment holding `offset`; `preferEnd` picks the earlier segment at a boundary. */
function segmentAt(segments: Segment[], offset: number, preferEnd: boolean): number {
  let lo = 0;
  let hi = segments.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    const s = segments[mid].start;
    if (s < offset || (s === offset && !preferEnd)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export function rangeFor(block: Block, start: number, end: number, doc: Document = document): Range {
  const a = block.segments[segmentAt(block.segments, start, false)];
  const b = block.segments[segmentAt(block.segments, end, true)];
  const range = doc.createRange();
  range.setStart(a.node, Math.min(start - a.start, a.node.data.length));
  range.setEnd(b.node, Math.min(end - b.start, b.node.data.length));
  return range;
}
