/**
 * # Tokentrail exports (core/export)
 *
 * The timeline and the findings in the formats other tools read (docs/exports.md): Timesketch JSONL, an
 * OpenSearch/Elasticsearch `_bulk` body, CSV with formula injection neutralised, and findings as the JSON Lines of
 * `tokentrail analyze --json`. Pure and streaming: rows go in (one by one or a page at a time), text chunks come out,
 * and the export is never held whole.
 *
 * ```ts
 * const stream = exportTimeline(timelineWriter('timesketch'), annotatedEvents(pages, lookup));
 * for await (const chunk of stream.chunks) await sink.write(chunk);
 * console.log(stream.written, stream.leftOut);
 * ```
 */
export { apiProfileRecord, apiProfileSummary } from './api-profile-record';
export { csvCell, csvRecord, type CsvValue } from './csv-cell';
export { jsonLine } from './json-line';
export {
  EVENT_FIELDS,
  eventDocument,
  eventMessage,
  type EventDocument,
  type EventField,
  type ExportEvent,
} from './event-document';
export { FINDING_COLUMNS, eventPlace, findingCells, findingRecord, type ExportFinding } from './finding-record';
export {
  DEFAULT_INDEX,
  EXPORT_FORMATS,
  EXPORT_FORMAT_INFO,
  findingWriter,
  indexNameProblem,
  isTimelineFormat,
  timelineWriter,
  type ExportFormatInfo,
  type ExportFormatName,
  type FindingFormatName,
  type FindingWriter,
  type TimelineFormatName,
  type TimelineWriter,
} from './formats';
export { DEFAULT_CHUNK_CHARS, exportFindings, exportTimeline, type ExportStream, type Rows } from './stream-export';
export { annotatedEvents, annotatedFindings, type AnnotationLookup } from './annotate-rows';
