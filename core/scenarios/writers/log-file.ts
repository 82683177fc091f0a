import type { EvidenceKind } from '../../evidence';
import type { RecordLocation, TruthEvent } from '../model';

/** What the manifest says about a written evidence file. */
export interface LogFileMeta {
  readonly path: string;
  /** Bundle kind (docs/bundle-format.md). */
  readonly kind: EvidenceKind;
  readonly mediaType: string;
  readonly description: string;
}

/**
 * How a log file lays out its records: one per line (a record's location is its 1-based line), or a JSON array of
 * one element per line inside the vendor's envelope (its location is the 0-based index, as core/sources reports it).
 */
export type RecordLayout =
  { readonly kind: 'lines' } | { readonly kind: 'json-array'; readonly opening: string; readonly closing: string };

/**
 * A log file of the bundle as a recipe: which truth events it records and how. The generator feeds it the events in
 * time order, a day at a time, and the text is written as it is produced, so no file is ever held whole.
 */
export interface LogFileSpec<Item = TruthEvent> extends LogFileMeta {
  readonly layout: RecordLayout;
  /** The serialised record of `item` in this file, or undefined when the file does not record it. */
  readonly render: (item: Item) => string | undefined;
  /** Left out of the bundle when it holds no record (a capture exists only where a device was captured). */
  readonly omitWhenEmpty?: boolean;
}

/** A file written whole (keys, key history, case configuration): small and known in advance. */
export interface StaticFile extends LogFileMeta {
  readonly text: string;
}

/** Lines gathered before they are joined, encoded and handed on: bounded memory, few large writes. */
const LINES_PER_CHUNK = 4096;

/**
 * Writes one {@link LogFileSpec} incrementally: {@link append} each event in order, then {@link finish}. The text
 * goes to `emit` in chunks of a few thousand records; the bytes are the same however the events are batched.
 */
export class LogFileWriter<Item = TruthEvent> {
  private records = 0;
  private opened = false;
  private pending: string[] = [];

  constructor(
    readonly spec: LogFileSpec<Item>,
    private readonly emit: (text: string) => void,
  ) {}

  /** Whether the file belongs in the bundle (written, or to be written empty). */
  get present(): boolean {
    return this.records > 0 || !this.spec.omitWhenEmpty;
  }

  /** Record `item` if this file records it; its location in the file, or undefined. */
  append(item: Item): RecordLocation | undefined {
    const record = this.spec.render(item);
    if (record === undefined) return undefined;
    this.open();
    const layout = this.spec.layout;
    const index = this.records++;
    // A JSON array's separator goes before each element but the first: the last one needs no lookahead.
    this.pending.push(layout.kind === 'lines' ? `${record}\n` : index > 0 ? `,\n${record}` : record);
    if (this.pending.length >= LINES_PER_CHUNK) this.flush();
    return layout.kind === 'lines' ? { file: this.spec.path, line: index + 1 } : { file: this.spec.path, index };
  }

  /** Write what is pending and the file's closing; nothing when the file is left out. */
  finish(): void {
    if (!this.present) return;
    this.open();
    const layout = this.spec.layout;
    if (layout.kind === 'json-array') this.pending.push(`${this.records > 0 ? '\n' : ''}${layout.closing}\n`);
    // Emitted even when empty, so an empty log is still created where the bundle is written.
    this.emit(this.pending.join(''));
    this.pending = [];
  }

  private open(): void {
    if (this.opened) return;
    this.opened = true;
    if (this.spec.layout.kind === 'json-array') this.pending.push(`${this.spec.layout.opening}\n`);
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    this.emit(this.pending.join(''));
    this.pending = [];
  }
}

/**
 * The text of a JSON array written one element per line between `opening` and `closing` (`[`, the elements
 * separated by commas, `]`, inside the vendor's envelope when it has one), in parts of a few thousand elements so
 * a large array never needs one string. Used by the shipped sample case and the tests' hand-made captures.
 */
export function jsonArrayParts(elements: readonly string[], opening = '[', closing = ']'): string[] {
  const parts: string[] = [];
  const spec: LogFileSpec<string> = {
    path: '',
    kind: 'other',
    mediaType: '',
    description: '',
    layout: { kind: 'json-array', opening, closing },
    render: (element) => element,
  };
  const writer = new LogFileWriter<string>(spec, (text) => void parts.push(text));
  for (const element of elements) writer.append(element);
  writer.finish();
  return parts;
}

/** ISO 8601 UTC with milliseconds. */
export const isoTime = (ts: number): string => new Date(ts).toISOString();
