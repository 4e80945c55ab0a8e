import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadClaims } from '../../lib/claims/load-files';
import { compileIndex } from '../../lib/match/compile';
import { collectBlocks } from '../../lib/dom/blocks';
import { matchText } from '../../lib/match/matcher';

const claims = loadClaims();
const index = compileIndex(claims);
const idsIn = (text: string) => matchText(index, text).map((m) => index.claims[m.claim].id);

describe('dataset examples', () => {
  for (const claim of claims) {
    describe(claim.id, () => {
      for (const sentence of claim.examples.match) {
        it(`matches: ${sentence}`, () => {
          expect(idsIn(sentence)).toContain(claim.id);
        });
      }
      for (const sentence of claim.examples.nomatch) {
        it(`does not match: ${sentence}`, () => {
          expect(idsIn(sentence)).not.toContain(claim.id);
        });
      }
    });
  }
});

/**
 * The labelled development cases (a copy of ../shared/eval/dev-cases.json), read
 * through the real DOM layer: a pos page must yield exactly its family as the
 * only distinct claim id, a neg page no claim at all. Cases that need a page's
 * scripts to run are covered by `npm run eval` in real Chromium.
 */
interface DevCase {
  id: string;
  kind: 'pos' | 'neg';
  family?: string;
  html: string;
}
const DEV_CASES = join(import.meta.dirname, '../fixtures/eval/dev-cases.json');

describe('dev cases (DOM and text layers)', () => {
  const cases: DevCase[] = JSON.parse(readFileSync(DEV_CASES, 'utf8')).cases;
  const idsOnPage = (html: string) => {
    document.body.innerHTML = html;
    return [...new Set(collectBlocks(document.body).flatMap((b) => idsIn(b.text)))];
  };

  it('every family named by a case has a dataset entry', () => {
    const families = new Set(cases.filter((c) => c.kind === 'pos').map((c) => c.family));
    expect(families.size).toBeGreaterThan(0);
    for (const family of families) expect(claims.map((c) => c.id)).toContain(family);
  });

  for (const c of cases.filter((x) => !/<script/i.test(x.html))) {
    it(`${c.id} (${c.kind}${c.family ? ` ${c.family}` : ''})`, () => {
      expect(idsOnPage(c.html)).toEqual(c.kind === 'pos' ? [c.family] : []);
    });
  }
});
