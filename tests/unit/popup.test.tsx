import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Popup, type PopupProps, type PopupState } from '../../components/Popup';

let root: HTMLElement;

beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

const CLAIMS = [
  { id: 'bbc-purge', title: 'The Conservatives are purging left-wingers from the BBC', count: 1 },
  { id: 'venezuela-norway', title: 'Venezuela’s economy is mixed like Norway’s', count: 3 },
];

function draw(state: PopupState, extra: Partial<PopupProps> = {}) {
  const props: PopupProps = {
    state,
    paused: false,
    shortcuts: [
      { name: 'toggle-site', shortcut: 'Alt+Shift+L' },
      { name: 'next-claim', shortcut: '' },
    ],
    onToggle: vi.fn(),
    onPause: vi.fn(),
    onJump: vi.fn(),
    onOpenOptions: vi.fn(),
    ...extra,
  };
  act(() => render(<Popup {...props} />, root));
  return props;
}

const $ = <T extends Element = HTMLElement>(sel: string) => root.querySelector<T>(sel);

describe('popup', () => {
  it('shows the labelled site switch, the count and one button per claim', () => {
    const props = draw({ kind: 'site', site: 'example.com', enabled: true, running: true, claims: CLAIMS });
    const sw = $<HTMLInputElement>('#site-switch')!;
    expect(sw.getAttribute('role')).toBe('switch');
    expect(sw.checked).toBe(true);
    expect(sw.closest('label')!.textContent).toBe('Show context on example.com');
    expect($('#claim-count')!.textContent).toBe('2 claims with context on this page');
    const buttons = [...root.querySelectorAll<HTMLButtonElement>('button.claim')];
    expect(buttons.map((b) => b.dataset.claim)).toEqual(['bbc-purge', 'venezuela-norway']);
    expect(buttons[1].textContent).toContain('3 places');
    act(() => buttons[1].click());
    expect(props.onJump).toHaveBeenCalledWith('venezuela-norway');
  });

  it('says 1 claim in the singular', () => {
    draw({ kind: 'site', site: 'example.com', enabled: true, running: true, claims: CLAIMS.slice(0, 1) });
    expect($('#claim-count')!.textContent).toBe('1 claim with context on this page');
  });

  it('turns the site off through the switch', () => {
    const props = draw({ kind: 'site', site: 'example.com', enabled: true, running: true, claims: CLAIMS });
    act(() => $<HTMLInputElement>('#site-switch')!.click());
    expect(props.onToggle).toHaveBeenCalledWith('example.com', false);
  });

  it('shows no list when the site is off', () => {
    draw({ kind: 'site', site: 'example.com', enabled: false, running: true, claims: [] });
    expect($<HTMLInputElement>('#site-switch')!.checked).toBe(false);
    expect($('#claim-count')!.textContent).toBe('Context is off for this site.');
    expect(root.querySelectorAll('button.claim')).toHaveLength(0);
  });

  it('pauses and resumes everywhere', () => {
    const props = draw({ kind: 'site', site: 'example.com', enabled: true, running: true, claims: CLAIMS });
    expect($('#pause')!.textContent).toBe('Pause on all sites');
    act(() => $<HTMLButtonElement>('#pause')!.click());
    expect(props.onPause).toHaveBeenCalledWith(true);

    const paused = draw({ kind: 'site', site: 'example.com', enabled: true, running: true, claims: [] }, { paused: true });
    expect($('#pause')!.textContent).toBe('Resume on all sites');
    expect($('#claim-count')!.textContent).toMatch(/^Paused/);
    act(() => $<HTMLButtonElement>('#pause')!.click());
    expect(paused.onPause).toHaveBeenCalledWith(false);
  });

  it('says when nothing was found', () => {
    draw({ kind: 'site', site: 'example.com', enabled: true, running: true, claims: [] });
    expect($('#claim-count')!.textContent).toBe('No claims with context on this page.');
  });

  it('asks for a reload where the page has not started the extension', () => {
    draw({ kind: 'site', site: 'example.com', enabled: true, running: false, claims: [] });
    expect($('#site-switch')).not.toBeNull();
    expect($('#claim-count')!.textContent).toMatch(/reload/);
  });

  for (const [reason, text] of [
    ['browser', /browser's own pages/],
    ['store', /extension store/],
    ['file', /Allow access to file URLs/],
    ['other', /can't run on this page/],
  ] as const) {
    it(`explains a restricted page (${reason}) and shows no switch`, () => {
      draw({ kind: 'restricted', reason });
      expect($('#restricted')!.textContent).toMatch(text);
      expect($('#site-switch')).toBeNull();
      expect(root.querySelector('input')).toBeNull();
      expect($('#pause')).not.toBeNull();
    });
  }

  it('shows the claims of a page without a site, with no site switch', () => {
    draw({ kind: 'no-site', claims: CLAIMS });
    expect($('#site-switch')).toBeNull();
    expect($('#no-site')).not.toBeNull();
    expect(root.querySelectorAll('button.claim')).toHaveLength(2);
  });

  it('lists the keyboard shortcuts with their keys', () => {
    draw({ kind: 'site', site: 'example.com', enabled: true, running: true, claims: [] });
    const rows = [...root.querySelectorAll<HTMLElement>('.shortcut')];
    expect(rows.map((r) => r.dataset.command)).toEqual(['toggle-site', 'next-claim']);
    expect([...rows[0].querySelectorAll('kbd')].map((k) => k.textContent)).toEqual(['Alt', 'Shift', 'L']);
    expect(rows[0].textContent).toContain('Turn context on or off for this site');
    expect(rows[1].textContent).toContain('No keys set');
  });

  it('opens the options page', () => {
    const props = draw({ kind: 'loading' });
    act(() => $<HTMLButtonElement>('#open-options')!.click());
    expect(props.onOpenOptions).toHaveBeenCalled();
  });
});
