import { describe, expect, it } from 'vitest';
import { parseFocused, parseMessage, parsePageState, parsePageTextReply } from '../../lib/messages';
import { bootFrameClaims, bootPageTextReply, bootRequest } from '../../lib/messages-boot';

const junk: unknown[] = [null, undefined, 0, 'get-page-state', [], {}, { type: 1 }, { type: 'nope' }, Object.create(null)];

describe('message schemas', () => {
  it('accept the messages our parts send', () => {
    expect(parseMessage({ type: 'page-text', text: 'Austerity' })).toEqual({ type: 'page-text', text: 'Austerity' });
    expect(parseMessage({ type: 'claims-found', claims: [{ id: 'a', title: 'A', count: 2 }] })?.type).toBe('claims-found');
    expect(parseMessage({ type: 'get-page-state' })).toEqual({ type: 'get-page-state' });
    expect(parseMessage({ type: 'focus-claim', id: 'a' })).toEqual({ type: 'focus-claim', id: 'a' });
    expect(parsePageState({ url: 'https://a.org/', site: 'a.org', enabled: true, claims: [] })?.site).toBe('a.org');
    expect(parseFocused(true)).toBe(true);
  });

  it('reject anything malformed, naming nothing of it', () => {
    for (const value of junk) expect(parseMessage(value)).toBeNull();
    expect(parseMessage({ type: 'page-text', text: 42 })).toBeNull();
    expect(parseMessage({ type: 'claims-found', claims: [{ id: 'a', title: 'A', count: '2' }] })).toBeNull();
    expect(parseMessage({ type: 'focus-claim', id: 7 })).toBeNull();
    expect(parsePageState({ url: 'x', site: 3, enabled: true, claims: [] })).toBeNull();
    expect(parseFocused('yes')).toBeNull();
  });
});

describe("the boot script's hand-written checks agree with the schemas", () => {
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
    for (const value of replies) expect(bootPageTextReply(value)).toEqual(parsePageTextReply(value));
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
      expect(bootFrameClaims(value)).toEqual(message?.type === 'frame-claims' ? message.claims : null);
    }
  });

  it('on the requests the boot script answers', () => {
    for (const value of requests) {
      const type = parseMessage(value)?.type;
      expect(bootRequest(value)).toBe(type === 'get-page-state' || type === 'focus-claim' ? type : null);
    }
  });
});
