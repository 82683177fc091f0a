// Choosing how a CSV file's columns map onto event fields: start from a saved preset (or the header aliases),
// edit, save as a preset, and parse the file with it.
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import type { CsvField } from '../../core/sources';
import type { AuthEventKind } from '../../core/sources';
import { AUTH_EVENT_KINDS } from '../../core/sources';
import type { CsvPreset } from './csv-presets';
import { csvPresets, storeCsvPreset } from './queries';
import { Dialog } from '../shell/Dialog';

const FIELDS: readonly CsvField[] = [
  'time',
  'kind',
  'subject',
  'clientId',
  'appVersion',
  'sessionId',
  'jti',
  'ip',
  'userAgent',
  'token',
  'method',
  'path',
  'status',
  'country',
  'city',
  'outcome',
  'reason',
];

interface CsvMappingDialogProps {
  readonly path: string;
  readonly initial?: CsvPreset;
  readonly onApply: (mapping: CsvPreset) => void;
  readonly onClose: () => void;
}

/** "TokenIssued=issue" lines ⇄ the kinds map. */
function kindsFromText(text: string): Record<string, AuthEventKind> {
  const kinds: Record<string, AuthEventKind> = {};
  for (const line of text.split('\n')) {
    const [value, kind] = line.split('=').map((part) => part.trim());
    if (value && kind && (AUTH_EVENT_KINDS as readonly string[]).includes(kind)) kinds[value] = kind as AuthEventKind;
  }
  return kinds;
}

export function CsvMappingDialog({ path, initial, onApply, onClose }: CsvMappingDialogProps) {
  const presets = useLiveQuery(csvPresets, []);
  const [mapping, setMapping] = useState<CsvPreset>(initial ?? { name: '', hasHeader: true, columns: {} });
  const [kindsText, setKindsText] = useState(() =>
    Object.entries(initial?.kinds ?? {})
      .map(([value, kind]) => `${value}=${kind}`)
      .join('\n'),
  );
  const [error, setError] = useState('');
  const complete = (): CsvPreset => ({ ...mapping, kinds: kindsFromText(kindsText) });
  const column = (field: CsvField, text: string) => {
    const columns = { ...mapping.columns };
    if (!text.trim()) delete columns[field];
    else columns[field] = /^\d+$/.test(text.trim()) ? Number(text.trim()) : text.trim();
    setMapping({ ...mapping, columns });
  };
  const save = () => {
    if (!mapping.name.trim()) return setError('Give the preset a name to save it.');
    storeCsvPreset({ ...complete(), name: mapping.name.trim() }).then(
      () => setError(''),
      (failure: unknown) => setError(String(failure)),
    );
  };
  return (
    <Dialog title={`Column mapping for ${path}`} testId="csv-mapping-dialog" onClose={onClose}>
      <div className="dialog-body csv-mapping">
        <label className="field">
          <span>Start from a preset</span>
          <select
            data-testid="csv-preset-select"
            value=""
            onChange={(event) => {
              const preset = presets?.find((candidate) => candidate.name === event.target.value);
              if (!preset) return;
              setMapping(preset);
              setKindsText(
                Object.entries(preset.kinds ?? {})
                  .map(([value, kind]) => `${value}=${kind}`)
                  .join('\n'),
              );
            }}
          >
            <option value="">{presets?.length ? 'choose…' : 'no saved presets yet'}</option>
            {(presets ?? []).map((preset) => (
              <option key={preset.name} value={preset.name}>
                {preset.name}
              </option>
            ))}
          </select>
        </label>
        <div className="csv-grid">
          <label className="field">
            <span>Preset name</span>
            <input
              data-testid="csv-preset-name"
              value={mapping.name}
              onChange={(event) => setMapping({ ...mapping, name: event.target.value })}
            />
          </label>
          <label className="field">
            <span>
              Delimiter <em>(empty: detect)</em>
            </span>
            <input
              value={mapping.delimiter ?? ''}
              maxLength={1}
              onChange={(event) => setMapping({ ...mapping, delimiter: event.target.value || undefined })}
            />
          </label>
          <label className="field">
            <span>
              Offset of times <em>(e.g. +01:00)</em>
            </span>
            <input
              value={mapping.utcOffset ?? ''}
              onChange={(event) => setMapping({ ...mapping, utcOffset: event.target.value || undefined })}
            />
          </label>
          <label className="inline-field">
            <input
              type="checkbox"
              checked={mapping.hasHeader !== false}
              onChange={(event) => setMapping({ ...mapping, hasHeader: event.target.checked })}
            />
            First row is a header
          </label>
        </div>
        <p className="hint">Columns by header name or 0-based position; empty fields use the usual header names.</p>
        <div className="csv-grid">
          {FIELDS.map((field) => (
            <label className="field" key={field}>
              <span>{field}</span>
              <input
                data-testid={`csv-column-${field}`}
                value={String(mapping.columns[field] ?? '')}
                onChange={(event) => column(field, event.target.value)}
              />
            </label>
          ))}
        </div>
        <label className="field">
          <span>
            Kind values <em>(one per line: TokenIssued=issue)</em>
          </span>
          <textarea rows={3} value={kindsText} onChange={(event) => setKindsText(event.target.value)} />
        </label>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            Close
          </button>
          <button type="button" data-testid="csv-preset-save" onClick={save}>
            Save preset
          </button>
          <button type="button" className="primary" data-testid="csv-apply" onClick={() => onApply(complete())}>
            Parse with this mapping
          </button>
        </div>
      </div>
    </Dialog>
  );
}
