import { describe, expect, it } from 'vitest';
import { loadClaims } from '../../lib/claims/load-files';
import { compileIndex } from '../../lib/match/compile';
import { matchText } from '../../lib/match/matcher';

const claims = loadClaims();
const index = compileIndex(claims);

describe('dataset examples', () => {
  for (const claim of claims) {
    describe(claim.id, () => {
      for (const sentence of claim.examples.match) {
        it(`matches: ${sentence}`, () => {
          const ids = matchText(index, sentence).map((m) => index.claims[m.claim].id);
          expect(ids).toContain(claim.id);
        });
      }
      for (const sentence of claim.examples.nomatch) {
        it(`does not match: ${sentence}`, () => {
          const ids = matchText(index, sentence).map((m) => index.claims[m.claim].id);
          expect(ids).not.toContain(claim.id);
        });
      }
    });
  }
});
