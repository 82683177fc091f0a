import type { AbortSignal, SequentialInput } from '../evidence/types';
import { createSha256 } from '../evidence/sha256';
import type { GeoLocator } from '../geo/types';
import type { ParsedUserAgent } from '../useragent/parse-user-agent';
import { TokenCollector } from './collect-tokens';
import { detectFormat, type FormatCandidate } from './detect-format';
import {
  isRejection,
  type FormatOptions,
  type RawRecord,
  type RecordParser,
  type RecordResult,
  type SourceFormat,
} from './format';
import { SOURCE_FORMAT_NAMES, sourceFormat } from './formats/registry';
import { jsonFramer, linesFramer, type FramedItem, type Framer } from './framing';
import { normalizeEvent, type FileContext } from './normalize-event';
import type { AuthEvent, ParseProblem, ParseProblemCode, SourceFormatName } from './types';

/** Options of {@link parseSource}. */
export interface ParseSourceOptions {
  /** Skip detection and read the file as this format (the investigator's override). */
  readonly format?: SourceFormatName;
  readonly formatOptions?: FormatOptions;
  /** Offline geolocation for events whose record has no location of its own. */
  readonly geo?: GeoLocator;
  /** Checked between chunks: when aborted, parsing stops and the summary says `cancelled`. */
  readonly signal?: AbortSignal;
  /** Events per batch (default 2000). A batch is also closed at 32 Mi characters of record text. */
  readonly batchSize?: number;
  /** Called after every chunk read. */
  readonly onProgress?: (progress: ParseProgress) => void;
  /** Lines longer than this are cut and reported (default 16 MiB). */
  readonly maxLineBytes?: number;
  /** JSON records larger than this are skipped and reported (default 64 Mi characters). */
  readonly maxRecordChars?: number;
  /** Record text kept on each event is cut after this many characters (default 1 Mi); the file keeps it whole. */
  readonly maxRecordTextChars?: number;
  /** Hash the bytes while parsing and report `source-changed` if they differ from the given SHA-256. */
  readonly verifySha256?: boolean;
}

/** How far the parse has come. */
export interface ParseProgress {
  readonly file: string;
  readonly bytesRead: number;
  readonly totalBytes: number;
  /** Events handed out so far (in batches). */
  readonly events: number;
  readonly problems: number;
}

/** One batch: write it in one transaction, then ask for the next. */
export interface ParseBatch {
  readonly events: readonly AuthEvent[];
  readonly problems: readonly ParseProblem[];
  readonly progress: ParseProgress;
}

/** What happened to one file, returned when the generator finishes. */
export interface ParseSummary {
  readonly file: string;
  readonly sha256: string;
  /** Null when no format recognised the content (see `candidates`). */
  readonly format: SourceFormatName | null;
  readonly formatChosenBy: 'override' | 'content' | 'none';
  /** Every format that recognised the content, most likely first. */
  readonly candidates: readonly FormatCandidate[];
  readonly bytes: number;
  readonly lines: number;
  readonly records: number;
  /** Events handed out in batches (after a cancel: exactly those, nothing more). */
  readonly events: number;
  readonly problems: number;
  readonly problemCounts: Readonly<Partial<Record<ParseProblemCode, number>>>;
  readonly cancelled: boolean;
  /** Facts about the file the format reported, e.g. HAR `creator`. */
  readonly facts: Readonly<Record<string, string>>;
}

const SAMPLE_BYTES = 64 * 1024;
const MAX_PENDING_CHARS = 32 * 1024 * 1024;

/**
 * Parse one evidence file into normalized events, streaming: the file is read chunk by chunk and never held whole.
 * Yields batches of events and problems; returns the summary. Malformed records become problems and parsing goes
 * on. `sha256` is the file's hash as the evidence layer computed it (every event carries it).
 *
 * ```ts
 * const run = parseSource(input, sha256, { signal, onProgress });
 * for (let next = await run.next(); ; next = await run.next()) {
 *   if (next.done) { summary = next.value; break; }
 *   await store(next.value.events, next.value.problems);
 * }
 * ```
 */
