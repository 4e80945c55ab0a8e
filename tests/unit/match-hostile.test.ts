/**
 * Hostile text: whatever a page holds, matching stays linear. Work is counted
 * (characters read by the normaliser and tokenizer, token positions read by
 * the matcher), so the checks do not depend on the machine's speed (a timed
 * check failed on a loaded machine; speed is the benchmark's job).
 */
import { describe, expect, it } from 'vitest';
import type { Rule } from '../../lib/claims/schema';
import { claimWith } from '../support/claim';
import { countedWork } from '../support/counted';
import { loadClaims } from '../../lib/claims/load-files';
import { compileIndex } from '../../lib/match/compile';
import { matchTokens } from '../../lib/match/matcher';
import { tokenize } from '../../lib/match/tokenize';

const claim = claimWith;

const AUSTERITY: Rule = {
  all: [['austerity', 'spending cuts'], ['kill*', 'death*', 'died'], ['{100000..150000}']],
  within: 16,
  none: ['war', 'earthquake*'],
};
const index = compileIndex([
  ...loadClaims(undefined, true),
  // two rules finding the same words: the de-duplication path
  claim('twice', AUSTERITY, { ...AUSTERITY, none: [] }),
  claim('prefixes', { all: [['kil*', 'kill*', 'killi*', 'killing*'], ['aaa*', 'aaaa*']] }),
]);

/** The counted work on `text`; `matches` counts the "twice" claim's. */
function work(text: string): { ops: number; matches: number; ms: number } {
  const t0 = performance.now();
  const { ops, matches } = countedWork(index, text);
  const twice = index.claims.findIndex((x) => x.id === 'twice');
  return { ops, matches: matches.filter((m) => m.claim === twice).length, ms: performance.now() - t0 };
}

const MB = 1 << 20;
/** `unit` repeated to about `size` characters. */
const fill = (unit: string, size: number) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);

/** Distinct words ("kilaaa kilaab ..."), each new to the matcher's word cache, to about `size` characters. */
function distinctWords(size: number): string {
  const words: string[] = [];
  let length = 0;
  for (let i = 0; length < size; i++) {
    let w = '';
    for (let n = i, k = 0; k < 4; k++, n = Math.floor(n / 26)) w += String.fromCharCode(97 + (n % 26));
    const word = `kil${w}ing `;
    words.push(word);
    length += word.length;
  }
  return words.join('').slice(0, size);
}

const HOSTILE: Array<[string, string | ((size: number) => string)]> = [
  ['distinct words sharing a stem', distinctWords],
  ['one huge word', 'a'],
  ['digits with comma groups', '1,000,'],
  ['digits with space groups', '1 000 '],
  ['digits with dots and commas', '1.5,2.5.'],
  ['a digit run', '7'],
  ['number words', 'one hundred and '],
  ['a list of number words', 'one two three, '],
  ['tens and units', 'twenty five '],
  ['scale words', 'thousand '],
  ['a number and endless scales', '1 thousand million mil '],
  ['Spanish number words', 'ciento treinta y cinco mil '],
  ['percent words', 'per cent por ciento '],
  ['the anchor without the other groups', 'austerity '],
  ['every group, no number', 'austerity killed '],
  ['the claim over and over', 'Austerity killed 130,000 people. '],
  ['the claim with a veto each time', 'austerity killed 130,000 war '],
  ['prefix stems', 'kill killi killing killings aaaa '],
  ['soft hyphens', 'aus\u00ADter\u00ADity '],
  ['accents and curly quotes', '“Ésta” está ‘señalada’ — '],
  ['ligatures and full width', '\uFB03\uFB01 ＡＢＣ '],
  ['emoji', '😀👍🏽 '],
  ['lone surrogates', '\uD800a\uDC00'],
  ['combining marks', 'e\u0301\u0301\u0301 '],
  ['zero-width characters', '\u200B\u200D\uFEFF'],
];

describe('hostile text: linear work', { timeout: 60_000 }, () => {
  for (const [name, unit] of HOSTILE) {
    it(`${name}: doubling the text doubles the work`, () => {
      const make = (size: number) => (typeof unit === 'string' ? fill(unit, size) : unit(size));
      const a = work(make(MB / 2));
      const b = work(make(MB));
      const ratio = b.ops / a.ops;
      expect(ratio).toBeGreaterThan(1.6);
      expect(ratio).toBeLessThan(2.4);
      // and finishes in a time no user would notice on one huge block
      expect(b.ms).toBeLessThan(10_000);
    });
  }

  it('the claim repeated 30,000 times gives 30,000 matches (two rules, one match each time)', () => {
    expect(work(fill('Austerity killed 130,000 people. ', 33 * 30_000)).matches).toBe(30_000);
  });
});
