import { describe, expect, it } from 'vitest';
import { entryPools, toEntry } from '../../../../core/timeline/entry';
import { StringPool } from '../../../../core/timeline/string-pool';
import type { TimelineEvent } from '../../../../core/timeline';

// Events as the store hands them back: each a structured clone, its strings its own copies.
const event = (line: number): TimelineEvent =>
  structuredClone({
    id: line,
    ts: Date.parse('2026-11-20T10:00:00Z') + line * 1000,
    kind: 'use',
    source: { file: 'logs/api.jsonl', sha256: 'a'.repeat(64), line },
    tokens: [{ hash: 'b'.repeat(64), role: 'authorization' }],
    subject: 'ana@example.com',
    ip: '203.0.113.7:51234',
    userAgent: 'App/5.2',
    geo: { country: 'GB', latitude: 51.5072, longitude: -0.1276 },
    http: { host: 'api.example', path: '/orders', method: 'GET', status: 200 },
  } satisfies TimelineEvent);

describe('timeline entries', () => {
  it('keep every value of the event through a shared string pool', () => {
    const pools = entryPools();
    const [first, second] = [event(1), event(2)].map((item, seq) => toEntry(item, seq, undefined, pools));
    for (const entry of [first!, second!]) {
      expect(entry).toMatchObject({
        kind: 'use',
        subject: 'ana@example.com',
        ip: '203.0.113.7',
        userAgent: 'App/5.2',
        country: 'GB',
        host: 'api.example',
        path: '/orders',
        method: 'GET',
        status: 200,
        roles: [{ hash: 'b'.repeat(64), role: 'authorization' }],
      });
      expect(entry.source.file).toBe('logs/api.jsonl');
      expect(entry.source.sha256).toBe('a'.repeat(64));
    }
    expect([first!.source.line, second!.source.line]).toEqual([1, 2]);
  });

  it('share one frozen roles list per single (token, role); several tokens get a list of their own', () => {
    const pools = entryPools();
    const [first, second] = [event(4), event(5)].map((item, seq) => toEntry(item, seq, undefined, pools));
    expect(first!.roles).toBe(second!.roles);
    expect(Object.isFrozen(first!.roles) && Object.isFrozen(first!.roles[0])).toBe(true);
    const refresh = toEntry(
      {
        ...event(6),
        kind: 'refresh',
        tokens: [
          { hash: 'b'.repeat(64), role: 'refresh_token' },
          { hash: 'c'.repeat(64), role: 'access_token' },
        ],
      },
      2,
      undefined,
      pools,
    );
    expect(refresh.roles).toEqual([
      { hash: 'b'.repeat(64), role: 'refresh_token' },
      { hash: 'c'.repeat(64), role: 'access_token' },
    ]);
    expect(toEntry({ ...event(7), tokens: [] }, 3, undefined, pools).roles).toEqual([]);
  });

  it('share one frozen empty token list until correlation gives each its own', () => {
    const entry = toEntry(event(3), 0);
    expect(entry.tokens).toEqual([]);
    expect(() => (entry.tokens as unknown[]).push({})).toThrow(TypeError);
  });

  it('pool: the first copy of a value is returned for every later equal value; undefined passes through', () => {
    const strings = new StringPool();
    expect(strings.of(undefined)).toBeUndefined();
    expect(strings.of('x'.repeat(3))).toBe('xxx');
    expect(strings.of(['x', 'x', 'x'].join(''))).toBe('xxx');
  });
});
