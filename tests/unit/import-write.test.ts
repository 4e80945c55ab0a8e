/**
 * The importer writes all its files or none: when one write fails (a file
 * appeared meanwhile, the disk is full), the files this run wrote are removed
 * and nothing else is touched. Failures are injected into node:fs.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../scripts/claims-import';

const fail = vi.hoisted(() => ({ open: '', write: '' }));
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const paths = new Map<number, string>();
  const error = (code: string) => Object.assign(new Error(`${code}: injected`), { code });
  const openSync = (path: string, flags: string) => {
    if (fail.open && path.endsWith(fail.open)) throw error('EEXIST');
    const fd = fs.openSync(path, flags);
    paths.set(fd, path);
    return fd;
  };
  const writeSync = (fd: number, text: string) => {
    if (fail.write && paths.get(fd)?.endsWith(fail.write)) throw error('ENOSPC');
    return fs.writeSync(fd, text);
  };
  return { ...fs, default: { ...fs, openSync, writeSync }, openSync, writeSync };
});

const FIXTURES = join(import.meta.dirname, '../fixtures/claimreview');
const ALLOW = [{ host: 'checks.example.org', name: 'Example Checks' }];
// array.json gives three files, written in this order
const FIRST = 'the-moon-is-made-of-green-cheese.json';
const SECOND = 'glowworms-in-lake-exampleton-power-3-000-homes.json';

let dir: string;
let errors: string[];
const cli = (out: string) =>
  main(['array.json', '--out', out], { cwd: FIXTURES, root: dir, log: () => undefined, error: (l) => errors.push(l), options: { allow: ALLOW, today: '2025-01-01' } });
const contents = (folder: string) => Object.fromEntries(readdirSync(folder).map((n) => [n, readFileSync(join(folder, n), 'utf8')]));

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'claims-import-'));
  errors = [];
  fail.open = '';
  fail.write = '';
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('all or nothing', () => {
  it('a file that appears meanwhile is never overwritten, and the files written before it are removed', () => {
    const out = join(dir, 'data');
    mkdirSync(out);
    writeFileSync(join(out, 'curated.json'), '{"id":"curated"}\n');
    const before = contents(out);
    fail.open = SECOND;
    expect(cli(out)).toBe(1);
    expect(contents(out)).toEqual(before);
    expect(errors).toEqual([`claims:import: ${SECOND} appeared in the output directory meanwhile (a file is never overwritten): nothing written`]);
  });

  it('a failed write removes its own partial file and the folder the run made', () => {
    const out = join(dir, 'new', 'data');
    fail.write = SECOND;
    expect(cli(out)).toBe(1);
    expect(existsSync(join(dir, 'new'))).toBe(false);
    expect(errors[0]).toMatch(new RegExp(`^claims:import: ${SECOND}: ENOSPC`));
  });

  it('without a failure every file is written (the control case)', () => {
    const out = join(dir, 'data');
    expect(cli(out)).toBe(0);
    expect(readdirSync(out)).toContain(FIRST);
    expect(readdirSync(out)).toHaveLength(3);
  });
});
