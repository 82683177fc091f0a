// The five export formats: what each covers (timeline or findings), its file name extension and media type, and how
// one row becomes one record of text.
import { csvRecord } from './csv-cell';
import { EVENT_FIELDS, eventDocument, type EventDocument, type ExportEvent } from './event-document';
import { FINDING_COLUMNS, findingCells, findingRecord, type ExportFinding } from './finding-record';
import { jsonLine } from './json-line';

/** Every format's name, as `tokentrail export --format` and the app's Export dialog name it. */
export const EXPORT_FORMATS = ['timesketch', 'opensearch', 'csv', 'findings-csv', 'findings-jsonl'] as const;

/** One format's name. */
export type ExportFormatName = (typeof EXPORT_FORMATS)[number];

/** The formats of the timeline. */
export type TimelineFormatName = 'timesketch' | 'opensearch' | 'csv';

/** The formats of the findings. */
export type FindingFormatName = 'findings-csv' | 'findings-jsonl';

/** What a format covers and how its file is named and typed. */
export interface ExportFormatInfo {
  readonly of: 'timeline' | 'findings';
  /** For people: "Timesketch JSONL". */
  readonly title: string;
  /** File name ending, with its dot; Timesketch requires `.jsonl` or `.csv`. */
  readonly extension: string;
  readonly mediaType: string;
}

/** Each format's description. */
export const EXPORT_FORMAT_INFO: Readonly<Record<ExportFormatName, ExportFormatInfo>> = {
  timesketch: { of: 'timeline', title: 'Timesketch JSONL', extension: '.jsonl', mediaType: 'application/x-ndjson' },
  opensearch: {
    of: 'timeline',
    title: 'OpenSearch/Elasticsearch bulk NDJSON',
    extension: '.ndjson',
    mediaType: 'application/x-ndjson',
  },
  csv: { of: 'timeline', title: 'Timeline CSV', extension: '.csv', mediaType: 'text/csv' },
  'findings-csv': { of: 'findings', title: 'Findings CSV', extension: '.csv', mediaType: 'text/csv' },
  'findings-jsonl': {
    of: 'findings',
    title: 'Findings JSONL (as analyze --json)',
    extension: '.jsonl',
    mediaType: 'application/x-ndjson',
  },
};

/** True when `name` is a timeline format. */
export function isTimelineFormat(name: ExportFormatName): name is TimelineFormatName {
  return EXPORT_FORMAT_INFO[name].of === 'timeline';
}

/** The index the OpenSearch export names when none is given. */
export const DEFAULT_INDEX = 'tokentrail-timeline';

/**
 * Why `name` cannot be an OpenSearch/Elasticsearch index, or undefined when it can: lower case only, none of
 * `\ / * ? " < > | , #` or space or `:`, not starting with `-`, `_` or `+`, not `.` or `..`, at most 255 bytes
 * (the index API's naming rules).
 */
export function indexNameProblem(name: string): string | undefined {
  if (name === '' || name === '.' || name === '..') return 'an index name cannot be empty, "." or ".."';
  if (name !== name.toLowerCase()) return 'an index name must be lower case';
  if (/[\\/*?"<>|,# :]/.test(name)) return 'an index name cannot contain \\ / * ? " < > | , # : or a space';
  if (/^[-_+]/.test(name)) return 'an index name cannot start with -, _ or +';
  if (new TextEncoder().encode(name).byteLength > 255) return 'an index name is at most 255 bytes';
  return undefined;
}

/** How a timeline format writes: an optional first record, then one record per event (undefined = left out). */
export interface TimelineWriter {
  readonly header?: string;
  record(row: ExportEvent): string | undefined;
}

/** How a findings format writes. */
export interface FindingWriter {
  readonly header?: string;
  record(row: ExportFinding): string;
}

/** Timesketch JSONL: every line needs message, datetime and timestamp_desc, so an untimed event is left out. */
function timesketchRecord(row: ExportEvent): string | undefined {
  return row.event.ts === null ? undefined : jsonLine(eventDocument(row));
}

/** The `_bulk` body: an `index` action naming the index and the event's id, then the document with `@timestamp`. */
function bulkRecord(index: string, row: ExportEvent): string {
  const document: EventDocument & { '@timestamp'?: string } = eventDocument(row);
  const withTime = document.datetime === undefined ? document : { '@timestamp': document.datetime, ...document };
  return jsonLine({ index: { _index: index, _id: row.id } }) + jsonLine(withTime);
}

function csvEventRecord(row: ExportEvent): string {
  const document = eventDocument(row);
  return csvRecord(
    EVENT_FIELDS.map((field) => {
      const value = document[field];
      if (field === 'tag') return (value as readonly string[]).join(',');
      return Array.isArray(value) ? value.join(' ') : (value as string | number | boolean | undefined);
    }),
  );
}

/** The writer of a timeline format; `index` names the OpenSearch index (checked with indexNameProblem). */
export function timelineWriter(format: TimelineFormatName, options: { index?: string } = {}): TimelineWriter {
  switch (format) {
    case 'timesketch':
      return { record: timesketchRecord };
    case 'opensearch': {
      const index = options.index ?? DEFAULT_INDEX;
      const problem = indexNameProblem(index);
      if (problem) throw new RangeError(`"${index}": ${problem}`);
      return { record: (row) => bulkRecord(index, row) };
    }
    case 'csv':
      return { header: csvRecord(EVENT_FIELDS), record: csvEventRecord };
  }
}

/** The writer of a findings format. */
export function findingWriter(format: FindingFormatName): FindingWriter {
  if (format === 'findings-jsonl')
    return { record: (row) => jsonLine(findingRecord(row.finding, row.identities, row.annotation)) };
  return { header: csvRecord(FINDING_COLUMNS), record: (row) => csvRecord(findingCells(row)) };
}
