// @vitest-environment node
/**
 * A broken dataset stops the build before it writes anything: the claims
 * plugin validates the whole dataset (loadClaims) before it emits the module.
 * The data folder is swapped for a fixture folder; the plugin is used as is.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { claimsIndex } from '../../lib/claims/vite-plugin';

const data = vi.hoisted(() => ({ dir: '' }));
vi.mock('../../lib/claims/load-files', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../lib/claims/load-files')>();
  return {
    ...real,
    get DATA_DIR() {
      return data.dir;
    },
    loadClaims: (dir?: string, includeUnreviewed?: boolean) => real.loadClaims(dir ?? data.dir, includeUnreviewed),
  };
});

const FIXTURES = join(import.meta.dirname, '../fixtures');
const roots: string[] = [];
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

/** Builds, into a fresh folder, a one-line module that imports the compiled dataset read from `dataDir`. */
function buildWith(dataDir: string): { out: string; result: Promise<unknown> } {
  data.dir = dataDir;
  const root = mkdtempSync(join(tmpdir(), 'cl-build-'));
  roots.push(root);
  writeFileSync(join(root, 'main.js'), "import index from 'virtual:claims-index';\nexport const claims = index.claims.length;\n");
  const out = join(root, 'out');
  const result = build({
    root,
    configFile: false,
    logLevel: 'silent',
    plugins: [claimsIndex()],
    build: { outDir: out, lib: { entry: join(root, 'main.js'), formats: ['es'], fileName: () => 'main.js' } },
  });
  return { out, result };
}

describe('the claims plugin in a build', { timeout: 60_000 }, () => {
  it('a good dataset builds (the control case)', async () => {
    const { out, result } = buildWith(join(FIXTURES, '../../lib/claims/data'));
    await result;
    expect(readdirSync(out)).toEqual(['main.js']);
    expect(readFileSync(join(out, 'main.js'), 'utf8')).toContain('austerity-deaths');
  });

  it('a broken entry stops the build with file, entry and field, and no output is written', async () => {
    const { out, result } = buildWith(join(FIXTURES, 'claims-bad/http-url'));
    await expect(result).rejects.toThrow(/http-url\/example-claim\.json: entry "example-claim": field "sources\.0\.url": must be an https URL/);
    expect(existsSync(out)).toBe(false);
  });
});
