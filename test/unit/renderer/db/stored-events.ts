// Stored events as the ingest worker writes them, from real log lines: parsed by core/sources, turned into rows by
// renderer/db/event-rows.ts and numbered as the write transaction numbers them.
import type { StoredEvent } from '../../../../renderer/db/event-records';
import { buildEventRows, stampSeq } from '../../../../renderer/db/event-rows';
import { sha256HexOfText } from '../../../../core/evidence/sha256';
import { parse, T1 } from '../../core/sources/helpers';

export const CASE = 'case-1';
/** T1's claims: sub alice@example.com, jti at-1. */
export const ALICE_TOKEN = T1;
export const ALICE_TOKEN_HASH = sha256HexOfText(T1);

/** The lines of one file as stored events, seq numbers from `firstSeq`, file id `fileId`. */
export async function storedEvents(
  path: string,
  lines: readonly string[],
  fileId: string,
  firstSeq: number,
): Promise<StoredEvent[]> {
  const { events } = await parse(path, `${lines.join('\n')}\n`);
  const rows = buildEventRows(CASE, 'ingest-1', fileId, events);
  stampSeq(rows, firstSeq);
  return rows;
}

/**
 * alice's session as two logs saw it: the auth server (subject in the record, London then Pyongyang 53 minutes
 * later) and the API's access log (the token in the URL, no subject of its own). Seqs 0–2 (auth), 3–4 (access).
 */
export async function aliceCase(): Promise<StoredEvent[]> {
  const auth = await storedEvents(
    'logs/auth-server.jsonl',
    [
      JSON.stringify({
        ts: '2026-11-18T08:59:58Z',
        kind: 'issue',
        sub: 'alice@example.com',
        sessionId: 'S-7741',
        ip: '81.2.69.160',
        country: 'GB',
        token: ALICE_TOKEN,
      }),
      JSON.stringify({
        ts: '2026-11-18T09:20:00Z',
        kind: 'issue',
        sub: 'bob@example.com',
        ip: '81.2.69.161',
        country: 'GB',
      }),
      JSON.stringify({
        ts: '2026-11-18T09:55:02Z',
        kind: 'refresh',
        sub: 'alice@example.com',
        sessionId: 'S-7741',
        ip: '175.45.176.3',
        country: 'KP',
      }),
    ],
    'file-auth',
    0,
  );
  const access = await storedEvents(
    'logs/orders-api-access.log',
    [
      `81.2.69.160 - - [18/Nov/2026:09:02:11 +0000] "GET /orders/v2/list?access_token=${ALICE_TOKEN} HTTP/1.1" 200 5120 "-" "NorthwindMobile/5.2.0"`,
      '175.45.176.3 - - [18/Nov/2026:09:07:40 +0000] "GET /orders/v2/list HTTP/1.1" 200 5120 "-" "python-requests/2.32"',
    ],
    'file-access',
    3,
  );
  return [...auth, ...access];
}
