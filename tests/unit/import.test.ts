import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Claim, validateDataset, type DatasetFile } from '../../lib/claims/schema';
import { compileIndex } from '../../lib/match/compile';
import { matchText } from '../../lib/match/matcher';
import {
  FACT_CHECKERS,
  findPublisher,
  formatEntryJson,
  formatError,
  formatSummary,
  importClaimReviews,
  pickTerms,
  readReviews,
  slugify,
  type ImportResult,
  type Publisher,
} from '../../lib/claims/import/index';
import { buildEntry, titleOf } from '../../lib/claims/import/entry';
import { isoDay } from '../../lib/claims/import/read';
import { main } from '../../scripts/claims-import';

const FIXTURES = join(import.meta.dirname, '../fixtures/claimreview');
const fixture = (name: string): unknown => JSON.parse(readFileSync(join(FIXTURES, name), 'utf8'));

/** Synthetic fact-checkers on example hosts; the real allow-list is only checked for its matching. */
const ALLOW: Publisher[] = [
  { host: 'checks.example.org', name: 'Example Checks' },
  { host: 'verifica.example.org', name: 'Verifica Ejemplo' },
  { host: 'example.com', name: 'Example.com' },
];
const TODAY = '2025-01-01';
const run = (name: string, existing: DatasetFile[] = []) => importClaimReviews(fixture(name), { allow: ALLOW, today: TODAY, existing });

const takenBy = (r: ImportResult, claim: string) => r.taken.find((t) => t.entry.examples.match[0] === claim)?.entry;
const skipOf = (r: ImportResult, claim: string) => r.skipped.find((s) => s.claim === claim);
const ALL_FIXTURES = ['google-example.jsonld', 'array.json', 'graph.jsonld', 'datafeed.json', 'claims-search.json', 'pitfalls.json'];

describe('input shapes', () => {
  it('a single ClaimReview object (Google documentation example)', () => {
    const r = run('google-example.jsonld');
    expect(r.skipped).toEqual([]);
    expect(r.taken).toHaveLength(1);
    expect(r.taken[0].file).toBe('the-world-is-flat.json');
    expect(r.taken[0].entry).toEqual({
      id: 'the-world-is-flat',
      title: 'The world is flat',
      summary: { en: 'Example.com science watch reviewed this claim and rated it "False".' },
      verdict: { label: 'False', by: 'Example.com science watch', url: 'https://example.com/news/science/worldisflat.html' },
      sources: [
        {
          title: 'Fact check: The world is flat',
          publisher: 'Example.com science watch',
          url: 'https://example.com/news/science/worldisflat.html',
          date: '2016-06-22',
        },
      ],
      topics: [],
      reviewed: '2016-06-22',
      status: 'unreviewed',
      match: { rules: [{ all: [['world'], ['flat']], within: 9 }] },
      examples: { match: ['The world is flat'], nomatch: ['This sentence mentions world and nothing else.'] },
    });
  });

  it('an array of ClaimReviews', () => {
    const r = run('array.json');
    expect(r.skipped).toEqual([]);
    expect(r.taken.map((t) => t.file)).toEqual([
      'the-moon-is-made-of-green-cheese.json',
      'glowworms-in-lake-exampleton-power-3-000-homes.json',
      'exampleville-banned-bicycles-in-1999.json',
    ]);
  });

  it('an object with @graph, resolving {"@id"} references and skipping other node types', () => {
    const r = run('graph.jsonld');
    expect(r.taken).toHaveLength(1);
    expect(r.taken[0].entry.verdict).toEqual({ label: 'False', by: 'Example Fact Desk', url: 'https://checks.example.org/2022/seawater' });
    expect(r.skipped.map((s) => [s.where, s.reason])).toEqual([
      ['$.@graph[0]', 'not-claim-review'],
      ['$.@graph[1]', 'not-claim-review'],
    ]);
  });

  it('a schema.org DataFeed: item null, an array, or one object', () => {
    const r = run('datafeed.json');
    expect(r.taken.map((t) => t.where)).toEqual(['$.dataFeedElement[1].item[0]', '$.dataFeedElement[2].item']);
    expect(r.skipped.map((s) => [s.where, s.reason])).toEqual([
      ['$.dataFeedElement[0].item', 'null-item'],
      ['$.dataFeedElement[1].item[1]', 'media-review'],
    ]);
  });

  it('a Google Fact Check Tools claims:search response, one entry per review', () => {
    const r = run('claims-search.json');
    expect(r.skipped).toEqual([]);
    expect(r.taken.map((t) => t.file)).toEqual([
      'el-lago-ejemplo-se-seco-por-completo-en-2020.json',
      'el-lago-ejemplo-se-seco-por-completo-en-2020-2.json',
      'exampleton-schools-will-close-every-friday-from-next-year.json',
    ]);
    const [es, en] = r.taken.map((t) => t.entry);
    expect(es.verdict).toEqual({ label: 'Falso', by: 'Verificador Ejemplo', url: 'https://verifica.example.org/2020/09/lago-ejemplo' });
    expect(es.sources[0]).toEqual({
      title: 'No, el lago Ejemplo no se secó',
      publisher: 'Verificador Ejemplo',
      url: 'https://verifica.example.org/2020/09/lago-ejemplo',
      date: '2020-09-15',
    });
    expect(es.match.rules[0].lang).toBe('es');
    expect(es.examples.nomatch).toEqual(['Esta frase menciona Ejemplo y nada más.']);
    expect(en.verdict?.by).toBe('Example Fact Desk');
    expect(en.match.rules[0].lang).toBe('en');
  });

  it('anything else is an error, not thrown; an empty array is an empty import', () => {
    expect(importClaimReviews(null).errors.map((e) => [e.where, e.field])).toEqual([['$', '(input)']]);
    expect(importClaimReviews('text').errors.map((e) => [e.where, e.field])).toEqual([['$', '(input)']]);
    expect(importClaimReviews({ hello: 1 }).errors.map((e) => [e.where, e.field])).toEqual([['$', '@type']]);
    expect(importClaimReviews([])).toEqual({ taken: [], skipped: [], errors: [] });
  });
});