export async function* parseSource(
  input: SequentialInput,
  sha256: string,
  options: ParseSourceOptions = {},
): AsyncGenerator<ParseBatch, ParseSummary, void> {
  const state = new ParseState(input, sha256, options);
  const iterator = input.chunks()[Symbol.asyncIterator]();
  try {
    const head: Uint8Array[] = [];
    let headLength = 0;
    let ended = false;
    while (headLength < SAMPLE_BYTES) {
      const next = await iterator.next();
      if (next.done) {
        ended = true;
        break;
      }
      head.push(next.value);
      headLength += next.value.length;
    }
    const transcode = utf16Transcoder(head[0]);
    const headBytes = join(
      head.map((chunk) => state.read(chunk)).map((chunk) => (transcode ? transcode(chunk) : chunk)),
    );
    const sample = new TextDecoder('utf-8').decode(headBytes.subarray(0, SAMPLE_BYTES));
    if (transcode)
      state.problem({
        code: 'unsupported-encoding',
        message:
          'the file is UTF-16; it was converted to UTF-8 to be read (lines and records are as found, byte offsets are not)',
      });
    const format = state.choose(sample);
    if (!format) return yield* state.finishUnknown();
    const framer: Framer =
      format.framing === 'lines' ? linesFramer(state.limits) : jsonFramer(format, sample, state.limits);
    state.take(framer.push(headBytes));
    yield* state.flush(false);
    while (!ended) {
      if (options.signal?.aborted) return state.summary(true, framer.lines);
      const next = await iterator.next();
      if (next.done) break;
      const bytes = state.read(next.value);
      state.take(framer.push(transcode ? transcode(bytes) : bytes));
      options.onProgress?.(state.progress());
      yield* state.flush(false);
    }
    if (transcode) state.take(framer.push(transcode(new Uint8Array(0), true)));
    state.take(framer.finish());
    state.finishParser();
    state.verify();
    if (options.signal?.aborted) return state.summary(true, framer.lines);
    yield* state.flush(true);
    return state.summary(false, framer.lines);
  } finally {
    await iterator.return?.();
  }
}

class ParseState {
  readonly limits: { maxLineBytes: number; maxRecordChars: number };
  private format: SourceFormat | undefined;
  private parser: RecordParser | undefined;
  private context: FileContext | undefined;
  private chosenBy: ParseSummary['formatChosenBy'] = 'none';
  private candidates: FormatCandidate[] = [];
  private events: AuthEvent[] = [];
  private pendingChars = 0;
  private problems: ParseProblem[] = [];
  private readonly counts: Partial<Record<ParseProblemCode, number>> = {};
  private problemTotal = 0;
  private yieldedEvents = 0;
  private records = 0;
  private bytesRead = 0;
  private readonly hash;
  private readonly batchSize: number;
  private readonly maxRecordText: number;

  constructor(
    private readonly input: SequentialInput,
    private readonly sha256: string,
    private readonly options: ParseSourceOptions,
  ) {
    this.limits = {
      maxLineBytes: options.maxLineBytes ?? 16 * 1024 * 1024,
      maxRecordChars: options.maxRecordChars ?? 64 * 1024 * 1024,
    };
    this.hash = options.verifySha256 ? createSha256() : undefined;
    this.batchSize = Math.max(1, options.batchSize ?? 2000);
    this.maxRecordText = options.maxRecordTextChars ?? 1024 * 1024;
  }

  read(chunk: Uint8Array): Uint8Array {
    this.bytesRead += chunk.length;
    this.hash?.update(chunk);
    return chunk;
  }

  choose(sample: string): SourceFormat | undefined {
    this.candidates = detectFormat(sample);
    const name = this.options.format ?? this.candidates[0]?.format;
    this.format = name ? sourceFormat(name) : undefined;
    if (!this.format) return undefined;
    this.chosenBy = this.options.format ? 'override' : 'content';
    this.parser = this.format.createParser(this.options.formatOptions ?? {});
    this.context = {
      file: this.input.path,
      sha256: this.sha256,
      format: this.format.name,
      tokens: new TokenCollector(),
      geo: this.options.geo,
      agents: new Map<string, ParsedUserAgent>(),
    };
    return this.format;
  }

  problem(problem: { code: ParseProblemCode; line?: number; index?: number; message: string }): void {
    this.problems.push({ file: this.input.path, ...problem });
    this.counts[problem.code] = (this.counts[problem.code] ?? 0) + 1;
    this.problemTotal++;
  }

