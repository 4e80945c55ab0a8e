import type { Token } from '../../lib/match/tokenize';

/** Counts reads of token positions: the matcher's work on a block, independent of the machine's speed. */
export function counted(tokens: Token[]): { tokens: Token[]; reads: () => number } {
  let reads = 0;
  const proxy = new Proxy(tokens, {
    get(target, key, receiver) {
      if (typeof key === 'string') {
        const c = key.charCodeAt(0);
        if (c >= 48 && c <= 57) reads++;
      }
      return Reflect.get(target, key, receiver);
    },
  });
  return { tokens: proxy, reads: () => reads };
}
