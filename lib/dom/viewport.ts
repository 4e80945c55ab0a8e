/**
 * What to scan first so the reader sees highlights where they are looking:
 * on a page opened scrolled down (a link to an anchor, restored scroll), the
 * block at the top of the viewport and everything after it come first.
 */
import { blockContainer } from './blocks';

/** Elements from the top of the viewport to the end of `root`, in document order; empty when plain document order already starts there. */
export function fromViewportTop(root: Element, doc: Document = document): Element[] {
  const view = doc.defaultView;
  if (!view || view.scrollY < view.innerHeight) return [];
  const hit = doc.elementFromPoint(view.innerWidth / 2, 1);
  const start = hit && blockContainer(hit);
  if (!start || start === root || !root.contains(start)) return [];
  const first: Element[] = [];
  for (let el: Element | null = start; el && el !== root; el = el.parentElement) {
    for (let s = el === start ? el : el.nextElementSibling; s; s = s.nextElementSibling) first.push(s);
  }
  return first;
}
