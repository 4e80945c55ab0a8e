/**
 * The one schema of a dataset entry, used by the build, the tests, the
 * importer and the UI. A file in lib/claims/data/ holds one entry.
 */
import * as z from 'zod/mini';
import { parseTerm } from '../match/terms';

const nonEmpty = () => z.string().check(z.trim(), z.minLength(1, 'must not be empty'));

/** YYYY, YYYY-MM or YYYY-MM-DD, not in the future. */
export const PartialDate = z.string().check(
  z.regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, 'must be YYYY, YYYY-MM or YYYY-MM-DD'),
  z.refine((d) => d.slice(0, d.length) <= today().slice(0, d.length), 'must not be in the future'),
);
const today = () => new Date().toISOString().slice(0, 10);

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

/** Validates every file; returns the claims or throws one error naming file, entry and field of each problem. */
export function validateDataset(files: DatasetFile[]): Claim[] {
  const problems: string[] = [];
  const claims: Claim[] = [];
  const seen = new Map<string, string>();
  for (const { file, json } of files) {
    const id = (json as { id?: unknown } | null)?.id;
    const entry = typeof id === 'string' ? id : '(no id)';
    const result = Claim.safeParse(json);
    if (!result.success) {
      for (const issue of result.error.issues) {
        const field = issue.path.join('.') || '(entry)';
        problems.push(`${file}: entry "${entry}": field "${field}": ${issue.message}`);
      }
      continue;
    }
    const other = seen.get(result.data.id);
    if (other) {
      problems.push(`${file}: entry "${entry}": field "id": duplicate id, also used in ${other}`);
      continue;
    }
    seen.set(result.data.id, file);
    claims.push(result.data);
  }
  if (problems.length) throw new DatasetError(problems);
  return claims;
}
