/** Reads the dataset folder (Node side: build, tests, CLIs). */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { DatasetError, validateDataset, type Claim, type DatasetFile } from './schema';

export const DATA_DIR = join(import.meta.dirname, 'data');

export function readDatasetFiles(dir = DATA_DIR): DatasetFile[] {
  const files: DatasetFile[] = [];
  const problems: string[] = [];
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.json')).sort()) {
    const path = join(dir, name);
    const file = relative(process.cwd(), path);
    try {
      files.push({ file, json: JSON.parse(readFileSync(path, 'utf8')) });
    } catch (e) {
      problems.push(`${file}: entry "(unreadable)": field "(file)": ${(e as Error).message}`);
    }
  }
  if (problems.length) throw new DatasetError(problems);
  return files;
}

/** Validated claims; only reviewed entries ship unless `includeUnreviewed`. */
export function loadClaims(dir = DATA_DIR, includeUnreviewed = false): Claim[] {
  const claims = validateDataset(readDatasetFiles(dir));
  return includeUnreviewed ? claims : claims.filter((c) => c.status !== 'unreviewed');
}
