/**
 * ClaimReview importer: fact-checkers' data in, dataset entries with status
 * "unreviewed" out, plus the list of what was skipped (out of scope) and why,
 * and the errors (malformed input: file, entry and field). Pure: the CLI
 * (scripts/claims-import.ts) does the reading and writing, and writes nothing
 * while there is an error.
 */
import type { Claim, DatasetFile } from '../schema';
import { buildEntry, RecordError, RecordSkip, slugify, squash, urlKey, type RecordSkipReason } from './entry';
import { FACT_CHECKERS, type Publisher } from './publishers';
import { readReviews, type ImportError, type InputSkip } from './read';

export { FACT_CHECKERS, findPublisher, type Publisher } from './publishers';
export { readReviews, type ImportError, type ReviewRecord } from './read';
export { buildEntry, slugify } from './entry';
export { pickTerms } from './rules';
export { formatEntryJson } from './format';

export type SkipReason = InputSkip['reason'] | RecordSkipReason | 'duplicate-input' | 'duplicate-url' | 'exists';

export interface Skipped {
  /** position in the input (skips are listed in input order) */
  seq: number;
  /** JSON path in the input */
  where: string;
  /** the claim text, when there is one */
  claim?: string;
  reason: SkipReason;
  detail: string;
}

export interface Taken {
  where: string;
  /** file name in the output directory: `${entry.id}.json` */
  file: string;
  entry: Claim;
}

export interface ImportResult {
  taken: Taken[];
  skipped: Skipped[];
  /** malformed input, in input order: nothing may be written while there is one */
  errors: ImportError[];
}

export interface ImportOptions {
  /** entries already in the output directory: never overwritten, and their URLs are not imported again */
  existing?: DatasetFile[];
  /** fact-checkers whose reviews are taken (default FACT_CHECKERS) */
  allow?: readonly Publisher[];
  /** YYYY-MM-DD (default: today, UTC) */
  today?: string;
}

/** Ids and file names in use, and the review/source URLs already covered, by entry id. */
function existingIndex(files: DatasetFile[]) {
  const names = new Set<string>();
  const urls = new Map<string, string>();
  for (const { file, json } of files) {
    const base = file.replace(/^.*[\\/]/, '').replace(/\.json$/i, '');
    names.add(base);
    const e = (json ?? {}) as { id?: unknown; verdict?: { url?: unknown }; sources?: unknown };
    const id = typeof e.id === 'string' ? e.id : base;
    names.add(id);
    const found = [e.verdict?.url, ...(Array.isArray(e.sources) ? e.sources.map((s) => (s as { url?: unknown } | null)?.url) : [])];
    for (const u of found) {
      const key = typeof u === 'string' ? urlKey(u) : undefined;
      if (key && !urls.has(key)) urls.set(key, id);
    }
  }
  return { names, urls };
}

/** A short stable hash, for ids of claims whose text has no a-z or 0-9 letters. */
function hash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}

export function importClaimReviews(json: unknown, options: ImportOptions = {}): ImportResult {
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const allow = options.allow ?? FACT_CHECKERS;
  const { names, urls } = existingIndex(options.existing ?? []);
  const { records, skipped: inputSkips, errors } = readReviews(json);
  const result: ImportResult = { taken: [], skipped: [...inputSkips], errors: [...errors] };
  const takenUrls = new Map<string, string>();
  const takenIds = new Set<string>();

  for (const record of records) {
    const claim = record.claim ? squash(record.claim) : undefined;
    const skip = (reason: SkipReason, detail: string) => result.skipped.push({ seq: record.seq, where: record.where, claim, reason, detail });
    const base = (claim && slugify(claim)) || `claim-${hash(record.url ?? record.where)}`;
    let entry: Claim;
    try {
      entry = buildEntry(record, base, { today, allow });
    } catch (e) {
      if (e instanceof RecordSkip) {
        skip(e.reason, e.detail);
        continue;
      }
      if (e instanceof RecordError) {
        for (const p of e.problems) result.errors.push({ seq: record.seq, where: record.where, url: record.url, ...p });
        continue;
      }
      throw e;
    }
    const key = urlKey(entry.verdict!.url)!;
    const inDataset = urls.get(key);
    if (inDataset) {
      skip('duplicate-url', `entry "${inDataset}" already cites ${entry.verdict!.url}`);
      continue;
    }
    const earlier = takenUrls.get(key);
    if (earlier) {
      skip('duplicate-input', `same review URL as ${earlier}`);
      continue;
    }
    if (names.has(base)) {
      skip('exists', `${base}.json is already in the output directory (never overwritten)`);
      continue;
    }
    let id = base;
    for (let n = 2; takenIds.has(id) || names.has(id); n++) id = `${base}-${n}`;
    entry.id = id;
    takenIds.add(id);
    takenUrls.set(key, record.where);
    result.taken.push({ where: record.where, file: `${id}.json`, entry });
  }
  result.skipped.sort((a, b) => a.seq - b.seq);
  result.errors.sort((a, b) => a.seq - b.seq);
  return result;
}

/** One line for an error: "file: entry $[3] (https://…): field "url": not an https URL". */
export function formatError(file: string, e: ImportError): string {
  return `${file}: entry ${e.where}${e.url ? ` (${e.url})` : ''}: field "${e.field}": ${e.message}`;
}

const quote = (s: string, max = 70) => `"${s.length > max ? `${s.slice(0, max - 1)}…` : s}"`;

/** The report the CLI prints. */
export function formatSummary(result: ImportResult, opts: { input: string; out: string; dryRun: boolean }): string {
  const lines = [`claims:import ${opts.input} -> ${opts.out}${opts.dryRun ? ' (dry run: nothing written)' : ''}`];
  if (result.taken.length) {
    lines.push(opts.dryRun ? 'would take:' : 'taken (status "unreviewed"):');
    for (const t of result.taken) lines.push(`  + ${t.file}  ${t.entry.verdict!.by}: ${quote(t.entry.verdict!.label, 40)}  ${t.where}`);
  }
  if (result.skipped.length) {
    lines.push('skipped:');
    for (const s of result.skipped) lines.push(`  - ${s.where}${s.claim ? ` ${quote(s.claim)}` : ''}: ${s.reason}: ${s.detail}`);
  }
  lines.push(`${result.taken.length} taken, ${result.skipped.length} skipped`);
  return lines.join('\n');
}
