import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { shadowRootPieces, shadowRootsUnder } from '../../lib/dom/shadow-roots';
import { countCalls } from '../support/counted';

/**
 * happy-dom has no XPath: this stands in for the one expression the lookup uses
 * (custom elements, the context node included, in document order).
 */
function fakeEvaluate(expression: string, context: Node) {
  expect(expression).toBe('descendant-or-self::*[contains(local-name(), "-")]');
  const el = context as Element;
  const all = [el, ...el.querySelectorAll('*')].filter((e) => e.localName.includes('-'));
  return { snapshotLength: all.length, snapshotItem: (i: number) => all[i] };
}

/** A random tree of plain and custom elements, some with open shadow roots, some in deep chains. */
const tree = fc.letrec<{ node: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant('<i>t</i>'),
    fc.tuple(fc.constantFrom('div', 'p', 'x-card', 'y-box'), fc.boolean(), fc.array(tie('node'), { maxLength: 4 })).map(
      ([tag, shadow, kids]) => `<${tag}${shadow ? ' data-shadow' : ''}>${kids.join('')}</${tag}>`,
    ),
  ),
})).node;

describe('shadow roots in pieces', () => {
  const real = document.evaluate;
  beforeEach(() => {
    (document as { evaluate: unknown }).evaluate = fakeEvaluate;
  });
  afterEach(() => {
    (document as { evaluate: unknown }).evaluate = real;
    document.body.replaceChildren();
  });

  it('finds what one lookup finds, in the same order, however small the pieces', () => {
    fc.assert(
      fc.property(fc.array(tree, { maxLength: 5 }), fc.integer({ min: 0, max: 6 }), (parts, most) => {
        document.body.innerHTML = parts.join('');
        for (const host of document.body.querySelectorAll('[data-shadow]')) host.attachShadow({ mode: 'open' });
        const whole = shadowRootsUnder(document.body);
        expect([...shadowRootPieces(document.body, most)].flat()).toEqual(whole);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps document order across pieces', () => {
    document.body.innerHTML = '<div><x-a data-shadow></x-a><p><x-b data-shadow></x-b></p></div><x-c data-shadow><x-d data-shadow></x-d></x-c><i></i>';
    for (const host of document.body.querySelectorAll('[data-shadow]')) host.attachShadow({ mode: 'open' });
    const hosts = [...shadowRootPieces(document.body, 0)].flat().map((r) => r.host.localName);
    expect(hosts).toEqual(['x-a', 'x-b', 'x-c', 'x-d']);
  });

  it('walks a deep chain of single children without counting at every level', () => {
    let html = '<x-card data-shadow></x-card><p></p>';
    for (let i = 0; i < 2_000; i++) html = `<div>${html}</div>`;
    document.body.innerHTML = html;
    document.querySelector('x-card')!.attachShadow({ mode: 'open' });
    const { result, calls } = countCalls(Element.prototype, 'getElementsByTagName', () => [...shadowRootPieces(document.body, 1)].flat());
    expect(result).toHaveLength(1);
    expect(calls).toBeLessThan(10);
  });
});
