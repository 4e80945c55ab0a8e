/**
 * The one schema of a dataset entry, used by the build, the tests, the
 * importer and the UI. A file in lib/claims/data/ holds one entry.
 */
import * as z from 'zod/mini';
import { parseTerm } from '../match/terms';

const nonEmpty = () => z.string().check(z.trim(), z.minLength(1, 'must not be empty'));

/** YYYY, YYYY-MM or YYYY-MM-DD, a real calendar date, not in the future. */
export const PartialDate = z.string().check(
  z.superRefine((d, ctx) => {
    const problem = !isPartialDate(d) ? 'must be YYYY, YYYY-MM or YYYY-MM-DD' : d > today().slice(0, d.length) ? 'must not be in the future' : undefined;
    if (problem) ctx.issues.push({ code: 'custom', message: problem, input: d });
  }),
);
const today = () => new Date().toISOString().slice(0, 10);

function isPartialDate(d: string): boolean {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(d);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2] ?? 1), Number(m[3] ?? 1)];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const HttpsUrl = z.url({ protocol: /^https$/, hostname: z.regexes.domain, error: 'must be an https URL' });

const TermSource = z.string().check(
  z.superRefine((term, ctx) => {
    try {
      parseTerm(term);
    } catch (e) {
      ctx.issues.push({ code: 'custom', message: `bad term "${term}": ${(e as Error).message}`, input: term });
    }
  }),
);

export const Rule = z.strictObject({
  /** language the rule is written for (informational; all rules run on every page) */
  lang: z.optional(z.enum(['en', 'es'])),
  /** groups of alternatives; one alternative of every group must appear */
  all: z.array(z.array(TermSource).check(z.minLength(1))).check(z.minLength(2, 'needs at least two groups')),
  /** the match may span at most this many tokens (block-bounded) */
  within: z.optional(z.number().check(z.int(), z.minimum(2), z.maximum(80))),
  /** terms that veto the match when they appear near it */
  none: z.optional(z.array(TermSource)),
});
export type Rule = z.infer<typeof Rule>;

export const Source = z.strictObject({
  title: nonEmpty(),
  publisher: nonEmpty(),
  url: HttpsUrl,
  date: z.optional(PartialDate),
});
export type Source = z.infer<typeof Source>;

export const Claim = z.strictObject({
  $schema: z.optional(z.string()),
  id: z.string().check(z.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case: a-z, 0-9 and -')),
  title: nonEmpty(),
  summary: z.strictObject({ en: nonEmpty(), es: z.optional(nonEmpty()) }),
  /** only where a named fact-checker gave one: their words, attributed */
  verdict: z.optional(z.strictObject({ label: nonEmpty(), by: nonEmpty(), url: HttpsUrl })),
  sources: z.array(Source).check(z.minLength(1, 'needs at least one source')),
  topics: z.array(nonEmpty()),
  reviewed: PartialDate,
  /** imported entries stay "unreviewed" until a person checks them; the build ships only reviewed ones */
  status: z.optional(z.enum(['reviewed', 'unreviewed'])),
  match: z.strictObject({ rules: z.array(Rule).check(z.minLength(1, 'needs at least one rule')) }),
  examples: z.strictObject({
    match: z.array(nonEmpty()).check(z.minLength(1, 'needs at least one sentence that must match')),
    nomatch: z.array(nonEmpty()).check(z.minLength(1, 'needs at least one near miss that must not match')),
  }),
});
export type Claim = z.infer<typeof Claim>;

export interface DatasetFile {
  file: string;
  json: unknown;
}

export class DatasetError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid claims dataset:\n  ${problems.join('\n  ')}`);
    this.name = 'DatasetError';
  }
}

/** A problem in one field of one entry; `field` is a dotted path ("sources.0.url"), "(entry)" for the whole entry. */
export interface FieldProblem {
  field: string;
  message: string;
}

const kindOf = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

/** What zod found, in words: zod/mini ships no messages, only codes (and ours, where a check names one). */
function issueProblems(issue: z.core.$ZodIssue): FieldProblem[] {
  const path = issue.path.map(String);
  const at = (field: string[], message: string) => ({ field: field.join('.') || '(entry)', message });
  if (issue.code === 'unrecognized_keys') return issue.keys.map((key) => at([...path, key], 'unknown field'));
  if (issue.message && issue.message !== 'Invalid input') return [at(path, issue.message)];
  switch (issue.code) {
    case 'invalid_type':
      return [at(path, issue.input === undefined ? `missing (must be ${issue.expected})` : `must be ${issue.expected}, not ${kindOf(issue.input)}`)];
    case 'invalid_value':
      return [at(path, `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`)];
    case 'too_big':
      return [at(path, `must be at most ${issue.maximum}`)];
    case 'too_small':
      return [at(path, `must be at least ${issue.minimum}`)];
    default:
      return [at(path, issue.code)];
  }
}

/** The entry's own problems: the schema, then (when it holds) the id against the file name; the claim when the schema holds. */
export function entryProblems({ file, json }: DatasetFile): { claim?: Claim; problems: FieldProblem[] } {
  const result = Claim.safeParse(json, { reportInput: true });
  if (!result.success) {
    const lines = result.error.issues.flatMap(issueProblems);
    // one problem found twice (a URL that is neither https nor has a host) is said once
    const unique = [...new Map(lines.map((p) => [`${p.field}\n${p.message}`, p])).values()];
    return { problems: unique };
  }
  const name = file.replace(/^.*[\\/]/, '').replace(/\.json$/i, '');
  const problems = name === result.data.id ? [] : [{ field: 'id', message: `must be the file name: the file is ${name}.json` }];
  return { claim: result.data, problems };
}

/** How a problem line names an entry: its id as written, when it has one. */
function entryName(json: unknown): string {
  const id = (json as { id?: unknown } | null)?.id;
  return typeof id === 'string' ? JSON.stringify(id) : '"(no id)"';
}

/**
 * Every problem of every file, one line each ("file: entry "id": field "path": message"),
 * and the claims of the files that have none. `extra` adds checks of valid entries (the examples).
 */
export function checkDataset(files: DatasetFile[], extra?: (claim: Claim) => FieldProblem[]): { claims: Claim[]; problems: string[] } {
  const problems: string[] = [];
  const claims: Claim[] = [];
  const seen = new Map<string, string>();
  for (const df of files) {
    const line = (p: FieldProblem) => `${df.file}: entry ${entryName(df.json)}: field "${p.field}": ${p.message}`;
    const { claim, problems: own } = entryProblems(df);
    const all = [...own];
    if (claim) {
      // duplicates are looked for among all entries the schema accepts, so both files are named
      const other = seen.get(claim.id);
      if (other) all.push({ field: 'id', message: `duplicate id, also used in ${other}` });
      else seen.set(claim.id, df.file);
      if (extra && own.length === 0) all.push(...extra(claim));
    }
    problems.push(...all.map(line));
    if (claim && all.length === 0) claims.push(claim);
  }
  return { claims, problems };
}

/** Validates every file; returns the claims or throws one error naming file, entry and field of each problem. */
export function validateDataset(files: DatasetFile[], extra?: (claim: Claim) => FieldProblem[]): Claim[] {
  const { claims, problems } = checkDataset(files, extra);
  if (problems.length) throw new DatasetError(problems);
  return claims;
}
