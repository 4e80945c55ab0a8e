import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalize } from '../../lib/match/normalize';
import { tokenize } from '../../lib/match/tokenize';
import { textish } from '../support/arbitraries';

/** Tokens as "text" or "text=value". */
const brief = (s: string) => tokenize(s).map((t) => (t.value === undefined ? t.text : `${t.text}=${t.value}`));
/** What each token covers in the original. */
const slices = (s: string) => tokenize(s).map((t) => s.slice(t.start, t.end));
/** The numbers found, in order. */
const values = (s: string) => tokenize(s).flatMap((t) => (t.value === undefined ? [] : [t.value]));


describe('tokenize: numbers as people write them', () => {
  it.each([
    ['130,000'],
    ['130 000'],
    ['130.000'],
    ['130\u202F000'],
    ['130\u00A0000'],
    ['130\u2009000'],
    ['130k'],
    ['130K'],
    ['one hundred and thirty thousand'],
    ['one hundred thirty thousand'],
    ['ciento treinta mil'],
    ['130 thousand'],
    ['130 mil'],
  ])('%s is 130000', (s) => {
    const tokens = tokenize(s);
    expect(tokens).toHaveLength(1);
    expect(tokens[0]).toMatchObject({ text: '130000', value: 130000, start: 0, end: s.length });
  });

  it('130,000-plus is one number, qualifier included', () => {
    expect(brief('130,000-plus Brits')).toEqual(['130000=130000', 'brits']);
    expect(slices('130,000-plus Brits')).toEqual(['130,000-plus', 'Brits']);
  });

  it('scales: 1.5 million, 1,5 millones, 2bn, 3m, 130 mil millones', () => {
    expect(values('1.5 million')).toEqual([1500000]);
    expect(slices('1.5 million')).toEqual(['1.5 million']);
    expect(values('1,5 millones')).toEqual([1500000]);
    expect(values('2bn')).toEqual([2e9]);
    expect(values('3m people')).toEqual([3e6]);
    expect(values('130 mil millones')).toEqual([1.3e11]);
    expect(values('one thousand million')).toEqual([1e9]);
  });

  it('percent: 70%, seventy percent, 70 per cent, setenta por ciento', () => {
    expect(brief('70%')).toEqual(['70=70', 'percent']);
    expect(brief('70 %')).toEqual(['70=70', 'percent']);
    expect(brief('seventy percent')).toEqual(['seventy=70', 'percent']);
    expect(brief('70 per cent')).toEqual(['70=70', 'percent']);
    expect(slices('70 per cent')).toEqual(['70', 'per cent']);
    expect(brief('setenta por ciento')).toEqual(['setenta=70', 'percent']);
    expect(brief('setenta y cinco por ciento')).toEqual(['75=75', 'percent']);
    expect(brief('cien por cien')).toEqual(['cien=100', 'percent']);
    // "per" and "por" alone stay words
    expect(brief('per capita, por favor')).toEqual(['per', 'capita', 'por', 'favor']);
  });

  it('Spanish: 130.000, 1,5 millones, dos mil diecisiete, doscientos mil', () => {
    expect(values('130.000 muertes')).toEqual([130000]);
    expect(values('dos mil diecisiete')).toEqual([2017]);
    expect(values('doscientos mil')).toEqual([200000]);
    expect(values('ciento treinta y cinco mil')).toEqual([135000]);
    expect(values('un millón de personas')).toEqual([1e6]);
    expect(values('veinticinco')).toEqual([25]);
  });

  it('decimals: 1.5, 2,5, and with thousands groups 1,234.5 / 1.234,5 / 1 234,5', () => {
    expect(values('1.5')).toEqual([1.5]);
    expect(values('2,5')).toEqual([2.5]);
    expect(values('1,234.5')).toEqual([1234.5]);
    expect(values('1.234,5')).toEqual([1234.5]);
    expect(values('1 234,5')).toEqual([1234.5]);
    expect(values('0.75')).toEqual([0.75]);
  });

  it('years stay years; lists of numbers are not joined', () => {
    expect(brief('2017')).toEqual(['2017=2017']);
    expect(brief('In 2017, 130,000 people')).toEqual(['in', '2017=2017', '130000=130000', 'people']);
    expect(values('2010-2014')).toEqual([2010, 2014]);
    expect(values('2010 2014')).toEqual([2010, 2014]);
    expect(values('1, 2, 3')).toEqual([1, 2, 3]);
    // one separator for all groups: 1,000.000 is not a million
    expect(values('1,000.000')).not.toEqual([1000000]);
    expect(values('It cost 130,000.')).toEqual([130000]);
  });

  it('digits glued to letters stay one word: 2nd, 10km, 3D, b2b, 1,000s', () => {
    expect(brief('2nd 10km 3D b2b covid19')).toEqual(['2nd', '10km', '3d', 'b2b', 'covid19']);
    expect(tokenize('10km')[0].value).toBeUndefined();
    expect(brief('10\u00B5m')).toEqual(['10\u03BCm']);
    // after groups separated by spaces, only the last group is glued: no token holds a space
    expect(brief('1 000km 1,000km 12 345 678th')).toEqual(['1=1', '000km', '1,000km', '12345=12345', '678th']);
    expect(slices('0 000a')).toEqual(['0', '000a']);
  });

  it('number words combine only when they make one number', () => {
    expect(values('twenty-five')).toEqual([25]);
    expect(values('twenty five hundred')).toEqual([2500]);
    expect(values('nineteen hundred')).toEqual([1900]);
    expect(values('one thousand two hundred')).toEqual([1200]);
    expect(values('one million two hundred thousand')).toEqual([1200000]);
    expect(values('one thousand and one')).toEqual([1001]);
    expect(brief('one, two, three')).toEqual(['one=1', 'two=2', 'three=3']);
    expect(brief('one two three')).toEqual(['one=1', 'two=2', 'three=3']);
    expect(brief('one of the two')).toEqual(['one=1', 'of', 'the', 'two=2']);
    expect(values('nineteen eighty four')).toEqual([19, 84]);
    expect(values('one hundred and the rest')).toEqual([100]);
    expect(brief('hundred and twenty and six')).toEqual(['120=120', 'and', 'six=6']);
  });

  it('a lone number word keeps its text and gets a value', () => {
    expect(tokenize('one of the good guys')[0]).toMatchObject({ text: 'one', value: 1 });
    expect(tokenize('seventy')[0]).toMatchObject({ text: 'seventy', value: 70 });
  });

  it('"UN", "una" and "once" are numbers only inside a longer number', () => {
    expect(brief('the UN said it once')).toEqual(['the', 'un', 'said', 'it', 'once']);
    expect(values('un millón')).toEqual([1e6]);
    expect(values('once mil')).toEqual([11000]);
    expect(values('veintiuna')).toEqual([21]);
  });

  it('Object.prototype names are plain words', () => {
    expect(brief('constructor tostring __proto__ valueof 10constructor')).toEqual([
      'constructor', 'tostring', 'proto', 'valueof', '10constructor',
    ]);
    expect(values('constructor hasownproperty')).toEqual([]);
  });
});

