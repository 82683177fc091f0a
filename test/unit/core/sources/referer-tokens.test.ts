import { describe, expect, it } from 'vitest';
import { parse, T1, T2 } from './helpers';

// A token in the Referer was presented to the page the user came from; only the request's own URL, headers and
// cookies present a token to the API that answered (issue #17: bad-token-accepted counts presented tokens only).
describe('tokens in a Referer URL', () => {
  it('an access log marks them as referer text, and keeps a token of the request URL as a query token', async () => {
    const line = (target: string, referer: string) =>
      `203.0.113.7 - - [02/Dec/2026:10:00:00 +0000] "GET ${target} HTTP/1.1" 200 12 "${referer}" "curl/8"\n`;
    const { events } = await parse(
      'access.log',
      line('/orders/v2', `https://portal.example/callback?t=${T1}`) +
        line(`/orders/v2?access_token=${T2}`, `https://portal.example/?access_token=${T2}`),
    );
    expect(events[0]!.tokens).toEqual([expect.objectContaining({ compact: T1, role: 'text', field: 'referer' })]);
    expect(events[0]!.kind).toBe('request');
    expect(events[1]!.tokens).toEqual([expect.objectContaining({ compact: T2, role: 'query' })]);
  });

  it('a HAR entry marks a Referer header token as referer text, not a query parameter of the request', async () => {
    const entry = (url: string, referer: string) => ({
      startedDateTime: '2026-12-02T10:00:00.000Z',
      request: { method: 'GET', url, headers: [{ name: 'Referer', value: referer }], cookies: [] },
      response: { status: 200, headers: [], cookies: [], content: { size: 0, mimeType: 'text/plain' } },
    });
    const har = JSON.stringify({
      log: {
        version: '1.2',
        entries: [
          entry('https://api.example/orders/v2', `https://portal.example/cb?t=${T1}`),
          entry(`https://api.example/orders/v2?t=${T2}`, `https://portal.example/cb?t=${T2}`),
        ],
      },
    });
    const { events } = await parse('capture.har', har);
    expect(events[0]!.tokens).toEqual([expect.objectContaining({ compact: T1, role: 'text', field: 'referer' })]);
    expect(events[1]!.tokens).toEqual([expect.objectContaining({ compact: T2, role: 'query' })]);
  });
});
