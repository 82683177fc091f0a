import { describe, expect, it } from 'vitest';
import type { AuthEvent } from '../../../../core/sources';
import { summarizeSubjectActivity } from '../../../../renderer/subjects/subject-activity';

function event(ts: number | null, fields: Partial<AuthEvent>): AuthEvent {
  return { ts, tokenHashes: [], ...fields } as unknown as AuthEvent;
}

describe('summarizeSubjectActivity', () => {
  it('counts tokens, sessions, IPs and countries, most seen first, with their time spans', () => {
    const summary = summarizeSubjectActivity(
      [
        event(3000, { ip: '198.51.100.7', sessionId: 's1', tokenHashes: ['t1'], geo: { country: 'GB' } as never }),
        event(1000, { ip: '203.0.113.9', sessionId: 's1', tokenHashes: ['t1', 't2'] }),
        event(null, { ip: '203.0.113.9' }),
      ],
      false,
    );
    expect(summary).toMatchObject({ events: 3, truncated: false, first: 1000, last: 3000 });
    expect(summary.ips).toEqual([
      { value: '203.0.113.9', count: 2, first: 1000, last: 1000 },
      { value: '198.51.100.7', count: 1, first: 3000, last: 3000 },
    ]);
    expect(summary.tokens.map((token) => [token.value, token.count])).toEqual([
      ['t1', 2],
      ['t2', 1],
    ]);
    expect(summary.sessions).toEqual([{ value: 's1', count: 2, first: 1000, last: 3000 }]);
    expect(summary.countries).toEqual([{ value: 'GB', count: 1, first: 3000, last: 3000 }]);
  });

  it('says when it was cut short, and has no span without times', () => {
    expect(summarizeSubjectActivity([event(null, {})], true)).toMatchObject({
      truncated: true,
      first: null,
      last: null,
    });
  });
});
