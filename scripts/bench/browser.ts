/**
 * Chromium instances from the same binary with the same flags: one with the
 * built extension (the e2e harness's launchChromium), one without it, and one
 * with the same extension but an empty content script (the platform's floor);
 * a local server for the pages; browser-wide tracing; and the extension's own
 * counters read from its isolated world over CDP.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import puppeteer, { type Browser, type CDPSession, type Page } from 'puppeteer-core';
import type { ScanStats } from '../../lib/dom/scan';
import { CHROME_BUILD, CHROMIUM_BIN, launchChromium, type Chromium } from '../../tests/e2e/harness';

// --- Server ------------------------------------------------------------------

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css' };

/**
 * Corpus pages link to images, fonts and scripts on their original hosts. The
 * server sends a policy that keeps every load on this origin, so both
 * browsers see the same page with no network (and no DNS wait) in the timing;
 * inline scripts and styles still run as they do on the original site.
 */
export const OFFLINE_CSP = "default-src 'self' 'unsafe-inline' 'unsafe-eval' data: blob:";

export interface BenchServer {
  url(path: string): string;
  close(): Promise<void>;
}

/** Serves `/<mount>/<file>` from each mounted directory on 127.0.0.1. */
export async function serve(mounts: Record<string, string>): Promise<BenchServer> {
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const [, mount, ...rest] = decodeURIComponent(url.pathname).split('/');
    const dir = mounts[mount];
    const file = dir && normalize(join(dir, rest.join('/')));
    if (!file || !file.startsWith(dir) || !existsSync(file)) {
      res.writeHead(404).end('not found');
      return;
    }
    res
      .writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'content-security-policy': OFFLINE_CSP, 'cache-control': 'no-store' })
      .end(readFileSync(file));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const port = (server.address() as { port: number }).port;
  return {
    url: (path) => `http://127.0.0.1:${port}/${path.replace(/^\//, '')}`,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

// --- Browsers ----------------------------------------------------------------

export interface Pair {
  withExt: Chromium;
  without: Browser;
  /** the built extension with boot.js emptied: what running any content script costs, whatever it does */
  floor: { browser: Browser; extensionId: string };
  /** flags of the command lines that differ from the others' (everything else is identical) */
  differences: { withExt: string[]; without: string[]; floor: string[] };
  version: string;
  close(): Promise<void>;
}

/** Flags that belong to one instance (its profile, its extension loading). */
const OWN = (a: string) =>
  a.startsWith('--user-data-dir=') || a === '--enable-unsafe-extension-debugging' || a.startsWith('--load-extension') || a.startsWith('--disable-extensions-except') || a === '--remote-debugging-pipe' || !a.startsWith('-');

/** The boot.js of the floor's copy: a content script with no code (a comment keeps the file non-empty). */
const EMPTY_SCRIPT = '// empty: the bench measures what running any content script costs\n';

/**
 * The build copied to `dir` with boot.js emptied: same manifest (matches,
 * all_frames, run_at, permissions, service worker), so only the content
 * script's body differs.
 */
function emptyContentScriptBuild(dir: string): string {
  cpSync(CHROME_BUILD, dir, { recursive: true });
  writeFileSync(join(dir, 'boot.js'), EMPTY_SCRIPT);
  return dir;
}

/** Flags of `a` that are not in `b` (profiles aside). */
const only = (a: string[], b: string[]) => a.filter((x) => !b.includes(x) && !x.startsWith('--user-data-dir='));

export async function launchPair(): Promise<Pair> {
  const withExt = await launchChromium();
  const spawned = withExt.browser.process()?.spawnargs.slice(1) ?? [];
  if (spawned.length === 0) throw new Error('cannot read the command line of the Chromium with the extension');
  const profiles = [mkdtempSync(join(tmpdir(), 'cl-bench-noext-')), mkdtempSync(join(tmpdir(), 'cl-bench-floor-'))];
  const build = emptyContentScriptBuild(mkdtempSync(join(tmpdir(), 'cl-bench-floor-build-')));
  const [noextProfile, floorProfile] = profiles;
  const launch = (args: string[], enableExtensions: string[] | false) =>
    puppeteer.launch({ executablePath: CHROMIUM_BIN, pipe: true, ignoreDefaultArgs: true, args, enableExtensions, headless: true });
  // The same command line, minus what is the first instance's own, plus --disable-extensions.
  const without = await launch([...spawned.filter((a) => !OWN(a)), '--disable-extensions', `--user-data-dir=${noextProfile}`], false);
  // The same command line but the profile; the extension comes from the copy (loaded over the pipe, as launchChromium does).
  const floorBrowser = await launch([...spawned.filter((a) => !a.startsWith('--user-data-dir=')), `--user-data-dir=${floorProfile}`], [build]);
  const worker = await floorBrowser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'));
  const other = without.process()?.spawnargs.slice(1) ?? [];
  const floorArgs = floorBrowser.process()?.spawnargs.slice(1) ?? [];
  const version = await withExt.browser.version();
  return {
    withExt,
    without,
    floor: { browser: floorBrowser, extensionId: new URL(worker.url()).host },
    differences: { withExt: only(spawned, other), without: only(other, spawned), floor: [...only(floorArgs, spawned), ...only(spawned, floorArgs).map((a) => `(not ${a})`)] },
    version,
    close: async () => {
      await Promise.allSettled([withExt.close(), without.close(), floorBrowser.close()]);
      for (const dir of [...profiles, build]) rmSync(dir, { recursive: true, force: true });
    },
  };
}

// --- Tracing -------------------------------------------------------------------

/**
 * Starts a browser-wide trace (every process: the page's renderer and the
 * extension's service worker, which a page-level trace leaves out); the
 * returned function ends it and returns the trace JSON.
 */
export async function startTracing(browser: Browser, categories: string[]): Promise<() => Promise<Buffer>> {
  const cdp = await browser.target().createCDPSession();
  await cdp.send('Tracing.start', { transferMode: 'ReturnAsStream', traceConfig: { includedCategories: categories, recordMode: 'recordAsMuchAsPossible' } });
  return async () => {
    try {
      const complete = new Promise<{ stream?: string; dataLossOccurred: boolean }>((ok) => cdp.once('Tracing.tracingComplete', ok));
      await cdp.send('Tracing.end');
      const { stream, dataLossOccurred } = await complete;
      if (!stream) throw new Error('trace: no stream');
      // A full buffer drops the end of the trace: the figures would be silently short.
      if (dataLossOccurred) throw new Error('trace: the trace buffer was full (data lost)');
      const chunks: Buffer[] = [];
      for (;;) {
        const r = await cdp.send('IO.read', { handle: stream, size: 8 << 20 });
        chunks.push(Buffer.from(r.data, r.base64Encoded ? 'base64' : 'utf8'));
        if (r.eof) break;
      }
      await cdp.send('IO.close', { handle: stream });
      return Buffer.concat(chunks);
    } finally {
      await cdp.detach().catch(() => undefined);
    }
  };
}

// --- The extension's counters --------------------------------------------------

/** globalThis.contextLensStats, set by the lens (lens.js) when the background loaded it. */
export interface LensStats {
  /** performance.now() when the boot script started (document_idle) */
  bootAt: number;
  /** start of the first scan */
  startedAt: number;
  /** first CSS.highlights.set */
  firstPaintAt: number;
  failedScans: number;
  first: ScanStats;
  later: ScanStats;
}

/** What the extension's isolated world holds: the boot script's start, and the lens's counters if it was loaded. */
export interface WorldState {
  bootAt: number | null;
  /** the lens's handle is there: lens.js was loaded into the page */
  lens: boolean;
  stats: LensStats | null;
}

export const EXTENSION_NAME = 'Context Lens';

interface Context {
  id: number;
  name: string;
  origin: string;
  auxData?: { type?: string; frameId?: string; isDefault?: boolean };
}

const WORLD_EXPRESSION = `JSON.stringify({ bootAt: globalThis.contextLensBootAt ?? null, lens: !!globalThis.contextLens, stats: globalThis.contextLensStats ?? null })`;

/**
 * Watches a page's execution contexts so the extension's isolated world (the
 * boot script's, which the lens joins) can be found after navigation
 * (Runtime.executionContextCreated with auxData.type "isolated", named after
 * the extension, on its origin).
 */
export class LensProbe {
  private contexts = new Map<number, Context>();
  private constructor(
    readonly page: Page,
    private cdp: CDPSession,
    private extensionId: string | undefined,
  ) {}

  static async attach(page: Page, extensionId?: string): Promise<LensProbe> {
    const cdp = await page.createCDPSession();
    const probe = new LensProbe(page, cdp, extensionId);
    cdp.on('Runtime.executionContextCreated', (e: { context: Context }) => probe.contexts.set(e.context.id, e.context));
    cdp.on('Runtime.executionContextDestroyed', (e: { executionContextId: number }) => probe.contexts.delete(e.executionContextId));
    cdp.on('Runtime.executionContextsCleared', () => probe.contexts.clear());
    await cdp.send('Runtime.enable');
    return probe;
  }

  /** The extension's world in the main frame, if the boot script has run. */
  private worldContext(): Context | undefined {
    const main = this.page.mainFrame() as unknown as { _id: string };
    let found: Context | undefined;
    for (const c of this.contexts.values()) {
      if (c.auxData?.type !== 'isolated' || c.name !== EXTENSION_NAME) continue;
      if (this.extensionId && c.origin !== `chrome-extension://${this.extensionId}`) continue;
      if (main._id && c.auxData.frameId && c.auxData.frameId !== main._id) continue;
      found = c;
    }
    return found;
  }

  /** The world's state, or null while the boot script has not run. */
  async world(): Promise<WorldState | null> {
    const ctx = this.worldContext();
    if (!ctx) return null;
    const r = await this.cdp.send('Runtime.evaluate', { expression: WORLD_EXPRESSION, contextId: ctx.id, returnByValue: true });
    const state = r.result.value ? (JSON.parse(r.result.value as string) as WorldState) : null;
    return state?.bootAt === null ? null : state;
  }

  /** The lens's counters, or null while the lens is not loaded. */
  async stats(): Promise<LensStats | null> {
    return (await this.world())?.stats ?? null;
  }

  async detach(): Promise<void> {
    await this.cdp.detach().catch(() => undefined);
  }
}