describe('pitfalls of real feeds', () => {
  it('appearance as one object, an array, or a bare URL string', () => {
    const [world] = readReviews(fixture('google-example.jsonld')).records;
    expect(world.appearances).toEqual(['https://example.com/news/a122121']);
    const [moon, glow] = readReviews(fixture('array.json')).records;
    expect(glow.appearances).toEqual(['https://social.example.net/p/1', 'https://social.example.net/p/2']);
    expect(moon.appearances).toEqual([]);
  });

  it('itemReviewed as one object, an array, or a bare URL string', () => {
    const [world] = readReviews(fixture('google-example.jsonld')).records;
    expect([world.claimDate, world.claimant]).toEqual(['2016-06-20', 'Square World Society']);
    const [moon, glow] = readReviews(fixture('array.json')).records;
    expect([glow.claimDate, glow.claimant]).toEqual(['2021-01-30T08:00:00Z', 'A. Poster']); // as written; checked when the entry is built
    expect([moon.claimDate, moon.claimant]).toEqual([undefined, undefined]);
  });

  it('author as one object, an array (the organisation, not the Person), or a bare URL string', () => {
    const [moon, glow, bikes] = readReviews(fixture('array.json')).records;
    expect([moon.publisher, moon.publisherSite]).toEqual(['Example Fact Desk', 'https://checks.example.org']);
    expect([glow.publisher, glow.publisherSite]).toEqual(['Example Fact Desk', 'https://checks.example.org/']);
    expect([bikes.publisher, bikes.publisherSite]).toEqual([undefined, 'https://checks.example.org']);
    // no name in the record: the allow-list names the publisher
    expect(takenBy(run('array.json'), 'Exampleville banned bicycles in 1999')?.verdict?.by).toBe('Example Checks');
  });

  it('"type" instead of "@type", type arrays and prefixed types', () => {
    const types = readReviews(fixture('array.json')).records.map((r) => r.claim);
    expect(types).toEqual(['The Moon is made of green cheese', 'Glowworms in Lake Exampleton power 3,000 homes', 'Exampleville banned bicycles in 1999']);
  });

  it('dates: date-only or timestamps become YYYY-MM-DD as written', () => {
    const r = run('array.json');
    expect(takenBy(r, 'The Moon is made of green cheese')?.reviewed).toBe('2021-03-04'); // 2021-03-04T17:45:00-05:00
    expect(takenBy(r, 'Glowworms in Lake Exampleton power 3,000 homes')?.reviewed).toBe('2021-02-01');
    expect(takenBy(run('claims-search.json'), 'Exampleton schools will close every Friday from next year')?.reviewed).toBe('2024-05-02');
    expect(isoDay('2021-02-30')).toBeUndefined();
    expect(isoDay('22 February 2024')).toBeUndefined();
  });

  it('reviewed falls back to the claim date when the review date is in the future, and to today when there is none', () => {
    const r = run('pitfalls.json');
    const lighthouse = takenBy(r, "Exampleton's lighthouse is visible from the Moon");
    expect(lighthouse?.reviewed).toBe('2024-01-20');
    expect(lighthouse?.sources[0].date).toBeUndefined();
    expect(takenBy(r, "Exampleton's mayor owns 12 dragons")?.reviewed).toBe(TODAY);
  });

  it('free-text ratings are the label verbatim (trimmed); numeric ratingValue is never used', () => {
    expect(takenBy(run('array.json'), 'The Moon is made of green cheese')?.verdict?.label).toBe('Pants on fire');
    const schools = takenBy(run('claims-search.json'), 'Exampleton schools will close every Friday from next year');
    expect(schools?.verdict?.label).toBe('There is no such plan: the council has only discussed shorter days in summer.');
    expect(takenBy(run('google-example.jsonld'), 'The world is flat')?.verdict?.label).toBe('False'); // ratingValue 1 of 5
  });

  it('reviews by publishers that are not on the fact-checker allow-list are skipped', () => {
    const r = run('pitfalls.json');
    expect(skipOf(r, 'Owls in Exampleton can read newspapers')).toMatchObject({ reason: 'not-fact-checker', detail: expect.stringContaining('blog.example.net') });
    // on an allowed host, but the named publisher is not a fact-checker
    expect(skipOf(r, 'Owls in Exampleton can write letters')).toMatchObject({ reason: 'not-fact-checker', detail: expect.stringContaining('publisher site') });
    // the default list holds no example hosts
    const strict = importClaimReviews(fixture('array.json'), { today: TODAY });
    expect(strict.taken).toEqual([]);
    expect(strict.skipped.map((s) => s.reason)).toEqual(['not-fact-checker', 'not-fact-checker', 'not-fact-checker']);
  });

  it('the default allow-list matches hosts and their subdomains only', () => {
    expect(findPublisher('factcheck.afp.com')?.host).toBe('afp.com');
    expect(findPublisher('www.politifact.com')?.host).toBe('politifact.com');
    expect(findPublisher('FULLFACT.ORG.')?.host).toBe('fullfact.org');
    expect(findPublisher('notfullfact.org')).toBeUndefined();
    expect(findPublisher('fullfact.org.example.net')).toBeUndefined();
    expect(FACT_CHECKERS.length).toBeLessThan(30);
  });

  it('claims in languages other than en and es are skipped (no stopword lists)', () => {
    expect(skipOf(run('pitfalls.json'), 'Το Exampleton έχει δύο ήλιους')?.reason).toBe('language');
  });

  it('claims without two distinctive words are skipped', () => {
    expect(skipOf(run('pitfalls.json'), 'It is so')?.reason).toBe('no-terms');
  });

  it('the same review URL twice in one input is taken once', () => {
    const r = run('pitfalls.json');
    const penguins = r.taken.filter((t) => t.entry.examples.match[0] === 'Penguins nest on the roof of Exampleton station');
    expect(penguins).toHaveLength(1);
    expect(skipOf(r, 'Penguins nest on the roof of Exampleton station')?.reason).toBe('duplicate-input');
  });

  it('the same slug twice in one input gets -2, -3', () => {
    const ids = run('pitfalls.json').taken.map((t) => t.entry.id);
    expect(ids).toContain('the-moon-is-made-of-green-cheese');
    expect(ids).toContain('the-moon-is-made-of-green-cheese-2');
  });

  it('skips are listed in input order, with their reasons', () => {
    const where = run('pitfalls.json').skipped.map((s) => s.where);
    expect(where).toEqual(['$[0]', '$[1]', '$[3]', '$[4]', '$[7]', '$[10]']);
  });
});

