/**
 * Every entry carries sentences that must match and near misses that must
 * not. They are run through the real matcher with the entry alone, so a rule
 * change that breaks one is a broken entry, named by file, entry and field.
 */
import { compileIndex, type MatchIndex } from '../match/compile';
import { matchText } from '../match/matcher';
import type { Claim, FieldProblem } from './schema';

export function exampleProblems(claim: Claim): FieldProblem[] {
  let index: MatchIndex;
  try {
    index = compileIndex([claim]);
  } catch (e) {
    // name the rule that cannot be compiled
    const bad = claim.match.rules.findIndex((rule) => {
      try {
        compileIndex([{ ...claim, match: { rules: [rule] } }]);
        return false;
      } catch {
        return true;
      }
    });
    return [{ field: bad >= 0 ? `match.rules.${bad}` : 'match.rules', message: (e as Error).message }];
  }
  const hits = (s: string) => matchText(index, s).length > 0;
  const problems: FieldProblem[] = [];
  claim.examples.match.forEach((s, i) => {
    if (!hits(s)) problems.push({ field: `examples.match.${i}`, message: `no rule matches this example: "${s}"` });
  });
  claim.examples.nomatch.forEach((s, i) => {
    if (hits(s)) problems.push({ field: `examples.nomatch.${i}`, message: `a rule matches this near miss: "${s}"` });
  });
  return problems;
}
