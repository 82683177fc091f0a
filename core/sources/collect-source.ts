import type { SequentialInput } from '../evidence/types';
import { parseSource, type ParseSourceOptions, type ParseSummary } from './parse-source';
import type { AuthEvent, ParseProblem } from './types';
import { appendAll } from '../util/append-all';

/** Everything one file parsed into, held in memory. */
export interface CollectedSource {
  readonly events: AuthEvent[];
  readonly problems: ParseProblem[];
  readonly summary: ParseSummary;
}

/**
 * Parse a file and keep every event in memory: for small evidence, tests and previews. Large files go through
 * {@link parseSource} batch by batch instead.
 */
export async function collectSource(
  input: SequentialInput,
  sha256: string,
  options: ParseSourceOptions = {},
): Promise<CollectedSource> {
  const events: AuthEvent[] = [];
  const problems: ParseProblem[] = [];
  const run = parseSource(input, sha256, options);
  for (;;) {
    const next = await run.next();
    if (next.done) return { events, problems, summary: next.value };
    appendAll(events, next.value.events);
    appendAll(problems, next.value.problems);
  }
}
