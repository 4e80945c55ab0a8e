/** Export and import of the settings as a JSON file; a bad file gets a clear error and changes nothing. */
import { useRef, useState } from 'preact/hooks';
import { t } from '../lib/i18n';
import { MAX_FILE_BYTES, type ImportError, type ParseResult } from '../lib/settings/transfer';

export function importErrorText(error: ImportError): string {
  const nothing = t('importNothingChanged', 'Nothing was changed.');
  let reason: string;
  switch (error.code) {
    case 'too-large':
      reason = t('importTooLarge', 'That file is too large to be a Context Lens settings file.');
      break;
    case 'not-json':
      reason = t('importNotJson', 'That file is not valid JSON.');
      break;
    case 'not-settings':
      reason = t('importNotSettings', 'That file is not a Context Lens settings file.');
      break;
    case 'newer-version':
      reason = t('importNewer', 'That file was made by a newer version of Context Lens (file version $1). Update the extension first.', String(error.version));
      break;
    case 'bad-field':
      reason = t('importBadField', 'That settings file has a problem in “$1”.', error.field);
      break;
    case 'bad-site':
      reason = t('importBadSite', '“$1” in that file is not a site name.', error.site);
      break;
  }
  return `${reason} ${nothing}`;
}

export interface OptionsTransferProps {
  onExport: () => Promise<void>;
  onImport: (text: string) => Promise<ParseResult>;
}

export function OptionsTransfer(props: OptionsTransferProps) {
  const [error, setError] = useState('');
  const [done, setDone] = useState('');
  const input = useRef<HTMLInputElement>(null);

  const onFile = async (file: File | undefined) => {
    setError('');
    setDone('');
    if (!file) return;
    let result: ParseResult;
    if (file.size > MAX_FILE_BYTES) result = { ok: false, error: { code: 'too-large' } };
    else {
      try {
        result = await props.onImport(await file.text());
      } catch {
        setError(t('importFailed', 'The settings could not be saved. Nothing was changed.'));
        return;
      }
    }
    if (input.current) input.current.value = ''; // the same file can be picked again
    if (!result.ok) {
      setError(importErrorText(result.error));
      return;
    }
    const s = result.settings;
    setDone(
      t('importDone', 'Settings imported. Sites where context is off: $1. Dismissed claims: $2. Paused: $3.', [
        String(s.disabledSites.length),
        String(s.dismissed.length),
        s.paused ? t('yes', 'yes') : t('no', 'no'),
      ]),
    );
  };

  return (
    <section aria-labelledby="transfer-title">
      <h2 id="transfer-title">{t('transferTitle', 'Export and import')}</h2>
      <p class="muted">{t('transferText', 'Save these settings as a JSON file, or replace them with a file saved before.')}</p>
      <div class="row">
        <button
          type="button"
          id="export"
          onClick={() => {
            setError('');
            setDone('');
            void props.onExport();
          }}
        >
          {t('exportButton', 'Export settings')}
        </button>
      </div>
      <div class="import">
        <label for="import-file">{t('importLabel', 'Import settings from a file (replaces the current ones)')}</label>
        <input
          ref={input}
          id="import-file"
          type="file"
          accept=".json,application/json"
          aria-describedby="import-error"
          onChange={(e) => void onFile((e.currentTarget as HTMLInputElement).files?.[0])}
        />
      </div>
      <p class="error" id="import-error" role="alert">
        {error}
      </p>
      <p class="done" id="import-done" role="status">
        {done}
      </p>
    </section>
  );
}