const BAD = join(import.meta.dirname, '../fixtures/claimreview-bad');

/** Each file of tests/fixtures/claimreview-bad is malformed: the entry (JSON path, review URL) and field of each error, and a word of its message. */
const MALFORMED: Array<[string, Array<[where: string, url: string | undefined, field: string, says: RegExp]>]> = [
  ['not-an-object.json', [['$', undefined, '(input)', /a string, not a JSON object or array/]]],
  ['unknown-shape.json', [['$', undefined, '@type', /not ClaimReview data/]]],
  ['item-not-an-object.json', [['$[1]', undefined, '(item)', /a number, not an object/]]],
  ['missing-claim.json', [['$[1]', 'https://checks.example.org/2024/no-claim', 'claimReviewed', /missing/]]],
  ['missing-url.json', [['$[0]', undefined, 'url', /missing/]]],
  ['missing-rating.json', [['$[0]', 'https://checks.example.org/2024/numeric-only', 'reviewRating.alternateName', /textual rating/]]],
  ['http-url.json', [['$[0]', 'http://checks.example.org/2024/plain-http', 'url', /not an https URL/]]],
  ['malformed-url.json', [['$[0]', 'https://exa mple.org/not a url', 'url', /malformed URL/]]],
  ['javascript-url.json', [['$[0]', 'javascript:alert(1)', 'url', /not an https URL/]]],
  ['bad-date.json', [['$[0]', 'https://checks.example.org/2024/dragons', 'datePublished', /not a date: "22 February 2024"/]]],
  ['bad-claim-date.json', [['$[0]', 'https://checks.example.org/2024/lighthouse', 'itemReviewed.datePublished', /not a date: "2021-02-30"/]]],
  ['api-missing-rating.json', [['$.claims[1].claimReview[0]', 'https://checks.example.org/2024/schools-friday', 'textualRating', /textual rating/]]],
  ['api-missing-text.json', [
    ['$.claims[0].claimReview[0]', 'https://verifica.example.org/2020/09/lago-ejemplo', '$.claims[0].text', /missing/],
    ['$.claims[0].claimReview[1]', 'https://checks.example.org/2020/lake-ejemplo', '$.claims[0].text', /missing/],
  ]],
  ['api-no-reviews.json', [['$.claims[1]', undefined, 'claimReview', /without reviews/]]],
  ['several.json', [
    ['$[0]', 'http://checks.example.org/2024/both', 'claimReviewed', /missing/],
    ['$[0]', 'http://checks.example.org/2024/both', 'url', /not an https URL/],
  ]],
];

