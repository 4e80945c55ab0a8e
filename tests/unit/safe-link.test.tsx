import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ClaimPopover } from '../../components/ClaimPopover';
import type { ClaimView } from '../../lib/match/compile';
import { linkableUrl } from '../../lib/safe-link';

const UNSAFE = [
  'javascript:alert(1)',
  ' JavaScript:alert(1)',
  'java\nscript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'http://example.org/report',
  'https://',
  'https//example.org/',
  'not a url',
  '',
  'https://trusted.org@evil.example/',
  'ftp://example.org/file',
];

describe('linkableUrl', () => {
  it.each(UNSAFE)('refuses %j', (url) => {
    expect(linkableUrl(url)).toBeNull();
  });

  it('accepts a well-formed https URL, in its parsed form', () => {
    expect(linkableUrl('https://www.ons.gov.uk/releases?x=1#a')).toBe('https://www.ons.gov.uk/releases?x=1#a');
    expect(linkableUrl('HTTPS://Example.ORG')).toBe('https://example.org/');
  });
});

describe('source links in the popover', () => {
  let root: HTMLElement;
  beforeEach(() => {
    root = document.createElement('div');
    document.body.append(root);
  });
  afterEach(() => {
    render(null, root);
    root.remove();
  });

  function draw(urls: string[]) {
    const text = document.createElement('p');
    text.textContent = 'austerity killed 130,000';
    root.append(text);
    const range = document.createRange();
    range.selectNodeContents(text);
    const claim: ClaimView = {
      id: 'test-claim',
      title: 'A claim',
      summary: { en: 'Context.' },
      sources: urls.map((url, i) => ({ title: `Source ${i}`, publisher: `Publisher ${i}`, url })),
      topics: [],
      reviewed: '2025-01-01',
    };
    const noop = () => undefined;
    act(() =>
      render(
        <ClaimPopover
          claim={claim}
          range={range}
          words={['austerity']}
          id="cl-test"
          lang="en"
          onClose={noop}
          onDismiss={noop}
          onPointerEnter={noop}
          onPointerLeave={noop}
        />,
        root,
      ),
    );
    return [...root.querySelectorAll('.cl-sources li')];
  }

  it('links an https source, opening in a new tab without opener or referrer', () => {
    const [item] = draw(['https://example.org/report']);
    const links = item.querySelectorAll('a');
    expect(links).toHaveLength(1);
    expect(links[0].getAttribute('href')).toBe('https://example.org/report');
    expect(links[0].getAttribute('target')).toBe('_blank');
    expect(links[0].getAttribute('rel')).toBe('noopener noreferrer');
    expect(links[0].textContent).toBe('Source 0');
  });

  it('shows the title as plain text, with no link, for javascript:, http: and malformed URLs', () => {
    const items = draw(['javascript:alert(1)', 'http://example.org/report', 'https//example.org/', 'https://', 'https://ok.example/']);
    expect(items).toHaveLength(5);
    for (const item of items.slice(0, 4)) {
      expect(item.querySelector('a')).toBeNull();
      expect(item.querySelector('[href]')).toBeNull();
    }
    expect(items.map((li) => li.textContent)).toEqual([
      'Source 0 Publisher 0',
      'Source 1 Publisher 1',
      'Source 2 Publisher 2',
      'Source 3 Publisher 3',
      'Source 4 Publisher 4',
    ]);
    // The good one among them is still a link.
    expect(items[4].querySelector('a')?.getAttribute('href')).toBe('https://ok.example/');
    // No URL made it into the card as an attribute or as text.
    expect(root.innerHTML).not.toMatch(/javascript:|http:\/\/example/);
  });
});
