/** core/sources: streaming parsers for every evidence format, producing normalized AuthEvents. */
export * from './types';
export {
  parseSource,
  type ParseSourceOptions,
  type ParseBatch,
  type ParseProgress,
  type ParseSummary,
} from './parse-source';
export { collectSource, type CollectedSource } from './collect-source';
export { detectFormat, DETECTION_THRESHOLD, type FormatCandidate } from './detect-format';
export { SOURCE_FORMATS, SOURCE_FORMAT_NAMES, sourceFormat } from './formats/registry';
export { CANONICAL_KINDS } from './formats/tokentrail-jsonl';
export { compileAccessLogFormat, COMBINED_FORMAT } from './formats/access-log-pattern';
export { CSV_HEADER_ALIASES, headerKey, type CsvMapping, type CsvField } from './formats/csv-mapping';
export { isIpAddress, readIpAddress } from './ip-address';
export { LineSplitter, type TextLine } from './line-splitter';
export { parseIsoTime, parseClfTime, parseEpochTime, parseAnyTime, type ParsedTime } from './parse-time';
export type { SourceFormat, FormatOptions, EventDraft, RawRecord, RecordParser, RecordResult } from './format';
export { eventSummary } from './event-summary';
