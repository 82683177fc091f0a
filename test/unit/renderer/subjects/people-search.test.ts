import { describe, expect, it } from 'vitest';
import type { IdentityDirectory } from '../../../../core/timeline';
import { matchesPeopleSearch, peopleIds } from '../../../../renderer/subjects/people-search';

const directory: IdentityDirectory = {
  subjects: [
    {
      subject: 'u-2',
      names: [
        {
          kind: 'email',
          value: 'alma@example.com',
          source: 'log',
          verified: true,
          count: 3,
          first: { ts: 1, source: { file: 'okta.json', sha256: 'a'.repeat(64), line: 2 } },
          lastTs: 5,
        },
      ],
    },
  ],
  conflicts: [],
};

describe('the People list', () => {
  it('lists named subjects and the subjects the events carry without a name, each once, in id order', () => {
    expect(peopleIds(directory, ['admin', 'u-2', 'bob'])).toEqual(['admin', 'bob', 'u-2']);
    expect(peopleIds(directory, [])).toEqual(['u-2']);
  });

  it('finds a subject by any of its names or by its id', () => {
    expect(matchesPeopleSearch(directory, 'u-2', 'ALMA@')).toBe(true);
    expect(matchesPeopleSearch(directory, 'admin', 'adm')).toBe(true);
    expect(matchesPeopleSearch(directory, 'admin', 'alma')).toBe(false);
  });
});