  take(items: FramedItem[]): void {
    for (const item of items) {
      if (item.type === 'problem') {
        const { type: _type, ...problem } = item;
        this.problem(problem);
      } else if (item.type === 'side') this.parser!.side?.(item.path, item.value);
      else {
        this.records++;
        this.result(this.safeParse(item.record), item.record);
      }
    }
  }

  finishParser(): void {
    const last = this.parser?.finish?.();
    if (last) this.result(last, { text: '', line: 0 });
  }

  private safeParse(record: RawRecord): RecordResult {
    try {
      return this.parser!.parse(record);
    } catch (error) {
      // A format bug must not lose the rest of the file: report the record and go on.
      return { rejected: 'malformed-line', message: `could not be read (${(error as Error).message})` };
    }
  }

  private result(result: RecordResult, record: RawRecord): void {
    const where = {
      ...(record.line > 0 ? { line: record.line } : {}),
      ...(record.index !== undefined ? { index: record.index } : {}),
    };
    if (isRejection(result)) {
      const truncated = record.unterminated ? ' (the last line has no newline: is the file truncated?)' : '';
      this.problem({ code: result.rejected, ...where, message: result.message + truncated });
      return;
    }
    for (const draft of result) {
      const text = draft.record ?? record.text;
      const kept =
        text.length > this.maxRecordText ? { ...draft, record: `${text.slice(0, this.maxRecordText)}…` } : draft;
      const event = normalizeEvent(kept, record, this.context!);
      for (const problem of draft.problems ?? [])
        this.problem({ ...problem, line: event.source.line, index: event.source.index });
      this.events.push(event);
      this.pendingChars += event.record.length;
    }
  }

  verify(): void {
    if (!this.hash) return;
    const actual = this.hash.digestHex();
    if (actual !== this.sha256)
      this.problem({
        code: 'source-changed',
        message: `the file's SHA-256 is now ${actual}, not ${this.sha256} as recorded: it changed after it was hashed`,
      });
  }

  progress(): ParseProgress {
    return {
      file: this.input.path,
      bytesRead: this.bytesRead,
      totalBytes: this.input.size,
      events: this.yieldedEvents,
      problems: this.problemTotal,
    };
  }

  *flush(all: boolean): Generator<ParseBatch> {
    while (
      this.events.length >= this.batchSize ||
      this.problems.length >= this.batchSize ||
      this.pendingChars >= MAX_PENDING_CHARS ||
      (all && (this.events.length > 0 || this.problems.length > 0))
    ) {
      const events =
        this.events.length > this.batchSize ? this.events.splice(0, this.batchSize) : this.events.splice(0);
      const problems = this.problems.splice(0);
      this.pendingChars = this.events.reduce((sum, event) => sum + event.record.length, 0);
      this.yieldedEvents += events.length;
      yield { events, problems, progress: this.progress() };
    }
  }

  *finishUnknown(): Generator<ParseBatch, ParseSummary> {
    this.problem({
      code: 'format-unknown',
      line: 1,
      message: `no format recognises this content; choose one of ${SOURCE_FORMAT_NAMES.join(', ')}`,
    });
    yield* this.flush(true);
    return this.summary(false, 0);
  }

  summary(cancelled: boolean, lines: number): ParseSummary {
    return {
      file: this.input.path,
      sha256: this.sha256,
      format: this.format?.name ?? null,
      formatChosenBy: this.chosenBy,
      candidates: this.candidates,
      bytes: this.bytesRead,
      lines,
      records: this.records,
      events: this.yieldedEvents,
      problems: this.problemTotal,
      problemCounts: { ...this.counts },
      cancelled,
      facts: { ...(this.parser?.describe?.() ?? {}) },
    };
  }
}

function join(chunks: Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/** For a UTF-16 file (by its byte-order mark): a streaming converter to UTF-8, so the rest of the pipeline is one. */
function utf16Transcoder(
  first: Uint8Array | undefined,
): ((chunk: Uint8Array, end?: boolean) => Uint8Array) | undefined {
  if (!first || first.length < 2) return undefined;
  const label =
    first[0] === 0xff && first[1] === 0xfe
      ? 'utf-16le'
      : first[0] === 0xfe && first[1] === 0xff
        ? 'utf-16be'
        : undefined;
  if (!label) return undefined;
  const decoder = new TextDecoder(label);
  const encoder = new TextEncoder();
  return (chunk, end = false) => encoder.encode(end ? decoder.decode() : decoder.decode(chunk, { stream: true }));
}