describe('malformed input', () => {
  const read = (name: string) => JSON.parse(readFileSync(join(BAD, name), 'utf8')) as unknown;

  it('every fixture file is in the table', () => {
    expect(readdirSync(BAD).sort()).toEqual(MALFORMED.map(([name]) => name).sort());
  });

  it.each(MALFORMED)('%s: errors name the entry and the field', (name, expected) => {
    const { errors } = importClaimReviews(read(name), { allow: ALLOW, today: TODAY });
    expect(errors.map((e) => [e.where, e.url, e.field])).toEqual(expected.map(([where, url, field]) => [where, url, field]));
    errors.forEach((e, i) => expect(e.message).toMatch(expected[i][3]));
  });

  it('reviews out of scope stay skips with a reason, even when they are broken too', () => {
    const r = importClaimReviews(read('several.json'), { allow: ALLOW, today: TODAY });
    expect(r.skipped.map((s) => [s.where, s.reason])).toEqual([
      ['$[2]', 'not-fact-checker'],
      ['$[3]', 'language'],
    ]);
    expect(r.taken.map((t) => t.where)).toEqual(['$[1]']);
  });

  it('an error line names the file, the entry (path and URL) and the field', () => {
    const [e] = importClaimReviews(read('http-url.json'), { allow: ALLOW, today: TODAY }).errors;
    expect(formatError('reviews.json', e)).toBe(
      'reviews.json: entry $[0] (http://checks.example.org/2024/plain-http): field "url": not an https URL: "http://checks.example.org/2024/plain-http"',
    );
  });
});

