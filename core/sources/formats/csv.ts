import { compact } from '../fields';
import type { DraftToken, RawRecord, RecordParser, RecordResult, SourceFormat } from '../format';
import { parseAnyTime, type ParsedTime } from '../parse-time';
import { AUTH_EVENT_KINDS, type AuthEventKind } from '../types';
import { guessDelimiter, splitCsvRecord } from './csv-fields';
import { tokenReferenceNames } from '../token-reference-fields';
import { CSV_HEADER_ALIASES, headerKey, type CsvField, type CsvMapping } from './csv-mapping';

/**
 * CSV with a column mapping (a saved preset, or header names recognised from common aliases). Quoted fields may
 * span lines; the event keeps the line where its record starts.
 */
const MAX_RECORD_LINES = 1000;

function offsetMinutes(offset: string | undefined): number {
  const match = offset ? /^([+-])(\d{2}):?(\d{2})$/.exec(offset) : null;
  return match ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 0;
}

function resolveColumns(
  mapping: CsvMapping | undefined,
  header: string[] | undefined,
): Partial<Record<CsvField, number>> {
  const lower = header?.map((name) =>
    name
      .trim()
      .toLowerCase()
      .replace(/^\uFEFF/, ''),
  );
  const keys = header?.map(headerKey);
  const out: Partial<Record<CsvField, number>> = {};
  for (const field of Object.keys(CSV_HEADER_ALIASES) as CsvField[]) {
    const chosen = mapping?.columns[field];
    if (typeof chosen === 'number') out[field] = chosen;
    else if (typeof chosen === 'string' && lower) {
      const at = lower.indexOf(chosen.toLowerCase());
      if (at >= 0) out[field] = at;
    } else if (!mapping && lower) {
      const at = keys!.findIndex((key) => CSV_HEADER_ALIASES[field].includes(key));
      if (at >= 0) out[field] = at;
    }
  }
  return out;
}

/**
 * The columns the mapping does not use whose header is a digest or jti field name (`referenceNames`, compared without
 * case): kept in the event's details under the header as written, so correlation can link the row to its token.
 */
function referenceColumns(
  header: readonly string[],
  columns: Partial<Record<CsvField, number>>,
  referenceNames: readonly string[],
): [string, number][] {
  const wanted = new Set(referenceNames.map((name) => name.toLowerCase()));
  const mapped = new Set(Object.values(columns));
  const out: [string, number][] = [];
  header.forEach((raw, at) => {
    const name = raw.trim().replace(/^\uFEFF/, '');
    if (!mapped.has(at) && wanted.has(name.toLowerCase())) out.push([name, at]);
  });
  return out;
}

