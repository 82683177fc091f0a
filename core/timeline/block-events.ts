// How the app's block layout stores a block's events (renderer/db/event-blocks.ts): their JSON texts joined by
// newlines — JSON escapes every newline inside a value, so none appears within an event's text — and each event's end
// offset. One string per block is read back as one copy, where 128 structured objects are rebuilt field by field: a
// page that needs a few events of many blocks (a subject's, spread over the case) pays for those events alone. Events
// are JSON-safe by construction (the parsers give strings, finite numbers, arrays and plain objects). Here in core so
// that the CLI reads an app archive's blocks as the app does.
import type { AuthEvent } from '../sources';

export interface EncodedBlockEvents {
  /** The events' JSON, newline between two. */
  readonly text: string;
  /** Where each event's JSON ends in `text`. */
  readonly ends: Uint32Array;
}

export function encodeBlockEvents(events: readonly AuthEvent[]): EncodedBlockEvents {
  const texts = events.map((event) => JSON.stringify(event));
  const ends = new Uint32Array(texts.length);
  let length = 0;
  texts.forEach((text, index) => {
    length += text.length;
    ends[index] = length;
    length += 1;
  });
  return { text: texts.join('\n'), ends };
}

/** How many events the block holds. */
export const blockEventCount = (block: EncodedBlockEvents): number => block.ends.length;

/** The event at `offset`, or undefined past the block's end. */
export function decodeBlockEvent(block: EncodedBlockEvents, offset: number): AuthEvent | undefined {
  if (offset < 0 || offset >= block.ends.length) return undefined;
  const start = offset === 0 ? 0 : block.ends[offset - 1]! + 1;
  return JSON.parse(block.text.slice(start, block.ends[offset])) as AuthEvent;
}
