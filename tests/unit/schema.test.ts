import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadClaims } from '../../lib/claims/load-files';
import { DatasetError, validateDataset } from '../../lib/claims/schema';

const valid = () => ({
  id: 'example-claim',
  title: 'An example claim',
  summary: { en: 'What the sources say, in plain words.' },
  sources: [{ title: 'A source', publisher: 'Publisher', url: 'https://example.org/a', date: '2020-01-02' }],
  topics: ['example'],
  reviewed: '2024-05',
  match: { rules: [{ all: [['austerity'], ['kill*', 'deaths'], ['{100000..150000}']], within: 12, none: ['earthquake'] }] },
  examples: { match: ['Austerity killed 130,000 people.'], nomatch: ['Austerity was a policy.'] },
});

const BAD = join(import.meta.dirname, '../fixtures/claims-bad');

/** The problems loadClaims reports for a folder, as [file name, entry, field, message]. */
function problemsIn(dir: string): string[][] {
  try {
    loadClaims(dir);
  } catch (e) {
    expect(e).toBeInstanceOf(DatasetError);
    return (e as DatasetError).problems.map((p) => {
      const m = /^(.+?): entry ("[^"]*"): field "([^"]*)": (.+)$/.exec(p);
      expect(m, p).not.toBeNull();
      const [, file, entry, field, message] = m!;
      expect(file.startsWith(relative(process.cwd(), dir))).toBe(true);
      return [basename(file), entry, field, message];
    });
  }
  return [];
}

/** Each folder of tests/fixtures/claims-bad holds one mistake: the file, entry and field each problem names, and a word of its message. */
const MISTAKES: Array<[string, Array<[file: string, entry: string, field: string, says: RegExp]>]> = [
  ['bad-json', [['example-claim.json', '"(unreadable)"', '(file)', /not JSON: .*\(line 2, column 1\)|line 2 column 1/]]],
  ['empty-file', [['example-claim.json', '"(unreadable)"', '(file)', /not JSON/]]],
  ['not-an-object', [['example-claim.json', '"(no id)"', '(entry)', /must be object, not array/]]],
  ['missing-id', [['example-claim.json', '"(no id)"', 'id', /missing/]]],
  ['missing-title', [['example-claim.json', '"example-claim"', 'title', /missing/]]],
  ['missing-summary', [['example-claim.json', '"example-claim"', 'summary', /missing/]]],
  ['empty-summary', [['example-claim.json', '"example-claim"', 'summary.en', /must not be empty/]]],
  ['title-not-string', [['example-claim.json', '"example-claim"', 'title', /must be string, not number/]]],
  ['topics-not-array', [['example-claim.json', '"example-claim"', 'topics', /must be array, not string/]]],
  ['empty-topic', [['example-claim.json', '"example-claim"', 'topics.1', /must not be empty/]]],
  ['within-not-number', [['example-claim.json', '"example-claim"', 'match.rules.0.within', /must be number, not string/]]],
  ['within-too-large', [['example-claim.json', '"example-claim"', 'match.rules.0.within', /at most 80/]]],
  ['no-sources', [['example-claim.json', '"example-claim"', 'sources', /at least one source/]]],
  ['http-url', [['example-claim.json', '"example-claim"', 'sources.0.url', /https URL/]]],
  ['malformed-url', [['example-claim.json', '"example-claim"', 'sources.0.url', /https URL/]]],
  ['relative-url', [['example-claim.json', '"example-claim"', 'sources.0.url', /https URL/]]],
  ['javascript-url', [['example-claim.json', '"example-claim"', 'verdict.url', /https URL/]]],
  ['bad-date', [['example-claim.json', '"example-claim"', 'sources.0.date', /YYYY-MM-DD/]]],
  ['bad-date-format', [['example-claim.json', '"example-claim"', 'reviewed', /YYYY-MM-DD/]]],
  ['future-date', [['example-claim.json', '"example-claim"', 'reviewed', /future/]]],
  ['bad-prefix', [['example-claim.json', '"example-claim"', 'match.rules.0.all.1.0', /shorter than 3/]]],
  ['bad-range', [['example-claim.json', '"example-claim"', 'match.rules.0.all.2.0', /min > max/]]],
  ['wildcard-in-word', [['example-claim.json', '"example-claim"', 'match.rules.0.all.1.0', /only at the end of a word/]]],
  ['regex-term', [['example-claim.json', '"example-claim"', 'match.rules.0.none.0', /not regular expressions/]]],
  ['one-group', [['example-claim.json', '"example-claim"', 'match.rules.0.all', /two groups/]]],
  ['no-anchor-group', [['example-claim.json', '"example-claim"', 'match.rules.1', /a group whose terms all contain a word|one group whose terms all contain a word/]]],
  ['unknown-field', [['example-claim.json', '"example-claim"', 'colour', /unknown field/]]],
  ['unknown-nested-field', [['example-claim.json', '"example-claim"', 'sources.0.colour', /unknown field/]]],
  ['bad-status', [['example-claim.json', '"example-claim"', 'status', /one of "reviewed", "unreviewed"/]]],
  ['id-not-kebab', [['Example Claim.json', '"Example Claim"', 'id', /kebab-case/]]],
  ['id-not-file-name', [['example-claim.json', '"another-claim"', 'id', /must be the file name/]]],
  [
    'duplicate-id',
    [
      ['example-claim-copy.json', '"example-claim"', 'id', /must be the file name/],
      ['example-claim.json', '"example-claim"', 'id', /duplicate id, also used in .*example-claim-copy\.json/],
    ],
  ],
  ['no-examples', [['example-claim.json', '"example-claim"', 'examples.match', /at least one sentence that must match/]]],
  ['example-does-not-match', [['example-claim.json', '"example-claim"', 'examples.match.2', /no rule matches this example: "Austerity policies were bad\."/]]],
  ['near-miss-matches', [['example-claim.json', '"example-claim"', 'examples.nomatch.1', /a rule matches this near miss/]]],
];

describe('dataset files with mistakes', () => {
  it('every fixture folder is in the table', () => {
    expect(readdirSync(BAD).sort()).toEqual(MISTAKES.map(([name]) => name).sort());
  });

  it.each(MISTAKES)('%s: one error naming file, entry and field', (name, expected) => {
    const found = problemsIn(join(BAD, name));
    expect(found.map(([file, entry, field]) => [file, entry, field])).toEqual(expected.map(([file, entry, field]) => [file, entry, field]));
    found.forEach(([, , , message], i) => expect(message).toMatch(expected[i][3]));
  });

  it('one error lists every problem of every file, and no claim comes back for the good ones', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cl-data-'));
    writeFileSync(join(dir, 'example-claim.json'), JSON.stringify(valid()));
    for (const name of ['bad-json', 'http-url', 'near-miss-matches']) {
      writeFileSync(join(dir, `${name}.json`), readFileSync(join(BAD, name, 'example-claim.json'), 'utf8').replace('"example-claim"', `"${name}"`));
    }
    expect(problemsIn(dir).map(([file, , field]) => `${file} ${field}`)).toEqual([
      'bad-json.json (file)',
      'http-url.json sources.0.url',
      'near-miss-matches.json examples.nomatch.1',
    ]);
  });

  it('a byte-order mark at the start of a file is not a mistake', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cl-data-'));
    writeFileSync(join(dir, 'example-claim.json'), `\uFEFF${JSON.stringify(valid())}`);
    expect(loadClaims(dir).map((c) => c.id)).toEqual(['example-claim']);
  });

  it('the examples of unreviewed entries are not run (the importer checks them when it writes them)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cl-data-'));
    const entry = { ...valid(), status: 'unreviewed', examples: { match: ['nothing here'], nomatch: ['y'] } };
    writeFileSync(join(dir, 'example-claim.json'), JSON.stringify(entry));
    expect(loadClaims(dir, true).map((c) => c.id)).toEqual(['example-claim']);
  });
});

describe('dataset schema', () => {
  it('accepts a well-formed entry', () => {
    expect(validateDataset([{ file: 'example-claim.json', json: valid() }]).map((c) => c.id)).toEqual(['example-claim']);
  });

  it('ships only reviewed entries', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cl-data-'));
    writeFileSync(join(dir, 'example-claim.json'), JSON.stringify(valid()));
    writeFileSync(join(dir, 'imported-one.json'), JSON.stringify({ ...valid(), id: 'imported-one', status: 'unreviewed' }));
    expect(loadClaims(dir).map((c) => c.id)).toEqual(['example-claim']);
    expect(loadClaims(dir, true).map((c) => c.id)).toEqual(['example-claim', 'imported-one']);
  });
});
