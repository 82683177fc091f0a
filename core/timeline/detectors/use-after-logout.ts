import type { Entry } from '../entry';
import type { ProvingEvent } from '../finding-builder';
import { countOf, duration, iso } from '../util/describe';
import { defineDetector } from './detector';

interface SessionState {
  logout?: Entry;
  late: ProvingEvent[];
  count: number;
  accepted: number;
  tokens: Set<string>;
  subject?: string;
}

/** A session's tokens used after the session was logged out. */
export const useAfterLogout = defineDetector({
  id: 'use-after-logout',
  title: 'Use after logout',
  description:
    "A token of a session (by the record's session id or the token's sid claim), or a token named in the logout itself, is used after the logout, beyond the grace period. A new issue in the same session after the logout starts it afresh.",
  severity: 'high',
  defaults: { graceSeconds: 60, includeRejected: false },
  parameterHelp: {
    graceSeconds: 'Time a logout may take to reach every service, in seconds.',
    includeRejected: 'Also count uses the server refused.',
  },
  references: [
    'OpenID Connect RP-Initiated Logout 1.0',
    'OpenID Connect Back-Channel Logout 1.0 §2.7',
    'OWASP ASVS 4.0 V3.3.1',
  ],
  run({ timeline, parameters, findings }) {
    const grace = parameters.graceSeconds * 1000;
    const sessions = new Map<string, SessionState>();
    const loggedOutTokens = new Map<string, Entry>();
    let logouts = 0;
    for (const entry of timeline.entries) {
      const session = entry.effectiveSession;
      if (entry.kind === 'logout') {
        logouts++;
        for (const token of entry.tokens) if (!loggedOutTokens.has(token.hash)) loggedOutTokens.set(token.hash, entry);
        const key = session ?? (entry.tokens[0] ? `token:${entry.tokens[0].hash}` : undefined);
        if (key !== undefined) {
          const state = sessions.get(key);
          if (!state || !state.logout)
            sessions.set(key, {
              logout: entry,
              late: state?.late ?? [],
              count: state?.count ?? 0,
              accepted: state?.accepted ?? 0,
              tokens: state?.tokens ?? new Set(),
              subject: entry.effectiveSubject,
            });
        }
        continue;
      }
      if (session !== undefined && entry.tokens.some((token) => token.use === 'issued')) {
        const state = sessions.get(session);
        if (state?.logout && state.count === 0) sessions.delete(session); // a fresh login reusing the session id
      }
      for (const token of entry.tokens) {
        if (token.use !== 'presented' && token.use !== 'redeemed') continue;
        if (entry.rejected && !parameters.includeRejected) continue;
        const direct = loggedOutTokens.get(token.hash);
        const key =
          session !== undefined && sessions.get(session)?.logout
            ? session
            : direct
              ? (direct.effectiveSession ?? `token:${token.hash}`)
              : undefined;
        const state = key !== undefined ? sessions.get(key) : undefined;
        if (!state?.logout || entry.ts! <= state.logout.ts! + grace) continue;
        state.count++;
        if (!entry.rejected) state.accepted++;
        state.tokens.add(token.hash);
        state.subject ??= entry.effectiveSubject;
        if (state.late.length < 200) state.late.push({ entry, role: 'use-after-logout', tokenHash: token.hash });
      }
    }
    for (const [key, state] of sessions) {
      if (!state.logout || state.count === 0) continue;
      const first = state.late[0]!.entry.ts!;
      const name = key.startsWith('token:') ? `The token ${key.slice(6, 18)}…` : `Session ${key}`;
      findings.add({
        detector: useAfterLogout,
        scope: key,
        message: `${name} was logged out at ${iso(state.logout.ts)}, but ${state.tokens.size} of its tokens were used ${countOf(state.count, 'time')} afterwards (${state.accepted} accepted), the first ${duration(first - state.logout.ts!)} after the logout.`,
        explanation:
          "After a logout the session's tokens should be worthless. Uses afterwards mean a service still trusts them (JWTs stay valid until exp unless services learn of the logout), and — if the user really logged out — that someone else holds a copy of the token.",
        tokenHashes: [...state.tokens],
        ...(state.subject !== undefined ? { subject: state.subject } : {}),
        ...(key.startsWith('token:') ? {} : { sessionId: key }),
        events: [{ entry: state.logout, role: 'logout' }, ...state.late],
        eventCount: state.count + 1,
        detail: {
          loggedOutAt: iso(state.logout.ts),
          uses: state.count,
          accepted: state.accepted,
          tokens: state.tokens.size,
        },
      });
    }
    return logouts === 0 ? 'no logout event in the evidence' : undefined;
  },
});
