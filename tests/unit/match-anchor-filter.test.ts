import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadClaims } from '../../lib/claims/load-files';
import { compileIndex } from '../../lib/match/compile';
import { anchorFilter, mayHoldAnchor } from '../../lib/match/anchor-filter';
import { prefilterState, scanAnchors } from '../../lib/match/prefilter';
import { textish } from '../support/arbitraries';

const index = compileIndex(loadClaims());
const filter = anchorFilter(index);

/** The anchor words and stems of the dataset, with the pairs' first words, spelled as pages may. */
const keys = [...Object.keys(index.trigger.words), ...Object.keys(index.prefix), ...Object.keys(index.trigger.pairs).flatMap((p) => p.split(' '))];
const spelled = fc
  .tuple(fc.constantFrom(...keys), fc.constantFrom('lower', 'upper', 'title', 'accent', 'shy'), fc.constantFrom('', 's', 'ing', 'ian'))
  .map(([k, how, tail]) => {
    const w = how === 'upper' ? k.toUpperCase() : how === 'title' ? k[0].toUpperCase() + k.slice(1) : how === 'accent' ? k.replace('e', 'é') : how === 'shy' ? `${k[0]}\u00AD${k.slice(1)}` : k;
    return w + tail;
  });
const text = fc.array(fc.oneof(textish, spelled, fc.constantFrom(' ', '. ', 'the ', 'to ', 'cuts ')), { maxLength: 12 }).map((p) => p.join(''));

describe('anchor filter', () => {
  it('never turns away a text in which scanAnchors finds a hit, whatever came before it', () => {
    fc.assert(
      fc.property(text, text, (before, t) => {
        const state = prefilterState();
        scanAnchors(index, before, state);
        const hits = state.hits;
        const may = mayHoldAnchor(filter, t, state);
        scanAnchors(index, t, state);
        if (state.hits > hits) expect(may).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('turns away ordinary text without anchors', () => {
    const state = prefilterState();
    expect(mayHoldAnchor(filter, 'The quick brown fox jumps over the lazy dog — “twice”, 2024.', state)).toBe(false);
    expect(mayHoldAnchor(filter, 'Austerity', state)).toBe(true);
    expect(mayHoldAnchor(filter, 'peruvians', state)).toBe(true);
    expect(mayHoldAnchor(filter, 'Perú', state)).toBe(true);
    expect(mayHoldAnchor(filter, 'disaustere', state)).toBe(false);
  });
});
