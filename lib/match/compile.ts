/**
 * Compiles dataset entries into a match index: every rule's anchor terms go
 * into a word map, so one pass over a page's tokens finds the few candidate
 * rules, whatever the size of the dataset.
 */
import type { Claim } from '../claims/schema';
import { anchorPatternSource } from './anchor-filter';
import { COMMON_WORDS } from './common-words';
import { foldText } from './prefilter';
import { parseTerm, type Term, type TermWord } from './terms';

export const DEFAULT_WITHIN = 30;

export interface CompiledRule {
  /** index into MatchIndex.claims */
  claim: number;
  groups: Term[][];
  /** which group the prefilter looks up (its rarest) */
  anchor: number;
  within: number;
  none: Term[];
}

/** What the UI shows; dataset text, always rendered as text. */
export type ClaimView = Omit<Claim, 'match' | 'examples' | '$schema'>;

export interface MatchIndex {
  claims: ClaimView[];
  rules: CompiledRule[];
  /** first word of an anchor term -> rule indexes */
  exact: Record<string, number[]>;
  /** stem of an anchor prefix term -> rule indexes */
  prefix: Record<string, number[]>;
  /** distinct stem lengths in `prefix`, so a token needs only a few lookups */
  stemLengths: number[];
  /**
   * What the page-level prefilter looks for before reading any block: the
   * anchor words, except that a term made only of common words ("budget cuts")
   * is looked for as its first two words together.
   */
  trigger: { words: Record<string, 1>; pairs: Record<string, 1> };
  /** the per-text-node pre-test's pattern source (lib/match/anchor-filter.ts), made here rather than on every page */
  anchorPattern: string;
}

export function compileIndex(claims: Claim[]): MatchIndex {
  // No prototype: a word such as "constructor" must not find Object.prototype members.
  const index: MatchIndex = {
    claims: [],
    rules: [],
    exact: Object.create(null),
    prefix: Object.create(null),
    stemLengths: [],
    trigger: { words: Object.create(null), pairs: Object.create(null) },
    anchorPattern: '',
  };
  const lengths = new Set<number>();
  claims.forEach((claim, c) => {
    const { match, examples, $schema, ...view } = claim;
    index.claims.push(view);
    const names = properNames(examples.match);
    for (const rule of match.rules) {
      const r = index.rules.length;
      const groups = rule.all.map((g) => g.map(parseTerm));
      const anchor = anchorGroup(groups, claim.id, names);
      index.rules.push({ claim: c, groups, anchor: groups.indexOf(anchor), within: rule.within ?? DEFAULT_WITHIN, none: (rule.none ?? []).map(parseTerm) });
      for (const term of anchor) {
        // Any word of a term can signal the rule; the rarest one is looked up.
        const best = bestWord(term, names);
        addTrigger(index.trigger, term, best);
        if (best.kind === 'word') (index.exact[best.word] ??= []).push(r);
        else if (best.kind === 'prefix') {
          (index.prefix[best.stem] ??= []).push(r);
          lengths.add(best.stem.length);
        }
      }
    }
  });
  index.stemLengths = [...lengths].sort((a, b) => a - b);
  index.anchorPattern = anchorPatternSource(index);
  return index;
}

/**
 * Words written capitalised inside a sentence of the claim's own examples
 * ("BBC", "Castillo"): names, which are rare in ordinary text.
 */
export function properNames(sentences: readonly string[]): Set<string> {
  const names = new Set<string>();
  for (const sentence of sentences) {
    const words = sentence.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
    words.slice(1).forEach((w) => {
      if (/^\p{Lu}/u.test(w)) names.add(foldText(w));
    });
  }
  return names;
}

/** How well a word works as a rule's trigger: common words last, then longer is rarer, and a name a little rarer still. */
function rarity(w: TermWord, names: ReadonlySet<string>): number {
  if (w.kind === 'number') return -Infinity;
  const word = w.kind === 'word' ? w.word : w.stem;
  const common = COMMON_WORDS.has(word) || (w.kind === 'prefix' && [...COMMON_WORDS].some((c) => c.startsWith(word)));
  return common ? word.length - 500 : word.length + (names.has(word) ? 3 : 0);
}

function addTrigger(trigger: MatchIndex['trigger'], term: Term, best: TermWord): void {
  if (best.kind !== 'word') return; // prefixes are looked up by stem
  const pair = term.findIndex((w, i) => w.kind === 'word' && term[i + 1]?.kind === 'word');
  if (COMMON_WORDS.has(best.word) && pair >= 0) {
    trigger.pairs[`${(term[pair] as { word: string }).word} ${(term[pair + 1] as { word: string }).word}`] = 1;
  } else {
    trigger.words[best.word] = 1;
  }
}

function bestWord(term: Term, names: ReadonlySet<string>): TermWord {
  return term.reduce((best, w) => (rarity(w, names) > rarity(best, names) ? w : best));
}

/**
 * The group that triggers a rule: the one whose weakest term is rarest, so
 * the rule is looked at only where it has a real chance to match.
 */
export function anchorGroup(groups: Term[][], claimId: string, names: ReadonlySet<string> = new Set()): Term[] {
  let best: Term[] | undefined;
  let bestScore = -Infinity;
  for (const group of groups) {
    const score = Math.min(...group.map((t) => rarity(bestWord(t, names), names)));
    if (score > bestScore && score > -Infinity) {
      best = group;
      bestScore = score;
    }
  }
  if (!best) throw new Error(`claim "${claimId}": a rule needs one group whose terms all contain a word`);
  return best;
}
