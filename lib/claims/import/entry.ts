/**
 * Turns one review record into a dataset entry for a person to review, or
 * says why not: a review out of scope (not by an allowed fact-checker, not in
 * English or Spanish, nothing to match on) is skipped; an in-scope review
 * that is malformed (no claim, URL or textual rating, a bad URL or date) is
 * an error. Every entry is checked against the Claim schema and against its
 * own examples with the real matcher before it is taken.
 */
import * as z from 'zod/mini';
import { Claim } from '../schema';
import { exampleProblems } from '../examples';
import { findPublisher, type Publisher } from './publishers';
import { isoDay, type ReviewRecord } from './read';
import { buildRule, nearMiss, pickTerms } from './rules';

export type RecordSkipReason = 'not-fact-checker' | 'language' | 'no-terms' | 'self-check' | 'invalid';

export class RecordSkip extends Error {
  constructor(
    readonly reason: RecordSkipReason,
    readonly detail: string,
  ) {
    super(`${reason}: ${detail}`);
    this.name = 'RecordSkip';
  }
}

/** A malformed review: each field at fault (a path as in ReviewRecord.fields) and what is wrong with it. */
export class RecordError extends Error {
  constructor(readonly problems: Array<{ field: string; message: string }>) {
    super(problems.map((p) => `${p.field}: ${p.message}`).join('; '));
    this.name = 'RecordError';
  }
}

export const MAX_ID = 60;
export const MAX_TITLE = 120;

/** Collapses runs of white space and trims. */
export const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** kebab-case slug of the text, at most MAX_ID characters, cut at a word boundary when possible. */
export function slugify(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['\u2019]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= MAX_ID) return slug;
  const cut = slug.slice(0, MAX_ID + 1);
  const dash = cut.lastIndexOf('-');
  return (dash > 0 ? cut.slice(0, dash) : slug.slice(0, MAX_ID)).replace(/-+$/, '');
}

/** The claim text as a title: at most MAX_TITLE characters, cut at a space with "…". */
export function titleOf(claim: string): string {
  const t = squash(claim);
  if (t.length <= MAX_TITLE) return t;
  const cut = t.slice(0, MAX_TITLE);
  const space = cut.lastIndexOf(' ');
  return `${(space > MAX_TITLE / 2 ? cut.slice(0, space) : cut.slice(0, MAX_TITLE - 1)).replace(/[\s,;:.-]+$/, '')}…`;
}

const parseUrl = (raw: string | undefined) => {
  try {
    return raw ? new URL(raw.trim()) : undefined;
  } catch {
    return undefined;
  }
};

/** What is wrong with a review URL, or undefined for a well-formed https URL with a domain name. */
export function reviewUrlProblem(raw: string | undefined): string | undefined {
  if (!raw) return 'missing: the review URL';
  const url = parseUrl(raw);
  if (!url) return `malformed URL "${raw}"`;
  if (url.protocol !== 'https:') return `not an https URL: "${raw}"`;
  if (!z.regexes.domain.test(url.hostname) || url.username || url.password) return `no proper host name: "${raw}"`;
  return undefined;
}

/** Host of a site given as a URL or a bare host name ("fullfact.org"). */
function siteHost(site: string): string | undefined {
  try {
    return new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(site) ? site : `https://${site}`).hostname.toLowerCase();
  } catch {
    return undefined;
  }
}

/** Same page, whatever the scheme, "www.", trailing slash, fragment or utm_ parameters. */
export function urlKey(raw: string): string | undefined {
  try {
    const u = new URL(raw.trim());
    for (const k of [...u.searchParams.keys()]) if (k.startsWith('utm_')) u.searchParams.delete(k);
    const search = u.searchParams.toString();
    return `${u.hostname.replace(/^www\./, '')}${u.pathname.replace(/\/+$/, '')}${search ? `?${search}` : ''}`;
  } catch {
    return undefined;
  }
}

export interface BuildOptions {
  /** YYYY-MM-DD */
  today: string;
  allow: readonly Publisher[];
}

