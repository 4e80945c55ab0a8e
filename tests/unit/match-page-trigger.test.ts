import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadClaims } from '../../lib/claims/load-files';
import { compileIndex } from '../../lib/match/compile';
import { compileTrigger, mayHoldTrigger, triggerSources } from '../../lib/match/page-trigger';
import { hasAnchor } from '../../lib/match/prefilter';
import { textWithAnchors } from '../support/arbitraries';

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

  it('says no to ordinary text, with or without accents', () => {
    expect(mayHoldTrigger(trigger, 'The quick brown fox jumps over the lazy dog — “twice”, 2024.')).toBe(false);
    expect(mayHoldTrigger(trigger, 'Un café en São Paulo, 3 € la taza.')).toBe(false);
    expect(mayHoldTrigger(trigger, 'disaustere history')).toBe(false);
  });

  it('says yes to anchors however they are written', () => {
    for (const text of ['Austerity', 'AUSTERITY', 'the austerity years', 'Perú', 'PERÚ', 'aus\u00ADterity', 'HomeAusterity', 'EndPerú', 'ＢＢＣ News', '2019Bolivia']) {
      expect(mayHoldTrigger(trigger, text), text).toBe(true);
    }
  });

  it('looks at each word holding a non-ASCII character once (linear on long words)', () => {
    const word = 'xé'.repeat(25_000);
    const text = `${word} ${word}`;
    let reads = 0;
    const charCodeAt = String.prototype.charCodeAt;
    String.prototype.charCodeAt = function (this: string, i: number) {
      reads++;
      return charCodeAt.call(this, i);
    };
    try {
      expect(mayHoldTrigger(trigger, text)).toBe(false);
    } finally {
      String.prototype.charCodeAt = charCodeAt;
    }
    expect(reads).toBeLessThan(2 * text.length);
  });
});
