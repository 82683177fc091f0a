import type { EventDraft } from '../format';
import type { ParsedTime } from '../parse-time';

/**
 * A record that could not be read, kept as an event of kind `unparsed`: its raw text stays on the timeline where a
 * search finds it, with the problem attached (as a `malformed-line` problem and in `details.problem`), so nothing
 * in the evidence is silently lost. A time found in the record is kept; otherwise the event is untimed.
 */
export function unparsedLine(
  problem: string,
  time: string | undefined,
  parseTime: (text: string) => ParsedTime | undefined,
): EventDraft {
  const parsed = time === undefined ? undefined : parseTime(time);
  return {
    ts: parsed?.ts ?? null,
    time: parsed ? time! : null,
    kind: 'unparsed',
    problems: [{ code: 'malformed-line', message: `${problem}; the line is kept as an unparsed event` }],
    details: { problem },
  };
}