describe('existing entries', () => {
  const existing: DatasetFile[] = [
    {
      file: 'lib/claims/data/the-moon-is-made-of-green-cheese.json',
      json: {
        id: 'the-moon-is-made-of-green-cheese',
        verdict: { label: 'False', by: 'Example Checks', url: 'https://www.checks.example.org/2021/moon-cheese' },
        sources: [{ title: 'x', publisher: 'x', url: 'https://example.com/news/science/worldisflat.html?utm_source=feed' }],
      },
    },
    { file: 'lib/claims/data/exampleville-banned-bicycles-in-1999.json', json: { id: 'exampleville-banned-bicycles-in-1999' } },
  ];

  it('an entry whose id is taken is skipped as "exists"', () => {
    const r = run('array.json', existing);
    expect(skipOf(r, 'Exampleville banned bicycles in 1999')).toMatchObject({ reason: 'exists' });
    expect(skipOf(r, 'Exampleville banned bicycles in 1999')?.detail).toContain('exampleville-banned-bicycles-in-1999.json');
  });

  it('a review URL already cited as verdict or source is skipped', () => {
    expect(skipOf(run('array.json', existing), 'The Moon is made of green cheese')).toMatchObject({
      reason: 'duplicate-url',
      detail: expect.stringContaining('the-moon-is-made-of-green-cheese'),
    });
    expect(skipOf(run('google-example.jsonld', existing), 'The world is flat')?.reason).toBe('duplicate-url');
  });

  it('a new claim whose slug is taken by an existing file is skipped, not renamed', () => {
    const r = run('pitfalls.json', existing);
    expect(skipOf(r, 'The moon is made of green cheese!')?.reason).toBe('exists');
  });
});

describe('generated entries', () => {
  const all = ALL_FIXTURES.flatMap((name) => run(name).taken.map((t) => ({ name, ...t })));

  it('there are some', () => {
    expect(all.length).toBeGreaterThanOrEqual(12);
  });

  for (const { name, entry } of all) {
    it(`${name}: ${entry.id} is a valid, unreviewed entry that passes its own examples`, () => {
      expect(Claim.safeParse(entry).success).toBe(true);
      expect(entry.status).toBe('unreviewed');
      expect(entry.id.length).toBeLessThanOrEqual(62);
      expect(entry.title.length).toBeLessThanOrEqual(120);
      const rule = entry.match.rules[0];
      expect(rule.all.length).toBeGreaterThanOrEqual(2);
      expect(rule.all.length).toBeLessThanOrEqual(4);
      expect(rule.all.every((g) => g.length === 1)).toBe(true);
      expect(rule.none).toBeUndefined();
      const index = compileIndex([entry]);
      for (const s of entry.examples.match) expect(matchText(index, s)).not.toEqual([]);
      for (const s of entry.examples.nomatch) expect(matchText(index, s)).toEqual([]);
    });
  }

  it('entries of one input validate together as a dataset', () => {
    for (const name of ALL_FIXTURES) {
      const files = run(name).taken.map((t) => ({ file: t.file, json: t.entry }));
      expect(() => validateDataset(files)).not.toThrow();
    }
  });

  it('the summary is a neutral placeholder naming the fact-checker and quoting its label', () => {
    const e = takenBy(run('datafeed.json'), 'The Exampleton tram line cost 40 million euros');
    expect(e?.summary).toEqual({ en: 'Example Fact Desk reviewed this claim and rated it "Half true".' });
  });

  it('an entry that fails its own examples is skipped', () => {
    // two names 90 tokens apart: more than the longest window (80)
    const claim = `Zorblat ${'and '.repeat(88)}Quenzor`;
    const record = {
      seq: 0,
      where: '$',
      claim,
      url: 'https://checks.example.org/x',
      label: 'False',
      publisher: 'Example Checks',
      appearances: [],
      fields: { claim: 'claimReviewed', url: 'url', label: 'reviewRating.alternateName', reviewDate: 'datePublished', claimDate: 'itemReviewed.datePublished' },
    };
    expect(() => buildEntry(record, 'x', { today: TODAY, allow: ALLOW })).toThrow(/field "examples.match.0": no rule matches this example/);
    expect(importClaimReviews({ '@type': 'ClaimReview', claimReviewed: claim, url: record.url, reviewRating: { alternateName: 'False' } }, { allow: ALLOW, today: TODAY }).skipped[0].reason).toBe('self-check');
  });
});

