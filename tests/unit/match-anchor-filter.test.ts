import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadClaims } from '../../lib/claims/load-files';
import { compileIndex } from '../../lib/match/compile';
import { anchorFilter, mayHoldAnchor } from '../../lib/match/anchor-filter';
import { prefilterState, scanAnchors } from '../../lib/match/prefilter';
import { textWithAnchors } from '../support/arbitraries';

const index = compileIndex(loadClaims());
const filter = anchorFilter(index);

const text = textWithAnchors(index);

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
