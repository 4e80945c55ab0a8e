import { describe, expect, it } from 'vitest';
import type { Claim, Rule } from '../../lib/claims/schema';
import { claimWith } from '../support/claim';
import { loadClaims } from '../../lib/claims/load-files';
import { compileIndex, type MatchIndex } from '../../lib/match/compile';
import { candidateRules, matchText, matchTokens, termAt, type Match } from '../../lib/match/matcher';
import { parseTerm, type Term } from '../../lib/match/terms';
import { tokenize, type Token } from '../../lib/match/tokenize';
import { counted } from '../support/counted';
import { prng } from '../support/prng';

const claim = claimWith;

const AUSTERITY: Rule = {
  all: [['austerity', 'spending cuts'], ['kill*', 'deaths', 'died'], ['{100000..150000}']],
  within: 8,
  none: ['earthquake*', 'war'],
};
const index = compileIndex([claim('austerity', AUSTERITY)]);

const spans = (text: string, idx: MatchIndex = index) => matchText(idx, text).map((m) => text.slice(m.start, m.end));
const parts = (text: string, m: Match) => m.parts.map(([s, e]) => text.slice(s, e));
const filler = (n: number) => Array.from({ length: n }, (_, i) => `w${i}`).join(' ');

/** Compiling a 10,000-claim index takes a second or more; on a loaded machine, several. */
const COMPILE_10K_TIMEOUT_MS = 60_000;

describe('matcher: groups, window, veto', () => {
  it('needs one alternative of every group', () => {
    expect(spans('Austerity killed 130,000 people.')).toEqual(['Austerity killed 130,000']);
    expect(spans('Spending cuts: 120,000 deaths.')).toEqual(['Spending cuts: 120,000 deaths']);
    expect(spans('Austerity killed many people.')).toEqual([]);
    expect(spans('Austerity affected 130,000 people.')).toEqual([]);
    expect(spans('The policy killed 130,000 people.')).toEqual([]);
    expect(spans('Austerity killed 90,000 people.')).toEqual([]);
  });

  it('a group may be found anywhere in the window, in any order', () => {
    expect(spans('130,000 died because of austerity')).toEqual(['130,000 died because of austerity']);
  });

  it('the window is `within` tokens from the first to the last matched token', () => {
    // austerity x1 x2 x3 x4 x5 killed 130000: 8 tokens
    expect(spans(`Austerity ${filler(5)} killed 130,000`)).toHaveLength(1);
    expect(spans(`Austerity ${filler(6)} killed 130,000`)).toEqual([]);
  });

  it('never matches across `within`, even with many pieces around', () => {
    const text = `austerity ${filler(20)} killed ${filler(20)} 130,000 ${filler(20)} austerity`;
    expect(spans(text)).toEqual([]);
  });

  it('a veto term within `within` tokens of the match stops it; further away it does not', () => {
    // match is 3 tokens; the veto zone reaches 8 tokens either side
    expect(spans(`war ${filler(7)} austerity killed 130,000`)).toEqual([]);
    expect(spans(`war ${filler(8)} austerity killed 130,000`)).toHaveLength(1);
    expect(spans(`austerity killed 130,000 ${filler(7)} war`)).toEqual([]);
    expect(spans(`austerity killed 130,000 ${filler(8)} war`)).toHaveLength(1);
    expect(spans('The earthquake killed 130,000 people despite austerity')).toEqual([]);
  });

  it('a vetoed window does not hide a later clean one', () => {
    const text = `War: austerity killed 130,000. ${filler(10)} Austerity killed 120,000 people.`;
    expect(spans(text)).toEqual(['Austerity killed 120,000']);
  });

  it('finds several matches in one text, in order, never overlapping', () => {
    const text = `Austerity killed 130,000 people. ${filler(10)} Spending cuts: 120,000 deaths.`;
    expect(spans(text)).toEqual(['Austerity killed 130,000', 'Spending cuts: 120,000 deaths']);
    expect(spans('austerity killed 130,000 killed 120,000')).toEqual(['austerity killed 130,000']);
    expect(spans('austerity killed 130,000 killed 120,000 austerity')).toEqual([
      'austerity killed 130,000',
      'killed 120,000 austerity',
    ]);
  });

  it('the span covers the claim and starts as late as it can', () => {
    const text = '“Austerity,” she said, “killed 130,000 people.”';
    expect(spans(text)).toEqual(['Austerity,” she said, “killed 130,000']);
    const wide = compileIndex([claim('austerity', { ...AUSTERITY, within: 30 })]);
    const two = 'Austerity is a policy choice. Austerity killed 130,000 people.';
    expect(spans(two, wide)).toEqual(['Austerity killed 130,000']);
  });

  it('parts are the matched words of each group, in text order', () => {
    const text = '120,000 deaths were caused by spending cuts';
    const [m] = matchText(index, text);
    expect(parts(text, m)).toEqual(['120,000', 'deaths', 'spending cuts']);
    expect(text.slice(m.start, m.end)).toBe(text);
  });

  it('offsets survive soft hyphens, accents and nbsp', () => {
    const text = 'Aus\u00ADterity kil\u00ADled 130\u00A0000 people';
    const [m] = matchText(index, text);
    expect(parts(text, m)).toEqual(['Aus\u00ADterity', 'kil\u00ADled', '130\u00A0000']);
  });

  it('several claims in one text are all found, sorted by start', () => {
    const idx = compileIndex([
      claim('b', { all: [['sanctions'], ['venezuela']] }),
      claim('a', AUSTERITY),
    ]);
    const text = `Austerity killed 130,000. ${filler(30)} Venezuela sanctions.`;
    const found = matchText(idx, text).map((m) => idx.claims[m.claim].id);
    expect(found).toEqual(['a', 'b']);
  });

  it('two rules of one claim finding the same words give one match', () => {
    const idx = compileIndex([
      claim('a', AUSTERITY, { all: [['kill*'], ['austerity']] }, { all: [['austerity'], ['{100000..150000}']] }),
    ]);
    const text = `Austerity killed 130,000. ${filler(10)} Austerity: 120,000.`;
    expect(spans(text, idx)).toEqual(['Austerity killed 130,000', 'Austerity: 120,000']);
  });

  it('two claims finding the same words both match', () => {
    const idx = compileIndex([claim('a', AUSTERITY), claim('b', { all: [['austerity'], ['kill*']] })]);
    const found = matchText(idx, 'Austerity killed 130,000').map((m) => idx.claims[m.claim].id);
    expect(found.sort()).toEqual(['a', 'b']);
  });

  it('prefix anchors and multi-word terms', () => {
    const idx = compileIndex([claim('b', { all: [['bolivia*'], ['movement for socialism', 'mas'], ['won', 'win']] })]);
    expect(spans('The Movement for Socialism won in Bolivia.', idx)).toEqual(['Movement for Socialism won in Bolivia']);
    expect(spans('Bolivians: the movement for won', idx)).toEqual([]);
  });

  it('a rule needs a group that can anchor it', () => {
    expect(() => compileIndex([claim('n', { all: [['{1..2}'], ['{3..4}']] })])).toThrow(/all contain a word/);
    // Any word of a term can anchor it, not only the first.
    const idx = compileIndex([claim('w', { all: [['{1..2}'], ['{3..4} people']] })]);
    expect(spans('1 and 3 people', idx)).toEqual(['1 and 3 people']);
  });

  it('page words named like Object.prototype members neither crash nor match numbers', () => {
    expect(() => matchText(index, 'constructor austerity killed constructor')).not.toThrow();
    expect(spans('Austerity killed constructor people')).toEqual([]);
    const idx = compileIndex([claim('c', { all: [['constructor'], ['tostring']] })]);
    expect(spans('constructor tostring', idx)).toEqual(['constructor tostring']);
  });

  it('an index that went through JSON (as the build ships it) matches the same', () => {
    const shipped = JSON.parse(JSON.stringify(index)) as MatchIndex;
    const text = 'Austerity killed 130,000 people; constructor spending cuts 120,000 deaths.';
    expect(matchText(shipped, text)).toEqual(matchText(index, text));
  });
});

