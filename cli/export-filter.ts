// The timeline filter of `tokentrail export`, from its options: the app's timeline filter (core/timeline
// EventFilter), so `--subject alice --from …` keeps exactly the events the app's Timeline would list.
import { AUTH_EVENT_KINDS, parseIsoTime, sha256HexOfText, type AuthEventKind } from '../core';
import type { EventFilter } from '../core/timeline';
import { CliError } from './cli-error';
import type { OptionValues } from './command';

/** The filter options, shared by every format. */
export const FILTER_OPTIONS = {
  from: { type: 'string', needs: 'an ISO 8601 time, e.g. 2026-05-01T10:00:00Z' },
  to: { type: 'string', needs: 'an ISO 8601 time, e.g. 2026-05-01T12:00:00Z' },
  subject: { type: 'string', needs: 'a subject' },
  ip: { type: 'string', needs: 'an IP address' },
  token: { type: 'string', needs: "a token's SHA-256 or the compact token" },
  kind: { type: 'string', needs: `an event kind: ${AUTH_EVENT_KINDS.join(', ')}` },
  text: { type: 'string', needs: 'some text' },
} as const;

const SHA256_HEX = /^[0-9a-f]{64}$/i;

function time(option: 'from' | 'to', value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const parsed = parseIsoTime(value);
  if (!parsed) throw new CliError('invalid-value', `--${option} needs ${FILTER_OPTIONS[option].needs}`);
  return parsed.ts;
}

/**
 * The filter the options describe. `--from`/`--to` are inclusive (a time without a zone is UTC); `--token` takes the
 * token's SHA-256 (tokenHash) or the compact token itself, which is hashed here.
 */
export function exportFilter(values: OptionValues<typeof FILTER_OPTIONS>): EventFilter {
  const from = time('from', values.from);
  const to = time('to', values.to);
  if (from !== undefined && to !== undefined && from > to)
    throw new CliError('invalid-value', '--from is later than --to');
  if (values.kind !== undefined && !AUTH_EVENT_KINDS.includes(values.kind as AuthEventKind))
    throw new CliError('invalid-value', `--kind needs ${FILTER_OPTIONS.kind.needs}`);
  const token =
    values.token === undefined
      ? undefined
      : SHA256_HEX.test(values.token)
        ? values.token.toLowerCase()
        : sha256HexOfText(values.token.trim());
  const facets = Object.fromEntries(
    Object.entries({ kind: values.kind, subject: values.subject, ip: values.ip, token }).filter(
      (entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== '',
    ),
  );
  return {
    ...(from !== undefined ? { from } : {}),
    ...(to !== undefined ? { to } : {}),
    ...(Object.keys(facets).length > 0 ? { facets } : {}),
    ...(values.text !== undefined ? { text: values.text } : {}),
  };
}
