import { describe, expect, it } from 'vitest';
import { describeStorageError, isQuotaError } from '../../../../renderer/db/storage-errors';

describe('storage errors', () => {
  it('recognises a quota error directly and wrapped the way Dexie wraps it', () => {
    const quota = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    expect(isQuotaError(quota)).toBe(true);
    expect(isQuotaError({ name: 'AbortError', message: 'aborted', inner: quota })).toBe(true);
    expect(isQuotaError(new Error('other'))).toBe(false);
  });

  it('tells the investigator that nothing was stored and what to do', () => {
    const quota = new DOMException('full', 'QuotaExceededError');
    const message = describeStorageError(quota, 'Importing sample-case.zip');
    expect(message).toContain('Importing sample-case.zip failed');
    expect(message).toContain('Nothing was stored');
    expect(message).toContain('delete cases');
    expect(describeStorageError(new Error('disk I/O'), 'Saving')).toContain('disk I/O');
  });
});
