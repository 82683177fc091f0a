import { describe, expect, it } from 'vitest';
import type { IngestRecord } from '../../../../renderer/db/event-records';
import { describeIngest } from '../../../../renderer/ingest/ingest-status';

const ingest = (fields: Partial<IngestRecord>): IngestRecord => ({
  id: 'i',
  caseId: 'c',
  fileId: 'f',
  importId: 'm',
  path: 'keycloak.log',
  sha256: '0'.repeat(64),
  size: 2048,
  options: {},
  status: 'complete',
  queuedAt: 0,
  bytesRead: 2048,
  events: 42,
  problems: 0,
  problemCounts: {},
  format: 'keycloak',
  ...fields,
});

describe('describeIngest', () => {
  it("says what the format reported about the file, such as Keycloak's skipped server lines", () => {
    expect(describeIngest(ingest({ facts: { skipped: '9 Keycloak server log line(s) that are not events' } }))).toBe(
      '42 events from 2.0 KiB. Skipped: 9 Keycloak server log line(s) that are not events.',
    );
  });

  it('says nothing more when the format reported nothing', () => {
    expect(describeIngest(ingest({}))).toBe('42 events from 2.0 KiB.');
  });
});
