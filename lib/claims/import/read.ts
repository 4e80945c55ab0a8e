/**
 * Reads fact-checkers' data into flat review records. Accepts schema.org
 * ClaimReview as JSON or JSON-LD (one object, an array, an object with
 * "@graph", a DataFeed whose elements hold items) and the Google Fact Check
 * Tools `claims:search` response. Real feeds are loose: a value may be one
 * object, an array or a bare URL string; "type" may stand for "@type"; dates
 * come with or without a time. Nothing here judges a record (that is done in
 * entry.ts); input that is not ClaimReview data at all is an error.
 */

/** One fact-checker's review of one claim, as found in the input. */
export interface ReviewRecord {
  /** position in the input, counting records and skips together */
  seq: number;
  /** JSON path of the record in the input, for messages: $.dataFeedElement[3].item[0] */
  where: string;
  /** the claim as the fact-checker summarised it (claimReviewed / text) */
  claim?: string;
  /** review URL, as written (checked later) */
  url?: string;
  /** where each checked value is in the input, for messages: relative to `where`, or a whole path from "$" */
  fields: RecordFields;
  /** review page title, when given */
  title?: string;
  /** the fact-checker's own rating label (alternateName / textualRating), trimmed */
  label?: string;
  /** publisher (fact-checker) name, when given */
  publisher?: string;
  /** publisher site (author.url / publisher.site), when given */
  publisherSite?: string;
  /** date of the review, as written (checked later) */
  reviewDate?: string;
  /** date of the claim, as written (checked later) */
  claimDate?: string;
  claimant?: string;
  /** URLs where the claim appeared */
  appearances: string[];
  /** primary language subtag, lower case: "en", "es" */
  language?: string;
}

export interface RecordFields {
  claim: string;
  url: string;
  label: string;
  reviewDate: string;
  claimDate: string;
}

/** Something in the input that is not a review to import (out of scope), with why. */
export interface InputSkip {
  seq: number;
  where: string;
  reason: 'null-item' | 'media-review' | 'not-claim-review';
  detail: string;
}

/** Malformed input: the import writes nothing while there is one. */
export interface ImportError {
  seq: number;
  /** JSON path of the entry in the input */
  where: string;
  /** the entry's review URL, as written, when it has one */
  url?: string;
  /** the field at fault: relative to `where`, or a whole path from "$" */
  field: string;
  message: string;
}

export interface ReadResult {
  records: ReviewRecord[];
  skipped: InputSkip[];
  errors: ImportError[];
}

