import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalize } from '../../lib/match/normalize';
import { textish } from '../support/arbitraries';

/** The original unit (one char, or a surrogate pair) starting at i. */
function unitAt(s: string, i: number): string {
  const hi = s.charCodeAt(i);
  const lo = s.charCodeAt(i + 1);
  return hi >= 0xd800 && hi < 0xdc00 && lo >= 0xdc00 && lo < 0xe000 ? s.slice(i, i + 2) : s[i];
}

/** Problems with the map of one input (empty when it round-trips). */
function mapProblems(input: string): string[] {
  const { text, map } = normalize(input);
  const problems: string[] = [];
  if (map.length !== text.length + 1) problems.push('map length');
  if (map[text.length] !== input.length) problems.push('map[text.length] is not the input length');
  for (let i = 1; i <= text.length; i++) if (map[i] < map[i - 1]) problems.push(`map decreases at ${i}`);
  // Each run of normalised chars that map to one original unit is exactly
  // what that unit normalises to on its own.
  const used = new Set<number>();
  let i = 0;
  while (i < text.length) {
    let j = i;
    while (j < text.length && map[j] === map[i]) j++;
    if (map[i] >= input.length) problems.push(`map[${i}] past the input`);
    const alone = normalize(unitAt(input, map[i])).text;
    if (alone !== text.slice(i, j)) problems.push(`${JSON.stringify(unitAt(input, map[i]))} -> ${JSON.stringify(alone)}, in text ${JSON.stringify(text.slice(i, j))}`);
    used.add(map[i]);
    i = j;
  }
  // Every unit that left no trace is one the normaliser drops.
  for (let k = 0; k < input.length; k += unitAt(input, k).length) {
    if (!used.has(k) && normalize(unitAt(input, k)).text !== '') problems.push(`unit at ${k} lost`);
  }
  return problems;
}

// property tests run hundreds of cases: room for a loaded machine
describe('normalize', { timeout: 60_000 }, () => {
  it('folds case, accents, quotes, dashes and spaces', () => {
    expect(normalize('Austerity KILLED').text).toBe('austerity killed');
    expect(normalize('Ésta está señalada, Ça').text).toBe('esta esta senalada, ca');
    expect(normalize('e\u0301te\u0301').text).toBe('ete');
    expect(normalize('\u2018a\u2019 \u201Cb\u201D \u00ABc\u00BB `d`').text).toBe(`'a' "b" "c" 'd'`);
    expect(normalize('a\u2013b\u2014c\u2212d\u2010e').text).toBe('a-b-c-d-e');
    expect(normalize('a\u00A0b\u2009c\u202Fd\u3000e\tf\ng').text).toBe('a b c d e f g');
  });

  it('drops soft hyphens and zero-width characters (U+FEFF too)', () => {
    expect(normalize('com\u00ADpli\u200Bca\u200Cted\u2060\uFEFF').text).toBe('complicated');
  });

  it('unfolds ligatures and full-width forms, mapping each piece to its source', () => {
    const n = normalize('\uFB01ne \uFF21\uFF22\uFF23');
    expect(n.text).toBe('fine abc');
    expect([...n.map]).toEqual([0, 0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it('keeps surrogate pairs together and maps both halves to the pair start', () => {
    const n = normalize('a\u{1F600}b');
    expect(n.text).toBe('a\u{1F600}b');
    expect([...n.map]).toEqual([0, 1, 1, 3, 4]);
  });

  it('does not swallow the character after a lone high surrogate', () => {
    const n = normalize('\uD800a');
    expect(n.text.endsWith('a')).toBe(true);
    expect(n.map[n.text.length - 1]).toBe(1);
  });

  it('folds what NFKD produces too (vertical em dash, compatibility quotes)', () => {
    expect(normalize('a\uFE31b').text).toBe('a-b');
    expect(normalize('\uFF02x\uFF02').text).toBe('"x"');
  });

  it('handles the empty string', () => {
    const n = normalize('');
    expect(n.text).toBe('');
    expect([...n.map]).toEqual([0]);
  });

  it('offset map round-trips on random text (quotes, dashes, soft hyphens, nbsp, marks, astral, numbers)', () => {
    fc.assert(
      fc.property(textish, (s) => {
        expect(mapProblems(s)).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  it('offset map round-trips on arbitrary UTF-16 (lone surrogates included)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (s) => {
        expect(mapProblems(s)).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  it('every offset points inside the original and the map never decreases', () => {
    fc.assert(
      fc.property(textish, (s) => {
        const { text, map } = normalize(s);
        const outside = [...map.subarray(0, text.length)].filter((m) => m >= s.length);
        const decreasing = [...map].filter((m, i) => i > 0 && m < map[i - 1]);
        expect({ outside, decreasing, end: map[text.length] }).toEqual({ outside: [], decreasing: [], end: s.length });
      }),
    );
  });

  it('normalises piece by piece: the text and map of a + b are those of a, then of b shifted', () => {
    // a lone high surrogate at the end of a would pair with a low one at the start of b
    const cut = (a: string, b: string) => /[\uD800-\uDBFF]$/.test(a) && /^[\uDC00-\uDFFF]/.test(b);
    fc.assert(
      fc.property(textish, textish, (a, b) => {
        fc.pre(!cut(a, b));
        const na = normalize(a);
        const nb = normalize(b);
        const nab = normalize(a + b);
        expect(nab.text).toBe(na.text + nb.text);
        expect([...nab.map]).toEqual([...na.map.subarray(0, na.text.length), ...[...nb.map].map((m) => m + a.length)]);
      }),
    );
  });

  it('long ASCII runs broken by other characters map one to one', () => {
    const run = fc.constantFrom('Plain Words, 130,000 ', 'The budget of 2024 ', 'x');
    const mixed = fc.array(fc.oneof({ weight: 3, arbitrary: run }, { weight: 1, arbitrary: textish }), { maxLength: 30 });
    fc.assert(
      fc.property(mixed, (parts) => {
        expect(mapProblems(parts.join(''))).toEqual([]);
      }),
    );
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.oneof(textish, fc.string({ unit: 'binary', maxLength: 60 })), (s) => {
        const once = normalize(s).text;
        expect(normalize(once).text).toBe(once);
      }),
      { numRuns: 500 },
    );
  });

  it('is idempotent for every BMP character, and maps each to itself', () => {
    const bad: string[] = [];
    for (let c = 0; c < 0x10000; c++) {
      if (c >= 0xd800 && c < 0xe000) continue;
      const ch = String.fromCharCode(c);
      const n = normalize(ch);
      if (normalize(n.text).text !== n.text || n.map.some((m, i) => (i < n.text.length ? m !== 0 : m !== 1))) {
        bad.push(c.toString(16));
      }
    }
    expect(bad).toEqual([]);
  });

  it('is linear-sized: output map never points past the input', () => {
    const input = '\uFB03'.repeat(1000) + '\u00AD'.repeat(1000) + 'x';
    const n = normalize(input);
    expect(n.text).toBe('ffi'.repeat(1000) + 'x');
    expect(n.map[n.text.length - 1]).toBe(2000);
    expect(n.map[n.text.length]).toBe(2001);
  });
});