/** Skips a review by a publisher not on the allow-list or in a language rules cannot be made for, whatever else is wrong with it. */
function checkScope(record: ReviewRecord, allow: readonly Publisher[]): void {
  const host = parseUrl(record.url)?.hostname.toLowerCase();
  if (host && !findPublisher(host, allow)) throw new RecordSkip('not-fact-checker', `review host ${host} is not on the fact-checker allow-list`);
  if (record.publisherSite) {
    const site = siteHost(record.publisherSite);
    if (!site || !findPublisher(site, allow)) {
      throw new RecordSkip('not-fact-checker', `publisher site "${record.publisherSite}" is not on the fact-checker allow-list`);
    }
  }
  if (record.language && record.language !== 'en' && record.language !== 'es') {
    throw new RecordSkip('language', `language "${record.language}": rules can be generated for en and es only`);
  }
}

/** The fields a review must have, and have well-formed; throws RecordError naming each one that is not. */
function checkFields(record: ReviewRecord): { claim: string; url: URL; label: string; reviewDate?: string; claimDate?: string } {
  const { fields } = record;
  const problems: Array<{ field: string; message: string }> = [];
  const claim = record.claim ? squash(record.claim) : '';
  if (!claim) problems.push({ field: fields.claim, message: 'missing: the claim reviewed' });
  const urlProblem = reviewUrlProblem(record.url);
  if (urlProblem) problems.push({ field: fields.url, message: urlProblem });
  const label = record.label?.trim() ?? '';
  if (!label) problems.push({ field: fields.label, message: 'missing: a textual rating (numeric ratings are not used)' });
  const day = (raw: string | undefined, field: string) => {
    const d = raw === undefined ? undefined : isoDay(raw);
    if (raw !== undefined && !d) problems.push({ field, message: `not a date: "${raw}" (YYYY-MM-DD, with or without a time)` });
    return d;
  };
  const reviewDate = day(record.reviewDate, fields.reviewDate);
  const claimDate = day(record.claimDate, fields.claimDate);
  if (problems.length) throw new RecordError(problems);
  return { claim, url: parseUrl(record.url)!, label, reviewDate, claimDate };
}

/** The dataset entry for a review, under the given id. Throws RecordSkip (out of scope) or RecordError (malformed). */
export function buildEntry(record: ReviewRecord, id: string, { today, allow }: BuildOptions): Claim {
  checkScope(record, allow);
  const { claim, url, label, reviewDate: rawReviewDate, claimDate } = checkFields(record);
  const by = record.publisher?.trim() || findPublisher(url.hostname, allow)!.name;
  const lang = record.language === 'en' || record.language === 'es' ? record.language : undefined;

  const terms = pickTerms(claim);
  if (terms.length < 2) throw new RecordSkip('no-terms', 'fewer than two distinctive words to match on');

  const notFuture = (d?: string) => (d && d <= today ? d : undefined);
  const reviewDate = notFuture(rawReviewDate);
  const reviewUrl = url.href;
  const entry: Claim = {
    id,
    title: titleOf(claim),
    summary: { en: `${by} reviewed this claim and rated it "${label}".` },
    verdict: { label, by, url: reviewUrl },
    sources: [
      {
        title: squash(record.title ?? '') || `Fact check: ${titleOf(claim)}`,
        publisher: by,
        url: reviewUrl,
        ...(reviewDate ? { date: reviewDate } : {}),
      },
    ],
    topics: [],
    reviewed: reviewDate ?? notFuture(claimDate) ?? today,
    status: 'unreviewed',
    match: { rules: [buildRule(claim, terms, lang)] },
    examples: { match: [claim], nomatch: [nearMiss(terms[0], lang)] },
  };

  const parsed = Claim.safeParse(entry);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new RecordSkip('invalid', `field "${issue.path.join('.') || '(entry)'}": ${issue.message}`);
  }
  selfCheck(entry);
  return entry;
}

/** The entry must find its match example and pass over its near misses, with the real matcher. */
export function selfCheck(entry: Claim): void {
  const [problem] = exampleProblems(entry);
  if (problem) throw new RecordSkip('self-check', `field "${problem.field}": ${problem.message}`);
}