// 10,000-claim indexes and 1,500 random rules: seconds on a loaded machine, past the 5 s default
describe('matcher: the prefilter', { timeout: 60_000 }, () => {
  const real = loadClaims(undefined, true);
  const text =
    'Researchers linked 130,000 deaths to austerity. Castillo led the 2017 teachers strike. ' +
    'The BBC is state controlled, some say. Keiko Fujimori alleged fraud. constructor people';
  const tokens = tokenize(text);

  /** The real dataset plus n synthetic claims made of words no page has (memoised: compiling takes a while). */
  const memo = new Map<string, MatchIndex>();
  function withSynthetic(n: number, anchorsInText = false) {
    const key = `${n}/${anchorsInText}`;
    if (!memo.has(key)) memo.set(key, buildSynthetic(n, anchorsInText));
    return memo.get(key) as MatchIndex;
  }
  function buildSynthetic(n: number, anchorsInText: boolean) {
    const extra: Claim[] = [];
    for (let i = 0; i < n; i++) {
      const w = (k: number) => `zq${i.toString(36)}x${k}`;
      extra.push(
        claim(`synthetic-${i}`, {
          all: [[anchorsInText ? ['people', 'deaths', 'strike', 'fraud'][i % 4] : w(1), `${w(2)}*`], [w(3), `{5..6} ${w(4)}`], ['{1..100}']],
          none: [w(6)],
        }),
      );
    }
    return compileIndex([...real, ...extra]);
  }

  it('picks the rules anchored on words of the text', () => {
    const idx = compileIndex(real);
    const found = [...candidateRules(idx, tokens)].map((r) => idx.claims[idx.rules[r].claim].id);
    expect(new Set(found)).toContain('austerity-deaths');
    expect(candidateRules(idx, tokenize('nothing to see here'))).toEqual(new Set());
  });

  it('candidates and matches do not depend on the size of the dataset', () => {
    const small = compileIndex(real);
    const large = withSynthetic(10_000);
    expect(candidateRules(large, tokens)).toEqual(candidateRules(small, tokens));
    expect(matchTokens(large, tokens)).toEqual(matchTokens(small, tokens));
  }, COMPILE_10K_TIMEOUT_MS);

  it('the work on a block does not depend on the size of the dataset', () => {
    const small = compileIndex(real);
    const large = withSynthetic(10_000);
    const a = counted(tokens);
    matchTokens(small, a.tokens);
    const b = counted(tokens);
    matchTokens(large, b.tokens);
    expect(b.reads()).toBe(a.reads());
    const c = counted(tokens);
    candidateRules(large, c.tokens);
    expect(c.reads()).toBe(tokens.length);
  }, COMPILE_10K_TIMEOUT_MS);

  it('candidate rules whose other groups are absent cost no second pass', () => {
    // 10,000 rules anchored on words of the text, none with its other groups present
    const anchored = withSynthetic(10_000, true);
    const plain = 'people deaths strike fraud '.repeat(50);
    const t = tokenize(plain);
    const c = counted(t);
    expect(matchTokens(anchored, c.tokens)).toEqual([]);
    // Anchors go to the rarer groups, but many rules are still candidates here.
    expect(candidateRules(anchored, t).size).toBeGreaterThan(100);
    expect(c.reads()).toBe(t.length);
  }, COMPILE_10K_TIMEOUT_MS);
});

