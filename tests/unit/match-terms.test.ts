import { describe, expect, it } from 'vitest';
import { MIN_STEM, parseTerm } from '../../lib/match/terms';
import { termAt } from '../../lib/match/matcher';
import { tokenize } from '../../lib/match/tokenize';

describe('parseTerm accepts', () => {
  it.each([
    ['austerity', [{ kind: 'word', word: 'austerity' }]],
    ['  Austerity  ', [{ kind: 'word', word: 'austerity' }]],
    ['Ésta', [{ kind: 'word', word: 'esta' }]],
    ['spending cuts', [{ kind: 'word', word: 'spending' }, { kind: 'word', word: 'cuts' }]],
    ["Norway's", [{ kind: 'word', word: 'norway' }, { kind: 'word', word: 's' }]],
    ['kill*', [{ kind: 'prefix', stem: 'kill' }]],
    ['Kil*', [{ kind: 'prefix', stem: 'kil' }]],
    ['été*', [{ kind: 'prefix', stem: 'ete' }]],
    ['mass kill*', [{ kind: 'word', word: 'mass' }, { kind: 'prefix', stem: 'kill' }]],
    ['{100000..150000}', [{ kind: 'number', min: 100000, max: 150000 }]],
    ['{0.5..1.5}', [{ kind: 'number', min: 0.5, max: 1.5 }]],
    ['{7..7}', [{ kind: 'number', min: 7, max: 7 }]],
    ['{60..80} percent', [{ kind: 'number', min: 60, max: 80 }, { kind: 'word', word: 'percent' }]],
    ['{60..80} %', [{ kind: 'number', min: 60, max: 80 }, { kind: 'word', word: 'percent' }]],
    ['{60..80} por ciento', [{ kind: 'number', min: 60, max: 80 }, { kind: 'word', word: 'percent' }]],
    ['{60..80} per cent', [{ kind: 'number', min: 60, max: 80 }, { kind: 'word', word: 'percent' }]],
    ['130,000', [{ kind: 'word', word: '130000' }]],
    ['130 000', [{ kind: 'word', word: '130000' }]],
    ['twenty five', [{ kind: 'word', word: '25' }]],
    ['one year after', [{ kind: 'word', word: 'one' }, { kind: 'word', word: 'year' }, { kind: 'word', word: 'after' }]],
    ['one hundred', [{ kind: 'word', word: '100' }]],
  ])('%j', (source, expected) => {
    expect(parseTerm(source)).toEqual(expected);
  });
});

describe('parseTerm rejects', () => {
  it.each([
    ['', /empty/],
    ['   ', /empty/],
    ['ki*', /shorter than 3/],
    ['a*', /shorter than 3/],
    ["Norway's*", /shorter than 3/],
    ['*', /no letters or digits/],
    ['!!!', /no letters or digits/],
    ['ki*ll', /only at the end/],
    ['*kill', /only at the end/],
    ['kill**', /only at the end/],
    ['{150000..100000}', /min > max/],
    ['{a..b}', /only as a whole word/],
    ['{1..}', /only as a whole word/],
    ['{..5}', /only as a whole word/],
    ['{1...5}', /only as a whole word/],
    ['{-1..5}', /only as a whole word/],
    ['x{1..5}', /only as a whole word/],
    ['{1..5} {6..7}', /several numbers and no word/],
    ['{100..150} thousand', /whole number as the range/],
    ['{1..2} millones de personas', /whole number as the range/],
  ])('%j', (source, message) => {
    expect(() => parseTerm(source)).toThrow(message);
  });

  it('MIN_STEM is 3', () => expect(MIN_STEM).toBe(3));
});

describe('terms read like page text', () => {
  it.each([
    ['per cent', '70 per cent', 1],
    ['percent', '70 %', 1],
    ['{60..80} por ciento', 'el setenta por ciento', 1],
    ['one hundred', '100 people', 0],
    ['130 000', '130,000', 0],
    ['one year after', 'one year after the vote', 0],
  ])('%j matches in %j', (source, text, at) => {
    expect(termAt(tokenize(text), at, parseTerm(source))).toBe(true);
  });
});

describe('termAt', () => {
  const tokens = tokenize('Austerity killed 130,000 people in England');
  it('words, prefixes and number ranges, token by token', () => {
    expect(termAt(tokens, 0, parseTerm('austerity'))).toBe(true);
    expect(termAt(tokens, 1, parseTerm('kill*'))).toBe(true);
    expect(termAt(tokens, 1, parseTerm('kills'))).toBe(false);
    expect(termAt(tokens, 2, parseTerm('{100000..150000}'))).toBe(true);
    expect(termAt(tokens, 2, parseTerm('{100000..129999}'))).toBe(false);
    expect(termAt(tokens, 1, parseTerm('kill* {130000..130000} people'))).toBe(true);
    expect(termAt(tokens, 0, parseTerm('{1..1000000}'))).toBe(false);
  });
  it('never runs past the end', () => {
    expect(termAt(tokens, 5, parseTerm('england wales'))).toBe(false);
    expect(termAt(tokens, 6, parseTerm('england'))).toBe(false);
  });
  it('a number range also matches number words', () => {
    expect(termAt(tokenize('seventy'), 0, parseTerm('{60..80}'))).toBe(true);
    expect(termAt(tokenize('constructor'), 0, parseTerm('{0..1e9}'.replace('1e9', '1000000000')))).toBe(false);
  });
});
