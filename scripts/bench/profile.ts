/**
 * Where the scan's time goes, with readable names: lib/dom/scan.ts (the code
 * the lens runs) is bundled unminified and run in an isolated world of a page
 * in the browser without the extension, the way the lens (an injected
 * script) runs, under V8's sampling profiler. The shipped bundle is minified, so a
 * profile of the extension itself would name functions "Yn" and "$n".
 *
 * The scan runs twice on the same page: the first pass pays for creating a
 * JS wrapper, in this world, for every DOM node it touches; the second finds
 * them made. Their difference is that first-touch cost.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import type { Browser } from 'puppeteer-core';
import type { MatchIndex } from '../../lib/match/compile';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface ScanProfile {
  /** wall time of the two scans, as measured around scanRoot in the page */
  firstMs: number;
  secondMs: number;
  blocks: number;
  chars: number;
  /** sampled time inside the scan's own code (self time summed), ms */
  sampledMs: number;
  /** self time by function, largest first */
  functions: Array<{ name: string; ms: number; share: number }>;
  /** self time by source file (natives charged to their caller's file) */
  stages: Array<{ name: string; ms: number; share: number }>;
}

const BUNDLE_URL = 'context-lens-scan.js';

interface Bundle {
  code: string;
  /** source file (relative to the repo) of each generated line's segments, for naming profile frames */
  fileAt(line: number, column: number): string | undefined;
}

/** The scan engine as one unminified script defining globalThis.__contextLensScan(index), with its source map. */
async function bundleScan(root: string): Promise<Bundle> {
  const { build } = await import('vite');
  const dir = mkdtempSync(join(tmpdir(), 'cl-bench-bundle-'));
  try {
    const entry = join(dir, 'entry.ts');
    writeFileSync(
      entry,
      `import { scanRoot, emptyStats } from ${JSON.stringify(join(root, 'lib/dom/scan.ts'))};
(globalThis as any).__contextLensScan = async (index: any) => {
  const stats = emptyStats();
  const t0 = performance.now();
  const found = await scanRoot(document.body, index, {}, stats);
  return { ms: performance.now() - t0, found: found.length, blocks: stats.blocks, chars: stats.chars };
};
`,
    );
    const result = await build({
      configFile: false,
      logLevel: 'silent',
      root: dir,
      build: { write: false, minify: false, sourcemap: true, lib: { entry, formats: ['iife'], name: 'contextLensScanBundle', fileName: 'scan' } },
    });
    const outputs = (Array.isArray(result) ? result : [result]) as Array<{ output: Array<{ type: string; code?: string; map?: { sources: string[]; mappings: string } }> }>;
    const chunk = outputs[0].output.find((o) => o.type === 'chunk');
    if (!chunk?.code || !chunk.map) throw new Error('no bundle produced');
    // Sources are relative to the lib build's output directory (dist/ under the bundle's root).
    const sources = chunk.map.sources.map((s) => {
      const abs = resolve(dir, 'dist', s);
      return abs.startsWith(resolve(root) + sep) ? relative(root, abs) : 'bench wrapper';
    });
    const lines = decodeMappings(chunk.map.mappings);
    return {
      code: chunk.code,
      fileAt(line, column) {
        const segs = lines[line];
        if (!segs) return undefined;
        let best: number | undefined;
        for (const [col, src] of segs) {
          if (col > column) break;
          best = src;
        }
        return best === undefined ? sources[segs[0]?.[1]] : sources[best];
      },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Source-map "mappings" -> per generated line, [generated column, source index] pairs in column order. */
function decodeMappings(mappings: string): Array<Array<[number, number]>> {
  const lines: Array<Array<[number, number]>> = [];
  let src = 0;
  for (const line of mappings.split(';')) {
    const segs: Array<[number, number]> = [];
    let col = 0;
    for (const seg of line.split(',')) {
      if (!seg) continue;
      const values: number[] = [];
      let value = 0;
      let shift = 0;
      for (const ch of seg) {
        const digit = B64.indexOf(ch);
        value += (digit & 31) << shift;
        if (digit & 32) shift += 5;
        else {
          values.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      col += values[0];
      if (values.length >= 4) {
        src += values[1];
        segs.push([col, src]);
      }
    }
    lines.push(segs);
  }
  return lines;
}

export async function profileScan(browser: Browser, url: string, index: MatchIndex, root: string): Promise<ScanProfile> {
  const bundle = await bundleScan(root);
  const page = await browser.newPage();
  const cdp = await page.createCDPSession();
  try {
    await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
    const { frameTree } = await cdp.send('Page.getFrameTree');
    const { executionContextId } = await cdp.send('Page.createIsolatedWorld', { frameId: frameTree.frame.id, worldName: 'context-lens-bench' });
    const evaluate = async (expression: string, awaitPromise = false) => {
      const r = await cdp.send('Runtime.evaluate', { expression, contextId: executionContextId, returnByValue: true, awaitPromise });
      if (r.exceptionDetails) throw new Error(`in page: ${r.exceptionDetails.exception?.description ?? r.exceptionDetails.text}`);
      return r.result.value;
    };
    await evaluate(`${bundle.code}\n//# sourceURL=${BUNDLE_URL}`);
    await evaluate(`globalThis.__index = ${JSON.stringify(index)}; 0`);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
    const first = (await evaluate('__contextLensScan(__index)', true)) as { ms: number; blocks: number; chars: number };
    const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profile };
    const second = (await evaluate('__contextLensScan(__index)', true)) as { ms: number };
    return { firstMs: first.ms, secondMs: second.ms, blocks: first.blocks, chars: first.chars, ...summarise(profile, bundle) };
  } finally {
    await cdp.detach().catch(() => undefined);
    await page.close();
  }
}

function summarise(profile: Profile, bundle: Bundle) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<string, number>();
  const byFile = new Map<string, number>();
  let total = 0;
  const ours = (n: ProfileNode) => n.callFrame.url.endsWith(BUNDLE_URL);
  const name = (n: ProfileNode) => (n.callFrame.functionName || '(anonymous)').replace(/\$\d+$/, '');
  const file = (n: ProfileNode) => bundle.fileAt(n.callFrame.lineNumber, n.callFrame.columnNumber) ?? '?';
  profile.samples.forEach((id, i) => {
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const stack: ProfileNode[] = [];
    for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) stack.push(byId.get(n)!);
    // Only samples taken inside the scan: a frame of the bundle on the stack.
    const caller = stack.find(ours);
    if (!caller) return;
    total += dt;
    const leaf = stack[0];
    // Native functions (DOM methods, RegExp, String…) are charged to the bundle function that called them.
    const key = ours(leaf) ? `${name(leaf)} (${file(leaf)})` : `${name(leaf)}, native, from ${name(caller)} (${file(caller)})`;
    self.set(key, (self.get(key) ?? 0) + dt);
    const f = file(caller);
    byFile.set(f, (byFile.get(f) ?? 0) + dt);
  });
  const list = (m: Map<string, number>) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .map(([name, ms]) => ({ name, ms, share: total ? ms / total : 0 }));
  return { sampledMs: total, functions: list(self).slice(0, 12), stages: list(byFile) };
}