describe('tokenize: offsets', { timeout: 60_000 }, () => {
  it('start and end slice the original to the visible word', () => {
    const s = '  “Austerity” killed   130,000 people — didn’t it?';
    expect(slices(s)).toEqual(['Austerity', 'killed', '130,000', 'people', 'didn', 't', 'it']);
  });

  it('a word with soft hyphens inside is one token', () => {
    const s = 'aus\u00ADter\u00ADity killed';
    expect(tokenize(s)).toEqual([
      { text: 'austerity', value: undefined, start: 0, end: 11 },
      { text: 'killed', value: undefined, start: 12, end: 18 },
    ]);
  });

  it('trailing combining marks belong to the word; trailing zero-width characters do not', () => {
    expect(slices('cafe\u0301 ok')).toEqual(['cafe\u0301', 'ok']);
    expect(slices('word\u00AD\u200B next')).toEqual(['word', 'next']);
    expect(slices('\u200Bword')).toEqual(['word']);
  });

  it('ligatures, full-width letters and emoji', () => {
    const s = '\uFB01nal ＡＢＣ 😀 x\u{1D400}y';
    expect(brief(s)).toEqual(['final', 'abc', 'xay']);
    expect(slices(s)).toEqual(['\uFB01nal', 'ＡＢＣ', 'x\u{1D400}y']);
  });

  it('a token inside one expanded character is never empty', () => {
    for (const s of ['\u2474', '\u00BD', '\u3250', '\u33A1']) {
      for (const t of tokenize(s)) expect(t.end).toBeGreaterThan(t.start);
    }
  });

  it('random text: tokens are ordered, non-empty, inside the text, and normalisation does not change them', () => {
    const pieces = fc.constantFrom(
      'Austerity', ' ', 'killed', '130', ',', '000', '.', '5', ' ', 'k', '%', '\u00AD', '\u00A0', '\u2009',
      '\u2019', '\u2014', 'é', 'e\u0301', '\uFB01', 'Ａ', '😀', 'one', 'hundred', 'and', 'thirty', 'thousand',
      'per', 'cent', 'por', 'ciento', 'mil', 'y', 'cinco', '-', '\n', 'Ωμέγα', '中文', '2nd',
    );
    const text = fc.oneof(fc.array(pieces, { minLength: 1, maxLength: 30 }).map((p) => p.join('')), textish);
    fc.assert(
      fc.property(text, (s) => {
        const tokens = tokenize(s);
        const bad = tokens.filter(
          (t, i) => !(t.start >= 0 && t.start < t.end && t.end <= s.length && t.text.length > 0 && !/\s/.test(t.text) && (i === 0 || t.start >= tokens[i - 1].start)),
        );
        expect(bad).toEqual([]);
        const again = tokenize(normalize(s).text);
        expect(again.map((t) => [t.text, t.value])).toEqual(tokens.map((t) => [t.text, t.value]));
      }),
      { numRuns: 500 },
    );
  });
});

describe('quantities with a qualifier', () => {
  it('keeps "-plus" and "+" with the number they qualify', async () => {
    const { tokenize } = await import('../../lib/match/tokenize');
    const text = 'austerity never killed 130,000-plus Brits, or 120,000+ people';
    const nums = tokenize(text).filter((t) => t.value !== undefined);
    expect(nums.map((t) => [t.value, text.slice(t.start, t.end)])).toEqual([
      [130000, '130,000-plus'],
      [120000, '120,000+'],
    ]);
    expect(tokenize('130,000-pluses').map((t) => t.text)).toEqual(['130000', 'pluses']);
  });
});
