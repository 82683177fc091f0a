import { describe, expect, it } from 'vitest';
import type { KeyHistoryEntry } from '../../../../core/timeline/types';
import type { Finding } from '../../../../core/token/findings';
import {
  findingKeyRecord,
  keyHistoryFor,
  keyLifeText,
  windowBadgeTitle,
} from '../../../../renderer/tokens/key-history';

const RETIRED: KeyHistoryEntry = {
  kid: 'nw-2026-05',
  created: Date.parse('2026-05-01T00:00:00Z'),
  activated: Date.parse('2026-05-02T00:00:00Z'),
  retired: Date.parse('2026-11-02T00:00:00Z'),
  compromised: false,
  source: { file: 'keys/key-rotation.json', sha256: 'ab', line: 6 },
};
const BY_THUMBPRINT: KeyHistoryEntry = {
  kid: 'other',
  thumbprint: 'T1',
  revoked: Date.parse('2026-12-01T00:00:00Z'),
  compromised: true,
};

describe('key history in the Tokens view', () => {
  it('finds a key by kid, else by thumbprint', () => {
    expect(keyHistoryFor({ kid: 'nw-2026-05', thumbprint: 'X' }, [BY_THUMBPRINT, RETIRED])).toBe(RETIRED);
    expect(keyHistoryFor({ thumbprint: 'T1' }, [RETIRED, BY_THUMBPRINT])).toBe(BY_THUMBPRINT);
    expect(keyHistoryFor({ kid: 'nope', thumbprint: 'nope' }, [RETIRED])).toBeUndefined();
  });

  it('says when a retired key was retired and where that is recorded', () => {
    expect(windowBadgeTitle('retired', RETIRED, 'UTC')).toMatch(
      /^retired 2026-11-02 00:00:00 UTC(\+00:00)?, keys\/key-rotation\.json:6$/,
    );
    expect(windowBadgeTitle('not-yet-active', RETIRED, 'UTC')).toMatch(/^activated 2026-05-02 /);
    expect(windowBadgeTitle('revoked', BY_THUMBPRINT, 'UTC')).toMatch(/^revoked 2026-12-01 00:00:00 UTC/);
    expect(windowBadgeTitle('certificate-expired', RETIRED, 'UTC')).toBeUndefined();
    expect(windowBadgeTitle('retired', undefined, 'UTC')).toBeUndefined();
  });

  it('lists the recorded life', () => {
    expect(keyLifeText(RETIRED, 'UTC')).toMatch(
      /^created 2026-05-01 .* · activated 2026-05-02 .* · retired 2026-11-02 /,
    );
    expect(keyLifeText(BY_THUMBPRINT, 'UTC')).toMatch(/^revoked 2026-12-01 .* · compromised$/);
  });

  it('gives a key-outside-validity finding the record it rests on, and no other finding', () => {
    const outside: Finding = {
      id: 'key-outside-validity',
      severity: 'high',
      message: 'Key "nw-2026-05" was already retired…',
      evidence: {
        part: 'signature',
        key: { kid: 'nw-2026-05', thumbprint: 'J0', source: 'keys/jwks.json (jwks)' },
        detail: { at: 'iat', status: 'retired', compromised: false },
      },
    };
    expect(findingKeyRecord(outside, RETIRED, 'UTC')).toMatch(
      /^retired 2026-11-02 00:00:00 UTC.*, keys\/key-rotation\.json:6$/,
    );
    expect(findingKeyRecord({ ...outside, id: 'unknown-kid' }, RETIRED, 'UTC')).toBeUndefined();
    expect(
      findingKeyRecord(
        { ...outside, evidence: { ...outside.evidence, key: { kid: 'other-key', thumbprint: 'Z' } } },
        RETIRED,
        'UTC',
      ),
    ).toBeUndefined();
    expect(
      findingKeyRecord(
        { ...outside, evidence: { key: { kid: 'nw-2026-05', thumbprint: 'J0' }, detail: { compromised: true } } },
        RETIRED,
        'UTC',
      ),
    ).toMatch(/^created .* · retired .*, keys\/key-rotation\.json:6$/);
  });
});
