import { describe, expect, it } from 'vitest';
import { parseFocused, parseMessage, parsePageState, parsePageTextReply, parseSettings } from '../../lib/messages';
import { checkFrameClaims, checkPageRequest, checkPageTextReply, checkSettings } from '../../lib/messages-light';

const junk: unknown[] = [null, undefined, 0, 'get-page-state', [], {}, { type: 1 }, { type: 'nope' }, Object.create(null)];

describe('message schemas', () => {
  it('accept the messages our parts send', () => {
    expect(parseMessage({ type: 'page-text', text: 'Austerity' })).toEqual({ type: 'page-text', text: 'Austerity' });
    expect(parseMessage({ type: 'claims-found', claims: [{ id: 'a', title: 'A', count: 2 }] })?.type).toBe('claims-found');
    expect(parseMessage({ type: 'get-page-state' })).toEqual({ type: 'get-page-state' });
    expect(parseMessage({ type: 'focus-claim', id: 'a' })).toEqual({ type: 'focus-claim', id: 'a' });
    expect(parseMessage({ type: 'get-settings' })).toEqual({ type: 'get-settings' });
    expect(parseMessage({ type: 'get-tab-claims', tabId: 3 })).toEqual({ type: 'get-tab-claims', tabId: 3 });
    expect(parseMessage({ type: 'dismiss-claim', id: 'a' })).toEqual({ type: 'dismiss-claim', id: 'a' });
    expect(parsePageState({ url: 'https://a.org/', site: 'a.org', enabled: true, claims: [] })?.site).toBe('a.org');
    expect(parseFocused(true)).toBe(true);
  });

  it('reject anything malformed, naming nothing of it', () => {
    for (const value of junk) expect(parseMessage(value)).toBeNull();
    expect(parseMessage({ type: 'page-text', text: 42 })).toBeNull();
    expect(parseMessage({ type: 'claims-found', claims: [{ id: 'a', title: 'A', count: '2' }] })).toBeNull();
    expect(parseMessage({ type: 'focus-claim', id: 7 })).toBeNull();
    expect(parseMessage({ type: 'dismiss-claim' })).toBeNull();
    expect(parseMessage({ type: 'get-tab-claims', tabId: '3' })).toBeNull();
    expect(parsePageState({ url: 'x', site: 3, enabled: true, claims: [] })).toBeNull();
    expect(parseFocused('yes')).toBeNull();
  });
});

describe("the content scripts' hand-written checks agree with the schemas", () => {
  const replies: unknown[] = [...junk, { active: true, lens: false }, { active: 'true', lens: false }, { active: true }, { active: false, lens: true, extra: 1 }];
  const requests: unknown[] = [
    ...junk,
    { type: 'get-page-state' },
    { type: 'focus-claim' },
    { type: 'focus-claim', id: 'a' },
    { type: 'focus-claim', id: 3 },
    { type: 'page-text', text: 'x' },
  ];

  it('on replies to page-text', () => {
    for (const value of replies) expect(checkPageTextReply(value)).toEqual(parsePageTextReply(value));
  });

  it('on the claims frames report to the top page', () => {
    const claim = { id: 'a', title: 'A', count: 1 };
    const values: unknown[] = [
      ...junk,
      { type: 'frame-claims', claims: [] },
      { type: 'frame-claims', claims: [claim] },
      { type: 'frame-claims', claims: [{ ...claim, count: '1' }] },
      { type: 'frame-claims', claims: claim },
      { type: 'frame-claims' },
      { type: 'claims-found', claims: [claim] },
    ];
    for (const value of values) {
      const message = parseMessage(value);
      expect(checkFrameClaims(value)).toEqual(message?.type === 'frame-claims' ? message.claims : null);
    }
  });

  it('on the requests a page answers', () => {
    for (const value of requests) {
      const message = parseMessage(value);
      expect(checkPageRequest(value)).toEqual(message?.type === 'get-page-state' || message?.type === 'focus-claim' ? message : null);
    }
  });

  it("on the background's settings", () => {
    const good = { disabledSites: ['a.org'], paused: false, dismissed: ['x'] };
    const values: unknown[] = [
      ...junk,
      good,
      { ...good, extra: 1 },
      { ...good, paused: 'false' },
      { ...good, disabledSites: 'a.org' },
      { ...good, dismissed: [1] },
      { disabledSites: [], paused: true },
    ];
    for (const value of values) expect(checkSettings(value)).toEqual(parseSettings(value));
  });
});
