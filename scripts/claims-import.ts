/**
 * npm run claims:import -- <file> [--out lib/claims/data] [--dry-run]
 *
 * Converts ClaimReview data (schema.org JSON/JSON-LD, a DataFeed, or a Google
 * Fact Check Tools claims:search response) into dataset entries with status
 * "unreviewed", one file per entry. Never overwrites a file. Prints what was
 * taken and what was skipped, with why. Exit code 1 only when the input file
 * cannot be read or is not JSON (or the command line is wrong).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { DatasetFile } from '../lib/claims/schema';
import { formatEntryJson, formatSummary, importClaimReviews, type ImportOptions } from '../lib/claims/import/index';

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

  if (!dryRun && result.taken.length) {
    mkdirSync(outDir, { recursive: true });
    for (let i = 0; i < result.taken.length; i++) {
      const t = result.taken[i];
      try {
        // "wx": fail rather than overwrite, even if a file appeared meanwhile.
        writeFileSync(join(outDir, t.file), formatEntryJson(t.entry), { flag: 'wx' });
      } catch (e) {
        const err = e as NodeJS.ErrnoException;
        result.skipped.push({
          seq: Number.MAX_SAFE_INTEGER,
          where: t.where,
          claim: t.entry.title,
          reason: err.code === 'EEXIST' ? 'exists' : 'write-failed',
          detail: err.code === 'EEXIST' ? `${t.file} is already in the output directory (never overwritten)` : `${t.file}: ${err.message}`,
        });
        result.taken.splice(i--, 1);
      }
    }
  }
  log(formatSummary(result, { input, out: shownOut, dryRun }));
  return 0;
}

// Run when executed (vite-node), not when a test imports main().
if (!process.env.VITEST) process.exitCode = main(process.argv.slice(2));