// ---------------------------------------------------------------------------
// A brute-force model of the rule semantics, to compare on random input.


interface ModelRule {
  groups: Term[][];
  within: number;
  none: Term[];
}

/** Is there a window [s, e] of at most `within` tokens holding every group, with no veto near it? */
function modelExists(rule: ModelRule, tokens: Token[]): boolean {
  const n = tokens.length;
  const vetoAt = (p: number) => rule.none.some((t) => termAt(tokens, p, t));
  const groupAt = (g: number, p: number) => rule.groups[g].find((t) => termAt(tokens, p, t));
  for (let s = 0; s < n; s++) {
    for (let e = s; e < n && e - s + 1 <= rule.within; e++) {
      const all = rule.groups.every((_, g) => {
        for (let p = s; p <= e; p++) {
          const t = groupAt(g, p);
          if (t && p + t.length - 1 <= e) return true;
        }
        return false;
      });
      if (!all) continue;
      let vetoed = false;
      for (let p = Math.max(0, s - rule.within); p <= Math.min(n - 1, e + rule.within); p++) if (vetoAt(p)) vetoed = true;
      if (!vetoed) return true;
    }
  }
  return false;
}

describe('matcher: agrees with a brute-force model on random input', { timeout: 60_000 }, () => {
  const VOCAB = ['a', 'b', 'c', 'd', 'kill', 'killed', 'x', 'y', '1', '2', '3', '250', 'z'];
  const WORD_TERMS = ['a', 'b', 'c', 'd', 'kil*', 'killed', 'x'];
  const ANY_TERMS = [...WORD_TERMS, '{2..3}', '{200..300}', 'y'];
  const rand = prng(1234);
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)];

  it('finds a match exactly when the model says one exists; every match is valid', () => {
    let positives = 0;
    for (let round = 0; round < 1500; round++) {
      const groupCount = 2 + Math.floor(rand() * 2);
      const all: string[][] = [];
      for (let g = 0; g < groupCount; g++) {
        const alts = new Set<string>();
        const count = 1 + Math.floor(rand() * 2);
        for (let k = 0; k < count; k++) alts.add(pick(g === 0 ? WORD_TERMS : ANY_TERMS));
        all.push([...alts]);
      }
      const rule: Rule = { all, within: 2 + Math.floor(rand() * 6) };
      if (rand() < 0.4) rule.none = [pick(['z', 'y', '{1..1}'])];
      const idx = compileIndex([claim('r', rule)]);
      const words = Array.from({ length: 1 + Math.floor(rand() * 25) }, () => pick(VOCAB));
      const tokens = tokenize(words.join(' '));
      const found = matchTokens(idx, tokens);
      const model: ModelRule = idx.rules[0];
      expect({ words: words.join(' '), rule, found: found.length > 0 }).toEqual({
        words: words.join(' '),
        rule,
        found: modelExists(model, tokens),
      });
      if (found.length) positives++;
      // every match: inside the window, each group present among its parts, no overlap
      let prevEnd = -1;
      for (const m of found) {
        const first = tokens.findIndex((t) => t.start === m.start);
        const last = tokens.findIndex((t) => t.end === m.end);
        expect(last - first + 1).toBeLessThanOrEqual(model.within);
        expect(m.parts).toHaveLength(model.groups.length);
        expect(m.start).toBeGreaterThan(prevEnd);
        prevEnd = m.end;
      }
    }
    expect(positives).toBeGreaterThan(100);
  });
});
