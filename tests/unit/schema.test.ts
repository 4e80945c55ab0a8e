import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

/** The problems reported for one entry changed by `edit`. */
function problems(edit: (e: any) => void, file = 'data/x.json'): string[] {
  const entry = valid();
  edit(entry);
  try {
    validateDataset([{ file, json: entry }]);
    return [];
  } catch (e) {
    expect(e).toBeInstanceOf(DatasetError);
    return (e as DatasetError).problems;
  }
}

describe('dataset schema', () => {
  it('accepts a well-formed entry', () => {
    expect(validateDataset([{ file: 'a.json', json: valid() }]).map((c) => c.id)).toEqual(['example-claim']);
  });

  it.each([
    ['a non-https URL', (e: any) => (e.sources[0].url = 'http://example.org/a'), 'sources.0.url'],
    ['a malformed URL', (e: any) => (e.sources[0].url = 'https://exa mple'), 'sources.0.url'],
    ['an empty summary', (e: any) => (e.summary.en = '   '), 'summary.en'],
    ['a date in the future', (e: any) => (e.reviewed = '2999-01-01'), 'reviewed'],
    ['a malformed date', (e: any) => (e.sources[0].date = '2020-13-01'), 'sources.0.date'],
    ['no source', (e: any) => (e.sources = []), 'sources'],
    ['no examples that must match', (e: any) => (e.examples.match = []), 'examples.match'],
    ['no near misses', (e: any) => (e.examples.nomatch = []), 'examples.nomatch'],
    ['a rule with one group', (e: any) => (e.match.rules[0].all = [['austerity']]), 'match.rules.0.all'],
    ['a prefix stem too short', (e: any) => (e.match.rules[0].all[1][0] = 'ki*'), 'match.rules.0.all.1.0'],
    ['a wildcard inside a word', (e: any) => (e.match.rules[0].all[1][0] = 'k*ll'), 'match.rules.0.all.1.0'],
    ['a regular expression', (e: any) => (e.match.rules[0].none = ['(a+)+$']), 'match.rules.0.none.0'],
    ['an unknown field', (e: any) => (e.colour = 'red'), '(entry)'],
    ['an id that is not kebab-case', (e: any) => (e.id = 'Bad Id'), 'id'],
  ])('rejects %s, naming file, entry and field', (_, edit, field) => {
    const found = problems(edit);
    expect(found.length).toBeGreaterThan(0);
    expect(found.some((p) => p.startsWith('data/x.json: entry "') && p.includes(`field "${field}"`))).toBe(true);
  });

  it('names the entry id in the message', () => {
    expect(problems((e) => (e.summary.en = ''))[0]).toMatch(/^data\/x\.json: entry "example-claim": field "summary\.en": /);
  });

  it('rejects duplicate ids across files', () => {
    expect(() => validateDataset([{ file: 'a.json', json: valid() }, { file: 'b.json', json: valid() }])).toThrow(
      /b\.json: entry "example-claim": field "id": duplicate id, also used in a\.json/,
    );
  });

  it('reports every broken file at once, and unreadable JSON by file name', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cl-data-'));
    writeFileSync(join(dir, 'good.json'), JSON.stringify(valid()));
    writeFileSync(join(dir, 'broken.json'), '{ "id": "x", ');
    expect(() => loadClaims(dir)).toThrow(/broken\.json: entry "\(unreadable\)": field "\(file\)"/);
  });

  it('ships only reviewed entries', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cl-data-'));
    writeFileSync(join(dir, 'a.json'), JSON.stringify(valid()));
    writeFileSync(join(dir, 'b.json'), JSON.stringify({ ...valid(), id: 'imported-one', status: 'unreviewed' }));
    expect(loadClaims(dir).map((c) => c.id)).toEqual(['example-claim']);
    expect(loadClaims(dir, true).map((c) => c.id)).toEqual(['example-claim', 'imported-one']);
  });
});