describe('match terms', () => {
  const terms = (text: string) => pickTerms(text).map((t) => t.term);

  it('skips English and Spanish stopwords', () => {
    expect(terms('The world is flat')).toEqual(['world', 'flat']);
    expect(terms('El lago Ejemplo se secó por completo en 2020')).toEqual(['ejemplo', 'completo', '2020']);
  });

  it('prefers names and numbers; numbers become ±5% integer ranges, years stay exact', () => {
    expect(terms('Glowworms in Lake Exampleton power 3,000 homes')).toEqual(['lake', 'exampleton', '{2850..3150}']);
    expect(terms('The Exampleton tram line cost 40 million euros')).toEqual(['exampleton', '{38000000..42000000}', 'euros']);
    expect(terms('Exampleville banned bicycles in 1999')).toEqual(['exampleville', 'bicycles', '1999']);
  });

  it('a number glued to a word by a hyphen is part of a name, not a quantity', () => {
    expect(terms('Exampleton bus X-19 runs backwards')).toEqual(['exampleton', 'runs', 'backwards']);
    expect(terms('Exampleton bus 19 runs backwards')).toEqual(['exampleton', '{18..20}', 'backwards']);
  });

  it('always keeps a word to anchor on, and picks at most four', () => {
    expect(pickTerms('12 of 40 said 7')).toEqual([]);
    const picked = terms('Zorblat Quenzor Maxitron Fribble Glonk Wuzzle Blarnish Trottle Hembly ate 12 apples and 40 pears');
    expect(picked.length).toBe(4);
  });

  it('window is the claim length plus 5, at most 80', () => {
    const long = run('google-example.jsonld').taken[0].entry.match.rules[0].within;
    expect(long).toBe(9);
  });

  it('slugs and titles are short', () => {
    expect(slugify('Exampleton’s “new” café costs €5!')).toBe('exampletons-new-cafe-costs-5');
    const text = 'Exampleton '.repeat(20);
    expect(slugify(text).length).toBeLessThanOrEqual(60);
    expect(slugify(text)).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(titleOf(text).length).toBeLessThanOrEqual(120);
    expect(titleOf(text).endsWith('…')).toBe(true);
  });
});

describe('file layout', () => {
  it('round-trips, with short arrays on one line', () => {
    const entry = run('array.json').taken[0].entry;
    const text = formatEntryJson(entry);
    expect(JSON.parse(text)).toEqual(entry);
    expect(text).toContain('"all": [["moon"], ["green"], ["cheese"]]');
    expect(text).toContain('"topics": []');
    expect(text.endsWith('}\n')).toBe(true);
  });
});

describe('summary', () => {
  it('counts and lists every skip with its reason', () => {
    const text = formatSummary(run('datafeed.json'), { input: 'feed.json', out: 'lib/claims/data', dryRun: true });
    expect(text).toContain('2 taken, 2 skipped');
    expect(text).toContain('$.dataFeedElement[0].item: null-item: item is null');
    expect(text).toContain('media-review');
    expect(text).toContain('dry run');
  });
});

