import { describe, expect, it } from 'vitest';
import { renderedText, textPieces } from '../../lib/dom/page-text';

describe('page text for the gate', () => {
  it('walks wrapper chains down to where the content fans out, keeping wrapper text, one piece per child', () => {
    document.body.innerHTML = '<div>Lead <main><p>One</p><p>Two <b>bold</b></p>tail</main></div>';
    const pieces = [...textPieces(document.body)].map((p) => p.trim()).filter(Boolean);
    expect(pieces).toEqual(['Lead', 'One', 'Two bold', 'tail']);
  });

  it('reads text nodes as they are, and elements with their text', () => {
    document.body.innerHTML = '<p>Austerity <em>killed</em> 130,000</p>';
    expect(renderedText(document.body.firstChild!).replace(/\s+/g, ' ').trim()).toBe('Austerity killed 130,000');
    expect(renderedText(document.createTextNode('plain'))).toBe('plain');
  });
});