function createCsvParser(mapping: CsvMapping | undefined, referenceNames: readonly string[]): RecordParser {
  let delimiter = mapping?.delimiter;
  let columns: Partial<Record<CsvField, number>> | undefined =
    mapping?.hasHeader === false ? resolveColumns(mapping, undefined) : undefined;
  let kept: [string, number][] = [];
  let pending: { text: string; line: number; lines: number } | undefined;
  const shift = offsetMinutes(mapping?.utcOffset);

  const readTime = (value: string | undefined): ParsedTime | undefined => {
    const parsed = value === undefined ? undefined : parseAnyTime(value);
    return parsed && parsed.assumedUtc ? { ts: parsed.ts - shift * 60_000, assumedUtc: true } : parsed;
  };

  const toEvent = (fields: string[], line: number): RecordResult => {
    if (!columns) {
      columns = resolveColumns(mapping, fields);
      kept = referenceColumns(fields, columns, referenceNames);
      const seen = `the headers are ${fields
        .slice(0, 40)
        .map((name) => `"${name.trim().slice(0, 60)}"`)
        .join(', ')}${fields.length > 40 ? ` and ${fields.length - 40} more` : ''}`;
      if (columns.time === undefined && columns.token === undefined)
        return {
          rejected: 'malformed-line',
          message: `the header names no time or token column (${seen}); choose a column mapping`,
        };
      // Rows are still read (they carry tokens), but say once why none has a time, and what to map.
      if (columns.time === undefined)
        return {
          rejected: 'missing-time',
          message: `no column is recognised as the time (${seen}); events are kept without a time until a column mapping names it`,
        };
      return [];
    }
    const get = (field: CsvField) => {
      const at = columns![field];
      const value = at === undefined ? undefined : fields[at]?.trim();
      return value === '' ? undefined : value;
    };
    const rawTime = get('time');
    const time = readTime(rawTime);
    const kindText = get('kind');
    const mapped =
      kindText === undefined
        ? (mapping?.defaultKind ?? 'other')
        : (mapping?.kinds?.[kindText] ??
          (AUTH_EVENT_KINDS.includes(kindText.toLowerCase() as AuthEventKind)
            ? (kindText.toLowerCase() as AuthEventKind)
            : 'other'));
    const token = get('token');
    const status = get('status');
    const httpStatus = status && /^\d{3}$/.test(status) ? Number(status) : undefined;
    // A Status column of words (Entra's export: Success / Failure / Interrupted) is the outcome, not an HTTP status.
    const outcome = (get('outcome') ?? (httpStatus === undefined ? status : undefined))?.toLowerCase();
    const tokens: DraftToken[] = token
      ? [{ compact: token.replace(/^bearer\s+/i, ''), role: 'field', field: 'token' }]
      : [];
    const details: Record<string, string> = {};
    for (const [name, at] of kept) {
      const value = fields[at]?.trim();
      if (value) details[name] = value;
    }
    return [
      compact({
        ts: time?.ts ?? null,
        time: rawTime ?? null,
        problems: time
          ? undefined
          : [
              {
                code: rawTime ? ('invalid-time' as const) : ('missing-time' as const),
                message: rawTime
                  ? `time "${rawTime.slice(0, 60)}" is not readable; the event is kept without a time`
                  : 'the row has no time; the event is kept without a time',
              },
            ],
        kind: mapped,
        action: kindText,
        outcome:
          outcome && /^(success|succeeded|ok|true|allow)/.test(outcome)
            ? ('success' as const)
            : outcome && /^(fail|failure|failed|error|false|deny)/.test(outcome)
              ? ('failure' as const)
              : undefined,
        reason: get('reason'),
        subject: get('subject'),
        clientId: get('clientId'),
        appVersion: get('appVersion'),
        sessionId: get('sessionId'),
        jti: get('jti'),
        ip: get('ip'),
        userAgent: get('userAgent'),
        tokens,
        geo:
          get('country') || get('city')
            ? compact({ source: 'log' as const, country: get('country'), city: get('city') })
            : undefined,
        http:
          get('method') || get('path') || httpStatus
            ? compact({ method: get('method'), path: get('path'), status: httpStatus })
            : undefined,
        details: kept.length > 0 && Object.keys(details).length > 0 ? details : undefined,
        line,
      }),
    ];
  };

  const take = (record: RawRecord): RecordResult => {
    const text = pending ? `${pending.text}\n${record.text}` : record.text;
    const line = pending?.line ?? record.line;
    if (!pending && text.trim() === '') return [];
    delimiter ??= guessDelimiter(text);
    const fields = splitCsvRecord(text, delimiter);
    if (fields === 'open') {
      const lines = (pending?.lines ?? 0) + 1;
      if (lines >= MAX_RECORD_LINES) {
        pending = undefined;
        return {
          rejected: 'malformed-line',
          message: `a quoted field opened on line ${line} is still open ${MAX_RECORD_LINES} lines later; those lines were skipped`,
        };
      }
      pending = { text, line, lines };
      return [];
    }
    pending = undefined;
    const result = toEvent(fields, line);
    return Array.isArray(result) ? result.map((draft) => ({ ...draft, record: text })) : result;
  };

  return {
    parse: take,
    finish() {
      if (!pending) return [];
      const line = pending.line;
      pending = undefined;
      return { rejected: 'truncated', message: `the file ends inside a quoted field opened on line ${line}` };
    },
  };
}

/** The CSV format. */
export const csv: SourceFormat = {
  name: 'csv',
  title: 'CSV (with a column mapping)',
  framing: 'lines',
  detect(sample) {
    const first = sample.split(/\r?\n/, 1)[0] ?? '';
    const delimiter = guessDelimiter(first);
    const names = first.split(delimiter).map(headerKey);
    if (names.length < 2) return 0;
    const known = names.filter((name) =>
      Object.values(CSV_HEADER_ALIASES).some((aliases) => aliases.includes(name)),
    ).length;
    return known >= 2 && names.some((name) => CSV_HEADER_ALIASES.time.includes(name)) ? 0.7 : known >= 2 ? 0.4 : 0;
  },
  createParser: (options) => createCsvParser(options.csvMapping, tokenReferenceNames(options.tokenReferenceFields)),
};
