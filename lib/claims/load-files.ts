/** Reads the dataset folder (Node side: build, tests, CLIs). */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { exampleProblems } from './examples';
import { checkDataset, DatasetError, type Claim, type DatasetFile } from './schema';

export const DATA_DIR = join(import.meta.dirname, 'data');

/** The parsed files, and a problem line for each one that is not JSON. */
export function readDatasetFiles(dir = DATA_DIR): { files: DatasetFile[]; problems: string[] } {
  const files: DatasetFile[] = [];
  const problems: string[] = [];
  for (const name of readdirSync(dir).filter((n) => n.toLowerCase().endsWith('.json')).sort()) {
    const path = join(dir, name);
    const file = relative(process.cwd(), path);
    try {
      // a byte-order mark (some Windows editors add one) is not an error
      files.push({ file, json: JSON.parse(readFileSync(path, 'utf8').replace(/^\uFEFF/, '')) });
    } catch (e) {
      problems.push(`${file}: entry "(unreadable)": field "(file)": not JSON: ${(e as Error).message}${lineOf(path, e as Error)}`);
    }
  }
  return { files, problems };
}

/** " (line L, column C)" for a JSON error that gives a position, so an editor can jump there. */
function lineOf(path: string, e: Error): string {
  const at = /at position (\d+)/.exec(e.message);
  if (!at || /\bline \d+/.test(e.message)) return ''; // newer Node says it itself
  const before = readFileSync(path, 'utf8').replace(/^\uFEFF/, '').slice(0, Number(at[1])).split('\n');
  return ` (line ${before.length}, column ${before[before.length - 1].length + 1})`;
}

/**
 * Validated claims; only reviewed entries ship unless `includeUnreviewed`.
 * Throws one DatasetError listing every problem of every file (nothing is
 * returned for the good ones), so a build stops before it produces anything.
 * The examples of reviewed entries must pass with the real matcher.
 */
export function loadClaims(dir = DATA_DIR, includeUnreviewed = false): Claim[] {
  const read = readDatasetFiles(dir);
  const checked = checkDataset(read.files, (c) => (c.status === 'unreviewed' ? [] : exampleProblems(c)));
  const problems = [...read.problems, ...checked.problems];
  if (problems.length) throw new DatasetError(problems);
  return includeUnreviewed ? checked.claims : checked.claims.filter((c) => c.status !== 'unreviewed');
}
