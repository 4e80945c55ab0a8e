/**
 * What the boot script and the background's check do on a page, piece by
 * piece: the DOM reads of entrypoints/boot.ts (one body.innerText read, as
 * lib/dom/page-text.ts does on pages of up to READ_ELEMENTS elements, and
 * the XPath query for shadow hosts of lib/dom/shadow-roots.ts) and the
 * serialisation of its message, timed in an isolated world of the loaded
 * page; then, in Node on the same text, the boot script's own anchor check
 * (lib/match/page-trigger mayHoldTrigger: whether it sends the text at all)
 * and the background's first check once it has (lib/match/prefilter
 * hasAnchor), with the words that one finds, so a page that loads the lens
 * says why. On this shared machine a single timing is mostly the time the
 * thread waited for a core: each piece is timed TRIALS times and the least
 * disturbed (shortest) run is kept.
 */
import type { Page } from 'puppeteer-core';
import type { MatchIndex } from '../../lib/match/compile';
import { compileTrigger, mayHoldTrigger, triggerSources } from '../../lib/match/page-trigger';
import { anchorWords, hasAnchor } from '../../lib/match/prefilter';

const TRIALS = 5;

export interface BootWork {
  /** body.innerText: what the boot script reads, and sends to the background if `sends` */
  textChars: number;
  /** its length with every run of white space made one space */
  collapsedChars: number;
  elements: number;
  textMs: number;
  xpathMs: number;
  /** JSON.stringify of the page-text message: a stand-in for runtime.sendMessage's serialisation on the page's thread */
  serializeMs: number;
  shadowHosts: number;
  /** the boot script's anchor check in Node (V8, as in the page), its patterns compiled beforehand: CPU time */
  triggerMs: number;
  /** what that check said: whether the boot script sends the text (no message leaves the page otherwise) */
  sends: boolean;
  /** the background's first check (its gate's) in Node (V8, as in the service worker): CPU time */
  checkMs: number;
  /** anchor words in that text (what that check finds) */
  anchors: string[];
}

/** Runs in the isolated world; the XPath expression is lib/dom/shadow-roots.ts's. */
const MEASURE = `(() => {
  const root = document.body;
  const best = { textMs: Infinity, xpathMs: Infinity, serializeMs: Infinity };
  let text = '';
  let hosts;
  for (let i = 0; i < ${TRIALS}; i++) {
    let t = performance.now();
    text = root.innerText;
    best.textMs = Math.min(best.textMs, performance.now() - t);
    t = performance.now();
    hosts = document.evaluate('descendant-or-self::*[contains(local-name(), "-")]', root, null, 7, null);
    best.xpathMs = Math.min(best.xpathMs, performance.now() - t);
    t = performance.now();
    JSON.stringify({ type: 'page-text', text });
    best.serializeMs = Math.min(best.serializeMs, performance.now() - t);
  }
  return JSON.stringify({ ...best, text, shadowHosts: hosts.snapshotLength, elements: root.getElementsByTagName('*').length });
})()`;

/** CPU time of this process for `run`, ms (the shortest of TRIALS). */
function cpuTime(run: () => void): number {
  let best = Infinity;
  for (let i = 0; i < TRIALS; i++) {
    const t = process.cpuUsage();
    run();
    const d = process.cpuUsage(t);
    best = Math.min(best, (d.user + d.system) / 1000);
  }
  return best;
}

export async function bootWork(page: Page, index: MatchIndex): Promise<BootWork> {
  const cdp = await page.createCDPSession();
  try {
    const { frameTree } = await cdp.send('Page.getFrameTree');
    const { executionContextId } = await cdp.send('Page.createIsolatedWorld', { frameId: frameTree.frame.id, worldName: 'context-lens-bench-boot' });
    const r = await cdp.send('Runtime.evaluate', { expression: MEASURE, contextId: executionContextId, returnByValue: true });
    if (r.exceptionDetails) throw new Error(`in page: ${r.exceptionDetails.exception?.description ?? r.exceptionDetails.text}`);
    const m = JSON.parse(r.result.value as string) as { text: string; textMs: number; xpathMs: number; serializeMs: number; shadowHosts: number; elements: number };
    // The patterns boot.js carries (virtual:claims-trigger); a warm check, as the shortest trial would be anyway.
    const trigger = compileTrigger(triggerSources(index));
    return {
      textChars: m.text.length,
      collapsedChars: m.text.replace(/\s+/g, ' ').length,
      elements: m.elements,
      textMs: m.textMs,
      xpathMs: m.xpathMs,
      serializeMs: m.serializeMs,
      shadowHosts: m.shadowHosts,
      triggerMs: cpuTime(() => mayHoldTrigger(trigger, m.text)),
      sends: mayHoldTrigger(trigger, m.text),
      checkMs: cpuTime(() => hasAnchor(index, m.text)),
      anchors: anchorWords(index, m.text, true),
    };
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}
