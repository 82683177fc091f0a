import { describe, expect, it } from 'vitest';
import { resolveSubject, type IdentityDirectory, type NameSighting } from '../../../../core/timeline';

function name(kind: NameSighting['kind'], value: string, verified = true): NameSighting {
  return {
    kind,
    value,
    source: verified ? 'log' : 'token-claim',
    verified,
    count: 1,
    first: { ts: 0, source: { file: 'idp.log', sha256: 'a'.repeat(64), line: 1 } },
    lastTs: 0,
  };
}

const directory: IdentityDirectory = {
  subjects: [
    { subject: 'f3b1-alma', names: [name('username', 'alma'), name('email', 'alma@example.com')] },
    { subject: 'aa00-forged', names: [name('email', 'Alma@example.com', false)] },
    { subject: 'c9d2-bo', names: [name('displayName', 'Bo Ek')] },
  ],
  conflicts: [],
};

describe('resolveSubject', () => {
  it('keeps a known subject id as it is', () => {
    expect(resolveSubject(directory, ' c9d2-bo ')).toEqual({ subjects: ['c9d2-bo'], viaClaims: false });
  });

  it('maps a name, whatever its case, to every subject carrying it and says when a claim is among them', () => {
    expect(resolveSubject(directory, 'bo ek')).toEqual({ subjects: ['c9d2-bo'], viaClaims: false });
    expect(resolveSubject(directory, 'ALMA@example.com')).toEqual({
      subjects: ['aa00-forged', 'f3b1-alma'],
      viaClaims: true,
    });
  });

  it('keeps an unknown value as an exact id, and an empty one as no filter', () => {
    expect(resolveSubject(directory, 'svc-batch')).toEqual({ subjects: ['svc-batch'], viaClaims: false });
    expect(resolveSubject(directory, '  ')).toEqual({ subjects: [], viaClaims: false });
    expect(resolveSubject(undefined, 'alma')).toEqual({ subjects: ['alma'], viaClaims: false });
  });
});
