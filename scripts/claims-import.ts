/**
 * npm run claims:import -- <file> [--out lib/claims/data] [--dry-run]
 *
 * Converts ClaimReview data (schema.org JSON/JSON-LD, a DataFeed, or a Google
 * Fact Check Tools claims:search response) into dataset entries with status
 * "unreviewed", one file per entry. Prints what was taken and what was
 * skipped (out of scope), with why. All or nothing: every entry is built and
 * checked first; a malformed input or review (an error naming file, entry and
 * field) writes nothing, and a failed write removes what this run wrote.
 * Never overwrites a file. Exit code 1 on an error (or a wrong command line).
 */
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmdirSync, rmSync, writeSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import type { DatasetFile } from '../lib/claims/schema';
import { formatEntryJson, formatError, formatSummary, importClaimReviews, type ImportOptions } from '../lib/claims/import/index';

const USAGE = 'usage: npm run claims:import -- <file> [--out lib/claims/data] [--dry-run]';

export interface CliIo {
  /** where relative paths given on the command line start (npm sets INIT_CWD to the caller's directory) */
  cwd?: string;
  /** the project root, for the default --out */
  root?: string;
  log?: (line: string) => void;
  error?: (line: string) => void;
  /** passed to the importer (tests inject an allow-list and a date) */
  options?: Pick<ImportOptions, 'allow' | 'today'>;
}

function readExisting(dir: string, warn: (line: string) => void): DatasetFile[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((n) => n.toLowerCase().endsWith('.json'))
    .map((name) => {
      try {
        return { file: name, json: JSON.parse(readFileSync(join(dir, name), 'utf8')) as unknown };
      } catch (e) {
        warn(`warning: ${join(dir, name)} is not readable JSON (${(e as Error).message}); its name is still kept free`);
        return { file: name, json: null };
      }
    });
}

/**
 * Writes every file or none. A file never replaces another ("wx"); if one
 * write fails, the files this run wrote, and the folders it made, are removed.
 * Returns what failed, or undefined.
 */
function writeAll(dir: string, files: Array<{ name: string; text: string }>): string | undefined {
  const made = mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  for (const { name, text } of files) {
    const path = join(dir, name);
    let fd: number | undefined;
    try {
      fd = openSync(path, 'wx');
      written.push(path);
      writeSync(fd, text);
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      for (const p of written) rmSync(p, { force: true });
      // the folders this run made, innermost first, only if nothing else is in them
      for (let d = dir; made && d.length >= made.length; d = dirname(d)) {
        try {
          rmdirSync(d);
        } catch {
          break;
        }
      }
      return err.code === 'EEXIST' ? `${name} appeared in the output directory meanwhile (a file is never overwritten)` : `${name}: ${err.message}`;
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
  }
  return undefined;
}

export function main(argv: string[], io: CliIo = {}): number {
  const log = io.log ?? ((l: string) => console.log(l));
  const error = io.error ?? ((l: string) => console.error(l));
  const cwd = io.cwd ?? process.env.INIT_CWD ?? process.cwd();
  const root = io.root ?? process.cwd();

  let input: string | undefined;
  let out: string | undefined;
  let dryRun = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--dry-run') dryRun = true;
    else if (a === '--out') {
      out = argv[++i];
      if (!out) {
        error(`claims:import: --out needs a directory. ${USAGE}`);
        return 1;
      }
    } else if (a.startsWith('--out=')) out = a.slice('--out='.length);
    else if (a === '--help' || a === '-h') {
      log(USAGE);
      return 0;
    } else if (a.startsWith('-') && a !== '-') {
      error(`claims:import: unknown option ${a}. ${USAGE}`);
      return 1;
    } else if (input === undefined) input = a;
    else {
      error(`claims:import: one input file at a time (got ${input} and ${a}). ${USAGE}`);
      return 1;
    }
  }
  if (!input) {
    error(`claims:import: no input file. ${USAGE}`);
    return 1;
  }

  const inputPath = resolve(cwd, input);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(inputPath, 'utf8'));
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const why = err instanceof SyntaxError ? `is not JSON (${err.message})` : `cannot be read (${err.code ?? err.message})`;
    error(`claims:import: ${input} ${why}`);
    return 1;
  }

  const outDir = out ? resolve(cwd, out) : resolve(root, 'lib/claims/data');
  const shownOut = relative(root, outDir) || '.';
  const existing = readExisting(outDir, error);
  const result = importClaimReviews(json, { ...io.options, existing });
  if (result.errors.length) {
    for (const e of result.errors) error(`claims:import: ${formatError(input, e)}`);
    error(`claims:import: ${result.errors.length} error${result.errors.length === 1 ? '' : 's'} in ${input}: nothing written`);
    return 1;
  }
  if (!dryRun && result.taken.length) {
    // every file's text is made before the first is written
    const files = result.taken.map((t) => ({ name: t.file, text: formatEntryJson(t.entry) }));
    const failed = writeAll(outDir, files);
    if (failed) {
      error(`claims:import: ${failed}: nothing written`);
      return 1;
    }
  }
  log(formatSummary(result, { input, out: shownOut, dryRun }));
  return 0;
}

// Run when executed (vite-node), not when a test imports main().
if (!process.env.VITEST) process.exitCode = main(process.argv.slice(2));
