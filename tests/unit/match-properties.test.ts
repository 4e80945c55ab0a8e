/**
 * Properties of matching on arbitrary text (fast-check): it never throws,
 * every match lies inside its block, and the work stays linear in the length
 * of the text (counted, not timed).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Rule } from '../../lib/claims/schema';
import { loadClaims } from '../../lib/claims/load-files';
import { compileIndex } from '../../lib/match/compile';
import { matchTokens } from '../../lib/match/matcher';
import { tokenize } from '../../lib/match/tokenize';
import { textish } from '../support/arbitraries';
import { claimWith } from '../support/claim';
import { countedWork } from '../support/counted';

const dataset = loadClaims(undefined, true);
const AUSTERITY: Rule = { all: [['austerity', 'spending cuts'], ['kill*', 'died'], ['{100000..150000}']], within: 12, none: ['war'] };
const index = compileIndex([
  ...dataset,
  claimWith('austerity-test', AUSTERITY, { ...AUSTERITY, none: [] }),
  claimWith('percent-test', { all: [['ninety'], ['percent']], within: 4 }),
]);

/** Words and whole sentences the dataset looks for, so that random text does match now and then. */
const claimWords = fc.constantFrom(
  ...new Set(dataset.flatMap((c) => c.examples.match.flatMap((s) => s.split(/\s+/)))),
  'Austerity', 'killed', '130,000', 'one hundred and thirty thousand', 'war', 'ninety', 'per cent', '%',
);
const sentences = fc.constantFrom(...dataset.flatMap((c) => [...c.examples.match, ...c.examples.nomatch]));
const separator = fc.constantFrom(' ', ' ', '\u00A0', '\u00AD', '\u2014', ', ', '. ', '\n');

/** A block of text as a page might hold: claim words and sentences among arbitrary characters. */
const block = fc
  .array(fc.oneof({ weight: 4, arbitrary: claimWords }, { weight: 3, arbitrary: sentences }, { weight: 2, arbitrary: textish }, { weight: 3, arbitrary: separator }), {
    maxLength: 60,
  })
  .map((parts) => parts.join(''));

const isLow = (c: number) => c >= 0xdc00 && c < 0xe000;
const isHigh = (c: number) => c >= 0xd800 && c < 0xdc00;
/** Does offset i fall between the two halves of a surrogate pair? */
const splitsPair = (s: string, i: number) => i > 0 && i < s.length && isHigh(s.charCodeAt(i - 1)) && isLow(s.charCodeAt(i));

describe('tokenize and match arbitrary text', { timeout: 60_000 }, () => {
  it('never throw, on any UTF-16 string', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), textish, block), (text) => {
        matchTokens(index, tokenize(text));
      }),
      { numRuns: 1000 },
    );
  });

  it('every match and each of its parts lies inside the block, ordered, never splitting a character', () => {
    let matched = 0;
    fc.assert(
      fc.property(block, (text) => {
        const matches = matchTokens(index, tokenize(text));
        const problems: string[] = [];
        let prevStart = 0;
        for (const m of matches) {
          if (!(m.start >= 0 && m.start < m.end && m.end <= text.length)) problems.push(`span ${m.start}-${m.end} outside 0-${text.length}`);
          if (m.start < prevStart) problems.push('matches out of order');
          if (splitsPair(text, m.start) || splitsPair(text, m.end)) problems.push(`span ${m.start}-${m.end} splits a surrogate pair`);
          for (const [s, e] of m.parts) if (!(m.start <= s && s < e && e <= m.end)) problems.push(`part ${s}-${e} outside ${m.start}-${m.end}`);
          prevStart = m.start;
        }
        // one claim's matches never overlap
        const lastEnd = new Map<number, number>();
        for (const m of matches) {
          if (m.start < (lastEnd.get(m.claim) ?? 0)) problems.push(`claim ${m.claim} overlaps itself at ${m.start}`);
          lastEnd.set(m.claim, m.end);
        }
        expect({ text, problems }).toEqual({ text, problems: [] });
        if (matches.length) matched++;
      }),
      { numRuns: 500 },
    );
    // the property says something only if matches happen
    expect(matched).toBeGreaterThan(50);
  });
});

describe('linear work on arbitrary text', () => {
  it('doubling any text doubles the counted work', { timeout: 120_000 }, () => {
    const SIZE = 16_384;
    const fill = (unit: string, size: number) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
    fc.assert(
      fc.property(block.filter((u) => u.length > 0), (unit) => {
        const a = countedWork(index, fill(unit, SIZE)).ops;
        const b = countedWork(index, fill(unit, 2 * SIZE)).ops;
        expect(b / a).toBeGreaterThan(1.6);
        expect(b / a).toBeLessThan(2.4);
      }),
      { numRuns: 40 },
    );
  });
});
