// How the app's block layout stores a block's events (renderer/db/event-blocks.ts): each event's JSON text. IndexedDB
// gives a string back as one copy, where a structured event is rebuilt field by field: a page that needs a few events
// of many blocks (a subject's, spread over the case) parses those events alone. One string per event, not one per
// block: JSON escapes a control character as six, and a block of 128 records of hostile bytes joined in one string
// could pass the engine's longest string. Events are JSON-safe by construction (the parsers give strings, finite
// numbers, arrays and plain objects). Here in core so that the CLI reads an app archive's blocks as the app does.
import type { AuthEvent } from '../sources';

export interface EncodedBlockEvents {
  /** Each event's JSON. */
  readonly texts: readonly string[];
}

export function encodeBlockEvents(events: readonly AuthEvent[]): EncodedBlockEvents {
  return { texts: events.map((event) => JSON.stringify(event)) };
}

/** How many events the block holds. */
export const blockEventCount = (block: EncodedBlockEvents): number => block.texts.length;

/** The event at `offset`, or undefined past the block's end. */
export function decodeBlockEvent(block: EncodedBlockEvents, offset: number): AuthEvent | undefined {
  const text = block.texts[offset];
  return text === undefined ? undefined : (JSON.parse(text) as AuthEvent);
}
