import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadClaims } from '../../lib/claims/load-files';
import { compileIndex } from '../../lib/match/compile';
import { pageMayHoldClaim } from '../../lib/match/gate';
import { matchText } from '../../lib/match/matcher';
import { unglue } from '../../lib/match/prefilter';
import { prng } from '../support/prng';

const claims = loadClaims();
const index = compileIndex(claims);
const sentences = claims.flatMap((c) => [...c.examples.match, ...c.examples.nomatch]);
const matching = claims.flatMap((c) => c.examples.match);

/** Blocks joined the way innerText joins them (what the boot script sends), and the way textContent does. */
const rendered = (blocks: string[]) => blocks.join('\n');
const glued = (blocks: string[]) => blocks.join('');

describe('the page gate (background, over textContent)', () => {
  it('lets every page through that holds a claim in one of its blocks, whatever the blocks around it', () => {
    const random = prng(7);
    const pick = (list: string[]) => list[Math.floor(random() * list.length)];
    for (let i = 0; i < 400; i++) {
      // Neighbours are other examples (near misses and veto words included) and headings glued on without a space.
      const blocks = Array.from({ length: 2 + Math.floor(random() * 4) }, () => (random() < 0.3 ? `Heading ${pick(['A', 'Two', '2020'])}` : pick(sentences)));
      const someBlockMatches = blocks.some((b) => matchText(index, b).length > 0);
      if (someBlockMatches) expect(pageMayHoldClaim(index, rendered(blocks)), rendered(blocks)).toBe(true);
    }
  });

  // Where the page's text had to be read raw (textContent), a heading runs into the next block: "Route AAusterity".
  it('pulls glued words apart where a heading ran into a claim that starts with a plain capitalised word', () => {
    const plain = matching.filter((s) => /^[A-Z][a-z]+\b/.test(s));
    expect(plain.length).toBeGreaterThan(10);
    for (const sentence of plain) {
      for (const heading of ['Route A', 'Chapter 2020', 'in the news']) expect(pageMayHoldClaim(index, glued([heading, sentence])), glued([heading, sentence])).toBe(true);
    }
  });

  it('keeps the lens away from pages that only share a word with a claim', () => {
    const text = 'He was elected in 2019 in a democratic vote. The committee discussed the budget and the trains.';
    expect(pageMayHoldClaim(index, text)).toBe(false);
    expect(pageMayHoldClaim(index, 'The weather was mild.')).toBe(false);
  });

  it('does not let through a fixture page without claims', () => {
    const dir = join(import.meta.dirname, '../fixtures/pages');
    const page = readFileSync(join(dir, 'controls-none.html'), 'utf8').replace(/<[^>]*>/g, '');
    expect(pageMayHoldClaim(index, page)).toBe(false);
  });
});

describe('unglue', () => {
  it('pulls apart words that textContent glued together', () => {
    expect(unglue('Route AAusterity in 2020Bolivia theEnd')).toBe('Route A Austerity in 2020 Bolivia the End');
  });
});
