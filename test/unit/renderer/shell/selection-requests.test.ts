import { describe, expect, it } from 'vitest';
import { SelectionRequests } from '../../../../renderer/shell/selection-requests';

describe('SelectionRequests', () => {
  it('acts on the row asked for until the list shows the answer', () => {
    const requests = new SelectionRequests();
    expect(requests.effective('a')).toBe('a');
    requests.request('b', 'a');
    expect(requests.effective('a')).toBe('b'); // the route has not answered yet
    expect(requests.effective('b')).toBe('b'); // it has
    expect(requests.effective('a')).toBe('a'); // and a later move back (history) is the shown one's again
  });

  it('gives way to a selection made elsewhere while a request is pending', () => {
    const requests = new SelectionRequests();
    requests.request('b', 'a');
    expect(requests.effective('c')).toBe('c');
    expect(requests.effective('a')).toBe('a');
  });

  it('keeps the newest of several requests made before any answer', () => {
    const requests = new SelectionRequests();
    requests.request('b', 'a');
    requests.request('c', 'a');
    expect(requests.effective('a')).toBe('c');
    expect(requests.effective(undefined)).toBeUndefined();
  });

  it('a request for the shown row leaves nothing pending', () => {
    const requests = new SelectionRequests();
    requests.request('a', 'a');
    expect(requests.effective('a')).toBe('a');
    requests.request('b', undefined);
    expect(requests.effective(undefined)).toBe('b');
  });
});
