/**
 * The `::highlight()` rules, scoped to the kinds of element whose text we
 * paint. A rule for every element (`::highlight(x)`) makes the browser work
 * out highlight styles for each element on every restyle: on wikipedia-2 a
 * full restyle took 41 ms without such a rule and 130 ms with it, and
 * inserting it into the laid-out page cost 147 ms (a 1 s task on an 8x copy);
 * `p::highlight(x)` cost 10 ms. So the lens names the elements holding its
 * matches, and the background inserts rules for those tag names only
 * (scripting.insertCSS: a page's CSP cannot block it).
 */
import { ACTIVE_HIGHLIGHT_NAME, HIGHLIGHT_NAME } from './highlights';

/** A tag name as the rules may use it: lower case, as `localName` gives for HTML. */
export const STYLE_TAG = /^[a-z][a-z0-9-]{0,63}$/;

/** Tag names one message may carry; a page needs a handful. */
export const MAX_STYLE_TAGS = 64;

/** The shadow host of the tree `el` is in, if any (a detached `<a>` is its own root, and has a string `host`). */
function hostOf(el: Element): Element | null {
  const root = el.getRootNode();
  return root.nodeType === 11 ? ((root as ShadowRoot).host ?? null) : null;
}

/** Local names of the elements holding the text of `ranges`, those not already in `known`. */
export function paintedTags(ranges: Iterable<Range>, known: ReadonlySet<string>): string[] {
  const found = new Set<string>();
  const add = (el: Element | null) => {
    // Document rules do not reach into a shadow tree, but highlight styles are inherited across it: text in an
    // open shadow root is styled through its host (and that host's hosts).
    for (let e = el; e; e = hostOf(e)) {
      const tag = e.localName;
      if (!known.has(tag) && STYLE_TAG.test(tag)) found.add(tag);
    }
  };
  for (const range of ranges) {
    const root = range.commonAncestorContainer;
    if (root.nodeType === 3) {
      add(root.parentElement);
      continue;
    }
    // A match spans a few inline elements of one block: their text nodes are few.
    const walker = (root.ownerDocument ?? (root as Document)).createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) if (range.intersectsNode(n)) add(n.parentElement);
  }
  return [...found];
}

/** The stylesheet for highlights inside elements of these tag names. */
export function highlightCss(tags: readonly string[]): string {
  const on = (name: string) => tags.filter((t) => STYLE_TAG.test(t)).map((t) => `${t}::highlight(${name})`).join(', ');
  const normal = on(HIGHLIGHT_NAME);
  const active = on(ACTIVE_HIGHLIGHT_NAME);
  if (!normal) return '';
  return `${normal} {
  background-color: rgba(255, 196, 0, 0.22);
  text-decoration: underline dotted rgba(176, 120, 0, 0.9);
  text-decoration-thickness: 2px;
  text-underline-offset: 3px;
}
${active} {
  background-color: rgba(255, 196, 0, 0.45);
}
@media (prefers-color-scheme: dark) {
  ${normal} {
    background-color: rgba(255, 214, 92, 0.2);
    text-decoration-color: rgba(255, 214, 92, 0.9);
  }
}
@media (forced-colors: active) {
  ${normal}, ${active} {
    background-color: Mark;
    color: MarkText;
  }
}
`;
}
