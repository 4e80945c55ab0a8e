import type { Claim, Rule } from '../../lib/claims/schema';

/** A minimal valid dataset entry with the given rules, for matcher tests and benchmarks. */
export function claimWith(id: string, ...rules: Rule[]): Claim {
  return {
    id,
    title: id,
    summary: { en: id },
    sources: [{ title: 'source', publisher: 'publisher', url: 'https://example.org/' }],
    topics: [],
    reviewed: '2025-01-01',
    match: { rules },
    examples: { match: ['x'], nomatch: ['y'] },
  };
}
