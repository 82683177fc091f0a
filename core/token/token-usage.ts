import type { AuthEvent, EventToken } from '../sources/types';

/**
 * When and where the evidence shows a token being *used* (presented to a service), as opposed to being issued or
 * merely mentioned. The use times feed the key-window and used-after-exp checks; the API it went to feeds the
 * audience and typ checks. Shared by every host so the CLI and the renderer judge a token on the same uses.
 */

/** One presentation of a token. */
export interface TokenPresentation {
  /** UTC epoch ms of the event. */
  readonly time: number;
  /** `https://host/path` of the request it was presented in (query dropped), when the record has one. */
  readonly presentedTo?: string;
}

/**
 * The presentation of `token` in `event`, or undefined when the event does not show it presented (an issue record
 * that carries the new token, a token in a generic field) or has no time.
 */
export function tokenPresentation(event: AuthEvent, token: EventToken): TokenPresentation | undefined {
  const presented =
    token.role === 'authorization' || token.role === 'cookie' || token.role === 'query' || event.kind === 'use';
  if (!presented || event.ts === null) return undefined;
  const http = event.http;
  const presentedTo = http?.host && http.path ? `https://${http.host}${http.path.split('?')[0]}` : undefined;
  return { time: event.ts, presentedTo };
}
