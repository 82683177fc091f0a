import { describe, expect, it } from 'vitest';
import type { AuthEvent } from '../../../../core/sources';
import { eventMatcher, isEmptyEventFilter } from '../../../../core/timeline';

const at = (iso: string | null, overrides: Partial<AuthEvent> = {}): AuthEvent => ({
  ts: iso === null ? null : Date.parse(iso),
  time: iso,
  source: { file: 'logs/a.log', sha256: 'a'.repeat(64), format: 'access-log', line: 1 },
  kind: 'use',
  tokenHashes: ['1'.repeat(64)],
  tokens: [],
  subject: 'alice',
  ip: '81.2.69.160',
  record: 'GET /orders HTTP/1.1 Mozilla',
  ...overrides,
});

describe('eventMatcher: the timeline filter of the app and the CLI', () => {
  it('keeps times inclusively, drops an untimed event under any from, keeps it under a to alone', () => {
    const range = eventMatcher({ from: Date.parse('2026-01-01T10:00:00Z'), to: Date.parse('2026-01-01T11:00:00Z') });
    expect(range(at('2026-01-01T10:00:00Z'), 'f')).toBe(true);
    expect(range(at('2026-01-01T11:00:00Z'), 'f')).toBe(true);
    expect(range(at('2026-01-01T11:00:00.001Z'), 'f')).toBe(false);
    expect(range(at(null), 'f')).toBe(false);
    expect(eventMatcher({ to: Date.parse('2026-01-01T11:00:00Z') })(at(null), 'f')).toBe(true);
  });

  it('matches facets exactly (a token among the event’s hashes) and text case-insensitively in record or fields', () => {
    expect(eventMatcher({ facets: { token: '1'.repeat(64) } })(at('2026-01-01T10:00:00Z'), 'f')).toBe(true);
    expect(eventMatcher({ facets: { subject: 'ALICE' } })(at('2026-01-01T10:00:00Z'), 'f')).toBe(false);
    expect(eventMatcher({ facets: { kind: 'use', ip: '81.2.69.160' } })(at('2026-01-01T10:00:00Z'), 'f')).toBe(true);
    expect(eventMatcher({ text: '  MOZILLA ' })(at('2026-01-01T10:00:00Z'), 'f')).toBe(true);
    expect(eventMatcher({ text: 'logs/a.log' })(at('2026-01-01T10:00:00Z'), 'f')).toBe(true);
    expect(eventMatcher({ text: 'curl' })(at('2026-01-01T10:00:00Z'), 'f')).toBe(false);
    expect(eventMatcher({ facets: { file: 'file-1' } })(at(null), 'file-1')).toBe(true);
  });

  it('calls a filter of blanks empty', () => {
    expect(isEmptyEventFilter({ text: '  ', facets: { subject: '' } })).toBe(true);
    expect(isEmptyEventFilter({ from: 0 })).toBe(false);
  });
});