/** Collects records, skips and errors, numbering them in input order. */
class Collector implements ReadResult {
  records: ReviewRecord[] = [];
  skipped: InputSkip[] = [];
  errors: ImportError[] = [];
  private seq = 0;
  record(r: Omit<ReviewRecord, 'seq'>): void {
    this.records.push({ seq: this.seq++, ...r });
  }
  skip(where: string, reason: InputSkip['reason'], detail: string): void {
    this.skipped.push({ seq: this.seq++, where, reason, detail });
  }
  error(where: string, field: string, message: string): void {
    this.errors.push({ seq: this.seq++, where, field, message });
  }
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A value that may be one item or an array of items, as an array (null and undefined give []). */
export function many(v: unknown): unknown[] {
  if (v === undefined || v === null) return [];
  return Array.isArray(v) ? v : [v];
}

/** The first non-empty trimmed string among the values (a string or strings in an array). */
function text(v: unknown): string | undefined {
  for (const x of many(v)) if (typeof x === 'string' && x.trim()) return x.trim();
  return undefined;
}

/**
 * schema.org type names of a node: "@type" or "type", a string or an array,
 * with any prefix dropped ("schema:ClaimReview", "https://schema.org/ClaimReview").
 */
export function typesOf(node: Obj): string[] {
  return many(node['@type'] ?? node.type)
    .filter((t): t is string => typeof t === 'string')
    .map((t) => t.trim().replace(/^.*[/#:]/, ''));
}
const hasType = (node: Obj, type: string) => typesOf(node).includes(type);

/** YYYY-MM-DD from "2016-06-22" or "2016-06-22T10:00:00Z" (the date as the publisher wrote it, no time-zone shift). */
export function isoDay(v: unknown): string | undefined {
  const s = text(v);
  const m = s && /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])/.exec(s);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return undefined;
  return `${m[1]}-${m[2]}-${m[3]}`;
}

function language(v: unknown): string | undefined {
  for (const x of many(v)) {
    const code = typeof x === 'string' ? x : isObj(x) ? text(x.alternateName) ?? text(x.name) : undefined;
    const primary = code?.trim().toLowerCase().split(/[-_]/)[0];
    if (primary && /^[a-z]{2,3}$/.test(primary)) return primary;
  }
  return undefined;
}

const looksLikeUrl = (s: string) => /^[a-z][a-z0-9+.-]*:\/\//i.test(s);

/** JSON-LD node references ({"@id": "#org"}) resolve to the node with that "@id" in the same document. */
type Ids = Map<string, Obj>;

function collectIds(v: unknown, ids: Ids, depth = 0): void {
  if (depth > 64) return;
  if (Array.isArray(v)) for (const x of v) collectIds(x, ids, depth + 1);
  else if (isObj(v)) {
    const id = v['@id'];
    if (typeof id === 'string' && Object.keys(v).some((k) => k !== '@id') && !ids.has(id)) ids.set(id, v);
    for (const x of Object.values(v)) collectIds(x, ids, depth + 1);
  }
}

function deref(v: unknown, ids: Ids): unknown {
  if (isObj(v) && typeof v['@id'] === 'string' && Object.keys(v).length === 1) return ids.get(v['@id']) ?? v;
  return v;
}

/** Objects among the values (references resolved); a bare string becomes { url } or { name }. */
function nodes(v: unknown, ids: Ids): Obj[] {
  const out: Obj[] = [];
  for (const x of many(v)) {
    const d = deref(x, ids);
    if (isObj(d)) out.push(d);
    else if (typeof d === 'string' && d.trim()) out.push(looksLikeUrl(d.trim()) ? { url: d.trim() } : { name: d.trim() });
  }
  return out;
}

const PERSON = 'Person';

/** The organisation that published the review: author (not a Person) first, then publisher, then any author. */
function publisherOf(review: Obj, ids: Ids): { name?: string; site?: string } {
  const authors = nodes(review.author, ids);
  const publishers = nodes(review.publisher, ids);
  const orgs = [...authors.filter((a) => !hasType(a, PERSON)), ...publishers.filter((p) => !hasType(p, PERSON))];
  const name = orgs.map((o) => text(o.name)).find(Boolean) ?? authors.map((a) => text(a.name)).find(Boolean);
  const site = orgs.map((o) => text(o.url) ?? text(o.sameAs)).find(Boolean);
  return { name, site };
}

function fromClaimReview(review: Obj, where: string, ids: Ids): Omit<ReviewRecord, 'seq'> {
  const items = nodes(review.itemReviewed, ids);
  const item = items.find((i) => hasType(i, 'Claim')) ?? items[0];
  const appearances: string[] = [];
  if (item) {
    for (const a of [...nodes(item.appearance, ids), ...nodes(item.firstAppearance, ids)]) {
      const url = text(a.url);
      if (url && !appearances.includes(url)) appearances.push(url);
    }
  }
  const rating = nodes(review.reviewRating, ids).find((r) => text(r.alternateName));
  const { name, site } = publisherOf(review, ids);
  return {
    where,
    claim: text(review.claimReviewed),
    url: text(review.url),
    title: text(review.headline) ?? text(review.name),
    label: rating ? text(rating.alternateName) : undefined,
    publisher: name,
    publisherSite: site,
    reviewDate: text(review.datePublished),
    claimDate: item ? text(item.datePublished) : undefined,
    fields: {
      claim: 'claimReviewed',
      url: 'url',
      label: 'reviewRating.alternateName',
      reviewDate: 'datePublished',
      claimDate: 'itemReviewed.datePublished',
    },
    claimant: item ? nodes(item.author, ids).map((a) => text(a.name)).find(Boolean) : undefined,
    appearances,
    language: language(review.inLanguage),
  };
}

/** One claim of a Google Fact Check Tools `claims:search` response: one record per review. */
function fromApiClaim(claim: Obj, where: string, out: Collector): void {
  const reviews = many(claim.claimReview);
  if (reviews.length === 0) {
    out.error(where, 'claimReview', 'a claims:search claim without reviews');
    return;
  }
  reviews.forEach((r, i) => {
    const w = `${where}.claimReview[${i}]`;
    if (!isObj(r)) {
      out.skip(w, 'null-item', `review is ${r === null ? 'null' : typeof r}`);
      return;
    }
    const publisher = isObj(r.publisher) ? r.publisher : {};
    out.record({
      where: w,
      claim: text(claim.text),
      url: text(r.url),
      title: text(r.title),
      label: text(r.textualRating),
      publisher: text(publisher.name),
      publisherSite: text(publisher.site),
      reviewDate: text(r.reviewDate),
      claimDate: text(claim.claimDate),
      claimant: text(claim.claimant),
      appearances: [],
      language: language(r.languageCode),
      fields: { claim: `${where}.text`, url: 'url', label: 'textualRating', reviewDate: 'reviewDate', claimDate: `${where}.claimDate` },
    });
  });
}

function walk(v: unknown, where: string, out: Collector, ids: Ids, depth: number): void {
  if (depth > 32) {
    out.error(where, '(item)', 'nested too deeply');
    return;
  }
  if (v === null || v === undefined) {
    out.skip(where, 'null-item', 'item is null');
    return;
  }
  if (Array.isArray(v)) {
    v.forEach((x, i) => walk(x, `${where}[${i}]`, out, ids, depth + 1));
    return;
  }
  if (!isObj(v)) {
    out.error(where, '(item)', `a ${typeof v}, not an object`);
    return;
  }
  const node = deref(v, ids) as Obj;
  const types = typesOf(node);
  if (types.includes('ClaimReview')) {
    out.record(fromClaimReview(node, where, ids));
  } else if (types.includes('MediaReview')) {
    out.skip(where, 'media-review', 'MediaReview (reviews of images and videos) is not imported');
  } else if (Array.isArray(node['@graph'])) {
    walk(node['@graph'], `${where}.@graph`, out, ids, depth + 1);
  } else if ('dataFeedElement' in node) {
    walk(node.dataFeedElement, `${where}.dataFeedElement`, out, ids, depth + 1);
  } else if (types.includes('DataFeedItem') || ('item' in node && types.length === 0)) {
    walk(node.item, `${where}.item`, out, ids, depth + 1);
  } else if (Array.isArray(node.claims) && types.length === 0) {
    node.claims.forEach((c, i) => {
      const w = `${where}.claims[${i}]`;
      if (isObj(c)) fromApiClaim(c, w, out);
      else out.skip(w, 'null-item', `claim is ${c === null ? 'null' : typeof c}`);
    });
  } else if ('claimReview' in node && types.length === 0) {
    fromApiClaim(node, where, out);
  } else {
    const what = types.length ? `type ${types.join(', ')}` : 'no @type';
    // other nodes beside reviews (an Organization in @graph) are normal; as the whole input, it is not ClaimReview data
    if (depth === 0) out.error(where, '@type', `not ClaimReview data (${what}): expected a ClaimReview, an array, @graph, a DataFeed or a claims:search response`);
    else out.skip(where, 'not-claim-review', `not a ClaimReview (${what})`);
  }
}

/** All review records in the parsed JSON, and everything that was passed over, with why. */
export function readReviews(json: unknown): ReadResult {
  const out = new Collector();
  const ids: Ids = new Map();
  collectIds(json, ids);
  if (!Array.isArray(json) && !isObj(json)) {
    out.error('$', '(input)', `${json === null ? 'null' : `a ${typeof json}`}, not a JSON object or array`);
  } else {
    walk(json, '$', out, ids, 0);
  }
  return { records: out.records, skipped: out.skipped, errors: out.errors };
}
