/**
 * Turns one review record into a dataset entry for a person to review, or
 * says why not. Every entry is checked against the Claim schema and against
 * its own examples with the real matcher before it is taken.
 */
import * as z from 'zod/mini';
import { Claim } from '../schema';
import { exampleProblems } from '../examples';
import { findPublisher, type Publisher } from './publishers';
import type { ReviewRecord } from './read';
import { buildRule, nearMiss, pickTerms } from './rules';

export type RecordSkipReason =
  | 'no-claim'
  | 'no-url'
  | 'bad-url'
  | 'not-https'
  | 'no-rating'
  | 'not-fact-checker'
  | 'no-publisher'
  | 'language'
  | 'no-terms'
  | 'self-check'
  | 'invalid';

export class RecordSkip extends Error {
  constructor(
    readonly reason: RecordSkipReason,
    readonly detail: string,
  ) {
    super(`${reason}: ${detail}`);
    this.name = 'RecordSkip';
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

/** The URL if it is a well-formed https URL with a domain name; throws RecordSkip otherwise. */
export function checkReviewUrl(raw: string | undefined): URL {
  if (!raw) throw new RecordSkip('no-url', 'review has no url');
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new RecordSkip('bad-url', `malformed review URL "${raw}"`);
  }
  if (url.protocol !== 'https:') throw new RecordSkip('not-https', `review URL is not https: "${raw}"`);
  if (!z.regexes.domain.test(url.hostname) || url.username || url.password) {
    throw new RecordSkip('bad-url', `review URL has no proper host name: "${raw}"`);
  }
  return url;
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

/** The dataset entry for a review, under the given id. Throws RecordSkip. */
export function buildEntry(record: ReviewRecord, id: string, { today, allow }: BuildOptions): Claim {
  const claim = record.claim ? squash(record.claim) : '';
  if (!claim) throw new RecordSkip('no-claim', 'no claimReviewed text');
  const url = checkReviewUrl(record.url);
  const label = record.label?.trim();
  if (!label) throw new RecordSkip('no-rating', 'no textual rating (reviewRating.alternateName / textualRating); numeric ratings are not used');

  // Only reviews published on a known fact-checker's site, by that fact-checker.
  const reviewHost = url.hostname.toLowerCase();
  const known = findPublisher(reviewHost, allow);
  if (!known) throw new RecordSkip('not-fact-checker', `review host ${reviewHost} is not on the fact-checker allow-list`);
  if (record.publisherSite) {
    const host = siteHost(record.publisherSite);
    if (!host || !findPublisher(host, allow)) {
      throw new RecordSkip('not-fact-checker', `publisher site "${record.publisherSite}" is not on the fact-checker allow-list`);
    }
  }
  const by = record.publisher?.trim() || known.name.trim();
  if (!by) throw new RecordSkip('no-publisher', 'no publisher name');

  const lang = record.language === 'en' || record.language === 'es' ? record.language : undefined;
  if (record.language && !lang) {
    throw new RecordSkip('language', `language "${record.language}": rules can be generated for en and es only`);
  }

  const terms = pickTerms(claim);
  if (terms.length < 2) throw new RecordSkip('no-terms', 'fewer than two distinctive words to match on');

  const notFuture = (d?: string) => (d && d <= today ? d : undefined);
  const reviewDate = notFuture(record.reviewDate);
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
    reviewed: reviewDate ?? notFuture(record.claimDate) ?? today,
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
