/** fast-check generators for text as pages write it: the characters the normaliser and tokenizer treat specially. */
import fc from 'fast-check';
import type { MatchIndex } from '../../lib/match/compile';

export const PIECES = [
  'a', 'B', 'z', ' ', 'Austerity', 'kill', '130', ',', '.', '-', "'", '"', '%', '\n', '\t',
  'é', 'É', 'ñ', 'Ç', 'ü', 'e\u0301', 'n\u0303', // precomposed and decomposed accents
  '\u0301', '\u0303\u0308', // combining marks with nothing to sit on
  '\u2018', '\u2019', '\u201C', '\u201D', '\u00AB', '\u00BB', '`', // curly and other quotes
  '\u2010', '\u2013', '\u2014', '\u2212', '\uFE58', // dashes
  '\u00AD', '\u200B', '\u200D', '\u2060', '\uFEFF', // soft hyphen, zero-width characters
  '\u00A0', '\u2009', '\u202F', '\u3000', '\u2003', // nbsp, thin, narrow nbsp, ideographic, em space
  '\uFB01', '\uFB03', '\u0132', // ligatures ﬁ ﬃ Ĳ
  '\uFF21', '\uFF42', '\uFF11', // full-width A b 1
  '\u2474', '\u00BD', '\u2126', '\u212A', '\u0130', // ⑴ ½ Ω K İ
  '\u{1F600}', '\u{1F1EA}\u{1F1F8}', '\u{1D400}', '👍🏽', // emoji, flag, math bold A, skin tone
  '\uD800', '\uDC00', // lone surrogates
  '\u0041\u030A', 'Ω', 'Σ', 'ς', 'ß', 'ẞ', 'Я', '中', '\u0645', // other scripts
  'per cent', 'por ciento', 'one hundred and thirty thousand', 'ciento treinta mil', 'twenty-five', // numbers in words
];

/** A number as people write it: 130,000 / 130 000 / 130.000 / 1,234.5 / 130k / 130,000-plus, with any separator. */
export const writtenNumber: fc.Arbitrary<string> = fc
  .tuple(
    fc.integer({ min: 0, max: 999 }),
    fc.array(fc.integer({ min: 0, max: 999 }), { maxLength: 4 }),
    fc.constantFrom(',', '.', ' ', '\u00A0', '\u202F', '\u2009', "'", '\u2019'),
    fc.option(fc.constantFrom('.5', ',25', 'k', 'm', 'bn', '-plus', '+', '%', 'km', 'th')),
  )
  .map(([lead, groups, sep, tail]) => `${lead}${groups.map((g) => sep + String(g).padStart(3, '0')).join('')}${tail ?? ''}`);

/** Mixed text: special pieces, written numbers and arbitrary code units (lone surrogates included). */
export const textish: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...PIECES) },
      { weight: 1, arbitrary: writtenNumber },
      { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) },
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(''));

/** The index's anchor words and stems, with the pairs' words, spelled as pages may (case, accents, soft hyphens, endings). */
export function spelledAnchor(index: MatchIndex): fc.Arbitrary<string> {
  const keys = [...Object.keys(index.trigger.words), ...Object.keys(index.prefix), ...Object.keys(index.trigger.pairs).flatMap((p) => p.split(' '))];
  return fc
    .tuple(fc.constantFrom(...keys), fc.constantFrom('lower', 'upper', 'title', 'accent', 'shy'), fc.constantFrom('', 's', 'ing', 'ian'))
    .map(([k, how, tail]) => {
      const w = how === 'upper' ? k.toUpperCase() : how === 'title' ? k[0].toUpperCase() + k.slice(1) : how === 'accent' ? k.replace('e', 'é') : how === 'shy' ? `${k[0]}\u00AD${k.slice(1)}` : k;
      return w + tail;
    });
}

/** Text with the index's anchors in it, among special characters and the words pairs start with. */
export function textWithAnchors(index: MatchIndex): fc.Arbitrary<string> {
  return fc.array(fc.oneof(textish, spelledAnchor(index), fc.constantFrom(' ', '. ', 'the ', 'to ', 'cuts ')), { maxLength: 12 }).map((p) => p.join(''));
}
