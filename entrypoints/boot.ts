/**
 * Runs on every page, so it does almost nothing: it reads the page's rendered
 * text (one native innerText read in an idle period, once the page is laid
 * out, or a few in slices on a huge page) and looks for the dataset's anchor
 * words with one native pattern (lib/match/page-trigger.ts). Most pages hold
 * none, and then nothing is sent. Otherwise it hands the text to the
 * background, which looks for claims off the page's main thread. Only where one turns up
 * does the background load the lens (matcher and UI) into the page; the lens
 * then takes over and this script stops. Until then it forwards what pages add
 * later (feeds, client-side navigation) the same way.
 *
 * Deliberately free of the extension-API polyfill and of WXT's content-script
 * context (which posts page-visible messages): the browsers' own promise-based
 * APIs are enough for three calls.
 */
import triggerSources from 'virtual:claims-trigger';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { MUTATION_BATCH_MS } from '../lib/dom/watcher';
import { linesUpTo, renderedText, textPieces } from '../lib/dom/page-text';
import { Slicer, yieldToPage } from '../lib/dom/schedule';
import type { PageState, PageTextMessage } from '../lib/messages';
import { extensionApi, type ExtensionApi } from '../lib/extension-api';
import { checkFrameClaims, checkPageRequest, checkPageTextReply } from '../lib/messages-light';
import { compileTrigger, mayHoldTrigger, type PageTrigger } from '../lib/match/page-trigger';
import { siteKey } from '../lib/settings/host';
import { BOOT_AT_GLOBAL, LENS_GLOBAL, LOOKED_AT_GLOBAL, type LensWorld } from '../lib/lens-handle';

/** Added nodes remembered between two looks; past this the next look reads the whole page once. */
const MAX_PENDING = 2_000;

/**
 * Text sent in one message at most: a huge page goes in several. The browser's
 * serialisation of a message grows faster than its text past about this size
 * (1 M chars sent as 128 K batches cost a third of 256 K ones).
 */
const BATCH_CHARS = 131_072;

/** The first look waits for an idle period at most this long. */
const FIRST_LOOK_WAIT_MS = 1_000;

/** Frames run the boot script too (all_frames), but only those of the top page's own origin are read. */
function isTopOrSameOrigin(): boolean {
  if (window === window.top) return true;
  try {
    // Reading the top page's document throws unless it is same-origin (ads and embeds from other sites are not).
    return window.top!.document !== null;
  } catch {
    return false;
  }
}

export default defineUnlistedScript(() => {
  const world = globalThis as LensWorld;
  world[BOOT_AT_GLOBAL] = performance.now();
  // A previous copy of the extension (reloaded or updated) may have left its lens in this world.
  world[LENS_GLOBAL]?.stop();
  delete world[LENS_GLOBAL];

  const root = document.body ?? document.documentElement;
  if (!root || !isTopOrSameOrigin()) return;
  // The top page answers the popup for the whole tab; frames only report what they find.
  const isTop = window === window.top;
  let frameClaims: PageState['claims'] = [];
  const handoff = new AbortController();
  let trigger: PageTrigger | null = null;
  // Whether the background has answered yet, and whether it said the site is on.
  let known = false;
  let active = false;
  let queue = Promise.resolve();

  /** `added`: only what the page added since, not read (`read`) once the background said the site is off. */
  const check = (read: () => string, added = false) => {
    queue = queue.then(async () => {
      if (handoff.signal.aborted || (added && known && !active)) return;
      const text = read();
      if (!mayHoldTrigger((trigger ??= compileTrigger(triggerSources)), text)) return;
      // Reading and sending (the browser serialises the message on this thread) are two tasks, not one longer one.
      await yieldToPage();
      if (handoff.signal.aborted) return;
      const message: PageTextMessage = { type: 'page-text', text };
      const reply = checkPageTextReply(await connect().runtime.sendMessage(message).catch(() => null));
      if (!reply) return;
      known = true;
      active = reply.active;
      // The lens is running in this world now: it watches the page and answers the popup.
      if (reply.lens) handoff.abort();
    });
  };

  /** The whole page, read piece by piece in slices and sent in batches. */
  const lookAtPage = async (added = false) => {
    const slicer = new Slicer(undefined, handoff.signal);
    let batch: string[] = [];
    let size = 0;
    const send = () => {
      const text = batch.join('\n');
      check(() => text, added);
      batch = [];
      size = 0;
    };
    for (const piece of textPieces(root)) {
      for (const part of linesUpTo(piece, BATCH_CHARS)) {
        if (size + part.length > BATCH_CHARS) send();
        batch.push(part);
        size += part.length + 1;
      }
      if (slicer.due && !(await slicer.pause())) return;
    }
    send();
  };

  let pending: Node[] = [];
  let overflow = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    timer = undefined;
    const nodes = pending;
    // After the looks already queued: by then the background has said whether the site is on.
    if (overflow)
      void queue.then(() => {
        if (active || !known) void lookAtPage(true);
      });
    else check(() => nodes.filter((n) => n.isConnected).map(renderedText).join('\n'), true);
    pending = [];
    overflow = false;
  };
  const add = (node: Node) => {
    if (pending.length < MAX_PENDING) pending.push(node);
    else overflow = true;
  };
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'characterData') add(record.target);
      else record.addedNodes.forEach(add);
    }
    timer ??= setTimeout(flush, MUTATION_BATCH_MS);
  });
  observer.observe(root, { childList: true, characterData: true, subtree: true });

  // Our settings changed (the site switched on, say): look again.
  const onStorage = () => void lookAtPage();

  const onMessage = (raw: unknown, _sender: unknown, respond: (reply: unknown) => void) => {
    const claims = checkFrameClaims(raw);
    if (claims) frameClaims = claims;
    const request = checkPageRequest(raw);
    if (request?.type === 'get-page-state') {
      const state: PageState = { url: location.href, site: siteKey(location.href), enabled: active, claims: frameClaims };
      respond(state);
    } else if (request?.type === 'focus-claim') respond(false);
    return undefined;
  };

  /**
   * The extension API, first touched when there is something to send: on most pages never (creating its
   * bindings in this world costs a few ms). Until then the popup finds this script by its mark in the world.
   */
  let api: ExtensionApi | null = null;
  const connect = (): ExtensionApi => {
    if (api) return api;
    api = extensionApi();
    api.storage.onChanged.addListener(onStorage);
    if (isTop) api.runtime.onMessage.addListener(onMessage);
    return api;
  };

  handoff.signal.addEventListener('abort', () => {
    observer.disconnect();
    clearTimeout(timer);
    pending = [];
    api?.storage.onChanged.removeListener(onStorage);
    api?.runtime.onMessage.removeListener(onMessage);
  });

  // At document_idle the page is often not laid out yet: reading then would force its layout inside our task.
  // An idle period comes after the page's next frame, layout done (the timeout keeps a busy page from starving us).
  requestIdleCallback(() => void lookAtPage().then(() => queue.then(() => void (world[LOOKED_AT_GLOBAL] = performance.now()))), { timeout: FIRST_LOOK_WAIT_MS });
});
