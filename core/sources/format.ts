import type { GeoLocation } from '../geo/types';
import type { AuthEvent, ParseProblemCode, SourceFormatName, TokenRole } from './types';
import type { CsvMapping } from './formats/csv-mapping';

/**
 * The contract between the driver (parse-source.ts) and one format: how it is framed, how it is recognised, and
 * how one record becomes events. Formats stay small: the driver does framing, hashing of tokens, user agents,
 * geolocation, batching, progress and problems.
 */

/** A token the format found by reading the record's structure, with the role it knows (e.g. `refresh_token`). */
export interface DraftToken {
  readonly compact: string;
  readonly role: TokenRole;
  readonly field?: string;
}

/** An event as a format produces it, before the driver adds source, token hashes, user agent and geolocation. */
export interface EventDraft extends Partial<
  Omit<AuthEvent, 'source' | 'tokenHashes' | 'tokens' | 'agent' | 'ts' | 'time' | 'kind' | 'record'>
> {
  readonly kind: AuthEvent['kind'];
  readonly ts: number | null;
  readonly time: string | null;
  /** Problems with this record that did not stop it becoming an event (a missing time, an unknown kind). */
  readonly problems?: readonly { readonly code: ParseProblemCode; readonly message: string }[];
  readonly tokens?: readonly DraftToken[];
  readonly geo?: GeoLocation;
  /** Overrides of the record's location (a CSV record spanning lines, an entry inside a one-line JSON file). */
  readonly line?: number;
  readonly index?: number;
  /** Overrides the record text (defaults to the raw record). */
  readonly record?: string;
}

/** One framed record handed to a format. */
export interface RawRecord {
  readonly text: string;
  readonly line: number;
  readonly index?: number;
  /** For JSON formats: the parsed value. */
  readonly value?: unknown;
  readonly unterminated?: boolean;
}

/** A record the format refuses, with the reason a human reads. */
export interface RecordRejection {
  readonly rejected: ParseProblemCode;
  readonly message: string;
}

/** What a format returns for one record. */
export type RecordResult = readonly EventDraft[] | RecordRejection;

/** Options a format may use. */
export interface FormatOptions {
  /** CSV: the column mapping (a saved preset). */
  readonly csvMapping?: CsvMapping;
  /** Access logs: an nginx `log_format` or Apache `LogFormat` string for custom layouts. */
  readonly accessLogFormat?: string;
  /**
   * Field names beyond the common ones that name a token by digest or jti: the case's `tokenHashFields` and
   * `tokenIdFields`. Parsers that keep fields by an allow-list or a column mapping keep these too, so correlation can
   * link the record to its token (docs/sources.md, "Tokens the logs only hash").
   */
  readonly tokenReferenceFields?: readonly string[];
}

/** Parses the records of one file; may keep state (a CSV header, a HAR creator). */
export interface RecordParser {
  parse(record: RawRecord): RecordResult;
  /** JSON formats: a value found beside the records (e.g. HAR `log.creator`). */
  side?(path: string, value: unknown): void;
  /** Called once at the end: a record still open (e.g. a CSV quote never closed). */
  finish?(): RecordResult;
  /** Facts about the file to put in the summary (e.g. `creator: Chromium DevTools 141.0`). */
  describe?(): Readonly<Record<string, string>>;
}

/** One evidence format. */
export interface SourceFormat {
  readonly name: SourceFormatName;
  readonly title: string;
  /** `lines`: one record per line. `json`: a JSON array, JSON Lines, or an object wrapping an array. */
  readonly framing: 'lines' | 'json';
  /** For `json`: key paths of arrays whose elements are the records, e.g. [['log','entries']] for HAR. */
  readonly recordArrays?: readonly (readonly string[])[];
  /** For `json`: key paths of values beside the records that the parser wants (`side`). */
  readonly sidePaths?: readonly (readonly string[])[];
  /** For `json`: lines that are not JSON are handed to the parser as text (`value` undefined), e.g. Keycloak's log lines. */
  readonly textLines?: boolean;
  /** Confidence 0…1 that `sample` (the file's first ~64 KiB as text, BOM removed) is this format. */
  detect(sample: string): number;
  createParser(options: FormatOptions): RecordParser;
}

/** Type guard for a rejected record. */
export function isRejection(result: RecordResult): result is RecordRejection {
  return !Array.isArray(result);
}