describe('CLI', () => {
  let dir: string;
  let lines: string[];
  let errors: string[];
  const cli = (...argv: string[]) =>
    main(argv, {
      cwd: FIXTURES,
      root: dir,
      log: (l) => lines.push(l),
      error: (l) => errors.push(l),
      options: { allow: ALLOW, today: TODAY },
    });

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'claims-import-'));
    lines = [];
    errors = [];
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes one file per taken entry, and never overwrites', () => {
    const out = join(dir, 'data');
    expect(cli('array.json', '--out', out)).toBe(0);
    expect(readdirSync(out).sort()).toEqual([
      'exampleville-banned-bicycles-in-1999.json',
      'glowworms-in-lake-exampleton-power-3-000-homes.json',
      'the-moon-is-made-of-green-cheese.json',
    ]);
    const text = readFileSync(join(out, 'the-moon-is-made-of-green-cheese.json'), 'utf8');
    expect(text).toBe(formatEntryJson(JSON.parse(text)));
    expect(Claim.safeParse(JSON.parse(text)).success).toBe(true);
    expect(lines.join('\n')).toContain('3 taken, 0 skipped');

    // a curated entry is sacred
    const curated = join(out, 'exampleville-banned-bicycles-in-1999.json');
    writeFileSync(curated, '{"id":"exampleville-banned-bicycles-in-1999","curated":true}\n');
    lines = [];
    expect(cli('array.json', `--out=${out}`)).toBe(0);
    expect(readFileSync(curated, 'utf8')).toBe('{"id":"exampleville-banned-bicycles-in-1999","curated":true}\n');
    expect(lines.join('\n')).toContain('0 taken, 3 skipped');
    expect(lines.join('\n')).toMatch(/exists: exampleville-banned-bicycles-in-1999\.json/);
  });

  it('--dry-run writes nothing; the default output is lib/claims/data under the root', () => {
    expect(cli('datafeed.json', '--dry-run')).toBe(0);
    expect(readdirSync(dir)).toEqual([]);
    expect(lines.join('\n')).toContain('-> lib/claims/data (dry run: nothing written)');
    expect(lines.join('\n')).toContain('2 taken, 2 skipped');
  });

  it('exits 1 with one line naming the file when the input is not JSON or cannot be read', () => {
    expect(cli('not-json.json')).toBe(1);
    expect(cli('missing.json')).toBe(1);
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatch(/^claims:import: not-json\.json is not JSON/);
    expect(errors[1]).toMatch(/^claims:import: missing\.json cannot be read/);
    expect(errors.every((e) => !e.includes('\n'))).toBe(true);
  });

  /** Every file in a folder with its content, to compare before and after. */
  const contents = (folder: string) => Object.fromEntries(readdirSync(folder).map((n) => [n, readFileSync(join(folder, n), 'utf8')]));

  it('a malformed review: exit 1, one line per error naming file, entry and field, and the output folder is unchanged', () => {
    const out = join(dir, 'data');
    mkdirSync(out);
    writeFileSync(join(out, 'curated.json'), '{"id":"curated"}\n');
    const before = contents(out);
    expect(cli('../claimreview-bad/several.json', '--out', out)).toBe(1);
    expect(contents(out)).toEqual(before);
    expect(errors).toEqual([
      'claims:import: ../claimreview-bad/several.json: entry $[0] (http://checks.example.org/2024/both): field "claimReviewed": missing: the claim reviewed',
      'claims:import: ../claimreview-bad/several.json: entry $[0] (http://checks.example.org/2024/both): field "url": not an https URL: "http://checks.example.org/2024/both"',
      'claims:import: 2 errors in ../claimreview-bad/several.json: nothing written',
    ]);
    expect(lines).toEqual([]);
  });

  it('input that is not ClaimReview data: exit 1, and no output folder is made', () => {
    const out = join(dir, 'new-folder');
    expect(cli('../claimreview-bad/unknown-shape.json', '--out', out)).toBe(1);
    expect(existsSync(out)).toBe(false);
    expect(errors[0]).toMatch(/^claims:import: \.\.\/claimreview-bad\/unknown-shape\.json: entry \$: field "@type": not ClaimReview data/);
  });

  it('exits 1 on a bad command line', () => {
    expect(cli()).toBe(1);
    expect(cli('a.json', '--force')).toBe(1);
    expect(errors.every((e) => e.includes('usage:'))).toBe(true);
  });
});
