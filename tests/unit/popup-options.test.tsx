/** The options page component, with its storage actions replaced by the real settings functions on fakeBrowser. */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Options, type OptionsProps } from '../../components/Options';
import { importErrorText } from '../../components/OptionsTransfer';
import { getSettings, restoreClaim, setPaused, setSiteEnabled, type Settings } from '../../lib/settings';
import { importSettings } from '../../lib/settings/transfer';

let root: HTMLElement;

beforeEach(() => {
  fakeBrowser.reset();
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

const $ = <T extends Element = HTMLElement>(sel: string) => root.querySelector<T>(sel);

async function draw(extra: Partial<OptionsProps> = {}, settings?: Settings) {
  const props: OptionsProps = {
    settings: settings ?? (await getSettings()),
    problems: [],
    dataset: { entries: 12, version: '0.1.0', oldestReview: '2021-06', newestReview: '2025-01-10' },
    claimTitles: { 'bbc-purge': 'The BBC purge' },
    shortcuts: [{ name: 'toggle-site', shortcut: 'Alt+Shift+L' }],
    onAddSite: vi.fn(async (site: string) => setSiteEnabled(site, false)),
    onRemoveSite: vi.fn(async (site: string) => setSiteEnabled(site, true)),
    onRestoreClaim: vi.fn(restoreClaim),
    onPause: vi.fn(setPaused),
    onClearProblems: vi.fn(async () => undefined),
    onExport: vi.fn(async () => undefined),
    onImport: vi.fn(importSettings),
    ...extra,
  };
  await act(async () => render(<Options {...props} />, root));
  return props;
}

async function type(text: string) {
  const input = $<HTMLInputElement>('#add-site')!;
  await act(async () => {
    input.value = text;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await act(async () => {
    $<HTMLFormElement>('#add-site-form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
  });
}

describe('options page', () => {
  it('shows empty lists and the dataset facts', async () => {
    await draw();
    expect($('#sites-empty')).not.toBeNull();
    expect($('#dismissed-empty')).not.toBeNull();
    expect($('#dataset-entries')!.textContent).toBe('12');
    expect($('#dataset-version')!.textContent).toContain('0.1.0');
    expect($('#dataset-reviewed')!.textContent).toBe('2021-06 to 2025-01-10');
    expect($('#problems')).toBeNull();
  });

  it('adds a typed host as its site key', async () => {
    const props = await draw();
    expect($('label[for="add-site"]')!.textContent).toBe('Turn context off on a site');
    await type('https://WWW.Example.com/page');
    expect(props.onAddSite).toHaveBeenCalledWith('example.com');
    expect($('#add-site-error')!.textContent).toBe('');
    await vi.waitFor(() => expect($('#add-site-done')!.textContent).toBe('Context is now off on example.com.'));
    expect($<HTMLInputElement>('#add-site')!.value).toBe('');
    expect((await getSettings()).disabledSites).toEqual(['example.com']);
  });

  it('refuses what is not a host, with an announced error', async () => {
    const props = await draw();
    await type('not a host');
    expect(props.onAddSite).not.toHaveBeenCalled();
    const error = $('#add-site-error')!;
    expect(error.getAttribute('role')).toBe('alert');
    expect(error.textContent).toContain('“not a host” is not a site name');
    expect($('#add-site')!.getAttribute('aria-invalid')).toBe('true');
    expect($('#add-site')!.getAttribute('aria-describedby')).toBe('add-site-error');
    await type('');
    expect(error.textContent).toBe('Type a site, for example example.com.');
  });

  it('says when a site is already off', async () => {
    await draw({}, { disabledSites: ['example.com'], paused: false, dismissed: [] });
    await type('www.example.com');
    expect($('#add-site-error')!.textContent).toBe('Context is already off on example.com.');
  });

  it('removes a site', async () => {
    await setSiteEnabled('example.com', false);
    const props = await draw();
    const remove = $<HTMLButtonElement>('#sites button')!;
    expect(remove.getAttribute('aria-label')).toBe('Remove example.com');
    await act(async () => remove.click());
    expect(props.onRemoveSite).toHaveBeenCalledWith('example.com');
    await vi.waitFor(async () => expect((await getSettings()).disabledSites).toEqual([]));
  });

  it('lists dismissed claims by title and shows one again', async () => {
    const props = await draw({}, { disabledSites: [], paused: false, dismissed: ['bbc-purge', 'gone-claim'] });
    const items = [...root.querySelectorAll<HTMLElement>('#dismissed li')];
    expect(items.map((li) => li.querySelector('.item-name')!.textContent)).toEqual(['The BBC purge', 'gone-claim (no longer in the dataset)']);
    await act(async () => items[0].querySelector('button')!.click());
    expect(props.onRestoreClaim).toHaveBeenCalledWith('bbc-purge');
  });

  it('pauses through a labelled switch', async () => {
    const props = await draw();
    const sw = $<HTMLInputElement>('#pause-switch')!;
    expect(sw.getAttribute('role')).toBe('switch');
    await act(async () => sw.click());
    expect(props.onPause).toHaveBeenCalledWith(true);
  });

  it('shows stored values that could not be read', async () => {
    const props = await draw({ problems: [{ setting: 'paused', found: '"yes"', at: '2025-01-01T00:00:00Z' }] });
    const note = $('#problems')!;
    expect(note.getAttribute('role')).toBe('alert');
    expect(note.textContent).toContain('"yes"');
    await act(async () => $<HTMLButtonElement>('#clear-problems')!.click());
    expect(props.onClearProblems).toHaveBeenCalled();
  });

  it('imports a good file and says what it holds', async () => {
    const props = await draw();
    const text = JSON.stringify({ format: 'context-lens-settings', version: 1, disabledSites: ['a.example'], paused: true, dismissedClaims: [] });
    await pick(new File([text], 'settings.json', { type: 'application/json' }));
    expect(props.onImport).toHaveBeenCalledWith(text);
    expect($('#import-error')!.textContent).toBe('');
    expect($('#import-done')!.textContent).toBe('Settings imported. Sites where context is off: 1. Dismissed claims: 0. Paused: yes.');
    expect(await getSettings()).toEqual({ disabledSites: ['a.example'], paused: true, dismissed: [] });
  });

  it('refuses a bad file with an announced error and changes nothing', async () => {
    await setSiteEnabled('keep.example', false);
    await draw();
    await pick(new File(['{"format": "something-else"}'], 'bad.json', { type: 'application/json' }));
    const error = $('#import-error')!;
    expect(error.getAttribute('role')).toBe('alert');
    expect(error.textContent).toBe('That file is not a Context Lens settings file. Nothing was changed.');
    expect((await getSettings()).disabledSites).toEqual(['keep.example']);
  });

  it('words every import error', () => {
    expect(importErrorText({ code: 'not-json' })).toBe('That file is not valid JSON. Nothing was changed.');
    expect(importErrorText({ code: 'bad-field', field: 'paused' })).toBe('That settings file has a problem in “paused”. Nothing was changed.');
    expect(importErrorText({ code: 'bad-site', site: 'x y' })).toBe('“x y” in that file is not a site name. Nothing was changed.');
    expect(importErrorText({ code: 'newer-version', version: 3 })).toContain('file version 3');
    expect(importErrorText({ code: 'too-large' })).toContain('too large');
  });
});

async function pick(file: File) {
  const input = $<HTMLInputElement>('#import-file')!;
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  await act(async () => {
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
  // file.text() and the import resolve after the event.
  await vi.waitFor(() => expect(($('#import-done')!.textContent ?? '') + ($('#import-error')!.textContent ?? '')).not.toBe(''));
}
