import { describe, expect, it } from 'vitest';
import { apiProfileOf } from '../../../../renderer/findings/finding-links';

describe('the API profile a finding opens', () => {
  it('is the api key of a bad-token-accepted finding, and nothing for other findings', () => {
    expect(apiProfileOf({ id: 'bad-token-accepted', detail: { api: 'api:Orders API' } })).toBe('api:Orders API');
    expect(apiProfileOf({ id: 'audience-misuse', detail: { api: 'orders' } })).toBeUndefined();
    expect(apiProfileOf({ id: 'bad-token-accepted', detail: { api: '' } })).toBeUndefined();
    expect(apiProfileOf({ id: 'bad-token-accepted', detail: { api: 3 } })).toBeUndefined();
  });
});
