import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadClaims } from '../../lib/claims/load-files';
import { compileIndex, type MatchIndex } from '../../lib/match/compile';
import { compileTrigger, mayHoldTrigger, triggerSources } from '../../lib/match/page-trigger';
import { hasAnchor } from '../../lib/match/prefilter';
import { textWithAnchors } from '../support/arbitraries';
import { countCalls } from '../support/counted';

const index = compileIndex(loadClaims());
const trigger = compileTrigger(triggerSources(index));

describe("the boot script's first look (page trigger)", () => {
  it('says yes whenever the background would find an anchor word, glued words included', () => {
    const glue = fc.constantFrom('', 'end', 'END', '2020', 'Bogotá', 'x');
    const page = fc.array(fc.tuple(glue, textWithAnchors(index)).map(([g, t]) => g + t), { maxLength: 6 }).map((p) => p.join(''));
    fc.assert(
      fc.property(page, (text) => {
        if (hasAnchor(index, text)) expect(mayHoldTrigger(trigger, text)).toBe(true);
      }),
      { numRuns: 4000 },
    );
  });

  it('says no to ordinary text, with or without accents, and to words that only start like an anchor', () => {
    for (const text of [
      'The quick brown fox jumps over the lazy dog — “twice”, 2024.',
      'Un café en São Paulo, 3 € la taza.',
      'disaustere history',
      'for the benefit of all; an austere reserve',
      'bbcat, Toryism and peruse',
      'spending money; cuts of meat',
    ]) {
      expect(mayHoldTrigger(trigger, text), text).toBe(false);
    }
  });

  it('says yes to anchors however they are written', () => {
    const texts = ['Austerity', 'AUSTERITY', 'the austerity years', 'Perú', 'PERÚ', 'aus\u00ADterity', 'HomeAusterity', 'EndPerú', 'ＢＢＣ News', '2019Bolivia'];
    texts.push('Peruvians', 'ToryLeader', 'TORY', 'benefit cuts', 'Spending. Cuts', 'cuts to');
    for (const text of texts) expect(mayHoldTrigger(trigger, text), text).toBe(true);
  });

  it('for a dataset too large for a precise pattern: shorter keys, still never missing what hasAnchor finds', () => {
    const words = Array.from({ length: 600 }, (_, i) => `w${i.toString(36)}ord${'abcdefgh'[i % 8]}`);
    const large = { ...index, trigger: { words: Object.fromEntries(words.map((w) => [w, 1])), pairs: index.trigger.pairs }, exact: {} } as MatchIndex;
    const sources = triggerSources(large);
    expect(sources.ascii.length).toBeLessThan(16_384);
    const loose = compileTrigger(sources);
    const text = fc.array(fc.oneof(fc.constantFrom(...words, 'Wabord', 'x', ' ', 'é', '2020'), textWithAnchors(index)), { maxLength: 8 }).map((p) => p.join(''));
    fc.assert(
      fc.property(text, (t) => {
        if (hasAnchor(large, t)) expect(mayHoldTrigger(loose, t)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('looks at each word holding a non-ASCII character once (linear on long words)', () => {
    const word = 'xé'.repeat(25_000);
    const text = `${word} ${word}`;
    const { result, calls } = countCalls(String.prototype, 'charCodeAt', () => mayHoldTrigger(trigger, text));
    expect(result).toBe(false);
    expect(calls).toBeLessThan(2 * text.length);
  });
});
