import { describe, expect, it } from 'vitest';
import { describeShortage, spaceShortage, STORED_BYTES_PER_LOG_BYTE } from '../../../../renderer/ingest/space-estimate';

const MiB = 1024 * 1024;

describe('spaceShortage', () => {
  it('refuses logs whose parsed size exceeds what the quota leaves, naming both figures', () => {
    const shortage = spaceShortage(100 * MiB, { quota: 1000 * MiB, usage: 600 * MiB });
    expect(shortage).toEqual({ needed: 100 * MiB * STORED_BYTES_PER_LOG_BYTE, available: 400 * MiB });
  });

  it('lets through logs that fit, up to exactly the space left', () => {
    const logBytes = 10 * MiB;
    const needed = logBytes * STORED_BYTES_PER_LOG_BYTE;
    expect(spaceShortage(logBytes, { quota: 5000 * MiB, usage: 5000 * MiB - needed })).toBeUndefined();
    expect(spaceShortage(logBytes, { quota: 5000 * MiB, usage: 5000 * MiB - needed + 1 })).toBeDefined();
  });

  it('never blocks when the browser gives no estimate, and counts an over-full store as nothing available', () => {
    expect(spaceShortage(10 ** 12, {})).toBeUndefined();
    expect(spaceShortage(10 ** 12, { quota: 100 })).toBeUndefined();
    expect(spaceShortage(1, { quota: 100, usage: 200 })).toEqual({ needed: STORED_BYTES_PER_LOG_BYTE, available: 0 });
  });
});

describe('describeShortage', () => {
  it('says what was refused, the space needed and available, that nothing changed, and what to do', () => {
    const text = describeShortage(2, 300 * MiB, { needed: 2100 * MiB, available: 512 * MiB });
    expect(text).toBe(
      'Not enough storage space: parsing 2 log files (300 MiB) needs about 2.1 GiB and 512 MiB is available. ' +
        'Nothing was parsed and nothing was removed; free disk space or delete cases you no longer need, then Parse again',
    );
  });
});
