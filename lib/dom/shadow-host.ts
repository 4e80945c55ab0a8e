/**
 * Our own layer on the page: a custom element with an open shadow root, so
 * page CSS cannot reach our UI and ours cannot leak out. Styles go in as a
 * constructed stylesheet (adoptedStyleSheets): unlike a <style> element, that
 * is not inline style as far as a page's Content-Security-Policy is concerned.
 */
export interface ShadowHost {
  host: HTMLElement;
  shadow: ShadowRoot;
  /** where the UI renders */
  container: HTMLElement;
  remove(): void;
}

/**
 * Resets what a page's CSS could still push into the host (inherited
 * properties, `all` on the element itself). `!important` inside the shadow
 * tree beats the page's `!important`, even in a style attribute, so a page
 * rule that hides or moves our element loses.
 */
const HOST_RESET = ':host { all: initial !important; position: static !important; display: inline !important; }';

/**
 * A page may remove our element (a framework re-rendering <body>, a script
 * cleaning up nodes it does not know). We put it back; a page that removes it
 * again at once gets its way after this many rounds, rather than a tug of war
 * that would keep its main thread busy.
 */
export const MAX_QUICK_REATTACH = 3;
/** A host that stayed in place this long was not being fought over: the count starts again. */
const SETTLED_MS = 2_000;

export function createShadowHost(tag: string, css: string, doc: Document = document): ShadowHost {
  const host = doc.createElement(tag);
  const shadow = host.attachShadow({ mode: 'open' });
  const sheet = new (doc.defaultView ?? window).CSSStyleSheet();
  sheet.replaceSync(`${HOST_RESET}\n${css}`);
  shadow.adoptedStyleSheets = [sheet];
  const container = doc.createElement('div');
  shadow.append(container);
  const stop = keepAttached(host, doc);
  return {
    host,
    shadow,
    container,
    remove: () => {
      stop();
      host.remove();
    },
  };
}

/** Appends `host` and puts it back when the page removes it; returns a function that stops that. */
function keepAttached(host: HTMLElement, doc: Document): () => void {
  let rounds = 0;
  let lastRound = -Infinity;
  const attach = () => {
    (doc.body ?? doc.documentElement).append(host);
    // Watch the host's parent, and the root element for a replaced <body>.
    observer.disconnect();
    observer.observe(doc.documentElement, { childList: true });
    if (host.parentNode && host.parentNode !== doc.documentElement) observer.observe(host.parentNode, { childList: true });
  };
  const observer = new MutationObserver(() => {
    if (host.isConnected) return;
    const now = performance.now();
    rounds = now - lastRound < SETTLED_MS ? rounds + 1 : 1;
    lastRound = now;
    if (rounds > MAX_QUICK_REATTACH) observer.disconnect();
    else attach();
  });
  attach();
  return () => observer.disconnect();
}
