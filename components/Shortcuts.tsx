/** The extension's keyboard commands with the keys bound to them (shown in the popup and the options page). */
import { Fragment } from 'preact';
import { t } from '../lib/i18n';

export interface Shortcut {
  /** command name from the manifest */
  name: string;
  /** the bound keys as the browser reports them; '' when none is set */
  shortcut: string;
}

export const COMMANDS = ['toggle-site', 'next-claim'] as const;

export function commandLabel(name: string): string {
  if (name === 'toggle-site') return t('commandToggleSite', 'Turn context on or off for this site');
  if (name === 'next-claim') return t('commandNextClaim', 'Go to the next claim on the page');
  return name;
}

/** "Alt+Shift+L" -> ["Alt", "Shift", "L"] (Firefox and Chrome both join with "+"). */
export function keysOf(shortcut: string): string[] {
  return shortcut ? shortcut.split('+').filter(Boolean) : [];
}

/** With `bare`, only the list (the caller gives the heading). */
export function Shortcuts(props: { shortcuts: Shortcut[]; id?: string; bare?: boolean }) {
  const order = (name: string) => (COMMANDS as readonly string[]).indexOf(name);
  const known = props.shortcuts.filter((s) => order(s.name) >= 0).sort((a, b) => order(a.name) - order(b.name));
  if (known.length === 0) return null;
  const headingId = `${props.id ?? 'shortcuts'}-title`;
  const list = (
    <dl class="shortcuts" id={props.bare ? props.id : undefined}>
      {known.map((s) => (
        <div key={s.name} class="shortcut" data-command={s.name}>
          <dt>
            {s.shortcut ? (
              keysOf(s.shortcut).map((k, i) => (
                <Fragment key={i}>
                  {i > 0 && '+'}
                  <kbd>{k}</kbd>
                </Fragment>
              ))
            ) : (
              <span class="muted">{t('shortcutNone', 'No keys set')}</span>
            )}
          </dt>
          <dd>{commandLabel(s.name)}</dd>
        </div>
      ))}
    </dl>
  );
  if (props.bare) return list;
  return (
    <section class="shortcuts-box" id={props.id ?? 'shortcuts'} aria-labelledby={headingId}>
      <h2 id={headingId}>{t('shortcutsTitle', 'Keyboard shortcuts')}</h2>
      {list}
    </section>
  );
}
