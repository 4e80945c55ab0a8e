/**
 * Compiles dataset entries into a match index: every rule's anchor terms go
 * into a word map, so one pass over a page's tokens finds the few candidate
 * rules, whatever the size of the dataset.
 */
import type { Claim } from '../claims/schema';
import { parseTerm, type Term } from './terms';

export const DEFAULT_WITHIN = 30;

export interface CompiledRule {
  /** index into MatchIndex.claims */
  claim: number;
  groups: Term[][];
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
}

export function compileIndex(claims: Claim[]): MatchIndex {
  // No prototype: a word such as "constructor" must not find Object.prototype members.
  const index: MatchIndex = { claims: [], rules: [], exact: Object.create(null), prefix: Object.create(null), stemLengths: [] };
  const lengths = new Set<number>();
  claims.forEach((claim, c) => {
    const { match, examples, $schema, ...view } = claim;
    index.claims.push(view);
    for (const rule of match.rules) {
      const r = index.rules.length;
      const groups = rule.all.map((g) => g.map(parseTerm));
      index.rules.push({ claim: c, groups, within: rule.within ?? DEFAULT_WITHIN, none: (rule.none ?? []).map(parseTerm) });
      for (const term of anchorGroup(groups, claim.id)) {
        const first = term[0];
        if (first.kind === 'word') (index.exact[first.word] ??= []).push(r);
        else if (first.kind === 'prefix') {
          (index.prefix[first.stem] ??= []).push(r);
          lengths.add(first.stem.length);
        }
      }
    }
  });
  index.stemLengths = [...lengths].sort((a, b) => a - b);
  return index;
}

/**
 * The group that triggers a rule: one whose terms all start with a word, and
 * of those the one whose shortest first word is longest (a rough proxy for rare).
 */
export function anchorGroup(groups: Term[][], claimId: string): Term[] {
  let best: Term[] | undefined;
  let bestScore = -1;
  for (const group of groups) {
    if (!group.every((t) => t[0].kind !== 'number')) continue;
    const score = Math.min(
      ...group.map((t) => (t[0].kind === 'word' ? t[0].word.length + 1 : t[0].kind === 'prefix' ? t[0].stem.length : 0)),
    );
    if (score > bestScore) {
      best = group;
      bestScore = score;
    }
  }
  if (!best) throw new Error(`claim "${claimId}": a rule needs one group whose terms all start with a word`);
  return best;
}
